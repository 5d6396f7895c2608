use strata::Table;

#[derive(Table)]
pub union Bits {
    int: i64,
    float: f64,
}

fn main() {}
