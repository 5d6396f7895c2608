use strata::Table;

#[derive(Table)]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    pub title: String,
    #[column(name = "title")]
    pub headline: String,
}

fn main() {}
