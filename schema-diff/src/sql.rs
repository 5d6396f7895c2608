//! SQL that strata did not generate, read with PostgreSQL's own parser
//! (libpg_query through the `pg_query` crate): [`parse_statements`] (a text →
//! its statements, split by the parser, with their lines and parse trees; a
//! syntax error names the line and column where the parser stopped), [`Parsed::destructive`] (does a statement delete data: a drop of
//! any object kind, `CASCADE`, `DROP OWNED`, `TRUNCATE`, `DELETE` anywhere
//! including CTEs, column and constraint drops, column type changes),
//! [`Parsed::transaction_control`] (`BEGIN`, `COMMIT`, `ROLLBACK`,
//! `SAVEPOINT`, ...), [`validate_expression`] (a default, CHECK, index
//! expression or predicate is exactly one expression), [`Parsed::tree`]
//! (the parse tree itself, which [`crate::lint`] reads) and [`comments`]
//! (the comments the scanner finds, for `-- lint:` allow comments). Pure. The parse tree
//! is walked as JSON (the crate's protobuf types serialize with serde), so
//! every node kind is visited, however deeply nested.

use serde_json::Value;

/// One statement of a SQL text, with its parse tree.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The statement's text (leading comments left out; its `;` included
    /// when it has one).
    pub text: String,
    /// Byte offset of the statement in the parsed text.
    pub offset: usize,
    /// 1-based line of the statement's first token in the parsed text.
    pub line: usize,
    /// Whether the statement ends with its `;` (only the last statement of
    /// a text can lack one).
    pub terminated: bool,
    tree: Value,
}

/// A syntax error: where PostgreSQL's parser stopped (1-based line and
/// column, in characters, of the token it could not accept, or of the
/// statement's first token when the statement is unfinished), and
/// PostgreSQL's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SqlError {
    /// 1-based line in the parsed text.
    pub line: usize,
    /// 1-based column (in characters) in that line.
    pub column: usize,
    /// The parser's message.
    pub message: String,
}

impl SqlError {
    fn at(text: &str, offset: usize, message: String) -> SqlError {
        let (line, column) = line_column(text, offset);
        SqlError {
            line,
            column,
            message,
        }
    }
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The byte offsets where the lines of a text start, for line numbers in
/// O(log n).
struct Lines(Vec<usize>);

impl Lines {
    fn of(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines(starts)
    }

    /// 1-based line of byte `offset`.
    fn at(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset).max(1)
    }
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_boundary(text, offset)];
    let line = 1 + before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The tokens of `text` from PostgreSQL's scanner, as byte ranges and
/// token kinds.
fn scan(text: &str) -> Result<Vec<(usize, usize, i32)>, pg_query::Error> {
    Ok(pg_query::scan(text)?
        .tokens
        .iter()
        .map(|t| {
            (
                usize::try_from(t.start).unwrap_or(0),
                usize::try_from(t.end).unwrap_or(0),
                t.token,
            )
        })
        .collect())
}

const SEMICOLON: i32 = pg_query::protobuf::Token::Ascii59 as i32;
const SQL_COMMENT: i32 = pg_query::protobuf::Token::SqlComment as i32;
const C_COMMENT: i32 = pg_query::protobuf::Token::CComment as i32;

fn is_comment(token: i32) -> bool {
    token == SQL_COMMENT || token == C_COMMENT
}

/// The first token at or after byte `at` that is not a comment (`tokens`
/// are in text order).
fn first_token_from(tokens: &[(usize, usize, i32)], at: usize) -> Option<&(usize, usize, i32)> {
    let from = tokens.partition_point(|(s, _, _)| *s < at);
    tokens[from..].iter().find(|(_, _, k)| !is_comment(*k))
}

/// The statements of `text` as PostgreSQL's parser splits them (its
/// statement locations: `BEGIN ATOMIC ... END` bodies, dollar quotes and
/// comments stay whole), each with its parse tree; `base` is added to the
/// offsets, `full` is the text they are in (for lines).
fn statements_of(
    full: &str,
    lines: &Lines,
    base: usize,
    result: &pg_query::ParseResult,
    tokens: &[(usize, usize, i32)],
) -> Vec<Parsed> {
    let text = &full[base..];
    let mut out = Vec::new();
    for raw in &result.protobuf.stmts {
        let start = usize::try_from(raw.stmt_location).unwrap_or(0);
        let len = usize::try_from(raw.stmt_len).unwrap_or(0);
        let mut end = if len == 0 { text.len() } else { start + len };
        // The parser's length stops before the statement's `;`: the next
        // token, when it is one, belongs to it.
        let next = first_token_from(tokens, base + end);
        let terminated = match next {
            Some((_, e, k)) if *k == SEMICOLON && len > 0 => {
                end = e.saturating_sub(base);
                true
            }
            _ => false,
        };
        let (Some(piece), Some(stmt)) = (text.get(start..end), raw.stmt.as_ref()) else {
            continue;
        };
        // The first token that is not a comment starts the statement.
        let first = first_token_from(tokens, base + start).map_or(base + start, |(s, _, _)| *s);
        let lead = first.saturating_sub(base + start).min(piece.len());
        let offset = base + start + lead;
        let tree = serde_json::to_value(stmt).unwrap_or(Value::Null);
        out.push(Parsed {
            text: piece.get(lead..).unwrap_or(piece).trim_end().to_string(),
            offset,
            line: lines.at(offset),
            terminated,
            tree,
        });
    }
    out
}

