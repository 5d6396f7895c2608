use strata::Table;

#[derive(Table)]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    #[column(sequence(start = 100))]
    pub number: i64,
}

fn main() {}
