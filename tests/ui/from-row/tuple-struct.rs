use strata::FromRow;

#[derive(FromRow)]
pub struct Totals(i32, i64);

fn main() {}
