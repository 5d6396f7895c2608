use strata::PgEnum;

#[derive(PgEnum)]
#[pg_enum(rename_all = "camelCase")]
pub enum Status {
    Open,
    Closed,
}

fn main() {}
