use strata::FromRow;

#[derive(FromRow)]
pub struct Totals {
    pub count: i64,
    #[row(rename = "count")]
    pub n: i64,
}

fn main() {}