/// The comments of `text` as PostgreSQL's scanner finds them (never
/// inside a string, a quoted identifier or a dollar quote): each comment's
/// byte range, `--` or `/*` included. A text the scanner refuses has none.
pub fn comments(text: &str) -> Vec<(usize, usize)> {
    scan(text)
        .map(|tokens| {
            tokens
                .into_iter()
                .filter(|(_, _, k)| is_comment(*k))
                .map(|(s, e, _)| (s, e))
                .collect()
        })
        .unwrap_or_default()
}

/// Parses `text` into its statements, split by PostgreSQL's parser. A
/// syntax error names the line and column where the parser stopped (see
/// [`parse_each`]).
pub fn parse_statements(text: &str) -> Result<Vec<Parsed>, SqlError> {
    let mut out = Vec::new();
    for st in parse_each(text) {
        out.push(st?);
    }
    Ok(out)
}

/// Like [`parse_statements`], but never fails as a whole: every statement
/// that parses is an `Ok`, every one that does not is an `Err` with the
/// line and column where the parser stopped. The whole text is parsed
/// first; when it does not parse, the text is cut at the `;` tokens of
/// PostgreSQL's scanner and the pieces are parsed from the start. When a
/// piece does not parse, the token the parser stops at in the rest of the
/// text is found (the first token from which on every longer prefix fails
/// with the same message, by bisection); the piece is joined to the next
/// ones up to that token's until they parse (a `BEGIN ATOMIC` body holds
/// `;`), else the statement is an error at that token and parsing goes on
/// after its next `;`.
pub fn parse_each(text: &str) -> Vec<Result<Parsed, SqlError>> {
    if let Some(at) = text.find('\0') {
        return vec![Err(SqlError::at(
            text,
            at,
            "a NUL byte is not allowed in SQL".into(),
        ))];
    }
    let tokens = match scan(text) {
        Ok(t) => t,
        Err(e) => return vec![Err(lexical_error(text, &e))],
    };
    if let Ok(result) = pg_query::parse(text, 0) {
        return statements_of(text, &Lines::of(text), 0, &result, &tokens)
            .into_iter()
            .map(Ok)
            .collect();
    }
    let mut bounds: Vec<usize> = tokens
        .iter()
        .filter(|(_, _, k)| *k == SEMICOLON)
        .map(|(_, e, _)| *e)
        .collect();
    if bounds.last() != Some(&text.len()) {
        bounds.push(text.len());
    }
    let lines = Lines::of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    let parse = |from: usize, to: usize| text.get(from..to).map(|p| pg_query::parse(p, 0));
    while k < bounds.len() {
        if let Some(Ok(result)) = parse(start, bounds[k]) {
            out.extend(
                statements_of(text, &lines, start, &result, &tokens)
                    .into_iter()
                    .map(Ok),
            );
            start = bounds[k];
            k += 1;
            continue;
        }
        // Where the parser stops in the rest of the text: pieces up to the
        // one holding that token may still complete the statement (a
        // `BEGIN ATOMIC` body); past it, none can.
        let (error, at) = stopped_at(text, start, &tokens);
        let last = bounds
            .iter()
            .position(|&b| b > at)
            .unwrap_or(bounds.len() - 1)
            .max(k);
        let done = (k + 1..=last).find_map(|j| match parse(start, bounds[j]) {
            Some(Ok(result)) => Some((j, result)),
            _ => None,
        });
        match done {
            Some((j, result)) => {
                out.extend(
                    statements_of(text, &lines, start, &result, &tokens)
                        .into_iter()
                        .map(Ok),
                );
                start = bounds[j];
                k = j + 1;
            }
            None => {
                out.push(Err(error));
                start = bounds[last];
                k = last + 1;
            }
        }
    }
    out
}

