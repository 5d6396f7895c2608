//! The statement splitter ([`split_statements`]: SQL text → statements at
//! top-level `;`, quotes, dollar quotes and comments respected) and the scan
//! of down sections for statements that delete data
//! ([`destructive_statements`], [`refuse_drops`]). Pure. Start at
//! [`split_statements`].

use crate::error::{DestructiveStatement, Error, RunError};
use crate::migrations::Migration;

/// One statement of a SQL text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement<'a> {
    /// The statement from its first token (leading comments left out) to
    /// its `;` when it had one.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub offset: usize,
    /// Whether it ended with `;`.
    pub terminated: bool,
}

/// Splits SQL text into statements at top-level `;`, skipping quoted strings
/// (`'...'`, `E'...'`), quoted identifiers, dollar-quoted bodies and comments
/// (nested `/* */` included). Pieces holding only whitespace and comments are
/// dropped. (`BEGIN ATOMIC ... END` bodies are not recognized.)
pub fn split_statements<'a>(sql: &'a str) -> Vec<Statement<'a>> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut code: Option<usize> = None;
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let push = |out: &mut Vec<Statement<'a>>, code: Option<usize>, to: usize, terminated: bool| {
        if let Some(from) = code {
            out.push(Statement {
                text: sql[from..to].trim_end(),
                offset: from,
                terminated,
            });
        }
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 1;
                i += 2;
                while i < b.len() && depth > 0 {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'\'' => {
                code.get_or_insert(i);
                let escapes = i > 0
                    && (b[i - 1] == b'E' || b[i - 1] == b'e')
                    && (i < 2 || !is_ident(b[i - 2]));
                i += 1;
                while i < b.len() {
                    if escapes && b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == b'\'' {
                        if b.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i += 1;
                continue;
            }
            b'"' => {
                code.get_or_insert(i);
                i += 1;
                while i < b.len() {
                    if b[i] == b'"' {
                        if b.get(i + 1) == Some(&b'"') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i += 1;
                continue;
            }
            b'$' if i == 0 || !is_ident(b[i - 1]) => {
                // $tag$ ... $tag$ (tag: letters, digits, _; not starting with a digit)
                let mut j = i + 1;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] >= 0x80)
                {
                    j += 1;
                }
                let tag_ok = j < b.len()
                    && b[j] == b'$'
                    && !b.get(i + 1).is_some_and(|c| c.is_ascii_digit());
                if tag_ok {
                    code.get_or_insert(i);
                    let tag = &sql[i..=j];
                    match sql[j + 1..].find(tag) {
                        Some(end) => i = j + 1 + end + tag.len(),
                        None => i = b.len(),
                    }
                    continue;
                }
                code.get_or_insert(i);
                i += 1;
                continue;
            }
            b';' => {
                push(&mut out, code, i + 1, true);
                code = None;
                i += 1;
                continue;
            }
            c if c.is_ascii_whitespace() => {}
            _ => {
                code.get_or_insert(i);
            }
        }
        i += 1;
    }
    push(&mut out, code, b.len(), false);
    out
}

/// True when a statement holds `BEGIN ATOMIC` (a SQL-standard function body,
/// whose inner `;` the splitter does not understand).
pub(super) fn has_begin_atomic(statements: &[Statement<'_>]) -> bool {
    statements.iter().any(|st| {
        let words: Vec<String> = st
            .text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase())
            .collect();
        words
            .windows(2)
            .any(|w| w[0] == "begin" && w[1] == "atomic")
    })
}

/// The statements of `m`'s down section that delete data, with their
/// line numbers, classified on PostgreSQL's parse tree
/// ([`crate::sql::Parsed::destructive`]: drops of any object kind, `DROP
/// INDEX` included, `CASCADE`, `DROP OWNED`, `TRUNCATE`, `DELETE` anywhere
/// including CTEs, column and constraint drops, column type changes), any
/// statement a generated plan marked `-- hazard: deletes data`, and any
/// statement that does not parse (what it does cannot be known).
pub fn destructive_statements(m: &Migration) -> Vec<(usize, String)> {
    let Some(down) = m.down.as_deref() else {
        return Vec::new();
    };
    let marks: Vec<usize> = down
        .match_indices("-- hazard: deletes data")
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    let mut prev_end = 0;
    for st in crate::sql::parse_each(down) {
        match st {
            Ok(p) => {
                let marked = marks.iter().any(|&i| i >= prev_end && i < p.offset);
                prev_end = p.offset + p.text.len();
                if marked || p.destructive().is_some() {
                    let first_line = p.text.lines().next().unwrap_or_default().trim();
                    out.push((m.down_line + p.line - 1, first_line.to_string()));
                }
            }
            Err(e) => out.push((
                m.down_line + e.line - 1,
                format!(
                    "cannot be parsed, so what it deletes is unknown: {}",
                    e.message
                ),
            )),
        }
    }
    out
}

/// Refuses a downgrade path whose down sections delete data, listing every
/// such statement with its file and line.
pub fn refuse_drops(path: &[&Migration]) -> Result<(), Error> {
    let mut statements = Vec::new();
    for m in path {
        for (line, text) in destructive_statements(m) {
            statements.push(DestructiveStatement {
                file: m.path.clone(),
                line,
                text,
            });
        }
    }
    if statements.is_empty() {
        return Ok(());
    }
    Err(RunError::DestructiveDowngrade { statements }.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<&str> {
        split_statements(sql).iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_statements() {
        assert_eq!(texts("SELECT 1; SELECT 2"), vec!["SELECT 1;", "SELECT 2"]);
        assert_eq!(
            texts("-- a; comment\nSELECT ';' /* ; /* nested ; */ */ ;\n\n-- only a comment;\n"),
            vec!["SELECT ';' /* ; /* nested ; */ */ ;"]
        );
        assert_eq!(
            texts("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT $$a;b$$;"),
            vec![
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;",
                "SELECT $$a;b$$;"
            ]
        );
        assert_eq!(
            texts(r"SELECT E'it\'s;'; SELECT 'a''b;'"),
            vec![r"SELECT E'it\'s;';", "SELECT 'a''b;'"]
        );
        assert_eq!(
            texts("SELECT \"a;\"\"b\" FROM t; PREPARE p AS SELECT $1;"),
            vec!["SELECT \"a;\"\"b\" FROM t;", "PREPARE p AS SELECT $1;"]
        );
        assert_eq!(texts("SELECT a$b$ FROM t;"), vec!["SELECT a$b$ FROM t;"]);
        assert!(texts("  -- nothing\n /* here */ ").is_empty());
        assert!(has_begin_atomic(&split_statements(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;"
        )));
        assert!(!has_begin_atomic(&split_statements(
            "BEGIN; SELECT atomic FROM t;"
        )));
        let s = split_statements("\n\n  CREATE INDEX CONCURRENTLY i ON t (a);\nDROP TABLE x;");
        assert_eq!(s[0].offset, 4);
        assert_eq!(
            &"\n\n  CREATE INDEX CONCURRENTLY i ON t (a);\nDROP TABLE x;"[s[1].offset..],
            "DROP TABLE x;"
        );
    }
}
