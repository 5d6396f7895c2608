//! The DGS legacy database: the schema as the old code created it and the
//! deterministic legacy rows.

use dgs::legacy::{checksums, seed, SeedSize, LEGACY_SCHEMA_SQL};
use strata_testing::{run, TestDb};

#[test]
fn legacy_rows_are_deterministic_and_awkward() {
    run(async {
        let size = SeedSize {
            jobs: 400,
            lessons: 300,
            audits: 500,
        };
        let mut sums = Vec::new();
        for _ in 0..2 {
            let db = TestDb::new().await.unwrap();
            let mut client = db.connect().await.unwrap();
            client.batch_execute(LEGACY_SCHEMA_SQL).await.unwrap();
            // The old code ran its DDL at every start-up: twice is harmless.
            client.batch_execute(LEGACY_SCHEMA_SQL).await.unwrap();
            let tx = client.transaction().await.unwrap();
            seed(&tx, size).await.unwrap();
            tx.commit().await.unwrap();
            let awkward: i64 = client
                .query_one(
                    "SELECT (SELECT count(*) FROM dgs_jobs WHERE message LIKE '%\"%' OR message LIKE E'%\\n%')
                          + (SELECT count(*) FROM dgs_lessons WHERE tags = '{}' )
                          + (SELECT count(*) FROM dgs_lessons WHERE topic ~ '[^[:ascii:]]')
                          + (SELECT count(*) FROM dgs_jobs WHERE subphase IS NULL)",
                    &[],
                )
                .await
                .unwrap()
                .get(0);
            assert!(
                awkward > 100,
                "the rows exercise quotes, NULLs, unicode, empty arrays"
            );
            sums.push(checksums(&client).await.unwrap());
        }
        assert_eq!(sums[0], sums[1], "same rows on every run");
        assert_eq!(sums[0][0].rows, 400);
        assert_eq!(sums[0][1].rows, 300);
        assert_eq!(sums[0][2].rows, 500);
    });
}
