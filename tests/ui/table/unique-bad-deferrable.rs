use strata::Table;

#[derive(Table)]
#[table(unique(email, deferrable = "later"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

fn main() {}
