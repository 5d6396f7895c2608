// Getting a row whose primary key is text with an integer.
use strata::Executor;
use strata_tests::runtime_models::Job;

async fn job(db: &impl Executor) -> strata::Result<Job> {
    db.get::<Job>(42).await
}

fn main() {}
