use strata::FromRow;

#[derive(FromRow)]
pub struct Totals {
    #[row(rename = "")]
    pub a: i64,
    #[row(rename = 5)]
    pub b: i64,
    #[row(rename)]
    pub c: i64,
    #[row(rename = "d", rename = "e")]
    pub d: i64,
}

fn main() {}
