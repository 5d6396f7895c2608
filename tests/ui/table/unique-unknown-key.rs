use strata::Table;

#[derive(Table)]
#[table(unique(email, where = "email IS NOT NULL"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

fn main() {}
