use strata::FromRow;

#[derive(FromRow)]
pub struct Totals<T> {
    pub value: T,
}

fn main() {}
