//! Typed filters, ordering, paging, count/exists, row locks, and the job
//! queue: 8 workers claiming 1,000 jobs with `FOR UPDATE SKIP LOCKED`.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use serde_json::json;
use strata::{ErrorKind, Executor, Filter, Table};
use strata_testing::run;
use strata_tests::runtime_models::*;

/// Five lessons with varied tags, ages, languages and JSON documents.
async fn seed_lessons(s: &impl Executor) {
    let rows = [
        (
            "l1",
            "fractions",
            &["math", "kids"][..],
            Some("8-10"),
            "en",
            json!({"level": "easy", "meta": {"pages": 3}}),
        ),
        (
            "l2",
            "Fractions advanced",
            &["math"][..],
            Some("11-13"),
            "en",
            json!({"level": "hard", "meta": {"pages": 9}}),
        ),
        (
            "l3",
            "volcanoes",
            &["science", "kids"][..],
            None,
            "de",
            json!({"level": "easy", "meta": {"pages": 5}}),
        ),
        (
            "l4",
            "Ünïcödé 🌋 topic",
            &[][..],
            None,
            "fr",
            json!({"level": "medium"}),
        ),
        (
            "l5",
            "poetry_100%",
            &["language"][..],
            Some("14-16"),
            "en",
            json!({"level": "hard", "list": [1, 2]}),
        ),
    ];
    for (i, (id, topic, tags, age, lang, doc)) in rows.into_iter().enumerate() {
        s.insert(&Lesson {
            lesson_id: id.into(),
            topic: topic.into(),
            title: format!("Title {id}"),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            age_range: age.map(str::to_string),
            language: lang.into(),
            lesson: doc,
            job_id: None,
            version: i as i32 + 1,
            created_at: format!("2024-01-0{}", i + 1),
            updated_at: None,
        })
        .await
        .unwrap();
    }
}

async fn ids(q: strata::Select<'_, Lesson>) -> Vec<String> {
    q.order_by(|c| c.lesson_id.asc())
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.lesson_id)
        .collect()
}

#[test]
fn every_filter_operator() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        seed_lessons(&s).await;
        let q = || s.select::<Lesson>();
        assert_eq!(
            ids(q().filter(|c| c.language.eq("en"))).await,
            ["l1", "l2", "l5"]
        );
        assert_eq!(ids(q().filter(|c| c.language.ne("en"))).await, ["l3", "l4"]);
        assert_eq!(ids(q().filter(|c| c.version.lt(2))).await, ["l1"]);
        assert_eq!(ids(q().filter(|c| c.version.le(2))).await, ["l1", "l2"]);
        assert_eq!(ids(q().filter(|c| c.version.gt(4))).await, ["l5"]);
        assert_eq!(ids(q().filter(|c| c.version.ge(4))).await, ["l4", "l5"]);
        assert_eq!(
            ids(q().filter(|c| c.lesson_id.in_(["l2", "l4", "zz"]))).await,
            ["l2", "l4"]
        );
        assert!(ids(q().filter(|c| c.lesson_id.in_(Vec::<String>::new())))
            .await
            .is_empty());
        assert_eq!(
            ids(q().filter(|c| c.age_range.in_(["8-10", "14-16"]))).await,
            ["l1", "l5"],
            "IN on a nullable column"
        );
        assert_eq!(
            ids(q().filter(|c| c.version.in_(vec![1, 3]))).await,
            ["l1", "l3"]
        );
        assert_eq!(
            ids(q().filter(|c| c.age_range.is_null())).await,
            ["l3", "l4"]
        );
        assert_eq!(
            ids(q().filter(|c| c.age_range.is_not_null())).await,
            ["l1", "l2", "l5"]
        );
        assert_eq!(
            ids(q().filter(|c| c.topic.like("%ractions%"))).await,
            ["l1", "l2"]
        );
        assert_eq!(ids(q().filter(|c| c.topic.like("fractions"))).await, ["l1"]);
        assert_eq!(
            ids(q().filter(|c| c.topic.ilike("FRACTIONS%"))).await,
            ["l1", "l2"]
        );
        assert_eq!(
            ids(q().filter(|c| c.topic.like("%\\%"))).await,
            ["l5"],
            "escaped %"
        );
        assert_eq!(ids(q().filter(|c| c.topic.ilike("ünïcödé%"))).await, ["l4"]);
        assert_eq!(
            ids(q().filter(|c| c.tags.contains(["kids"]))).await,
            ["l1", "l3"]
        );
        assert_eq!(
            ids(q().filter(|c| c.tags.contains(["kids", "math"]))).await,
            ["l1"]
        );
        assert_eq!(
            ids(q().filter(|c| c.tags.contains(Vec::<String>::new())))
                .await
                .len(),
            5
        );
        assert_eq!(
            ids(q().filter(|c| c.tags.overlaps(["science", "language"]))).await,
            ["l3", "l5"]
        );
        assert_eq!(
            ids(q().filter(|c| c.lesson.json_eq("level", "easy"))).await,
            ["l1", "l3"]
        );
        assert_eq!(
            ids(q().filter(|c| c.lesson.json_path_eq(&["meta", "pages"], "9"))).await,
            ["l2"]
        );
        assert_eq!(
            ids(q().filter(|c| c.lesson.json_path_eq(&["list", "1"], "2"))).await,
            ["l5"]
        );
        assert_eq!(
            ids(q().filter(|c| c.lesson.json_contains(json!({"meta": {"pages": 5}})))).await,
            ["l3"]
        );
    });
}

