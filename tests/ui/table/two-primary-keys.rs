use strata::Table;

#[derive(Table)]
#[table(primary_key(course_id, student_id))]
pub struct Enrollment {
    #[column(primary_key)]
    pub course_id: i64,
    pub student_id: i64,
}

fn main() {}
