//! Joins (issue 13): typed conditions, the declared foreign key, inner and
//! left, filters and ordering on either side, shared column names.

use strata::{ErrorKind, Executor};
use strata_testing::run;
use strata_tests::runtime_models::*;

fn lesson(id: &str, topic: &str, job: Option<&str>) -> Lesson {
    Lesson {
        lesson_id: id.into(),
        topic: topic.into(),
        title: format!("about {topic}"),
        tags: vec![],
        age_range: None,
        language: "en".into(),
        lesson: serde_json::json!({}),
        job_id: job.map(str::to_string),
        version: 1,
        created_at: "2024".into(),
        updated_at: None,
    }
}

#[test]
fn inner_and_left_joins_read_typed_pairs() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        for (id, status) in [("j-1", "done"), ("j-2", "done"), ("j-3", "queued")] {
            let mut job = Job::queued(id, "2024");
            job.status = status.into();
            s.insert(&job).await.unwrap();
        }
        s.insert(&lesson("l-1", "fractions", Some("j-1")))
            .await
            .unwrap();
        s.insert(&lesson("l-2", "plants", Some("j-1")))
            .await
            .unwrap();
        s.insert(&lesson("l-3", "plants", Some("j-2")))
            .await
            .unwrap();
        s.insert(&lesson("l-4", "orphans", None)).await.unwrap();

        // Typed condition; filters on both sides; both tables have job_id
        // and created_at (every column is qualified).
        let pairs: Vec<(Lesson, Job)> = s
            .select::<Lesson>()
            .filter(|l| l.topic.eq("plants"))
            .join::<Job>(|l, j| l.job_id.on(j.job_id))
            .filter_joined(|j| j.status.eq("done"))
            .order_by(|l| l.lesson_id.asc())
            .all()
            .await
            .unwrap();
        let ids: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(l, j)| (l.lesson_id.as_str(), j.job_id.as_str()))
            .collect();
        assert_eq!(ids, [("l-2", "j-1"), ("l-3", "j-2")]);

        // The declared foreign key, either way round; a left join keeps the
        // rows without a match.
        let per_job: Vec<(Job, Option<Lesson>)> = s
            .select::<Job>()
            .left_join_related::<Lesson>()
            .order_by(|j| j.job_id.asc())
            .order_by_joined(|l| l.lesson_id.asc())
            .all()
            .await
            .unwrap();
        let ids: Vec<(&str, Option<&str>)> = per_job
            .iter()
            .map(|(j, l)| (j.job_id.as_str(), l.as_ref().map(|l| l.lesson_id.as_str())))
            .collect();
        assert_eq!(
            ids,
            [
                ("j-1", Some("l-1")),
                ("j-1", Some("l-2")),
                ("j-2", Some("l-3")),
                ("j-3", None)
            ]
        );
        let orphans: Vec<(Lesson, Option<Job>)> = s
            .select::<Lesson>()
            .left_join_related::<Job>()
            .filter_joined(|j| j.job_id.is_null())
            .all()
            .await
            .unwrap();
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].0.lesson_id, "l-4");
        assert!(orphans[0].1.is_none());

        // No foreign key between two models: a clear error, nothing run.
        let err = s
            .select::<Job>()
            .join_related::<Member>()
            .all()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert!(err.to_string().contains("no foreign key"), "{err}");
    });
}

#[test]
fn relations_load_in_one_query_each_way() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        for id in ["j-1", "j-2", "j-3"] {
            s.insert(&Job::queued(id, "2024")).await.unwrap();
        }
        s.insert(&lesson("l-1", "fractions", Some("j-1")))
            .await
            .unwrap();
        s.insert(&lesson("l-2", "plants", Some("j-1")))
            .await
            .unwrap();
        s.insert(&lesson("l-3", "plants", Some("j-3")))
            .await
            .unwrap();
        s.insert(&lesson("l-4", "orphans", None)).await.unwrap();

        let jobs = s
            .select::<Job>()
            .order_by(|j| j.job_id.asc())
            .all()
            .await
            .unwrap();
        let lessons: Vec<Vec<Lesson>> = s.load_children::<Job, Lesson>(&jobs).await.unwrap();
        let ids: Vec<Vec<String>> = lessons
            .iter()
            .map(|ls| {
                let mut v: Vec<String> = ls.iter().map(|l| l.lesson_id.clone()).collect();
                v.sort();
                v
            })
            .collect();
        assert_eq!(ids, [vec!["l-1", "l-2"], vec![], vec!["l-3"]]);

        let all_lessons = s
            .select::<Lesson>()
            .order_by(|l| l.lesson_id.asc())
            .all()
            .await
            .unwrap();
        let owners: Vec<Option<Job>> = s.load_parents::<Lesson, Job>(&all_lessons).await.unwrap();
        let owner_ids: Vec<Option<&str>> = owners
            .iter()
            .map(|j| j.as_ref().map(|j| j.job_id.as_str()))
            .collect();
        assert_eq!(owner_ids, [Some("j-1"), Some("j-1"), Some("j-3"), None]);

        // No rows at hand: no query, nothing loaded.
        assert!(s
            .load_children::<Job, Lesson>(&[])
            .await
            .unwrap()
            .is_empty());
        // No foreign key: a clear error.
        let err = s.load_children::<Job, Member>(&jobs).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    });
}

