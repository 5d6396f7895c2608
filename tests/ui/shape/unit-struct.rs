use strata::Table;

#[derive(Table)]
pub struct Nothing;

fn main() {}
