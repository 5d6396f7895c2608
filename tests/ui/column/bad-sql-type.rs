use strata::Table;

#[derive(Table)]
pub struct Product {
    #[column(primary_key)]
    pub id: i64,
    #[column(sql_type = "numeric(3,5)")]
    pub price: rust_decimal::Decimal,
}

fn main() {}