/// Many parents, some listed twice, children spread unevenly (none, one,
/// many), NULL keys: one query each way, every row where it belongs.
#[test]
fn relations_load_for_thousands_of_parents_listed_twice() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        let jobs: Vec<Job> = (0..3000)
            .map(|i| Job::queued(&format!("j-{i:05}"), "2024"))
            .collect();
        s.copy_in(&jobs).await.unwrap();
        // Job i has i % 4 lessons; 100 orphans.
        let mut lessons = Vec::new();
        for i in 0..3000 {
            for k in 0..(i % 4) {
                let job = format!("j-{i:05}");
                lessons.push(lesson(&format!("l-{i:05}-{k}"), "t", Some(&job)));
            }
        }
        for k in 0..100 {
            lessons.push(lesson(&format!("o-{k:03}"), "t", None));
        }
        s.copy_in(&lessons).await.unwrap();

        // Every job, then the first 500 again.
        let mut parents = jobs.clone();
        parents.extend(jobs[..500].iter().cloned());
        let children = s.load_children::<Job, Lesson>(&parents).await.unwrap();
        assert_eq!(children.len(), 3500);
        for (i, list) in children.iter().enumerate() {
            if i >= 3000 {
                // A parent listed twice gets its children once.
                assert!(list.is_empty(), "parent {i} listed again got children");
                continue;
            }
            assert_eq!(list.len(), i % 4, "children of job {i}");
            assert!(list
                .iter()
                .all(|l| l.job_id.as_deref() == Some(parents[i].job_id.as_str())));
        }

        let owners = s.load_parents::<Lesson, Job>(&lessons).await.unwrap();
        assert_eq!(owners.len(), lessons.len());
        for (lesson, owner) in lessons.iter().zip(&owners) {
            assert_eq!(
                owner.as_ref().map(|j| j.job_id.as_str()),
                lesson.job_id.as_deref(),
                "parent of {}",
                lesson.lesson_id
            );
        }
    });
}

#[test]
fn subqueries_exists_and_distinct_on() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        for (id, status, at) in [
            ("j-1", "done", "2024-01"),
            ("j-2", "done", "2024-03"),
            ("j-3", "queued", "2024-02"),
            ("j-4", "queued", "2024-04"),
        ] {
            let mut job = Job::queued(id, at);
            job.status = status.into();
            s.insert(&job).await.unwrap();
        }
        s.insert(&lesson("l-1", "plants", Some("j-1")))
            .await
            .unwrap();
        s.insert(&lesson("l-2", "fractions", Some("j-3")))
            .await
            .unwrap();

        // IN (SELECT ...), parameters numbered across both levels.
        let ids: Vec<String> = s
            .select::<Job>()
            .filter(|j| {
                j.status.eq("done").or(j.job_id.in_select(
                    strata::subquery::<Lesson, _>(|l| l.job_id).filter(|l| l.topic.eq("fractions")),
                ))
            })
            .order_by(|j| j.job_id.asc())
            .project(|j| j.job_id)
            .all()
            .await
            .unwrap();
        assert_eq!(ids, ["j-1", "j-2", "j-3"]);

        // EXISTS / NOT EXISTS through the foreign key.
        let with: Vec<String> = s
            .select::<Job>()
            .filter_exists::<Lesson>(|l| l.topic.eq("plants"))
            .project(|j| j.job_id)
            .all()
            .await
            .unwrap();
        assert_eq!(with, ["j-1"]);
        let without = s
            .select::<Job>()
            .filter_not_exists::<Lesson>(|_| strata::Filter::always())
            .count()
            .await
            .unwrap();
        assert_eq!(without, 2);
        let err = s
            .select::<Job>()
            .filter_exists::<Member>(|_| strata::Filter::always())
            .all()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");

        // DISTINCT ON: the latest job of each status, whole rows.
        let latest = s
            .select::<Job>()
            .distinct_on(|j| j.status)
            .order_by(|j| j.status.asc())
            .order_by(|j| j.created_at.desc())
            .all()
            .await
            .unwrap();
        let ids: Vec<&str> = latest.iter().map(|j| j.job_id.as_str()).collect();
        assert_eq!(ids, ["j-2", "j-4"]);
    });
}
