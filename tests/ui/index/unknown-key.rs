use strata::Table;

#[derive(Table)]
#[table(index(columns(email), coment = "lookups"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
}

fn main() {}
