//! trybuild ui tests of the derive macros: each `ui/<category>/<case>.rs`
//! must fail to compile with exactly the messages in `<case>.stderr`, and
//! every `ui/pass/*.rs` must compile (and run). Regenerate the `.stderr`
//! files with `TRYBUILD=overwrite cargo test -p strata-tests --test ui`, then
//! read each one.

const COMPILE_FAIL: &[&str] = &[
    "shape",
    "table",
    "column",
    "foreign-key",
    "index",
    "pg-enum",
    "multiple",
    "from-row",
    // What a table declares beyond columns: partitioning, exclusion,
    // row-level security, policies, grants.
    "table-objects",
    // `#[derive(View)]`, and writes of a view's rows.
    "view",
    // Typed queries (the runtime): wrong value types, another table's
    // columns, unknown columns.
    "query",
];

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for category in COMPILE_FAIL {
        t.compile_fail(format!("ui/{category}/*.rs"));
    }
    t.pass("ui/pass/*.rs");
}
