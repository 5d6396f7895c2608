// Setting a `double precision` column to a string.
use strata::Executor;
use strata_tests::runtime_models::Job;

async fn progress(db: &impl Executor) -> strata::Result<u64> {
    db.update_columns::<Job>()
        .set(|c| c.progress, "half")
        .filter(|c| c.job_id.eq("j-1"))
        .await
}

fn main() {}