/// Where the parser stops in the statement that starts at `start` and
/// parses with no following text: the error, and the byte offset of the
/// token it stopped at.
fn stopped_at(text: &str, start: usize, tokens: &[(usize, usize, i32)]) -> (SqlError, usize) {
    let rest = &text[start..];
    let whole = match pg_query::parse(rest, 0) {
        Err(e) => message(&e),
        // Cannot happen (every longer run was tried); the first piece
        // stands for the statement.
        Ok(_) => "syntax error".to_string(),
    };
    let from = tokens.partition_point(|(s, _, _)| *s < start);
    let candidates: Vec<&(usize, usize, i32)> = tokens[from..]
        .iter()
        .filter(|(_, _, k)| !is_comment(*k))
        .collect();
    let fails_alike = |i: usize| -> bool {
        let end = candidates[i].1;
        match text.get(start..end).map(|p| pg_query::parse(p, 0)) {
            Some(Err(e)) => message(&e) == whole,
            _ => false,
        }
    };
    // Bisection for the first token whose prefix fails like the whole.
    let (mut lo, mut hi) = (0usize, candidates.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fails_alike(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let at = candidates
        .get(lo)
        .or(candidates.first())
        .map_or(start, |t| t.0);
    (SqlError::at(text, at, whole), at)
}

/// A scanner error (an unterminated quoted string, comment, identifier or
/// dollar quote, ...): PostgreSQL quotes the text from where the token
/// starts, which for an unterminated one is the rest of the input.
fn lexical_error(text: &str, e: &pg_query::Error) -> SqlError {
    let msg = message(e);
    let near = msg
        .rsplit_once(" at or near \"")
        .and_then(|(_, n)| n.strip_suffix('"'))
        .filter(|n| !n.is_empty());
    let at = near
        .and_then(|n| {
            if text.ends_with(n) {
                Some(text.len() - n.len())
            } else {
                text.find(n)
            }
        })
        .unwrap_or(0);
    SqlError::at(text, at, msg)
}

fn message(e: &pg_query::Error) -> String {
    match e {
        pg_query::Error::Parse(m) | pg_query::Error::Split(m) | pg_query::Error::Scan(m) => {
            m.clone()
        }
        other => other.to_string(),
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

/// The strings of a parse tree's name list (`["pg_catalog", "text"]`);
/// empty when it is none.
fn name_list(list: Option<&Value>) -> Vec<&str> {
    list.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|n| n.get("node")?.get("String")?.get("sval")?.as_str())
                .collect()
        })
        .unwrap_or_default()
}

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
    let names = name_list(ty.get("names"));
    !using
        && empty("typmods")
        && empty("array_bounds")
        && matches!(names.as_slice(), ["text"] | ["pg_catalog", "text"])
}

const CASCADE: i64 = pg_query::protobuf::DropBehavior::DropCascade as i64;

/// Whether an option's value (a `DefElem`'s `arg`) reads as false, as
/// PostgreSQL's `defGetBoolean` reads it: `false`, `off`, `0`.
fn option_is_false(def: &Value) -> bool {
    let mut off = false;
    walk(def.get("arg").unwrap_or(&Value::Null), &mut |key, value| {
        off |= match key {
            "sval" => value
                .as_str()
                .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "false" | "off" | "0")),
            "boolval" => value.as_bool() == Some(false),
            "ival" => value.as_i64() == Some(0),
            _ => false,
        };
    });
    off
}

pub(crate) fn walk<'a>(v: &'a Value, f: &mut dyn FnMut(&'a str, &'a Value)) {
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
    /// The statement's parse tree, as JSON (`{"node": {"<Kind>Stmt":
    /// {...}}}`, field names as in libpg_query's protobuf, enums as
    /// numbers).
    pub fn tree(&self) -> &Value {
        &self.tree
    }

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

    /// Whether the statement creates something tables may need to exist
    /// first: a schema, an extension, a type (enum, domain, composite,
    /// range, base), a collation, a sequence, a function or procedure, or
    /// comments on, grants on and changes of them are not counted (they run
    /// after the tables).
    pub fn creates_what_tables_use(&self) -> bool {
        const KINDS: [&str; 10] = [
            "CreateSchemaStmt",
            "CreateExtensionStmt",
            "CreateEnumStmt",
            "CreateDomainStmt",
            "CompositeTypeStmt",
            "CreateRangeStmt",
            "DefineStmt",
            "CreateSeqStmt",
            "CreateFunctionStmt",
            "CreateConversionStmt",
        ];
        self.tree
            .get("node")
            .and_then(Value::as_object)
            .is_some_and(|n| n.keys().any(|k| KINDS.contains(&k.as_str())))
    }
}

/// Statement kinds PostgreSQL refuses inside a transaction block, with
/// what they are called in messages.
const OUTSIDE_TRANSACTION: [(&str, &str); 5] = [
    ("CreatedbStmt", "CREATE DATABASE"),
    ("DropdbStmt", "DROP DATABASE"),
    ("CreateTableSpaceStmt", "CREATE TABLESPACE"),
    ("DropTableSpaceStmt", "DROP TABLESPACE"),
    ("AlterSystemStmt", "ALTER SYSTEM"),
];

