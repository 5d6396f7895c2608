use strata::Table;

#[derive(Table)]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    #[column(references = "dgs_jobs(job_id)", on_delete = "set null")]
    pub job_id: String,
}

fn main() {}
