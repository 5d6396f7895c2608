use strata::Table;

// A float, a parameter without a value, one given twice, an empty list.
#[derive(Table)]
#[table(index(columns(email), with(fillfactor = 7.5)))]
#[table(index(columns(id), with(deduplicate_items), name = "account_id_idx"))]
#[table(index(columns(email, id), with(fillfactor = 70, fillfactor = 80)))]
#[table(index(columns(id, email), with()))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
}

fn main() {}
