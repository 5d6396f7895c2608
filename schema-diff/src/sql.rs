//! SQL that strata did not generate, read with PostgreSQL's own parser
//! (libpg_query through the `pg_query` crate): [`parse_statements`] (a text →
//! its statements with their lines and parse trees; a syntax error names its
//! line), [`Parsed::destructive`] (does a statement delete data: a drop of
//! any object kind, `CASCADE`, `DROP OWNED`, `TRUNCATE`, `DELETE` anywhere
//! including CTEs, column and constraint drops, column type changes),
//! [`Parsed::transaction_control`] (`BEGIN`, `COMMIT`, `ROLLBACK`,
//! `SAVEPOINT`, ...) and [`validate_expression`] (a default, CHECK, index
//! expression or predicate is exactly one expression). Pure. The parse tree
//! is walked as JSON (the crate's protobuf types serialize with serde), so
//! every node kind is visited, however deeply nested.

use serde_json::Value;

use crate::runner::split_statements;

/// One statement of a SQL text, with its parse tree.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The statement's text (leading comments left out).
    pub text: String,
    /// Byte offset of the statement in the parsed text.
    pub offset: usize,
    /// 1-based line of the statement's first token in the parsed text.
    pub line: usize,
    tree: Value,
}

/// A syntax error: the 1-based line of the statement it is in, and
/// PostgreSQL's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SqlError {
    /// 1-based line in the parsed text.
    pub line: usize,
    /// The parser's message.
    pub message: String,
}

fn line_at(text: &str, offset: usize) -> usize {
    1 + text[..offset.min(text.len())].matches('\n').count()
}

/// Parses `text` into its statements. Each statement is parsed on its own
/// (statement boundaries from [`split_statements`], then checked against the
/// parser's own count), so a syntax error names the line of the statement it
/// is in.
pub fn parse_statements(text: &str) -> Result<Vec<Parsed>, SqlError> {
    if text.contains('\0') {
        let at = text.find('\0').unwrap_or(0);
        return Err(SqlError {
            line: line_at(text, at),
            message: "a NUL byte is not allowed in SQL".into(),
        });
    }
    // The whole text first: this is the parser's own split, which keeps
    // `BEGIN ATOMIC ... END` bodies whole.
    match pg_query::parse(text, 0) {
        Ok(result) => {
            let mut out = Vec::new();
            for raw in &result.protobuf.stmts {
                let start = usize::try_from(raw.stmt_location).unwrap_or(0);
                let len = usize::try_from(raw.stmt_len).unwrap_or(0);
                let mut end = if len == 0 { text.len() } else { start + len };
                // The parser's length stops before the statement's `;`.
                if text[end.min(text.len())..].starts_with(';') {
                    end += 1;
                }
                let (Some(piece), Some(stmt)) = (text.get(start..end), raw.stmt.as_ref()) else {
                    continue;
                };
                let lead = leading_noise(piece);
                let offset = start + lead;
                let tree = serde_json::to_value(stmt).unwrap_or(Value::Null);
                out.push(Parsed {
                    text: piece[lead..].trim_end().to_string(),
                    offset,
                    line: line_at(text, offset),
                    tree,
                });
            }
            Ok(out)
        }
        Err(whole) => {
            // Find the statement the error is in, for its line.
            for st in split_statements(text) {
                if let Err(e) = pg_query::parse(st.text, 0) {
                    return Err(SqlError {
                        line: line_at(text, st.offset),
                        message: message(&e),
                    });
                }
            }
            Err(SqlError {
                line: 1,
                message: message(&whole),
            })
        }
    }
}

/// Like [`parse_statements`], but never fails as a whole: when the text
/// does not parse, each statement (split by [`split_statements`]) is parsed
/// on its own and one that does not parse is an `Err` with its line.
pub fn parse_each(text: &str) -> Vec<Result<Parsed, SqlError>> {
    if let Ok(all) = parse_statements(text) {
        return all.into_iter().map(Ok).collect();
    }
    let mut out = Vec::new();
    for st in split_statements(text) {
        let line = line_at(text, st.offset);
        match parse_statements(st.text) {
            Ok(parsed) => out.extend(parsed.into_iter().map(|mut p| {
                p.offset += st.offset;
                p.line += line - 1;
                Ok(p)
            })),
            Err(e) => out.push(Err(SqlError {
                line,
                message: e.message,
            })),
        }
    }
    out
}

