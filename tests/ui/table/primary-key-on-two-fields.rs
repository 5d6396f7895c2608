use strata::Table;

#[derive(Table)]
pub struct Enrollment {
    #[column(primary_key)]
    pub course_id: i64,
    #[column(primary_key)]
    pub student_id: i64,
}

fn main() {}
