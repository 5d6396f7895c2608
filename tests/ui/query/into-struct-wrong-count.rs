// A projection read into a struct with more fields than the projection has
// items.
use strata::aggregate::count;
use strata::{Executor, FromRow};
use strata_tests::runtime_models::Job;

#[derive(FromRow)]
pub struct PerStatus {
    pub status: String,
    pub jobs: i64,
    pub attempts: Option<i64>,
}

pub async fn per_status(db: &impl Executor) -> strata::Result<Vec<PerStatus>> {
    db.select::<Job>()
        .group_by(|c| c.status)
        .project(|c| (c.status, count()))
        .into_struct::<PerStatus>()
        .all()
        .await
}

fn main() {}
