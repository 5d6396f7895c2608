use strata::Table;

pub struct Money {
    pub cents: i64,
}

#[derive(Table)]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
    pub total: Money,
}

fn main() {}
