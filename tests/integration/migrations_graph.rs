//! The revision graph read from real files: shapes (linear, branches, 2- and
//! 3-way merges, several heads), rejected graphs (cycles, duplicate ids,
//! missing parents: each error names the files), targets (prefixes, relative
//! steps) and the upgrade/downgrade paths they produce.

use schema_diff::error::{Error, HistoryError, MigrationFileError};
use schema_diff::migrations::{History, State, Target};

use crate::migrations_fixture::{ids, TempDir};

fn state(items: &[&str]) -> State {
    items.iter().map(|s| s.to_string()).collect()
}

fn resolve(h: &History, t: &str, current: &[&str]) -> Result<State, HistoryError> {
    let resolved = Target::parse(t).and_then(|t| h.resolve(&t, Some(&state(current))));
    match resolved {
        Ok(s) => Ok(s),
        Err(Error::History(e)) => Err(e),
        Err(other) => panic!("{t}: not a history error: {other:?}"),
    }
}

#[test]
fn linear_history() {
    let d = TempDir::new("linear");
    d.migration("a1", "", "CREATE TABLE a ();", "DROP TABLE a;");
    d.migration("b2", "a1", "CREATE TABLE b ();", "DROP TABLE b;");
    d.migration("c3", "b2", "CREATE TABLE c ();", "DROP TABLE c;");
    std::fs::write(d.path().join("README.md"), "not a migration").unwrap();
    let h = d.history();
    assert_eq!(ids(&h.heads()), vec!["c3"]);
    assert_eq!(ids(&h.bases()), vec!["a1"]);
    assert!(h.branch_points().is_empty());
    assert!(h.merge_points().is_empty());
    let all = resolve(&h, "head", &[]).unwrap();
    assert_eq!(
        ids(&h.upgrade_path(&state(&[]), &all)),
        vec!["a1", "b2", "c3"]
    );
    assert_eq!(
        ids(&h.upgrade_path(&state(&["a1"]), &all)),
        vec!["b2", "c3"]
    );
    assert_eq!(
        ids(&h.downgrade_path(&all, &State::new())),
        vec!["c3", "b2", "a1"]
    );
    // relative targets
    assert_eq!(resolve(&h, "head-1", &[]).unwrap(), state(&["a1", "b2"]));
    assert_eq!(
        resolve(&h, "a1+2", &[]).unwrap(),
        state(&["a1", "b2", "c3"])
    );
    assert_eq!(
        resolve(&h, "+2", &["a1"]).unwrap(),
        state(&["a1", "b2", "c3"])
    );
    assert_eq!(
        resolve(&h, "-2", &["a1", "b2", "c3"]).unwrap(),
        state(&["a1"])
    );
    assert_eq!(
        resolve(&h, "current", &["a1", "b2"]).unwrap(),
        state(&["a1", "b2"])
    );
    assert!(matches!(
        resolve(&h, "+3", &["a1"]),
        Err(HistoryError::TooFarForward {
            steps: 3,
            available: 2,
            ..
        })
    ));
    assert!(matches!(
        resolve(&h, "head-4", &[]),
        Err(HistoryError::TooFarBack {
            steps: 4,
            available: 3,
            ..
        })
    ));
    // prefixes
    assert_eq!(resolve(&h, "b", &[]).unwrap(), state(&["a1", "b2"]));
    assert!(matches!(
        resolve(&h, "zz", &[]),
        Err(HistoryError::UnknownRevision { revision, .. }) if revision == "zz"
    ));
}

#[test]
fn branches_and_merges() {
    // base -> b1 -> {x1, y1} (branch point b1); (x1, y1) -> m2 (2-way merge);
    // m2 -> {p, q, r}; (p, q, r) -> m3 (3-way merge); and a separate line s1.
    let d = TempDir::new("branches");
    d.migration("base1", "", "", "");
    d.migration("b1", "base1", "", "");
    d.migration("x1", "b1", "", "");
    d.migration("y1", "b1", "", "");
    d.migration("m2", "x1 y1", "", "");
    d.migration("p", "m2", "", "");
    d.migration("q", "m2", "", "");
    d.migration("r", "m2", "", "");
    d.migration("m3", "p, q, r", "", "");
    d.migration("s1", "", "", "");
    let h = d.history();
    let mut heads = ids(&h.heads());
    heads.sort();
    assert_eq!(heads, vec!["m3", "s1"]);
    assert_eq!(ids(&h.bases()), vec!["base1", "s1"]);
    assert_eq!(ids(&h.branch_points()), vec!["b1", "m2"]);
    assert_eq!(ids(&h.merge_points()), vec!["m2", "m3"]);
    // `head` is ambiguous and names both heads; `heads` reaches everything.
    let e = resolve(&h, "head", &[]).unwrap_err();
    assert!(
        matches!(&e, HistoryError::SeveralHeads { heads }
            if heads.len() == 2
                && heads.iter().any(|h| h.starts_with("m3"))
                && heads.iter().any(|h| h.starts_with("s1"))),
        "{e:?}"
    );
    let all = resolve(&h, "heads", &[]).unwrap();
    assert_eq!(all.len(), 10);
    let order = ids(&h.upgrade_path(&State::new(), &all));
    let pos = |r: &str| order.iter().position(|x| x == r).unwrap();
    for (parent, child) in [
        ("b1", "x1"),
        ("b1", "y1"),
        ("x1", "m2"),
        ("y1", "m2"),
        ("p", "m3"),
        ("q", "m3"),
        ("r", "m3"),
    ] {
        assert!(
            pos(parent) < pos(child),
            "{parent} before {child}: {order:?}"
        );
    }
    // upgrading to the 3-way merge from one applied branch applies the rest
    let from = resolve(&h, "p", &[]).unwrap();
    assert_eq!(
        ids(&h.upgrade_path(&from, &resolve(&h, "m3", &[]).unwrap())),
        vec!["q", "r", "m3"]
    );
    // going forward from a branch point is ambiguous
    let e = resolve(&h, "b1+1", &[]).unwrap_err();
    assert!(
        matches!(&e, HistoryError::SeveralChildren { revision, children, .. }
            if revision == "b1"
                && children.len() == 2
                && children[0].starts_with("x1")
                && children[1].starts_with("y1")),
        "{e:?}"
    );
    // stepping back from a merge removes just the merge
    assert_eq!(
        resolve(&h, "m3-1", &[]).unwrap(),
        resolve(&h, "m3", &[])
            .unwrap()
            .into_iter()
            .filter(|r| r != "m3")
            .collect::<State>()
    );
    // downgrading to the branch point reverts everything after it, not the
    // separate line
    let cur = resolve(&h, "heads", &[]).unwrap();
    let back = resolve(&h, "b1", &[]).unwrap();
    let reverted = ids(&h.downgrade_path(&cur, &back));
    assert_eq!(reverted, vec!["m3", "r", "q", "p", "m2", "y1", "x1"]);
}

