use strata::Table;

#[derive(Table)]
#[table(name = "lesson_generation_jobs_with_a_name_that_goes_on_and_on_and_on_forever")]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