impl Parsed {
    /// What in this statement PostgreSQL refuses inside a transaction
    /// block, or `None`: `CONCURRENTLY` (`CREATE INDEX`, `DROP INDEX`,
    /// `REINDEX`, `REFRESH MATERIALIZED VIEW`, `ALTER TABLE ... DETACH
    /// PARTITION`), `VACUUM`, `CREATE`/`DROP DATABASE`, `CREATE`/`DROP
    /// TABLESPACE`, `ALTER SYSTEM`. Read on the parse tree.
    pub fn outside_transaction_only(&self) -> Option<&'static str> {
        let node = self.tree.get("node")?;
        let (kind, body) = node.as_object()?.iter().next()?;
        if let Some((_, name)) = OUTSIDE_TRANSACTION.iter().find(|(k, _)| k == kind) {
            return Some(name);
        }
        if kind == "VacuumStmt" && body.get("is_vacuumcmd").and_then(Value::as_bool) == Some(true) {
            return Some("VACUUM");
        }
        let mut found = None;
        walk(&self.tree, &mut |key, value| {
            if found.is_some() {
                return;
            }
            let concurrent = value.get("concurrent").and_then(Value::as_bool) == Some(true);
            found = match key {
                "IndexStmt" if concurrent => Some("CREATE INDEX CONCURRENTLY"),
                "DropStmt" if concurrent => Some("DROP INDEX CONCURRENTLY"),
                "RefreshMatViewStmt" if concurrent => {
                    Some("REFRESH MATERIALIZED VIEW CONCURRENTLY")
                }
                "PartitionCmd" if concurrent => Some("DETACH PARTITION CONCURRENTLY"),
                "ReindexStmt" if reindex_concurrently(value) => Some("REINDEX CONCURRENTLY"),
                _ => None,
            };
        });
        found
    }
}

/// Whether a `ReindexStmt`'s options hold `CONCURRENTLY` (not `CONCURRENTLY
/// false`).
pub(crate) fn reindex_concurrently(stmt: &Value) -> bool {
    let Some(params) = stmt.get("params").and_then(Value::as_array) else {
        return false;
    };
    params.iter().any(|p| {
        let Some(def) = p.get("node").and_then(|n| n.get("DefElem")) else {
            return false;
        };
        if def.get("defname").and_then(Value::as_str) != Some("concurrently") {
            return false;
        }
        // No argument means true; `false`, `off` and 0 turn it off.
        match def.get("arg").and_then(|a| a.get("node")) {
            None | Some(Value::Null) => true,
            Some(arg) => {
                let text = arg
                    .get("String")
                    .and_then(|s| s.get("sval"))
                    .and_then(Value::as_str)
                    .map(str::to_ascii_lowercase);
                let boolean = arg
                    .get("Boolean")
                    .map(|b| b.get("boolval").and_then(Value::as_bool) == Some(true));
                let int = arg
                    .get("Integer")
                    .map(|i| i.get("ival").and_then(Value::as_i64).unwrap_or(0) != 0);
                boolean
                    .or(int)
                    .or(text.map(|t| !matches!(t.as_str(), "false" | "off" | "0" | "no")))
                    .unwrap_or(true)
            }
        }
    })
}

/// Checks that `text`, put between `before` and `after`, parses as exactly
/// one statement: a clause taken from a model or a JSON file (a partition
/// key, a partition bound, a routine's arguments) cannot end the statement
/// it goes into and start another.
pub fn validate_clause(before: &str, text: &str, after: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("it is empty".into());
    }
    validate_piece(text)?;
    let wrapped = format!("{before}{text}{after}");
    let result =
        pg_query::parse(&wrapped, 0).map_err(|e| format!("does not parse: {}", message(&e)))?;
    match result.protobuf.stmts.len() {
        1 => Ok(()),
        n => Err(format!("makes {n} statements, not one clause")),
    }
}

/// Checks a piece of text that goes into a statement as it is (a clause,
/// an operator's name, a cast's types, a routine's arguments): on
/// PostgreSQL's scanner it holds no `;` and no comment, so it can neither
/// end its statement nor hide what follows it (`int) CASCADE --` would
/// turn `DROP FUNCTION f(...)` into a cascading drop).
pub fn validate_piece(text: &str) -> Result<(), String> {
    if text.contains('\0') {
        return Err("a NUL byte is not allowed".into());
    }
    let tokens = scan(text).map_err(|e| format!("does not scan: {}", message(&e)))?;
    if tokens.iter().any(|(_, _, k)| *k == SEMICOLON) {
        return Err("it holds a `;`".into());
    }
    if tokens.iter().any(|(_, _, k)| is_comment(*k)) {
        return Err("it holds a comment".into());
    }
    Ok(())
}

/// How an object's statement taken from a JSON schema is used
/// ([`validate_object_sql`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectSql {
    /// A definition, or a part's `add` or `change`: it creates or alters.
    Create,
    /// An object's own `drop`, or a part's `drop`: it may also drop one
    /// object (never with `CASCADE`) or, for a composite type's attribute,
    /// drop a column of the type.
    Drop,
    /// A sequence's part: it may also be `SELECT pg_catalog.setval(...)`
    /// (the guard that keeps the current value within new bounds).
    Sequence,
}

/// Statement kinds that act beyond the schema (roles, databases,
/// tablespaces, the server's configuration, subscriptions that connect
/// elsewhere): never part of an object's SQL.
const BEYOND_SCHEMA: [&str; 13] = [
    "AlterRoleStmt",
    "AlterRoleSetStmt",
    "CreateRoleStmt",
    "AlterSystemStmt",
    "AlterDatabaseStmt",
    "AlterDatabaseSetStmt",
    "AlterDatabaseRefreshCollStmt",
    "CreatedbStmt",
    "CreateTableSpaceStmt",
    "AlterTableSpaceOptionsStmt",
    "AlterTableMoveAllStmt",
    "CreateSubscriptionStmt",
    "AlterSubscriptionStmt",
];

