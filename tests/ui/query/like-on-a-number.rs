// LIKE on an integer column.
use strata::Executor;
use strata_tests::runtime_models::Job;

async fn jobs(db: &impl Executor) -> strata::Result<Vec<Job>> {
    db.select::<Job>()
        .filter(|c| c.attempts.like("1%"))
        .all()
        .await
}

fn main() {}
