use strata::Table;

#[derive(Table)]
#[table(check(name = "account_balance_check", expr = "balance >= 0", coment = "no overdraft"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub balance: i64,
}

fn main() {}