/// Checks an object's SQL read from a JSON schema (a definition, a drop
/// statement, a part's statements) on PostgreSQL's parse tree before any
/// plan is built from it: every statement creates, alters, comments on or
/// grants on schema objects ([`ObjectSql::Create`]); a drop statement may
/// drop one object, without `CASCADE` ([`ObjectSql::Drop`]). Anything
/// else (`DELETE`, `TRUNCATE`, `DROP ... CASCADE`, a drop slipped into a
/// definition, `ALTER ROLE`, `COPY ... TO PROGRAM`, transaction control) is
/// refused, so a schema file cannot carry statements the plan would run
/// as if they were its own.
pub fn validate_object_sql(text: &str, usage: ObjectSql) -> Result<(), String> {
    validate_object_sql_of(text, usage, &ObjectShape::default())
}

/// What an object's statements may be beyond [`validate_object_sql`]'s
/// rules: which statement kinds (parse tree node names; empty: any the
/// rules allow), and the relation an `ALTER TABLE`-shaped statement must
/// name (the object's own table), or that such a statement may only
/// change an owner.
#[derive(Clone, Debug, Default)]
pub struct ObjectShape<'a> {
    /// The statement kinds allowed (`CreateTrigStmt`, ...).
    pub kinds: &'a [&'a str],
    /// `(schema, name)` every `ALTER TABLE`-shaped statement and `CREATE
    /// INDEX` must name (a subscription's statements: `name`).
    pub relation: Option<(&'a str, &'a str)>,
    /// `ALTER TABLE`-shaped statements may only change the owner.
    pub owner_only: bool,
}

/// [`validate_object_sql`] with the statements' shape restricted to what
/// the object's kind holds ([`ObjectShape`]).
pub fn validate_object_sql_of(
    text: &str,
    usage: ObjectSql,
    shape: &ObjectShape<'_>,
) -> Result<(), String> {
    let parsed = parse_statements(text).map_err(|e| format!("line {}: {}", e.line, e.message))?;
    if parsed.is_empty() {
        return Err("it holds no statement".into());
    }
    for p in &parsed {
        let Some((kind, node)) = p
            .tree()
            .get("node")
            .and_then(Value::as_object)
            .and_then(|m| m.iter().next())
        else {
            return Err(format!("line {}: not a statement", p.line));
        };
        let kind = kind.as_str();
        let refuse = |why: &str| Err(format!("line {}: {kind}: {why}", p.line));
        let sequence_guard = kind == "SelectStmt" && usage == ObjectSql::Sequence;
        if !shape.kinds.is_empty() && !shape.kinds.contains(&kind) && !sequence_guard {
            return refuse("not a statement this kind of object holds");
        }
        if matches!(kind, "AlterTableStmt" | "IndexStmt") {
            if let Some((schema, name)) = shape.relation {
                let rel = node.get("relation");
                let part = |k: &str| rel.and_then(|r| r.get(k)).and_then(Value::as_str);
                if part("schemaname") != Some(schema) || part("relname") != Some(name) {
                    return refuse("it names another relation than the object's own");
                }
            }
            if shape.owner_only {
                let change_owner = pg_query::protobuf::AlterTableType::AtChangeOwner as i64;
                let mut other = false;
                walk(node, &mut |key, value| {
                    if key == "AlterTableCmd" {
                        other |= value.get("subtype").and_then(Value::as_i64) != Some(change_owner);
                    }
                });
                if other {
                    return refuse("an owner's statement only changes the owner");
                }
            }
        }
        // A subscription's own statements, for a subscription only, on
        // itself (its name is the relation's); made without connecting to
        // its publisher (as the catalog reader writes it).
        if matches!(kind, "CreateSubscriptionStmt" | "AlterSubscriptionStmt")
            && shape.kinds.contains(&kind)
            && node.get("subname").and_then(Value::as_str) != shape.relation.map(|r| r.1)
        {
            return refuse("it names another subscription than the object's own");
        }
        if kind == "CreateSubscriptionStmt" && shape.kinds.contains(&kind) {
            let mut offline = false;
            walk(node, &mut |key, value| {
                if key == "DefElem"
                    && value.get("defname").and_then(Value::as_str) == Some("connect")
                {
                    offline |= option_is_false(value);
                }
            });
            if !offline {
                return refuse("a subscription is made with connect = false");
            }
        }
        let allowed = match kind {
            _ if BEYOND_SCHEMA.contains(&kind) && !shape.kinds.contains(&kind) => false,
            "ViewStmt"
            | "RuleStmt"
            | "IndexStmt"
            | "CompositeTypeStmt"
            | "CommentStmt"
            | "GrantStmt"
            | "AlterDefaultPrivilegesStmt"
            | "RenameStmt"
            | "SecLabelStmt" => true,
            _ if kind.starts_with("Create") || kind.starts_with("Define") => true,
            _ if kind.starts_with("Alter") => true,
            "SelectStmt" => usage == ObjectSql::Sequence && is_setval(node),
            "DropUserMappingStmt" => usage == ObjectSql::Drop,
            "DropStmt" => {
                usage == ObjectSql::Drop
                    && node
                        .get("objects")
                        .and_then(Value::as_array)
                        .is_some_and(|o| o.len() == 1)
            }
            _ => false,
        };
        if !allowed {
            return refuse("not a statement an object's SQL may hold");
        }
        // A routine's SQL-standard body and a rule's actions are the
        // object's own text, run later by its callers, never by the plan.
        if matches!(kind, "CreateFunctionStmt" | "RuleStmt") {
            continue;
        }
        let mut cascade = false;
        walk(p.tree(), &mut |key, value| {
            cascade |= key == "behavior" && value.as_i64() == Some(CASCADE);
        });
        if cascade {
            return refuse("CASCADE is not allowed");
        }
        if kind == "AlterTableStmt" {
            if let Some(why) = alter_table_loss(node, usage) {
                return refuse(why);
            }
        }
    }
    Ok(())
}

