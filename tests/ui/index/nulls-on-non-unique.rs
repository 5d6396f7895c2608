use strata::Table;

// NULLS NOT DISTINCT only means something for a unique index.
#[derive(Table)]
#[table(index(columns(email), nulls = "not_distinct"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
}

fn main() {}
