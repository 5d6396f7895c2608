use strata::Table;

// MATCH PARTIAL is not implemented by PostgreSQL; `ful` is no match type.
#[derive(Table)]
#[table(foreign_key(columns(team_id), references = "teams(id)", match = "partial"))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub team_id: Option<i64>,
}

#[derive(Table)]
#[table(foreign_key(columns(team_id), references = "teams(id)", match = "ful"))]
pub struct Member {
    #[column(primary_key)]
    pub id: i64,
    pub team_id: Option<i64>,
}

fn main() {}
