use strata::Table;

// A misspelt option, and an unknown deferrability.
#[derive(Table)]
#[table(primary_key(id, deferable = "initially_deferred"))]
pub struct Account {
    pub id: i64,
}

#[derive(Table)]
#[table(primary_key(id, deferrable = "later"))]
pub struct Team {
    pub id: i64,
}

fn main() {}
