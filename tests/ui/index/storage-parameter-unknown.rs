use strata::Table;

// A misspelt parameter, and one the index's method does not take.
#[derive(Table)]
#[table(index(columns(email), with(filfactor = 70)))]
#[table(index(columns(tags), method = "gin", with(fillfactor = 70)))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
    pub tags: Vec<String>,
}

fn main() {}
