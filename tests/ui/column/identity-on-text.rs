use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key, identity = "always")]
    pub id: String,
}

fn main() {}
