use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key = true)]
    pub id: i64,
}

fn main() {}
