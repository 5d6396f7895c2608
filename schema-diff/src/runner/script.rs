//! The offline scripts: [`upgrade_script`], [`downgrade_script`]
//! and [`stamp_script`] write the same statements and version-table rows as
//! the online run, for `psql -v ON_ERROR_STOP=1 -f`. Pure. Start at
//! [`upgrade_script`].

use std::fmt::Write as _;

use strata::ident::quote_literal;

use super::version_table::VersionTable;
use crate::error::{Error, RunError};
use crate::migrations::{describe, History, State, TransactionMode};

/// The section's SQL, with a `;` added when its last statement (as
/// PostgreSQL's parser splits it) has none.
fn terminated(sql: &str) -> String {
    let mut s = sql.trim_end().to_string();
    if crate::sql::parse_each(sql)
        .last()
        .is_some_and(|st| st.as_ref().map_or(true, |p| !p.terminated))
    {
        s.push_str("\n;");
    }
    s
}

/// `text` made safe for a `--` comment line: control characters (a newline
/// in a file name or message would end the comment and put the rest into
/// the script as SQL) are written as escapes.
fn comment(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

fn script_header(out: &mut String, what: &str, table: &VersionTable) {
    let _ = writeln!(out, "-- schema-diff {}", comment(what));
    let _ = writeln!(out, "-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>");
    let _ = writeln!(out, "-- Version table: {}", table.qualified());
    out.push('\n');
}

fn lock_sql(table: &VersionTable) -> String {
    format!("SELECT pg_advisory_xact_lock({});\n", table.lock_key())
}

fn state_name(history: &History, state: &State) -> String {
    let heads = history.state_heads(state);
    if heads.is_empty() {
        "base".into()
    } else {
        heads.join(", ")
    }
}

/// The offline upgrade from `from` to `to`: the version table's creation, then
/// per migration its statements and its version row (in one transaction
/// unless `transaction: none`). Execution times are measured by the server
/// (`clock_timestamp() - now()`) for per-migration transactions, 0 otherwise.
pub fn upgrade_script(history: &History, table: &VersionTable, from: &State, to: &State) -> String {
    let path = history.upgrade_path(from, to);
    let mut out = String::new();
    script_header(
        &mut out,
        &format!(
            "upgrade: {} -> {} ({} migration(s))",
            state_name(history, from),
            state_name(history, to),
            path.len()
        ),
        table,
    );
    out.push_str("BEGIN;\n");
    out.push_str(&lock_sql(table));
    out.push_str(&table.create_sql());
    out.push_str("\nCOMMIT;\n");
    for m in path {
        let _ = writeln!(
            out,
            "\n-- Running upgrade {} ({})",
            comment(&describe(m)),
            comment(&m.file_name())
        );
        let body = terminated(&m.up);
        let insert = |elapsed: &str| {
            format!(
                "INSERT INTO {} (revision, checksum, applied_at, execution_ms, stamped) VALUES ({}, {}, now(), {elapsed}, false);\n",
                table.qualified(),
                quote_literal(&m.revision),
                quote_literal(&m.checksum)
            )
        };
        match m.transaction {
            TransactionMode::PerMigration => {
                out.push_str("BEGIN;\n");
                out.push_str(&lock_sql(table));
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&insert(
                    "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint",
                ));
                out.push_str("COMMIT;\n");
            }
            TransactionMode::None => {
                out.push_str(
                    "-- transaction: none (statements run one by one, outside a transaction)\n",
                );
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&insert("0"));
            }
        }
    }
    out
}

