//! Projections and aggregates (issue 13): chosen columns into tuples,
//! `count`, `count(DISTINCT)`, `sum`, `avg`, `min`, `max`, `GROUP BY`,
//! `HAVING`, ordering by an aggregate, `DISTINCT`.

use strata::aggregate::count;
use strata::{ErrorKind, Executor};
use strata_testing::run;
use strata_tests::runtime_models::*;

/// status, count, sum of attempts, average progress, most attempts.
type StatusRow = (String, i64, Option<i64>, Option<f64>, Option<i32>);

async fn seed(s: &strata::Session) {
    for (i, (status, attempts, progress)) in [
        ("queued", 0, Some(0.0)),
        ("queued", 1, None),
        ("running", 2, Some(0.5)),
        ("running", 4, Some(0.25)),
        ("running", 6, Some(1.0)),
        ("done", 1, Some(1.0)),
    ]
    .into_iter()
    .enumerate()
    {
        let mut job = Job::queued(&format!("j-{i}"), &format!("2024-0{}", i + 1));
        job.status = status.into();
        job.attempts = attempts;
        job.progress = progress;
        s.insert(&job).await.unwrap();
    }
}

#[test]
fn group_by_having_and_aggregates_read_into_typed_tuples() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        seed(&s).await;

        let per_status: Vec<StatusRow> = s
            .select::<Job>()
            .group_by(|c| c.status)
            .order_by(|_| count().desc())
            .order_by(|c| c.status.asc())
            .project(|c| {
                (
                    c.status,
                    count(),
                    c.attempts.sum(),
                    c.progress.avg(),
                    c.attempts.max(),
                )
            })
            .all()
            .await
            .unwrap();
        assert_eq!(
            per_status,
            [
                (
                    "running".to_string(),
                    3,
                    Some(12),
                    Some(0.5833333333333334),
                    Some(6)
                ),
                ("queued".to_string(), 2, Some(1), Some(0.0), Some(1)),
                ("done".to_string(), 1, Some(1), Some(1.0), Some(1)),
            ]
        );

        // HAVING on an aggregate; a filter before grouping.
        let busy: Vec<String> = s
            .select::<Job>()
            .filter(|c| c.attempts.gt(0))
            .group_by(|c| c.status)
            .having(|_| count().ge(2_i64))
            .project(|c| c.status)
            .all()
            .await
            .unwrap();
        assert_eq!(busy, ["running"]);

        // Without GROUP BY: one row; over no rows sum/min are None.
        let (n, distinct, first, last) = s
            .select::<Job>()
            .project(|c| {
                (
                    count(),
                    c.status.count_distinct(),
                    c.created_at.min(),
                    c.created_at.max(),
                )
            })
            .one()
            .await
            .unwrap();
        assert_eq!((n, distinct), (6, 3));
        assert_eq!(first.as_deref(), Some("2024-01"));
        assert_eq!(last.as_deref(), Some("2024-06"));
        let (none_sum, none_min) = s
            .select::<Job>()
            .filter(|c| c.status.eq("nothing"))
            .project(|c| (c.attempts.sum(), c.progress.min()))
            .one()
            .await
            .unwrap();
        assert_eq!((none_sum, none_min), (None, None));
        // count(col) skips NULLs.
        let with_progress = s
            .select::<Job>()
            .project(|c| c.progress.count())
            .one()
            .await
            .unwrap();
        assert_eq!(with_progress, 5);

        // DISTINCT, ordered, limited.
        let statuses: Vec<String> = s
            .select::<Job>()
            .distinct()
            .order_by(|c| c.status.asc())
            .limit(2)
            .project(|c| c.status)
            .all()
            .await
            .unwrap();
        assert_eq!(statuses, ["done", "queued"]);

        // Columns of whole rows, as a tuple.
        let first: Option<(String, i32)> = s
            .select::<Job>()
            .order_by(|c| c.attempts.desc())
            .project(|c| (c.job_id, c.attempts))
            .first()
            .await
            .unwrap();
        assert_eq!(first, Some(("j-4".to_string(), 6)));
    });
}

#[test]
fn a_projection_the_server_refuses_says_why() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        seed(&s).await;
        // A column neither grouped nor aggregated.
        let err = s
            .select::<Job>()
            .group_by(|c| c.status)
            .project(|c| (c.status, c.job_id))
            .all()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Database, "{err}");
        assert!(err.to_string().contains("GROUP BY"), "{err}");
    });
}
