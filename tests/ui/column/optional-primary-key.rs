use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key)]
    pub id: Option<i64>,
}

fn main() {}