#[test]
fn and_or_not_and_their_operators() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        seed_lessons(&s).await;
        let q = || s.select::<Lesson>();
        assert_eq!(
            ids(q().filter(|c| c.language.eq("en").and(c.version.gt(1)))).await,
            ["l2", "l5"]
        );
        assert_eq!(
            ids(q().filter(|c| c.language.eq("de").or(c.language.eq("fr")))).await,
            ["l3", "l4"]
        );
        assert_eq!(
            ids(q().filter(|c| c.language.eq("en").not())).await,
            ["l3", "l4"]
        );
        assert_eq!(
            ids(q()
                .filter(|c| (c.language.eq("en") & !c.tags.contains(["math"])) | c.version.eq(3)))
            .await,
            ["l3", "l5"]
        );
        // Filters built outside the query, and several filter calls (AND).
        let cols = Lesson::columns();
        let easy = cols.lesson.json_eq("level", "easy");
        assert_eq!(
            ids(q().where_(easy).filter(|c| c.language.eq("en"))).await,
            ["l1"]
        );
        assert_eq!(ids(q().where_(Filter::any([]))).await.len(), 0);
        assert_eq!(ids(q().where_(Filter::all([]))).await.len(), 5);
        assert_eq!(
            ids(q().where_(Filter::any([cols.version.eq(1), cols.version.eq(5)]))).await,
            ["l1", "l5"]
        );
        assert_eq!(
            ids(q().where_(Filter::never().or(Filter::always())))
                .await
                .len(),
            5
        );
        // NOT binds around the whole group.
        let sql = q()
            .filter(|c| (c.version.eq(1) | c.version.eq(2)).not() & c.topic.is_not_null())
            .to_sql();
        assert!(
            sql.ends_with("WHERE (NOT ((version = $1 OR version = $2)) AND topic IS NOT NULL)"),
            "{sql}"
        );
    });
}

