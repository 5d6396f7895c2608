use strata::Table;

#[derive(Table)]
#[column(name = "jobs")]
pub struct Job {
    #[column(primary_key)]
    #[table(name = "id")]
    pub id: i64,
}

fn main() {}
