// A projection read into a struct whose field has another type than the
// projection's item: `count()` is an `i64`, the field a `String`.
use strata::aggregate::count;
use strata::{Executor, FromRow};
use strata_tests::runtime_models::Job;

#[derive(FromRow)]
pub struct PerStatus {
    pub status: String,
    pub jobs: String,
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
