use strata::Table;

// A generated column computes its value: no sequence, no default.
#[derive(Table)]
pub struct Account {
    #[column(primary_key, identity = "always", generated = "1")]
    pub id: i64,
    #[column(generated = "id * 2", default = "0")]
    pub twice: i64,
}

fn main() {}
