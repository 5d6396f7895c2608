use strata::Table;

#[derive(Table)]
#[table(index(columns(created_at decs)))]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
    pub created_at: String,
}

fn main() {}
