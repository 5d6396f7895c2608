use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
    #[column(not_null)]
    pub note: Option<String>,
}

fn main() {}
