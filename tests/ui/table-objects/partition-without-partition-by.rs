use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(partition(name = "events_2024", values = "FROM (1) TO (2)"))]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
