//! Shared helpers of the integration tests and the trybuild cases.

pub mod online_load;
pub mod runtime_models;

/// The Rust samples of the README, compiled by `cargo test --doc` so that
/// they keep matching the APIs.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeSamples;

/// The Rust samples of the adoption walkthrough, compiled by `cargo test
/// --doc`.
#[cfg(doctest)]
#[doc = include_str!("../docs/adopting.md")]
pub struct AdoptingSamples;

use strata::ident::Qualified;
use strata::schema::Schema;

/// The connection settings of the maintenance database of the test server
/// (where scratch databases are created).
pub fn admin() -> strata::ConnectOptions {
    strata_testing::server_options("postgres").expect("test server settings")
}

/// Asserts that two schemas are equal; on failure prints the first lines
/// where their JSON forms differ, with context.
#[track_caller]
pub fn assert_schemas_eq(left: &Schema, right: &Schema, what: &str) {
    if left == right {
        return;
    }
    let l = left.to_json();
    let r = right.to_json();
    let ll: Vec<&str> = l.lines().collect();
    let rl: Vec<&str> = r.lines().collect();
    let first = ll
        .iter()
        .zip(rl.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(ll.len().min(rl.len()));
    let from = first.saturating_sub(12);
    let show = |lines: &[&str]| -> String {
        lines[from.min(lines.len())..(first + 8).min(lines.len())].join("\n")
    };
    panic!(
        "{what}: schemas differ at JSON line {}\n--- left ---\n{}\n--- right ---\n{}",
        first + 1,
        show(&ll),
        show(&rl)
    );
}

/// A content checksum per table of `schema` (row count and md5 of the rows'
/// text, in a deterministic order): equal checksums mean no row and no value
/// changed.
pub async fn table_checksums(
    client: &tokio_postgres::Client,
    schema: &Schema,
) -> Vec<(String, i64, String)> {
    let mut out = Vec::new();
    for t in &schema.tables {
        let name = Qualified(&t.schema, &t.name).to_string();
        let row = client
            .query_one(
                &format!(
                    "SELECT count(*), coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM {name} x"
                ),
                &[],
            )
            .await
            .unwrap_or_else(|e| panic!("checksum of {name}: {e}"));
        out.push((name, row.get(0), row.get(1)));
    }
    out
}
