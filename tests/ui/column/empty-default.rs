use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "")]
    pub status: String,
}

fn main() {}
