use strata::Table;

#[derive(Table)]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    #[column(references = "dgs_jobs(job_id)", on_delete = "nullify")]
    pub job_id: Option<String>,
}

fn main() {}
