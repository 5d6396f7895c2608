use strata::Table;

#[derive(Table)]
#[table(primary_key(course_id, studnet_id))]
pub struct Enrollment {
    pub course_id: i64,
    pub student_id: i64,
}

fn main() {}
