use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(partition_by = "list (day)", primary_key(id, day))]
#[table(partition(name = "events_1", values = "IN (1)"))]
#[table(partition(name = "events_1", values = "IN (2)"))]
pub struct Event {
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
