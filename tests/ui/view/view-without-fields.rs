use strata::View;

#[derive(View)]
#[view(sql = "SELECT 1 AS id")]
pub struct ActiveJob {}

fn main() {}
