use strata::View;

#[derive(View)]
#[view(sql = "SELECT 1 AS id", rename = "x")]
pub struct ActiveJob {
    pub id: i64,
}

fn main() {}
