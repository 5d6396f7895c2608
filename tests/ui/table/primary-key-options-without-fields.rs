use strata::Table;

// Options only, but no field declares the key.
#[derive(Table)]
#[table(primary_key(comment = "the key", deferrable = "initially_deferred"))]
pub struct Account {
    pub id: i64,
}

fn main() {}
