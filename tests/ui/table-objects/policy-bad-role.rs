use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(row_level_security, policy(name = "p", to = "reader,,writer", using = "true"))]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
