// Ordering a query on `Job` by a column of `Lesson`.
use strata::{Executor, Table};
use strata_tests::runtime_models::{Job, Lesson};

async fn jobs(db: &impl Executor) -> strata::Result<Vec<Job>> {
    db.select::<Job>()
        .order_by(|_| Lesson::columns().created_at.desc())
        .all()
        .await
}

fn main() {}
