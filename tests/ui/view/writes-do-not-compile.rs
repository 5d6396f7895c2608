use strata::{Executor, View};

#[derive(View, Debug)]
#[view(name = "active_jobs", sql = "SELECT job_id, status FROM jobs WHERE status <> 'done'")]
pub struct ActiveJob {
    pub job_id: String,
    pub status: String,
}

async fn reads_and_writes(db: &impl Executor, job: ActiveJob) -> strata::Result<()> {
    // Reads compile.
    let _active: Vec<ActiveJob> = db
        .select::<ActiveJob>()
        .filter(|c| c.status.eq("running"))
        .order_by(|c| c.job_id.asc())
        .all()
        .await?;
    // Writes do not: a view has no `Table` impl.
    db.insert(&job).await?;
    db.update(&job).await?;
    db.delete::<ActiveJob>(job.job_id.clone()).await?;
    db.delete_where::<ActiveJob>().all_rows().await?;
    Ok(())
}

fn main() {
    let _ = reads_and_writes;
}
