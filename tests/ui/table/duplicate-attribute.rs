use strata::Table;

#[derive(Table)]
#[table(name = "jobs")]
#[table(schema = "app", name = "tasks")]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
