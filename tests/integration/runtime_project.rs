//! Projections and aggregates (issue 13): chosen columns into tuples,
//! `count`, `count(DISTINCT)`, `sum`, `avg`, `min`, `max`, `GROUP BY`,
//! `HAVING`, ordering by an aggregate, `DISTINCT`; rows read into
//! `#[derive(FromRow)]` structs, from projections and from raw SQL.

use strata::aggregate::count;
use strata::{ErrorKind, Executor, FromRow};
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

/// One row per status: a `#[derive(FromRow)]` struct instead of a tuple.
#[derive(FromRow, Debug, PartialEq)]
struct PerStatus {
    status: String,
    jobs: i64,
    attempts: Option<i64>,
    progress: Option<f64>,
}

#[test]
fn aggregate_rows_read_into_a_struct() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        seed(&s).await;
        let rows: Vec<PerStatus> = s
            .select::<Job>()
            .group_by(|c| c.status)
            .order_by(|c| c.status.asc())
            .project(|c| (c.status, count(), c.attempts.sum(), c.progress.avg()))
            .into_struct::<PerStatus>()
            .all()
            .await
            .unwrap();
        assert_eq!(
            rows,
            [
                PerStatus {
                    status: "done".into(),
                    jobs: 1,
                    attempts: Some(1),
                    progress: Some(1.0)
                },
                PerStatus {
                    status: "queued".into(),
                    jobs: 2,
                    attempts: Some(1),
                    progress: Some(0.0)
                },
                PerStatus {
                    status: "running".into(),
                    jobs: 3,
                    attempts: Some(12),
                    progress: Some(0.5833333333333334)
                },
            ]
        );

        // NULL into an Option field: sums and averages over no rows, and a
        // group whose values are all NULL.
        let none = s
            .select::<Job>()
            .filter(|c| c.status.eq("nothing"))
            .project(|c| (c.status.max(), count(), c.attempts.sum(), c.progress.avg()))
            .into_struct::<Nothing>()
            .one()
            .await
            .unwrap();
        assert_eq!(
            none,
            Nothing {
                status: None,
                jobs: 0,
                attempts: None,
                progress: None
            }
        );
        s.update_columns::<Job>()
            .set(|c| c.progress, None::<f64>)
            .filter(|c| c.status.eq("done"))
            .await
            .unwrap();
        let done = s
            .select::<Job>()
            .filter(|c| c.status.eq("done"))
            .group_by(|c| c.status)
            .project(|c| (c.status, count(), c.attempts.sum(), c.progress.avg()))
            .into_struct::<PerStatus>()
            .first()
            .await
            .unwrap();
        assert_eq!(
            done,
            Some(PerStatus {
                status: "done".into(),
                jobs: 1,
                attempts: Some(1),
                progress: None
            })
        );
        // One field: a 1-tuple.
        let total = s
            .select::<Job>()
            .project(|_| (count(),))
            .into_struct::<Total>()
            .one()
            .await
            .unwrap();
        assert_eq!(total, Total { total: 6 });
    });
}

#[derive(FromRow, Debug, PartialEq)]
struct Nothing {
    status: Option<String>,
    jobs: i64,
    attempts: Option<i64>,
    progress: Option<f64>,
}

#[derive(FromRow, Debug, PartialEq)]
struct Total {
    total: i64,
}

/// Raw SQL, by column name: a renamed field, extra columns ignored, the
/// columns in another order than the fields.
#[derive(FromRow, Debug, PartialEq)]
struct StatusCount {
    r#status: String,
    #[row(rename = "count")]
    jobs: i64,
    last: Option<String>,
}

#[test]
fn raw_sql_reads_into_a_struct_by_column_name() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        seed(&s).await;
        let rows: Vec<StatusCount> = s
            .query_into::<StatusCount>(
                "SELECT max(created_at) AS last, 42 AS extra, count(*), status \
                 FROM dgs_jobs WHERE attempts >= $1 GROUP BY status ORDER BY status",
                &[&1_i32],
            )
            .await
            .unwrap();
        assert_eq!(
            rows,
            [
                StatusCount {
                    status: "done".into(),
                    jobs: 1,
                    last: Some("2024-06".into())
                },
                StatusCount {
                    status: "queued".into(),
                    jobs: 1,
                    last: Some("2024-02".into())
                },
                StatusCount {
                    status: "running".into(),
                    jobs: 3,
                    last: Some("2024-05".into())
                },
            ]
        );
        // NULL into an Option field.
        let rows: Vec<StatusCount> = s
            .query_into(
                "SELECT 'x' AS status, 0::bigint AS count, NULL::text AS last",
                &[],
            )
            .await
            .unwrap();
        assert_eq!(rows[0].last, None);
        // FromRow::from_row on a tokio_postgres row.
        let raw = s
            .query("SELECT 'y' AS status, 7::bigint AS count, 'z' AS last", &[])
            .await
            .unwrap();
        assert_eq!(
            StatusCount::from_row(&raw[0]).unwrap(),
            StatusCount {
                status: "y".into(),
                jobs: 7,
                last: Some("z".into())
            }
        );
    });
}

#[test]
fn a_field_of_the_wrong_type_is_a_decode_error_naming_it() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        seed(&s).await;
        // `count` is an int, the field an i64.
        let err = s
            .query_into::<StatusCount>("SELECT 'x' AS status, 1 AS count, NULL AS last", &[])
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("field `jobs` of StatusCount")
                && msg.contains("column count")
                && msg.contains("i64")
                && msg.contains("int4"),
            "{msg}"
        );
        // NULL into a field that is not an Option.
        let err = s
            .query_into::<StatusCount>(
                "SELECT NULL::text AS status, 1::bigint AS count, NULL AS last",
                &[],
            )
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        assert!(err.to_string().contains("field `status`"), "{err}");
        // A missing column names the field and lists what the row has.
        let err = s
            .query_into::<StatusCount>("SELECT 'x' AS status, 1::bigint AS n", &[])
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("\"count\" (field `jobs`)") && msg.contains("status, n"),
            "{msg}"
        );
        // A projection's types are checked at compile time
        // (`tests/ui/query/into-struct-wrong-*.rs`); a column whose type
        // changed behind the model's back is still a named decode error.
        s.batch_execute("ALTER TABLE dgs_jobs ALTER COLUMN status TYPE integer USING 1")
            .await
            .unwrap();
        let err = s
            .select::<Job>()
            .group_by(|c| c.status)
            .project(|c| (c.status, count(), c.attempts.sum(), c.progress.avg()))
            .into_struct::<PerStatus>()
            .all()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        assert!(
            err.to_string().contains("field `status` of PerStatus"),
            "{err}"
        );
        // The session is usable afterwards.
        assert_eq!(s.select::<Job>().count().await.unwrap(), 6);
    });
}
