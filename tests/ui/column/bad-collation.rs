use strata::Table;

// Not a collatable type (inferred, then given); a quoted name without its
// schema; an unquoted schema in upper case; an empty name.
#[derive(Table)]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    #[column(collation = "C")]
    pub balance: Option<i64>,
    #[column(sql_type = "jsonb", collation = "C")]
    pub doc: String,
    #[column(collation = "\"german\"")]
    pub a: String,
    #[column(collation = "App.\"german\"")]
    pub b: String,
    #[column(collation = "")]
    pub c: String,
}

fn main() {}
