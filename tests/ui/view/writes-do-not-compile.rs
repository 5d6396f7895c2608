use strata::{Executor, View};

#[derive(View, Debug)]
#[view(name = "active_jobs", sql = "SELECT job_id, status FROM jobs WHERE status <> 'done'")]
pub struct ActiveJob {
    pub job_id: String,
    pub status: String,
}

// Reads compile.
pub async fn reads(db: &impl Executor) -> strata::Result<Vec<ActiveJob>> {
    db.select::<ActiveJob>()
        .filter(|c| c.status.eq("running"))
        .order_by(|c| c.job_id.asc())
        .all()
        .await
}

// Writes do not: a view has no `Table` impl.
pub fn writes(db: &impl Executor, job: &ActiveJob) {
    let _ = db.insert(job);
    let _ = db.delete_where::<ActiveJob>();
}

fn main() {}
