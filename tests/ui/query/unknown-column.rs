// A column the model does not have.
use strata::Executor;
use strata_tests::runtime_models::Job;

async fn jobs(db: &impl Executor) -> strata::Result<Vec<Job>> {
    db.select::<Job>()
        .filter(|c| c.no_such_column.eq(1))
        .all()
        .await
}

fn main() {}
