//! PostgreSQL's default names for constraints and indexes, computed exactly as
//! the server does (`makeObjectName` and `ChooseIndexNameAddition` in
//! `src/backend/commands/indexcmds.c`), so that a model that does not name a
//! constraint gets the name the database gave it.

use crate::ident::MAX_IDENTIFIER_BYTES;

/// Truncates `s` to at most `max` bytes without splitting a UTF-8 character.
fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A name as PostgreSQL stores it: truncated to 63 bytes (NAMEDATALEN - 1)
/// without splitting a character, as the server does with a NOTICE.
pub fn truncate_identifier(name: &str) -> &str {
    clip(name, MAX_IDENTIFIER_BYTES)
}

/// `makeObjectName(name1, name2, label)`: `name1_name2_label`, shortening the
/// longer of `name1` / `name2` until the whole fits in 63 bytes.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: Option<&str>) -> String {
    let label_overhead = label.map_or(0, |l| l.len() + 1);
    let sep = usize::from(name2.is_some());
    let avail = MAX_IDENTIFIER_BYTES.saturating_sub(label_overhead + sep);
    let mut n1 = name1.len();
    let mut n2 = name2.map_or(0, str::len);
    while n1 + n2 > avail {
        if n1 > n2 {
            n1 -= 1;
        } else {
            n2 -= 1;
        }
    }
    let mut out = clip(name1, n1).to_string();
    if let Some(name2) = name2 {
        out.push('_');
        out.push_str(clip(name2, n2));
    }
    if let Some(l) = label {
        out.push('_');
        out.push_str(l);
    }
    out
}

/// `ChooseIndexNameAddition`: the column names joined with `_`, stopping once
/// 63 bytes are reached.
fn name_addition<S: AsRef<str>>(columns: &[S]) -> String {
    let mut buf = String::new();
    for c in columns {
        if !buf.is_empty() {
            buf.push('_');
        }
        buf.push_str(clip(c.as_ref(), MAX_IDENTIFIER_BYTES));
        if buf.len() > MAX_IDENTIFIER_BYTES {
            break;
        }
    }
    buf
}

/// `<table>_pkey`.
pub fn default_pkey_name(table: &str) -> String {
    make_object_name(table, None, Some("pkey"))
}

/// `<table>_<columns>_key`.
pub fn default_unique_name<S: AsRef<str>>(table: &str, columns: &[S]) -> String {
    make_object_name(table, Some(&name_addition(columns)), Some("key"))
}

/// `<table>_<columns>_idx` (index elements that are expressions count as
/// `expr`).
pub fn default_index_name<S: AsRef<str>>(table: &str, columns: &[S]) -> String {
    make_object_name(table, Some(&name_addition(columns)), Some("idx"))
}

/// `<table>_<columns>_fkey`.
pub fn default_fk_name<S: AsRef<str>>(table: &str, columns: &[S]) -> String {
    make_object_name(table, Some(&name_addition(columns)), Some("fkey"))
}

/// `<table>_<column>_check` (the name PostgreSQL gives a column's CHECK).
pub fn default_check_name(table: &str, column: &str) -> String {
    make_object_name(table, Some(column), Some("check"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        assert_eq!(default_pkey_name("dgs_jobs"), "dgs_jobs_pkey");
        assert_eq!(
            default_fk_name("dgs_lessons", &["job_id"]),
            "dgs_lessons_job_id_fkey"
        );
        assert_eq!(
            default_index_name("dgs_jobs", &["status", "created_at"]),
            "dgs_jobs_status_created_at_idx"
        );
        assert_eq!(default_unique_name("t", &["a", "b"]), "t_a_b_key");
        assert_eq!(
            default_check_name("llm_call_audit", "status"),
            "llm_call_audit_status_check"
        );
    }

    #[test]
    fn long_names_are_shortened_like_postgres() {
        // Checked against PostgreSQL 15.20: `CREATE INDEX ON` this table and
        // column printed exactly this name.
        let table = "a_very_long_table_name_that_goes_on_and_on_forever_and_ever";
        let col = "another_quite_long_column_name_for_testing";
        assert_eq!(
            default_index_name(table, &[col]),
            "a_very_long_table_name_that_g_another_quite_long_column_nam_idx"
        );
        assert_eq!(
            default_pkey_name(&"x".repeat(70)),
            format!("{}_pkey", "x".repeat(58))
        );
        assert!(default_fk_name(table, &[col, col]).len() <= 63);
    }
}