/// The offline downgrade from `from` back to `to`.
pub fn downgrade_script(
    history: &History,
    table: &VersionTable,
    from: &State,
    to: &State,
) -> Result<String, Error> {
    let path = history.downgrade_path(from, to);
    let mut out = String::new();
    script_header(
        &mut out,
        &format!(
            "downgrade: {} -> {} ({} migration(s))",
            state_name(history, from),
            state_name(history, to),
            path.len()
        ),
        table,
    );
    for m in path {
        let Some(down) = &m.down else {
            return Err(RunError::NoDownSection {
                migration: describe(m),
                file: m.path.clone(),
            }
            .into());
        };
        let _ = writeln!(
            out,
            "\n-- Running downgrade {} ({})",
            comment(&describe(m)),
            comment(&m.file_name())
        );
        let body = terminated(down);
        let delete = format!(
            "DELETE FROM {} WHERE revision = {};\n",
            table.qualified(),
            quote_literal(&m.revision)
        );
        match m.transaction {
            TransactionMode::PerMigration => {
                out.push_str("BEGIN;\n");
                out.push_str(&lock_sql(table));
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&delete);
                out.push_str("COMMIT;\n");
            }
            TransactionMode::None => {
                out.push_str(
                    "-- transaction: none (statements run one by one, outside a transaction)\n",
                );
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&delete);
            }
        }
    }
    Ok(out)
}

/// The offline stamp to `to`: afterwards the version table holds the
/// revisions of `to` for every revision the directory knows. Like the online
/// `stamp`, rows of revisions no file has are removed only with `purge`;
/// without it the script stops (`RAISE EXCEPTION`, nothing changed) when
/// there are any.
pub fn stamp_script(history: &History, table: &VersionTable, to: &State, purge: bool) -> String {
    let mut out = String::new();
    script_header(
        &mut out,
        &format!("stamp: {}", state_name(history, to)),
        table,
    );
    out.push_str("BEGIN;\n");
    out.push_str(&lock_sql(table));
    out.push_str(&table.create_sql());
    out.push('\n');
    let known: Vec<String> = history
        .migrations()
        .iter()
        .map(|m| quote_literal(&m.revision))
        .collect();
    let drop: Vec<String> = history
        .migrations()
        .iter()
        .filter(|m| !to.contains(&m.revision))
        .map(|m| quote_literal(&m.revision))
        .collect();
    let unknown = if known.is_empty() {
        format!("SELECT 1 FROM {}", table.qualified())
    } else {
        format!(
            "SELECT 1 FROM {} WHERE revision NOT IN ({})",
            table.qualified(),
            known.join(", ")
        )
    };
    if purge {
        let _ = writeln!(
            out,
            "DELETE FROM {}{};",
            table.qualified(),
            if known.is_empty() {
                String::new()
            } else {
                format!(" WHERE revision NOT IN ({})", known.join(", "))
            }
        );
    } else {
        let _ = writeln!(
            out,
            "DO $schema_diff_stamp$ BEGIN IF EXISTS ({unknown}) THEN RAISE EXCEPTION 'the version table has revisions that no migration file has; stamp --sql --purge removes them'; END IF; END $schema_diff_stamp$;"
        );
    }
    if !drop.is_empty() {
        let _ = writeln!(
            out,
            "DELETE FROM {} WHERE revision IN ({});",
            table.qualified(),
            drop.join(", ")
        );
    }
    for m in history
        .migrations()
        .iter()
        .filter(|m| to.contains(&m.revision))
    {
        let _ = writeln!(
            out,
            "INSERT INTO {t} (revision, checksum, applied_at, execution_ms, stamped) VALUES ({r}, {c}, now(), 0, true) \
             ON CONFLICT (revision) DO UPDATE SET checksum = EXCLUDED.checksum;",
            t = table.qualified(),
            r = quote_literal(&m.revision),
            c = quote_literal(&m.checksum)
        );
    }
    out.push_str("COMMIT;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_cannot_be_ended_by_a_name() {
        assert_eq!(
            comment("a1_x\nDROP TABLE users;\r.sql"),
            "a1_x\\nDROP TABLE users;\\r.sql"
        );
    }

    #[test]
    fn a_section_ends_with_a_semicolon() {
        assert_eq!(
            terminated("SELECT 1 -- no semicolon"),
            "SELECT 1 -- no semicolon\n;"
        );
        assert_eq!(
            terminated("SELECT 1;\n-- trailing"),
            "SELECT 1;\n-- trailing"
        );
    }
}
