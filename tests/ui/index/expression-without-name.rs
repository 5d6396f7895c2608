use strata::Table;

#[derive(Table)]
#[table(index(columns("lower(title)")))]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    pub title: String,
}

fn main() {}
