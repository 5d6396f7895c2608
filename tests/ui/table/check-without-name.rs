use strata::Table;

#[derive(Table)]
#[table(check(expr = "price > 0"))]
pub struct Product {
    #[column(primary_key)]
    pub id: i64,
    pub price: i64,
}

fn main() {}
