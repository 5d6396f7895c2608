use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(row_level_security)]
#[table(policy(name = "p", using = "true"))]
#[table(policy(name = "p", using = "false"))]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
