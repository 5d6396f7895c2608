use strata::Table;

#[derive(Table)]
#[table(index(columns(topic)))]
pub struct Lesson {
    #[column(primary_key)]
    pub id: String,
    #[column(index)]
    pub topic: String,
}

fn main() {}
