use strata::Table;

#[derive(Table)]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    #[column(on_delete = "cascade")]
    pub job_id: Option<String>,
}

fn main() {}
