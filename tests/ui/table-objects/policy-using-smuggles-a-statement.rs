use strata::Table;

// The condition is written into `CREATE POLICY ... USING (...)`: a `)`
// that closes it early, or a `;`, would make the rest a statement of its own.
#[derive(Table)]
#[table(name = "events")]
#[table(row_level_security, policy(name = "p", using = "true); DROP TABLE events; --"))]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    pub day: i32,
}

#[derive(Table)]
#[table(name = "notes")]
#[table(row_level_security, policy(name = "p", with_check = "true) WITH CHECK (true"))]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
