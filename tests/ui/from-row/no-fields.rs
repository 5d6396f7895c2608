use strata::FromRow;

#[derive(FromRow)]
pub struct Nothing {}

#[derive(FromRow)]
pub struct Unit;

fn main() {}
