use strata::View;

#[derive(View)]
#[view(sql = "DELETE FROM jobs")]
pub struct ActiveJob {
    pub id: i64,
}

fn main() {}
