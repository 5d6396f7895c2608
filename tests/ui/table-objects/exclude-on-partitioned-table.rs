use strata::Table;

#[derive(Table)]
#[table(name = "events")]
#[table(partition_by = "list (day)", primary_key(id, day))]
#[table(exclude(name = "no_overlap", elements = "kind WITH ="))]
pub struct Event {
    pub id: i64,
    pub day: i32,
    pub kind: String,
}

fn main() {}
