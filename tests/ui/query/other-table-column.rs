// A column of `Lesson` in a query on `Job`.
use strata::{Executor, Table};
use strata_tests::runtime_models::{Job, Lesson};

async fn jobs(db: &impl Executor) -> strata::Result<Vec<Job>> {
    db.select::<Job>()
        .filter(|_| Lesson::columns().topic.eq("fractions"))
        .all()
        .await
}

fn main() {}
