use strata::PgEnum;

#[derive(PgEnum)]
pub enum Status {
    Open,
    #[pg_enum(rename = "open")]
    Reopened,
}

fn main() {}
