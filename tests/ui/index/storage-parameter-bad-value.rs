use strata::Table;

// Out of PostgreSQL's range, not a boolean, not a word the option takes.
#[derive(Table)]
#[table(index(columns(email), with(fillfactor = 5, deduplicate_items = "maybe")))]
#[table(index(columns(point), method = "gist", with(buffering = "sometimes")))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
    #[column(sql_type = "point")]
    pub point: Option<String>,
}

fn main() {}
