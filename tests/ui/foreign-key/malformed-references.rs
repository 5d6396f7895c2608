use strata::Table;

#[derive(Table)]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    #[column(references = "dgs_jobs")]
    pub job_id: Option<String>,
}

fn main() {}
