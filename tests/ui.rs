//! trybuild ui tests.

/// Type safety of queries: wrong value types, another table's columns and
/// unknown columns are compile errors.
#[test]
fn query() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/query/*.rs");
}