/// What an `ALTER TABLE`-shaped statement of an object's SQL would lose
/// that the object's plan does not account for: a composite type's
/// attributes (`ALTER TYPE ... DROP/ALTER ATTRIBUTE`) are its own parts,
/// and a drop statement may drop a constraint (an exclusion constraint's
/// own drop); dropping a table's column or changing its type never
/// belongs to an object.
fn alter_table_loss(node: &Value, usage: ObjectSql) -> Option<&'static str> {
    let composite = node.get("objtype").and_then(Value::as_i64)
        == Some(pg_query::protobuf::ObjectType::ObjectType as i64);
    if composite {
        return None;
    }
    let drop_constraint = pg_query::protobuf::AlterTableType::AtDropConstraint as i64;
    let mut loss = None;
    walk(node, &mut |key, value| {
        if key != "AlterTableCmd" || loss.is_some() {
            return;
        }
        let sub = value.get("subtype").and_then(Value::as_i64);
        if usage == ObjectSql::Drop && sub == Some(drop_constraint) {
            return;
        }
        if let Some((_, what)) = DELETING_SUBTYPES.iter().find(|(s, _)| Some(*s) == sub) {
            loss = Some(*what);
        }
    });
    loss
}

/// `SELECT pg_catalog.setval(...) [FROM ... WHERE ...]` with no other
/// call in its target.
fn is_setval(select: &Value) -> bool {
    let Some([target]) = select
        .get("target_list")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
    else {
        return false;
    };
    let names = name_list(target.pointer("/node/ResTarget/val/node/FuncCall/funcname"));
    let mut calls = 0;
    let mut subquery = false;
    walk(select, &mut |key, _| {
        calls += usize::from(key == "FuncCall");
        subquery |= matches!(key, "SubLink" | "RangeSubselect" | "RangeFunction");
    });
    names == ["pg_catalog", "setval"] && calls == 1 && !subquery
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
    fn a_subscription_is_made_offline_and_names_itself() {
        let shape = ObjectShape {
            kinds: &["CreateSubscriptionStmt", "AlterSubscriptionStmt"],
            relation: Some(("", "s")),
            owner_only: false,
        };
        let check = |t: &str| validate_object_sql_of(t, ObjectSql::Create, &shape);
        for offline in ["false", "'false'", "off", "0", "FALSE"] {
            let t = format!(
                "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (connect = {offline})"
            );
            assert_eq!(check(&t), Ok(()), "{t}");
        }
        for refused in [
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p",
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (connect = true)",
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (enabled = false)",
            "CREATE SUBSCRIPTION t CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false)",
            "ALTER SUBSCRIPTION t ENABLE",
        ] {
            assert!(check(refused).is_err(), "{refused}");
        }
        assert_eq!(check("ALTER SUBSCRIPTION s ENABLE"), Ok(()));
        // Nowhere else.
        assert!(validate_object_sql(
            "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false)",
            ObjectSql::Create
        )
        .is_err());
    }

    #[test]
    fn object_sql_is_checked_on_the_parse_tree() {
        use ObjectSql::{Create, Drop, Sequence};
        let ok = |t: &str, u| assert_eq!(validate_object_sql(t, u), Ok(()), "{t}");
        let no = |t: &str, u| assert!(validate_object_sql(t, u).is_err(), "{t}");
        ok("CREATE VIEW v AS SELECT 1", Create);
        ok(
            "CREATE FUNCTION f() RETURNS void LANGUAGE sql BEGIN ATOMIC DELETE FROM t; END",
            Create,
        );
        ok(
            "CREATE RULE r AS ON DELETE TO t DO INSTEAD DELETE FROM u",
            Create,
        );
        ok(
            "ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING gist (a WITH =)",
            Create,
        );
        ok("ALTER TYPE c ALTER ATTRIBUTE a TYPE bigint", Create);
        ok(
            "GRANT SELECT ON t TO PUBLIC; REVOKE ALL ON t FROM r",
            Create,
        );
        ok("ALTER EVENT TRIGGER e DISABLE", Create);
        ok("DROP TRIGGER x ON t", Drop);
        ok("DROP USER MAPPING FOR PUBLIC SERVER s", Drop);
        ok("ALTER TABLE t DROP CONSTRAINT x", Drop);
        ok("ALTER TYPE c DROP ATTRIBUTE a", Drop);
        ok(
            "SELECT pg_catalog.setval('s', 1, false) FROM s WHERE last_value < 1",
            Sequence,
        );
        no("CREATE VIEW v AS SELECT 1; DROP TABLE t", Create);
        no("DROP TABLE t", Create);
        no("DROP TABLE t CASCADE", Drop);
        no("DROP TABLE a, b", Drop);
        no("ALTER TABLE t DROP COLUMN a", Drop);
        no("ALTER TABLE t ALTER COLUMN a TYPE int", Create);
        no("ALTER TABLE t DROP CONSTRAINT x", Create);
        no("ALTER DOMAIN d DROP CONSTRAINT c CASCADE", Drop);
        no("DELETE FROM t", Create);
        no("TRUNCATE t", Drop);
        no("COPY t TO PROGRAM 'id'", Create);
        no("ALTER ROLE postgres NOSUPERUSER", Create);
        no("CREATE ROLE x", Create);
        no("BEGIN", Create);
        no("SELECT 1", Create);
        no("SELECT pg_catalog.setval('s', 1)", Create);
        no("SELECT pg_catalog.setval('s', (SELECT f()))", Sequence);
        no(
            "SELECT pg_catalog.setval('s', 1), pg_terminate_backend(1)",
            Sequence,
        );
        no("", Create);
    }

    #[test]
    fn pieces_hold_no_semicolon_or_comment() {
        assert_eq!(validate_piece("integer, text"), Ok(()));
        assert_eq!(validate_piece("'a;b'::text"), Ok(()));
        assert!(validate_piece("integer) CASCADE --").is_err());
        assert!(validate_piece("integer /* x */").is_err());
        assert!(validate_piece("integer); DROP TABLE t").is_err());
        assert!(validate_piece("'unterminated").is_err());
    }

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
        let aggregate = |a: &str| validate_clause("DROP AGGREGATE f(", a, ")");
        assert_eq!(aggregate("*"), Ok(()));
        assert_eq!(
            aggregate("double precision ORDER BY double precision"),
            Ok(())
        );
        assert!(aggregate("*); DROP TABLE t; SELECT (1").is_err());
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
            "DROP AGGREGATE a(*);",
            "DROP AGGREGATE s.\"A b\"(double precision ORDER BY double precision);",
            "DROP TYPE s.r;",
            "DROP COLLATION s.c;",
            "DROP STATISTICS s.st;",
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
    fn comments_are_found_by_the_scanner() {
        let sql = "-- a\nSELECT '-- not one' /* b */; -- c\nSELECT $$ -- no $$;";
        let found: Vec<&str> = comments(sql).iter().map(|&(s, e)| &sql[s..e]).collect();
        assert_eq!(found, vec!["-- a", "/* b */", "-- c"]);
        assert!(comments("SELECT 'open").is_empty());
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
        // Where the parser stopped, not where the statement starts.
        let e =
            parse_statements("SELECT 1;\nCREATE TABLE t (\n  a int,\n  b int int\n);").unwrap_err();
        assert_eq!((e.line, e.column), (4, 9), "{e:?}");
        // Inside a `BEGIN ATOMIC` body, after statements with `;` in
        // strings, comments and dollar quotes.
        let sql = "SELECT ';' /* ; */; -- ;\nSELECT $a$ ; $a$;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELEC 2;\nEND;\nSELECT 3;";
        let e = parse_statements(sql).unwrap_err();
        assert_eq!((e.line, e.column), (6, 3), "{e:?}");
        // The statements around a bad one still parse.
        let each = parse_each("SELECT 1;\nSELEC 2;\nSELECT 3;");
        assert_eq!(each.len(), 3);
        assert!(each[0].is_ok() && each[1].is_err() && each[2].is_ok());
        assert_eq!(each[2].as_ref().map(|p| p.line).ok(), Some(3));
        // An unterminated literal: the scanner's error, where it starts.
        let e = parse_statements("SELECT 1;\nSELECT 'abc;\nSELECT 2;").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8), "{e:?}");
        let e = parse_statements("SELECT 1;\n/* open\nSELECT 2;").unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
        // A multi-byte character before the error counts as one column.
        let e = parse_statements("SELECT 'é' FRM t;").unwrap_err();
        assert_eq!((e.line, e.column), (1, 16), "{e:?}");
        assert!(parse_statements("SELECT 1;\0").is_err());
        // A `BEGIN ATOMIC` body before a bad statement stays one statement;
        // every bad statement is reported.
        let each = parse_each(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\nSELEC 3;\nSELECT 4;\nSELECT (5;\nSELECT 6;",
        );
        let lines: Vec<Result<usize, usize>> = each
            .iter()
            .map(|r| r.as_ref().map(|p| p.line).map_err(|e| e.line))
            .collect();
        assert_eq!(lines, vec![Ok(1), Err(6), Ok(7), Err(8), Ok(9)]);
    }

    #[test]
    fn an_early_error_in_a_long_text_is_found_quickly() {
        let mut sql = String::from("SELECT 1;\nSELEC 2;\n");
        for i in 0..10_000 {
            sql.push_str(&format!(
                "CREATE TABLE t{i} (a int, b text DEFAULT 'x;y');\n"
            ));
        }
        let started = std::time::Instant::now();
        let e = parse_statements(&sql).unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(parse_each(&sql).len(), 10_002);
        // A bound for quadratic behaviour (re-parsing the rest for each
        // statement would take hours), not a benchmark: generous enough
        // for a debug build on a loaded two-core machine.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn statements_are_split_by_the_parser() {
        let texts = |sql: &str| -> Vec<(String, bool)> {
            parse_statements(sql)
                .unwrap()
                .into_iter()
                .map(|p| (p.text, p.terminated))
                .collect()
        };
        let own = |v: &[(&str, bool)]| -> Vec<(String, bool)> {
            v.iter().map(|(t, b)| (t.to_string(), *b)).collect()
        };
        assert_eq!(
            texts("SELECT 1; SELECT 2"),
            own(&[("SELECT 1;", true), ("SELECT 2", false)])
        );
        assert_eq!(
            texts("-- a; comment\nSELECT ';' /* ; /* nested ; */ */ ;\n\n-- only a comment;\n"),
            own(&[("SELECT ';' /* ; /* nested ; */ */ ;", true)])
        );
        assert_eq!(
            texts("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT $$a;b$$;"),
            own(&[
                ("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;", true),
                ("SELECT $$a;b$$;", true)
            ])
        );
        assert_eq!(
            texts("SELECT E'it\\'s;'; SELECT 'a''b;'"),
            own(&[("SELECT E'it\\'s;';", true), ("SELECT 'a''b;'", false)])
        );
        assert_eq!(
            texts("SELECT 1 -- no semicolon"),
            own(&[("SELECT 1 -- no semicolon", false)])
        );
        assert_eq!(texts("SELECT 1 -- x;"), own(&[("SELECT 1 -- x;", false)]));
        assert!(texts("  -- nothing\n /* here */ ;;").is_empty());
        let sql = "\n\n  CREATE INDEX i ON t (a);\nDROP TABLE x;";
        let p = parse_statements(sql).unwrap();
        assert_eq!((p[0].offset, p[0].line), (4, 3));
        assert_eq!(&sql[p[1].offset..], "DROP TABLE x;");
    }

    #[test]
    fn what_cannot_run_in_a_transaction_block() {
        let found = |sql: &str| -> Option<&'static str> {
            parse_statements(sql).unwrap()[0].outside_transaction_only()
        };
        for (sql, what) in [
            (
                "CREATE INDEX CONCURRENTLY i ON t (a);",
                "CREATE INDEX CONCURRENTLY",
            ),
            (
                "create unique index concurrently if not exists i on t (a);",
                "CREATE INDEX CONCURRENTLY",
            ),
            ("DROP INDEX CONCURRENTLY i;", "DROP INDEX CONCURRENTLY"),
            ("REINDEX INDEX CONCURRENTLY i;", "REINDEX CONCURRENTLY"),
            ("REINDEX (CONCURRENTLY) TABLE t;", "REINDEX CONCURRENTLY"),
            (
                "REINDEX (VERBOSE, CONCURRENTLY true) TABLE t;",
                "REINDEX CONCURRENTLY",
            ),
            (
                "REFRESH MATERIALIZED VIEW CONCURRENTLY v;",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY",
            ),
            (
                "ALTER TABLE p DETACH PARTITION c CONCURRENTLY;",
                "DETACH PARTITION CONCURRENTLY",
            ),
            ("VACUUM t;", "VACUUM"),
            ("CREATE DATABASE d;", "CREATE DATABASE"),
            ("ALTER SYSTEM SET work_mem = '1MB';", "ALTER SYSTEM"),
        ] {
            assert_eq!(found(sql), Some(what), "{sql}");
        }
        for sql in [
            "CREATE INDEX i ON t (a);",
            "SELECT 'CREATE INDEX CONCURRENTLY i ON t (a)';",
            "COMMENT ON TABLE t IS 'concurrently';",
            "CREATE TABLE \"concurrently\" (a int);",
            "REINDEX (CONCURRENTLY false) TABLE t;",
            "REINDEX TABLE t;",
            "REFRESH MATERIALIZED VIEW v;",
            "ALTER TABLE p DETACH PARTITION c;",
            "ANALYZE t;",
            "DROP INDEX i;",
        ] {
            assert_eq!(found(sql), None, "{sql}");
        }
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
