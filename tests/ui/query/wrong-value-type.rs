// Comparing an integer column with a string.
use strata::Executor;
use strata_tests::runtime_models::Job;

async fn queued(db: &impl Executor) -> strata::Result<Vec<Job>> {
    db.select::<Job>()
        .filter(|c| c.attempts.eq("three"))
        .all()
        .await
}

fn main() {}
