use strata::Table;

// Every mistake is reported in one compile, each at its own token.
#[derive(Table)]
#[table(nmae = "jobs", index(columns(staus)))]
pub struct Job {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    #[column(sql_type = "varchar(0)")]
    pub status: String,
    #[column(default = "now(", not_null)]
    pub created_at: Option<String>,
}

fn main() {}
