use strata::Table;

#[derive(Table)]
#[table(foreign_key(columns(course_id, student_id), references = "enrollment(course_id)"))]
pub struct Grade {
    #[column(primary_key)]
    pub id: i64,
    pub course_id: i64,
    pub student_id: i64,
}

fn main() {}
