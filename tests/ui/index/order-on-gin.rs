use strata::Table;

#[derive(Table)]
#[table(index(columns(tags desc), method = "gin"))]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    pub tags: Vec<String>,
}

fn main() {}
