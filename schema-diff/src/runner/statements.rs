//! The scan of down sections for statements that delete data
//! ([`destructive_statements`], [`refuse_drops`]), on PostgreSQL's parse
//! tree ([`crate::sql`]). Pure. Start at [`destructive_statements`].

use crate::error::{DestructiveStatement, Error, RunError};
use crate::migrations::Migration;

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
