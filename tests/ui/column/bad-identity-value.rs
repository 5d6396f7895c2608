use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key, identity = "sometimes")]
    pub id: i64,
}

fn main() {}
