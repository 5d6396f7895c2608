use strata::FromRow;

#[derive(FromRow)]
#[row(rename = "totals")]
pub struct Totals {
    pub count: i64,
}

fn main() {}
