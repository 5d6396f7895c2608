use strata::View;

#[derive(View)]
#[view(sql = "SELECT 1 AS id")]
pub struct ActiveJob {
    pub id: i64,
    #[view(rename = "id")]
    pub other: i64,
}

fn main() {}
