use strata::Table;

#[derive(Table)]
#[table(index(columns(tags), method = "inverted"))]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    pub tags: Vec<String>,
}

fn main() {}
