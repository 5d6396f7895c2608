use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key, schema = "app")]
    pub id: i64,
}

fn main() {}
