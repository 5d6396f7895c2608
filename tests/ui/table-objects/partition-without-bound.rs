use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(partition_by = "range (day)", primary_key(id, day))]
#[table(partition(name = "events_other"))]
pub struct Event {
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