fn message(e: &pg_query::Error) -> String {
    match e {
        pg_query::Error::Parse(m) | pg_query::Error::Split(m) | pg_query::Error::Scan(m) => {
            m.clone()
        }
        other => other.to_string(),
    }
}

/// Length of the whitespace and comments before the first token of `s`.
fn leading_noise(s: &str) -> usize {
    let mut i = 0;
    let b = s.as_bytes();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"--") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0usize;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else {
            return i.min(s.len());
        }
    }
}

/// Node kinds that delete data wherever they appear in a statement.
const DELETING_NODES: [&str; 3] = ["DropOwnedStmt", "TruncateStmt", "DeleteStmt"];
/// `AlterTableCmd.subtype` values (`AlterTableType`) that lose data: drop
/// column, drop constraint, alter column type (which may narrow or convert
/// lossily).
const DELETING_SUBTYPES: [(i64, &str); 3] = [
    (
        pg_query::protobuf::AlterTableType::AtDropColumn as i64,
        "drops a column",
    ),
    (
        pg_query::protobuf::AlterTableType::AtDropConstraint as i64,
        "drops a constraint",
    ),
    (
        pg_query::protobuf::AlterTableType::AtAlterColumnType as i64,
        "changes a column's type (may narrow or convert lossily)",
    ),
];
const ALTER_TYPE: i64 = pg_query::protobuf::AlterTableType::AtAlterColumnType as i64;

/// Whether an `ALTER COLUMN ... TYPE` command's new type is plain `text`
/// (no array, no modifier, no `USING`): every value has a text form, so
/// nothing is lost.
fn to_plain_text(cmd: &Value) -> bool {
    let Some(def) = cmd
        .get("def")
        .and_then(|d| d.get("node"))
        .and_then(|n| n.get("ColumnDef"))
    else {
        return false;
    };
    let using = def.get("raw_default").is_some_and(|v| !v.is_null());
    let Some(ty) = def.get("type_name") else {
        return false;
    };
    let empty = |k: &str| {
        ty.get(k)
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty)
    };
    let names: Vec<&str> = ty
        .get("names")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|n| n.get("node")?.get("String")?.get("sval")?.as_str())
                .collect()
        })
        .unwrap_or_default();
    !using
        && empty("typmods")
        && empty("array_bounds")
        && matches!(names.as_slice(), ["text"] | ["pg_catalog", "text"])
}

const CASCADE: i64 = pg_query::protobuf::DropBehavior::DropCascade as i64;

fn walk<'a>(v: &'a Value, f: &mut dyn FnMut(&'a str, &'a Value)) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                f(k, child);
                walk(child, f);
            }
        }
        Value::Array(items) => {
            for child in items {
                walk(child, f);
            }
        }
        _ => {}
    }
}

impl Parsed {
    /// Why this statement deletes data, or `None`: a drop of any object kind
    /// (`DROP TABLE`, `DROP INDEX`, `DROP OWNED`, `DROP DATABASE`, ...),
    /// `TRUNCATE`, `DELETE` (also inside a CTE or any nested statement),
    /// `ALTER TABLE` dropping a column or constraint or changing a column's
    /// type, or `CASCADE` anywhere.
    pub fn destructive(&self) -> Option<String> {
        let mut why: Option<String> = None;
        walk(&self.tree, &mut |key, value| {
            if why.is_some() {
                return;
            }
            if DELETING_NODES.contains(&key) || (key.starts_with("Drop") && key.ends_with("Stmt")) {
                why = Some(format!("{key} deletes data"));
            } else if key == "AlterTableCmd" {
                let sub = value.get("subtype").and_then(Value::as_i64);
                if let Some((_, what)) = DELETING_SUBTYPES.iter().find(|(s, _)| Some(*s) == sub) {
                    if !(sub == Some(ALTER_TYPE) && to_plain_text(value)) {
                        why = Some((*what).to_string());
                    }
                }
            } else if key == "behavior" && value.as_i64() == Some(CASCADE) {
                why = Some("CASCADE deletes dependent objects".into());
            }
        });
        why
    }

    /// Whether this statement is transaction control (`BEGIN`, `START
    /// TRANSACTION`, `COMMIT`, `ROLLBACK`, `SAVEPOINT`, `RELEASE`, `PREPARE
    /// TRANSACTION`, ...).
    pub fn transaction_control(&self) -> bool {
        self.tree
            .get("node")
            .and_then(|n| n.get("TransactionStmt"))
            .is_some()
    }
}