#[test]
fn rejected_graphs_name_the_files() {
    let d = TempDir::new("cycle");
    d.migration("a", "", "", "");
    d.migration("b", "a d", "", "");
    d.migration("c", "b", "", "");
    d.migration("d", "c", "", "");
    let e = History::load(d.path()).unwrap_err();
    let Error::History(HistoryError::Cycle { revisions }) = &e else {
        panic!("{e:?}");
    };
    let files: Vec<String> = revisions
        .iter()
        .map(|(_, p)| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for f in ["b_b.sql", "c_c.sql", "d_d.sql"] {
        assert!(files.iter().any(|x| x == f), "{f} in {e}");
    }
    assert!(!files.iter().any(|x| x == "a_a.sql"), "{e}");
    assert!(
        e.to_string().contains("c_c.sql"),
        "the message names the files: {e}"
    );

    let d = TempDir::new("dup");
    d.migration("a", "", "", "");
    let text = std::fs::read_to_string(d.path().join("a_a.sql")).unwrap();
    std::fs::write(d.path().join("a_copy.sql"), text).unwrap();
    let e = History::load(d.path()).unwrap_err();
    assert!(
        matches!(&e, Error::History(HistoryError::DuplicateRevision { revision, first, second })
            if revision == "a"
                && first.ends_with("a_a.sql")
                && second.ends_with("a_copy.sql")),
        "{e:?}"
    );

    let d = TempDir::new("missing");
    d.migration("a", "", "", "");
    d.migration("b", "a gone", "", "");
    let e = History::load(d.path()).unwrap_err();
    assert!(
        matches!(&e, Error::History(HistoryError::MissingParents { missing })
            if missing.len() == 1
                && missing[0].file.ends_with("b_b.sql")
                && missing[0].line == 2
                && missing[0].parent == "gone"),
        "{e:?}"
    );
    assert!(
        e.to_string().contains("b_b.sql:2: parent revision `gone`"),
        "{e}"
    );

    let d = TempDir::new("badfile");
    std::fs::write(
        d.path().join("x_x.sql"),
        "-- revision: x\nCREATE TABLE t ();\n",
    )
    .unwrap();
    let e = History::load(d.path()).unwrap_err();
    assert!(
        matches!(&e, Error::MigrationFile(MigrationFileError::Invalid { path, line: 2, what })
            if path.ends_with("x_x.sql") && what.starts_with("SQL before `-- migrate:up`")),
        "{e:?}"
    );

    let nope = d.path().join("nope");
    let e = History::load(&nope).unwrap_err();
    assert!(
        matches!(&e, Error::History(HistoryError::NoDirectory { dir }) if *dir == nope),
        "{e:?}"
    );
    assert!(e.to_string().contains("does not exist"), "{e}");
}

#[test]
fn ambiguous_prefixes_list_the_candidates() {
    let d = TempDir::new("prefix");
    d.migration("abc1", "", "", "");
    d.migration("abd2", "abc1", "", "");
    let h = d.history();
    let e = resolve(&h, "ab", &[]).unwrap_err();
    assert!(
        matches!(&e, HistoryError::AmbiguousPrefix { prefix, candidates }
            if prefix == "ab" && candidates == &["abc1 (step abc1)", "abd2 (step abd2)"]),
        "{e:?}"
    );
    assert_eq!(resolve(&h, "abc", &[]).unwrap(), state(&["abc1"]));
    assert_eq!(resolve(&h, "abd2", &[]).unwrap(), state(&["abc1", "abd2"]));
}
