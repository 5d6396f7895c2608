use strata::Table;

#[derive(Table)]
#[table(nmae = "jobs")]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
