use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(partition_by = "range (day)", primary_key(id, day))]
#[table(partition(name = "events_other", values = "FROM (1) TO (2)", default))]
pub struct Event {
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
