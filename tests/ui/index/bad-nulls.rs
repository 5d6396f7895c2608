use strata::Table;

#[derive(Table)]
#[table(index(columns(email), unique, nulls = "not distinct"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
}

fn main() {}