#[test]
fn order_limit_offset_first_one_count_exists() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        seed_lessons(&s).await;
        let order = |rows: Vec<Lesson>| rows.into_iter().map(|l| l.lesson_id).collect::<Vec<_>>();
        let by_version_desc = s
            .select::<Lesson>()
            .order_by(|c| c.version.desc())
            .all()
            .await
            .unwrap();
        assert_eq!(order(by_version_desc), ["l5", "l4", "l3", "l2", "l1"]);
        let nulls_first = s
            .select::<Lesson>()
            .order_by(|c| c.age_range.asc().nulls_first())
            .order_by(|c| c.lesson_id.desc())
            .all()
            .await
            .unwrap();
        assert_eq!(order(nulls_first), ["l4", "l3", "l2", "l5", "l1"]);
        let nulls_last = s
            .select::<Lesson>()
            .order_by(|c| c.age_range.desc().nulls_last())
            .order_by(|c| c.lesson_id.asc())
            .all()
            .await
            .unwrap();
        assert_eq!(order(nulls_last), ["l1", "l5", "l2", "l3", "l4"]);
        let page = s
            .select::<Lesson>()
            .order_by(|c| c.lesson_id.asc())
            .limit(2)
            .offset(1)
            .all()
            .await
            .unwrap();
        assert_eq!(order(page), ["l2", "l3"]);

        let first = s
            .select::<Lesson>()
            .filter(|c| c.language.eq("en"))
            .order_by(|c| c.version.desc())
            .first()
            .await
            .unwrap();
        assert_eq!(first.map(|l| l.lesson_id).as_deref(), Some("l5"));
        let none = s
            .select::<Lesson>()
            .filter(|c| c.language.eq("xx"))
            .first()
            .await
            .unwrap();
        assert!(none.is_none());
        let one = s
            .select::<Lesson>()
            .filter(|c| c.language.eq("de"))
            .one()
            .await
            .unwrap();
        assert_eq!(one.lesson_id, "l3");
        let err = s
            .select::<Lesson>()
            .filter(|c| c.language.eq("xx"))
            .one()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        let err = s
            .select::<Lesson>()
            .filter(|c| c.language.eq("en"))
            .one()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);

        assert_eq!(s.select::<Lesson>().count().await.unwrap(), 5);
        assert_eq!(
            s.select::<Lesson>()
                .filter(|c| c.language.eq("en"))
                .count()
                .await
                .unwrap(),
            3
        );
        assert_eq!(s.select::<Lesson>().limit(2).count().await.unwrap(), 2);
        assert_eq!(s.select::<Lesson>().offset(4).count().await.unwrap(), 1);
        assert_eq!(s.select::<Job>().count().await.unwrap(), 0);
        assert!(s
            .select::<Lesson>()
            .filter(|c| c.tags.contains(["kids"]))
            .exists()
            .await
            .unwrap());
        assert!(!s
            .select::<Lesson>()
            .filter(|c| c.version.gt(100))
            .exists()
            .await
            .unwrap());
        assert!(!s.select::<Lesson>().offset(5).exists().await.unwrap());
    });
}

#[test]
fn row_locks_for_update_skip_locked_and_nowait() {
    run(async {
        let fx = Fixture::new().await;
        let mut a = fx.session().await;
        let mut b = fx.session().await;
        for i in 0..3 {
            a.insert(&Job::queued(
                &format!("k-{i}"),
                &format!("2024-01-0{}", i + 1),
            ))
            .await
            .unwrap();
        }
        let ta = a.transaction().await.unwrap();
        let locked = ta
            .select::<Job>()
            .order_by(|c| c.created_at.asc())
            .limit(1)
            .for_update()
            .all()
            .await
            .unwrap();
        assert_eq!(locked[0].job_id, "k-0");

        let tb = b.transaction().await.unwrap();
        // SKIP LOCKED passes over the locked row.
        let next = tb
            .select::<Job>()
            .order_by(|c| c.created_at.asc())
            .skip_locked()
            .first()
            .await
            .unwrap();
        assert_eq!(next.unwrap().job_id, "k-1");
        // NOWAIT fails at once on it (55P03 lock_not_available).
        let err = tb
            .select::<Job>()
            .filter(|c| c.job_id.eq("k-0"))
            .for_update()
            .nowait()
            .all()
            .await
            .unwrap_err();
        assert_eq!(
            err.code(),
            Some(&tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE)
        );
        tb.rollback().await.unwrap();

        // A plain FOR UPDATE waits until the lock is released.
        let tb = b.transaction().await.unwrap();
        let waiter = async {
            tb.select::<Job>()
                .filter(|c| c.job_id.eq("k-0"))
                .for_update()
                .one()
                .await
        };
        let release = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            ta.update_columns::<Job>()
                .set(|c| c.status, "claimed")
                .filter(|c| c.job_id.eq("k-0"))
                .await
                .unwrap();
            ta.commit().await.unwrap();
        };
        let (seen, ()) = futures_util::future::join(waiter, release).await;
        assert_eq!(
            seen.unwrap().status,
            "claimed",
            "the waiter sees the committed row"
        );
        tb.commit().await.unwrap();

        // Lock strengths render as asked.
        let sql = b.select::<Job>().for_share().nowait().to_sql();
        assert!(sql.ends_with(" FOR SHARE NOWAIT"), "{sql}");
        let sql = b.select::<Job>().for_key_share().skip_locked().to_sql();
        assert!(sql.ends_with(" FOR KEY SHARE SKIP LOCKED"), "{sql}");
        let sql = b.select::<Job>().for_no_key_update().to_sql();
        assert!(sql.ends_with(" FOR NO KEY UPDATE"), "{sql}");
    });
}

