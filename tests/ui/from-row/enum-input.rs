use strata::FromRow;

#[derive(FromRow)]
pub enum Totals {
    One,
    Two,
}

fn main() {}
