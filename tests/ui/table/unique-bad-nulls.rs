use strata::Table;

#[derive(Table)]
#[table(unique(email, nulls = "not-distinct"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

fn main() {}
