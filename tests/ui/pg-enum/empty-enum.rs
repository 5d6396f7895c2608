use strata::PgEnum;

#[derive(PgEnum)]
pub enum Never {}

fn main() {}