/// Claims the oldest queued job, marks it as taken by `worker`, commits.
async fn claim(pool: &strata::Pool, worker: usize) -> strata::Result<Option<String>> {
    let mut session = pool.session().await?;
    let tx = session.transaction().await?;
    let Some(job) = tx
        .select::<Job>()
        .filter(|c| c.status.eq("queued"))
        .order_by(|c| c.created_at.asc())
        .for_update()
        .skip_locked()
        .first()
        .await?
    else {
        return Ok(None);
    };
    tx.update_columns::<Job>()
        .set(|c| c.status, "claimed")
        .set(|c| c.message, format!("worker-{worker}"))
        .increment(|c| c.attempts, 1)
        .filter(|c| c.job_id.eq(&job.job_id))
        .await?;
    tx.commit().await?;
    Ok(Some(job.job_id))
}

#[test]
fn eight_workers_claim_a_thousand_jobs_each_exactly_once() {
    run(async {
        let fx = Fixture::with_pool_size(8).await;
        let s = fx.session().await;
        let jobs: Vec<Job> = (0..1000)
            .map(|i| Job::queued(&format!("q-{i:04}"), &format!("2024-01-01T00:00:{i:04}")))
            .collect();
        assert_eq!(s.copy_in(&jobs).await.unwrap(), 1000);
        drop(s);

        let mut workers = Vec::new();
        for w in 0..8 {
            let pool = fx.pool.clone();
            workers.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(id) = claim(&pool, w).await.unwrap() {
                    mine.push(id);
                }
                mine
            }));
        }
        let mut per_worker = HashMap::new();
        let mut all = Vec::new();
        for (w, h) in workers.into_iter().enumerate() {
            let mine = h.await.unwrap();
            per_worker.insert(w, mine.len());
            all.extend(mine);
        }
        let distinct: BTreeSet<&String> = all.iter().collect();
        assert_eq!(all.len(), 1000, "claims reported: {per_worker:?}");
        assert_eq!(distinct.len(), 1000, "no job was claimed twice");
        let s = fx.session().await;
        assert_eq!(
            s.select::<Job>()
                .filter(|c| c.status.eq("claimed"))
                .count()
                .await
                .unwrap(),
            1000
        );
        assert_eq!(
            s.select::<Job>()
                .filter(|c| c.attempts.ne(1))
                .count()
                .await
                .unwrap(),
            0,
            "every job was updated exactly once"
        );
        // The database agrees with the workers about who took what.
        for w in 0..8 {
            let n = s
                .select::<Job>()
                .filter(|c| c.message.eq(format!("worker-{w}")))
                .count()
                .await
                .unwrap();
            assert_eq!(n as usize, per_worker[&w]);
        }
        assert!(
            per_worker.values().filter(|&&n| n > 0).count() > 1,
            "the work was shared: {per_worker:?}"
        );
    });
}
