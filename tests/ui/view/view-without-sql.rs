use strata::View;

#[derive(View)]
#[view(name = "active_jobs")]
pub struct ActiveJob {
    pub id: i64,
}

fn main() {}
