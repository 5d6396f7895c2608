use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(exclude(elements = "kind WITH ="))]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
