use strata::PgEnum;

// `ToSql` needs `Debug`, which the derive leaves to the user.
#[derive(PgEnum)]
pub enum Status {
    Open,
    Closed,
}

fn main() {}
