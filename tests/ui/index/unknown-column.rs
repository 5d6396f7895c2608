use strata::Table;

#[derive(Table)]
#[table(index(columns(status, created)))]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
    pub status: String,
    pub created_at: String,
}

fn main() {}
