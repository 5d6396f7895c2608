use strata::Table;

#[derive(Table)]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'queued")]
    pub status: String,
    #[column(default = "lower('X'")]
    pub code: String,
}

fn main() {}