/// Checks that `text`, put between `before` and `after`, parses as exactly
/// one statement: a clause taken from a model or a JSON file (a partition
/// key, a partition bound, a routine's arguments) cannot end the statement
/// it goes into and start another.
pub fn validate_clause(before: &str, text: &str, after: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("it is empty".into());
    }
    let wrapped = format!("{before}{text}{after}");
    let result =
        pg_query::parse(&wrapped, 0).map_err(|e| format!("does not parse: {}", message(&e)))?;
    match result.protobuf.stmts.len() {
        1 => Ok(()),
        n => Err(format!("makes {n} statements, not one clause")),
    }
}

/// Checks a definition object's SQL from a model or a JSON file: it
/// parses, and holds no transaction control.
pub fn validate_definition(text: &str) -> Result<(), String> {
    let parsed = parse_statements(text).map_err(|e| format!("line {}: {}", e.line, e.message))?;
    if parsed.is_empty() {
        return Err("it holds no statement".into());
    }
    if let Some(p) = parsed.iter().find(|p| p.transaction_control()) {
        return Err(format!(
            "line {}: transaction control is not allowed",
            p.line
        ));
    }
    Ok(())
}

/// Checks that `expr` (a default, CHECK expression, index expression or
/// predicate taken from a model or a JSON file) is exactly one SQL
/// expression: `SELECT (<expr>)` must parse as one statement with one
/// unnamed target and nothing else. The error says why; the caller adds the
/// table and column.
pub fn validate_expression(expr: &str) -> Result<(), String> {
    if expr.trim().is_empty() {
        return Err("the expression is empty".into());
    }
    let wrapped = format!("SELECT ({expr})");
    let result = pg_query::parse(&wrapped, 0)
        .map_err(|e| format!("not one SQL expression: {}", message(&e)))?;
    let stmts = &result.protobuf.stmts;
    if stmts.len() != 1 {
        return Err(format!(
            "not one SQL expression: it makes {} statements",
            stmts.len()
        ));
    }
    let tree = stmts[0]
        .stmt
        .as_ref()
        .map(|s| serde_json::to_value(s).unwrap_or(Value::Null))
        .unwrap_or(Value::Null);
    let Some(select) = tree.get("node").and_then(|n| n.get("SelectStmt")) else {
        return Err("not one SQL expression".into());
    };
    let Some(fields) = select.as_object() else {
        return Err("not one SQL expression".into());
    };
    for (k, v) in fields {
        let empty = match v {
            Value::Null => true,
            Value::Array(a) => a.is_empty(),
            Value::Bool(b) => !b,
            Value::Number(n) => {
                n.as_i64() == Some(0)
                    || ((k == "limit_option" || k == "op") && n.as_i64() == Some(1))
            }
            Value::String(s) => s.is_empty(),
            Value::Object(_) => false,
        };
        if k != "target_list" && k != "targetList" && !empty {
            return Err(format!("not one SQL expression (it adds a `{k}` clause)"));
        }
    }
    let targets = fields
        .get("target_list")
        .or_else(|| fields.get("targetList"))
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if targets != 1 {
        return Err(format!("not one SQL expression: it makes {targets} values"));
    }
    let named = fields
        .get("target_list")
        .or_else(|| fields.get("targetList"))
        .and_then(|t| t.get(0))
        .and_then(|t| t.get("node"))
        .and_then(|n| n.get("ResTarget"))
        .and_then(|r| r.get("name"))
        .and_then(Value::as_str)
        .is_some_and(|n| !n.is_empty());
    if named {
        return Err("not one SQL expression (it names its value)".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_and_definitions_cannot_smuggle_statements() {
        let key = |k: &str| validate_clause("CREATE TABLE c (x int) PARTITION BY ", k, "");
        assert_eq!(key("RANGE (x)"), Ok(()));
        assert!(key("RANGE (x); DROP TABLE t").is_err());
        assert!(key("").is_err());
        let bound = |b: &str| validate_clause("CREATE TABLE c PARTITION OF p ", b, "");
        assert_eq!(bound("FOR VALUES FROM (1) TO (10)"), Ok(()));
        assert_eq!(bound("DEFAULT"), Ok(()));
        assert!(bound("DEFAULT; COPY (SELECT 1) TO PROGRAM 'id'").is_err());
        let args = |a: &str| validate_clause("DROP FUNCTION f(", a, ")");
        assert_eq!(args("x integer, text"), Ok(()));
        assert!(args("integer); DROP TABLE t; SELECT (1").is_err());
        assert_eq!(validate_definition("CREATE VIEW v AS SELECT 1;"), Ok(()));
        assert!(validate_definition("CREATE VIEW v AS SELECT 1; COMMIT;").is_err());
        assert!(validate_definition("CREATE VIEW v AS SELEC 1;").is_err());
        assert!(validate_definition("  ").is_err());
    }

    fn destructive(sql: &str) -> Vec<(usize, bool)> {
        parse_statements(sql)
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"))
            .iter()
            .map(|p| (p.line, p.destructive().is_some()))
            .collect()
    }

    #[test]
    fn every_way_to_delete_data_is_found() {
        for sql in [
            "ALTER TABLE t DROP b;",
            "drop/**/table t2;",
            "ALTER TABLE \"t\" DROP \"b\";",
            "DROP TABLE IF EXISTS t;",
            "DROP -- c\nTABLE t;",
            "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d;",
            "DROP MATERIALIZED VIEW v;",
            "DROP DOMAIN d CASCADE;",
            "DROP EXTENSION e CASCADE;",
            "DROP OWNED BY r;",
            "ALTER TABLE t ALTER COLUMN a TYPE smallint;",
            "ALTER TABLE t ALTER a SET DATA TYPE varchar(2);",
            "ALTER TABLE t ALTER a TYPE text USING left(a, 1);",
            "ALTER TABLE t ALTER a TYPE text[];",
            "TRUNCATE t;",
            "DROP INDEX i;",
            "DROP INDEX CONCURRENTLY i;",
            "DELETE FROM t;",
            "ALTER TABLE t DROP CONSTRAINT c;",
            "INSERT INTO a SELECT * FROM b WHERE EXISTS (SELECT 1); WITH x AS (DELETE FROM t) SELECT 1;",
            "DROP DATABASE d;",
            "DROP SCHEMA s CASCADE;",
        ] {
            let found = destructive(sql);
            assert!(found.iter().any(|(_, d)| *d), "{sql}");
        }
        for sql in [
            "CREATE TABLE t (a int);",
            "ALTER TABLE t ADD COLUMN b int;",
            "SELECT 'DROP TABLE t';",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
            "ALTER TABLE t RENAME COLUMN a TO b;",
            "ALTER TABLE t ALTER COLUMN a TYPE text;",
        ] {
            assert_eq!(destructive(sql), vec![(1, false)], "{sql}");
        }
        // Every statement is listed, each with its line.
        let sql = "DROP TABLE a;\n-- c\nDROP TABLE b;\nSELECT 1;\n\n  TRUNCATE c;";
        assert_eq!(
            destructive(sql),
            vec![(1, true), (3, true), (4, false), (6, true)]
        );
    }

    #[test]
    fn transaction_control_and_begin_atomic() {
        let p = parse_statements("SELECT 1;\nCOMMIT;\nrollback;\nSAVEPOINT s;").unwrap();
        let tc: Vec<bool> = p.iter().map(Parsed::transaction_control).collect();
        assert_eq!(tc, vec![false, true, true, true]);
        let p = parse_statements(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;\n SELECT 2;\nEND;\nSELECT 3;",
        )
        .unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].line, 6);
        assert!(!p[0].transaction_control());
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = parse_statements("SELECT 1;\n\nSELEC 2;\nSELECT 3;").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("syntax error"), "{e:?}");
    }

    #[test]
    fn expressions_are_exactly_one_expression() {
        for ok in [
            "1",
            "now()",
            "'a;b'::text",
            "a > 0 AND b < 2",
            "lower(name)",
            "(SELECT 1)",
        ] {
            assert_eq!(validate_expression(ok), Ok(()), "{ok}");
        }
        for bad in [
            "1); COPY (SELECT 1) TO PROGRAM 'id > FILE'; CREATE TABLE public.zz (b int DEFAULT 1",
            "1) FROM pg_class; SELECT (1",
            "1), (2",
            "1) AS x, (2",
            "",
            "1 -- )",
            "1) WHERE (true",
            "1)) UNION SELECT ((1",
        ] {
            assert!(validate_expression(bad).is_err(), "{bad}");
        }
    }
}
