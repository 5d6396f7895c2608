use strata::FromRow;

pub struct Money(i64);

#[derive(FromRow)]
pub struct Totals {
    pub count: i64,
    pub amount: Money,
}

fn main() {}
