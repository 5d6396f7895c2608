use strata::PgEnum;

#[derive(PgEnum)]
pub struct Status {
    pub open: bool,
}

fn main() {}
