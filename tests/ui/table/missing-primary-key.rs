use strata::Table;

#[derive(Table)]
pub struct AuditEntry {
    pub at: String,
    pub message: String,
}

fn main() {}
