use strata::FromRow;

#[derive(FromRow)]
pub struct Totals {
    #[row(renam = "n")]
    pub count: i64,
    #[row(name = "id")]
    pub conversation: i32,
}

fn main() {}
