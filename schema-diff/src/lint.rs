//! Lint of migration files for production hazards: statements that lock
//! a table that already holds data for long (or at all, in the way that
//! queues every query behind them), rewrite it, break code that still runs
//! against it, or cannot run the way the file says it runs. Pure: a
//! [`Migration`] and a [`Context`] (which tables exist before it, the
//! models, more volatile functions) in, [`Finding`]s out; the project
//! (`Project::lint`) picks the files and builds the context.
//!
//! Every statement is read with PostgreSQL's parser ([`crate::sql`]) and
//! decided on its parse tree. A table counts as existing unless an earlier
//! statement of the same section created it (`CREATE TABLE`, also with `IF
//! NOT EXISTS`, `CREATE TABLE ... AS`, a rename of such a table), or the
//! context lists the tables that exist and it is not among them. Within a
//! section the lint also remembers constraints added `NOT VALID` (their
//! `VALIDATE` in the same transaction holds the ADD's lock during the
//! scan) and validated `CHECK (col IS NOT NULL)`s (a later `SET NOT NULL`
//! of that column skips its scan). What runs
//! inside `DO` blocks and function bodies is not read. Each statement gets
//! at most one finding: the first of its [`Rule`]s in [`Rule::ALL`] order
//! that no allow comment covers (or, when all are allowed, the first,
//! marked allowed). Lock levels are PostgreSQL 15's, per subcommand
//! (<https://www.postgresql.org/docs/15/sql-altertable.html>).
//!
//! Allow comments: a `--` comment on the statement's first line, or in the
//! block of comment lines directly above it, of the form
//! `-- lint: allow <rule>[, <rule>...] -- <reason>`. The reason is
//! required: an allow without one is ignored and is itself a finding
//! ([`Rule::AllowWithoutReason`]), as is one naming no known rule
//! ([`Rule::BadAllow`]). Start at [`lint_migration`].

use std::collections::BTreeSet;
use std::path::PathBuf;

use pg_query::protobuf::{AlterTableType as At, ConstrType, NullTestType, ObjectType};
use serde_json::Value;
use strata::schema::Schema;

use crate::error::{Error, MigrationFileError};
use crate::migrations::{Migration, TransactionMode};
use crate::sql::{self, Parsed};

/// What a finding is about; the ids are kebab-case (`set-not-null`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Transaction control in a file that runs in one transaction.
    TransactionControl,
    /// `CONCURRENTLY`, `VACUUM`, ... in a file that runs in one
    /// transaction.
    ConcurrentlyInTransaction,
    /// A dropped or renamed column the models still declare.
    ColumnStillInModels,
    /// `ALTER COLUMN ... TYPE` on an existing table.
    ColumnTypeChange,
    /// `ADD COLUMN` whose default calls a volatile function.
    VolatileDefault,
    /// `ALTER COLUMN ... SET NOT NULL` on an existing table.
    SetNotNull,
    /// `ADD UNIQUE` / `ADD PRIMARY KEY` without `USING INDEX`.
    UniqueWithoutIndex,
    /// `ADD FOREIGN KEY` / `ADD CHECK` without `NOT VALID`.
    ConstraintWithoutNotValid,
    /// `CREATE INDEX` / `DROP INDEX` without `CONCURRENTLY`.
    IndexWithoutConcurrently,
    /// Any other statement that takes ACCESS EXCLUSIVE on an existing
    /// table.
    AccessExclusiveLock,
    /// An allow comment without a reason.
    AllowWithoutReason,
    /// An allow comment that names no known rule.
    BadAllow,
}

impl Rule {
    /// Every rule, in the order a statement's findings are chosen (the
    /// most specific first); the last two concern allow comments and
    /// cannot be allowed.
    pub const ALL: [Rule; 12] = [
        Rule::TransactionControl,
        Rule::ConcurrentlyInTransaction,
        Rule::ColumnStillInModels,
        Rule::ColumnTypeChange,
        Rule::VolatileDefault,
        Rule::SetNotNull,
        Rule::UniqueWithoutIndex,
        Rule::ConstraintWithoutNotValid,
        Rule::IndexWithoutConcurrently,
        Rule::AccessExclusiveLock,
        Rule::AllowWithoutReason,
        Rule::BadAllow,
    ];

    /// The rule's id.
    pub fn id(self) -> &'static str {
        match self {
            Rule::TransactionControl => "transaction-control",
            Rule::ConcurrentlyInTransaction => "concurrently-in-transaction",
            Rule::ColumnStillInModels => "column-still-in-models",
            Rule::ColumnTypeChange => "column-type-change",
            Rule::VolatileDefault => "volatile-default",
            Rule::SetNotNull => "set-not-null",
            Rule::UniqueWithoutIndex => "unique-without-index",
            Rule::ConstraintWithoutNotValid => "constraint-without-not-valid",
            Rule::IndexWithoutConcurrently => "index-without-concurrently",
            Rule::AccessExclusiveLock => "access-exclusive-lock",
            Rule::AllowWithoutReason => "allow-without-reason",
            Rule::BadAllow => "bad-allow",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Whether an allow comment can allow it.
    pub fn allowable(self) -> bool {
        !matches!(self, Rule::AllowWithoutReason | Rule::BadAllow)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The section of a migration a finding is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// `-- migrate:up`.
    Up,
    /// `-- migrate:down`.
    Down,
}

/// One hazard found in a migration file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The file.
    pub file: PathBuf,
    /// The 1-based file line of the statement's first token (of the
    /// comment, for the allow-comment rules).
    pub line: usize,
    /// The rule.
    pub rule: Rule,
    /// What is wrong and what to do instead.
    pub message: String,
    /// The statement's text (the comment's, for the allow-comment rules).
    pub statement: String,
    /// The section.
    pub section: Section,
    /// The reason of the allow comment that allows it; `None`: not
    /// allowed.
    pub allowed: Option<String>,
}

impl Finding {
    /// Whether an allow comment allows it.
    pub fn is_allowed(&self) -> bool {
        self.allowed.is_some()
    }
}

/// What the lint knows besides the file.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The tables that exist before the migration (`schema.name`); `None`:
    /// every table the file did not create itself is taken to exist (the
    /// safe assumption: a table made by an earlier migration may be large
    /// in production).
    pub existing_tables: Option<BTreeSet<String>>,
    /// The models; `None` turns [`Rule::ColumnStillInModels`] off.
    pub models: Option<Schema>,
    /// Volatile functions besides [`VOLATILE_FUNCTIONS`] (e.g. read from
    /// the database's `pg_proc`).
    pub volatile_functions: BTreeSet<String>,
    /// Lint the down section too.
    pub down: bool,
}

/// PostgreSQL's volatile built-ins (and those of `pgcrypto` and
/// `uuid-ossp`) that defaults call: `pg_proc.provolatile = 'v'`. `now()`,
/// `current_timestamp`, `statement_timestamp()` and `txid_current()` are
/// stable, not volatile: a default calling them is evaluated once.
pub const VOLATILE_FUNCTIONS: [&str; 13] = [
    "random",
    "random_normal",
    "gen_random_uuid",
    "uuidv4",
    "uuidv7",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    "gen_random_bytes",
    "clock_timestamp",
    "timeofday",
    "nextval",
    "setval",
];

/// Serial types: their default is `nextval(...)`.
const SERIAL_TYPES: [&str; 6] = [
    "serial",
    "serial4",
    "bigserial",
    "serial8",
    "smallserial",
    "serial2",
];

/// PostgreSQL's `AccessExclusiveLock` (lockdefs.h), as `LockStmt.mode`.
const ACCESS_EXCLUSIVE_MODE: i64 = 8;

/// A table as a statement names it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rel {
    schema: Option<String>,
    name: String,
}

impl Rel {
    fn of(range_var: &Value) -> Option<Rel> {
        let name = range_var.get("relname").and_then(Value::as_str)?;
        let schema = range_var
            .get("schemaname")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty());
        Some(Rel {
            schema: schema.map(str::to_string),
            name: name.to_string(),
        })
    }

    /// The same table (an unqualified name matches any schema).
    fn matches(&self, other: &Rel) -> bool {
        self.name == other.name
            && (self.schema.is_none() || other.schema.is_none() || self.schema == other.schema)
    }

    fn matches_name(&self, qualified: &str) -> bool {
        match qualified.rsplit_once('.') {
            Some((s, n)) => n == self.name && self.schema.as_deref().is_none_or(|m| m == s),
            None => qualified == self.name,
        }
    }
}

impl std::fmt::Display for Rel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.schema {
            Some(s) => write!(f, "{s}.{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// What the statements before the current one created.
#[derive(Default)]
struct Made {
    tables: Vec<Rel>,
    indexes: Vec<Rel>,
    /// Constraints added `NOT VALID`: the table, the name, and the column
    /// when it is a `CHECK (col IS NOT NULL)`.
    not_valid: Vec<(Rel, String, Option<String>)>,
    /// Columns a validated `CHECK (col IS NOT NULL)` covers (`SET NOT
    /// NULL` then skips its scan).
    checked_not_null: Vec<(Rel, String)>,
}

/// One `-- lint: allow ...` comment.
struct Allow {
    /// 1-based line in the section.
    line: usize,
    rules: Vec<Rule>,
    reason: String,
}

/// Lints the up section of `m` (and its down section with
/// [`Context::down`]). A statement PostgreSQL's parser rejects is an error
/// naming the file, line and column.
pub fn lint_migration(m: &Migration, cx: &Context) -> Result<Vec<Finding>, Error> {
    let mut out = Vec::new();
    lint_section(m, Section::Up, &m.up, cx, &mut out)?;
    if cx.down {
        if let Some(down) = &m.down {
            lint_section(m, Section::Down, down, cx, &mut out)?;
        }
    }
    Ok(out)
}

fn lint_section(
    m: &Migration,
    section: Section,
    text: &str,
    cx: &Context,
    out: &mut Vec<Finding>,
) -> Result<(), Error> {
    let first = match section {
        Section::Up => m.up_line,
        Section::Down => m.down_line,
    };
    let statements = sql::parse_statements(text).map_err(|e| MigrationFileError::Syntax {
        path: m.path.clone(),
        line: first + e.line - 1,
        column: e.column,
        section: match section {
            Section::Up => "up",
            Section::Down => "down",
        },
        message: e.message,
    })?;
    let (allows, comment_lines) = allow_comments(m, section, text, first, out);
    let mut made = Made::default();
    for st in &statements {
        let mut hits = check(st, m.transaction, &made, cx);
        record(st, &mut made);
        if hits.is_empty() {
            continue;
        }
        hits.sort_by_key(|(r, _)| Rule::ALL.iter().position(|x| x == r));
        // The allow comments that apply: on the statement's first line, or
        // in the run of comment-only lines directly above it.
        let mut lines = vec![st.line];
        let mut l = st.line;
        while l > 1 && comment_lines.contains(&(l - 1)) {
            l -= 1;
            lines.push(l);
        }
        let applying: Vec<&Allow> = allows.iter().filter(|a| lines.contains(&a.line)).collect();
        let reason_for = |rule: Rule| {
            applying
                .iter()
                .find(|a| a.rules.contains(&rule))
                .map(|a| a.reason.clone())
        };
        let chosen = hits
            .iter()
            .find(|(r, _)| reason_for(*r).is_none())
            .or(hits.first());
        if let Some((rule, message)) = chosen {
            out.push(Finding {
                file: m.path.clone(),
                line: first + st.line - 1,
                rule: *rule,
                message: message.clone(),
                statement: st.text.clone(),
                section,
                allowed: reason_for(*rule),
            });
        }
    }
    out.sort_by_key(|f| (f.section == Section::Down, f.line));
    Ok(())
}

/// The section's allow comments (those without a reason or naming no
/// known rule are findings, and do not count), and the 1-based lines that
/// hold only comments.
fn allow_comments(
    m: &Migration,
    section: Section,
    text: &str,
    first: usize,
    out: &mut Vec<Finding>,
) -> (Vec<Allow>, BTreeSet<usize>) {
    let mut allows = Vec::new();
    let mut comment_lines = BTreeSet::new();
    for (start, end) in sql::comments(text) {
        let Some(comment) = text.get(start..end) else {
            continue;
        };
        let (line, _) = sql::line_column(text, start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..start].trim().is_empty() {
            comment_lines.insert(line);
        }
        let Some(body) = comment.strip_prefix("--") else {
            continue;
        };
        let Some(spec) = body.trim().strip_prefix("lint:") else {
            continue;
        };
        let mut bad = |rule: Rule, message: String| {
            out.push(Finding {
                file: m.path.clone(),
                line: first + line - 1,
                rule,
                message,
                statement: comment.trim().to_string(),
                section,
                allowed: None,
            });
        };
        let spec = spec.trim();
        let Some(rest) = spec
            .strip_prefix("allow")
            .filter(|r| r.is_empty() || r.starts_with(char::is_whitespace))
        else {
            bad(
                Rule::BadAllow,
                "a lint comment reads `-- lint: allow <rule>[, <rule>] -- <reason>`".into(),
            );
            continue;
        };
        let (names, reason) = match rest.split_once("--") {
            Some((n, r)) => (n, r.trim()),
            None => (rest, ""),
        };
        let mut rules = Vec::new();
        let mut unknown = Vec::new();
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Rule::from_id(name).filter(|r| r.allowable()) {
                Some(r) => rules.push(r),
                None => unknown.push(name.to_string()),
            }
        }
        if !unknown.is_empty() || rules.is_empty() {
            let known: Vec<&str> = Rule::ALL
                .iter()
                .filter(|r| r.allowable())
                .map(|r| r.id())
                .collect();
            bad(
                Rule::BadAllow,
                format!(
                    "{}; the rules are: {}",
                    if unknown.is_empty() {
                        "the allow comment names no rule".to_string()
                    } else {
                        format!("unknown rule(s): {}", unknown.join(", "))
                    },
                    known.join(", ")
                ),
            );
            continue;
        }
        if reason.is_empty() {
            bad(
                Rule::AllowWithoutReason,
                "an allow comment needs a reason after `--`: `-- lint: allow <rule> -- <why it is safe here>` (ignored until it has one)".into(),
            );
            continue;
        }
        allows.push(Allow {
            line,
            rules,
            reason: reason.to_string(),
        });
    }
    (allows, comment_lines)
}

/// The node kind and body of a statement's tree.
fn kind_of(tree: &Value) -> Option<(&str, &Value)> {
    let (k, v) = tree.get("node")?.as_object()?.iter().next()?;
    Some((k.as_str(), v))
}

/// The `{"node": {Kind: body}}` body of kind `kind`.
fn node<'a>(v: &'a Value, kind: &str) -> Option<&'a Value> {
    v.get("node")?.get(kind)
}

fn int(v: &Value, key: &str) -> i64 {
    v.get(key).and_then(Value::as_i64).unwrap_or(0)
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Whether a `DefElem` option is on: no argument, or one that is not
/// `false`, `off`, `no` or 0.
fn option_on(def: &Value) -> bool {
    let Some(arg) = def.get("arg").filter(|a| !a.is_null()) else {
        return true;
    };
    if let Some(b) = node(arg, "Boolean") {
        return flag(b, "boolval");
    }
    if let Some(i) = node(arg, "Integer") {
        return int(i, "ival") != 0;
    }
    node(arg, "String")
        .map(|s| text(s, "sval").to_ascii_lowercase())
        .is_none_or(|t| !matches!(t.as_str(), "false" | "off" | "no" | "0"))
}

/// The strings of a name list (`[{"node": {"String": {"sval": ..}}}]`).
fn names(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|n| node(n, "String")?.get("sval")?.as_str())
        .collect()
}

fn is_new(made: &[Rel], rel: &Rel) -> bool {
    made.iter().any(|r| r.matches(rel))
}

/// Whether `rel` exists before the statement.
fn existing(rel: &Rel, made: &Made, cx: &Context) -> bool {
    !is_new(&made.tables, rel)
        && cx
            .existing_tables
            .as_ref()
            .is_none_or(|set| set.iter().any(|t| rel.matches_name(t)))
}

/// Whether the models declare `column` of `rel`.
fn in_models(cx: &Context, rel: &Rel, column: &str) -> bool {
    cx.models.as_ref().is_some_and(|s| {
        s.tables.iter().any(|t| {
            t.name == rel.name
                && rel.schema.as_deref().is_none_or(|s| s == t.schema)
                && t.columns.iter().any(|c| c.name == column)
        })
    })
}

/// Records what the statement creates (tables, indexes, renamed new
/// tables).
fn record(st: &Parsed, made: &mut Made) {
    let Some((kind, body)) = kind_of(st.tree()) else {
        return;
    };
    match kind {
        "CreateStmt" => made.tables.extend(body.get("relation").and_then(Rel::of)),
        "CreateTableAsStmt" => made.tables.extend(
            body.get("into")
                .and_then(|i| i.get("rel"))
                .and_then(Rel::of),
        ),
        "IndexStmt" => {
            let name = text(body, "idxname");
            if !name.is_empty() {
                let schema = body
                    .get("relation")
                    .and_then(Rel::of)
                    .and_then(|r| r.schema);
                made.indexes.push(Rel {
                    schema,
                    name: name.to_string(),
                });
            }
        }
        "AlterTableStmt" => {
            let Some(rel) = body.get("relation").and_then(Rel::of) else {
                return;
            };
            for cmd in list(body, "cmds") {
                let Some(cmd) = node(cmd, "AlterTableCmd") else {
                    continue;
                };
                let subtype = int(cmd, "subtype");
                if subtype == At::AtAddConstraint as i64 {
                    let Some(c) = cmd.get("def").and_then(|d| node(d, "Constraint")) else {
                        continue;
                    };
                    if flag(c, "skip_validation") && !text(c, "conname").is_empty() {
                        let column = (int(c, "contype") == ConstrType::ConstrCheck as i64)
                            .then(|| c.get("raw_expr").and_then(not_null_column))
                            .flatten();
                        made.not_valid
                            .push((rel.clone(), text(c, "conname").to_string(), column));
                    }
                } else if subtype == At::AtValidateConstraint as i64 {
                    let name = text(cmd, "name");
                    let covered = made
                        .not_valid
                        .iter()
                        .filter(|(r, n, _)| r.matches(&rel) && n == name)
                        .filter_map(|(_, _, c)| c.clone())
                        .collect::<Vec<_>>();
                    made.checked_not_null
                        .extend(covered.into_iter().map(|c| (rel.clone(), c)));
                }
            }
        }
        "RenameStmt" if int(body, "rename_type") == ObjectType::ObjectTable as i64 => {
            if let Some(rel) = body.get("relation").and_then(Rel::of) {
                if is_new(&made.tables, &rel) {
                    made.tables.push(Rel {
                        schema: rel.schema,
                        name: text(body, "newname").to_string(),
                    });
                }
            }
        }
        _ => {}
    }
}

/// The column of a `col IS NOT NULL` expression.
fn not_null_column(expr: &Value) -> Option<String> {
    let test = node(expr, "NullTest")?;
    if int(test, "nulltesttype") != NullTestType::IsNotNull as i64 {
        return None;
    }
    let column = test.get("arg").and_then(|a| node(a, "ColumnRef"))?;
    match names(list(column, "fields")).as_slice() {
        [c] => Some((*c).to_string()),
        _ => None,
    }
}

type Hit = (Rule, String);

const LOCK_WAIT: &str = "every query on it waits until the migration commits, and so does every query queued behind this one";

/// The rules a statement breaks, each with its message.
fn check(st: &Parsed, mode: TransactionMode, made: &Made, cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    let Some((kind, body)) = kind_of(st.tree()) else {
        return hits;
    };
    if mode == TransactionMode::PerMigration {
        if st.transaction_control() {
            hits.push((
                Rule::TransactionControl,
                "transaction control in a migration that runs in one transaction (`-- transaction: per-migration`): the runner owns the transaction; remove it, or use `-- transaction: none`".into(),
            ));
        }
        if let Some(what) = st.outside_transaction_only() {
            hits.push((
                Rule::ConcurrentlyInTransaction,
                format!("{what} cannot run inside a transaction block, and this migration runs in one; put it in its own migration with `-- transaction: none`"),
            ));
        }
    }
    let exists = |r: &Rel| existing(r, made, cx);
    match kind {
        "IndexStmt" => {
            if let Some(rel) = body.get("relation").and_then(Rel::of) {
                if !flag(body, "concurrent") && exists(&rel) {
                    hits.push((
                        Rule::IndexWithoutConcurrently,
                        format!("CREATE INDEX without CONCURRENTLY blocks writes to {rel} (SHARE lock) while the whole index is built; use CREATE INDEX CONCURRENTLY in a migration with `-- transaction: none`"),
                    ));
                }
            }
        }
        "DropStmt" => {
            let objects = list(body, "objects");
            let target = |o: &Value| -> Option<Rel> {
                let items = names(list(node(o, "List")?, "items"));
                let (name, schema) = match items.as_slice() {
                    [n] => (*n, None),
                    [s, n] => (*n, Some(s.to_string())),
                    [_, s, n] => (*n, Some(s.to_string())),
                    _ => return None,
                };
                Some(Rel {
                    schema,
                    name: name.to_string(),
                })
            };
            let remove = int(body, "remove_type");
            if remove == ObjectType::ObjectIndex as i64 && !flag(body, "concurrent") {
                let old: Vec<Rel> = objects
                    .iter()
                    .filter_map(target)
                    .filter(|i| !is_new(&made.indexes, i))
                    .collect();
                if let Some(i) = old.first() {
                    hits.push((
                        Rule::IndexWithoutConcurrently,
                        format!("DROP INDEX {i} without CONCURRENTLY takes ACCESS EXCLUSIVE on its table; use DROP INDEX CONCURRENTLY in a migration with `-- transaction: none`"),
                    ));
                }
            } else if remove == ObjectType::ObjectTable as i64
                || remove == ObjectType::ObjectMatview as i64
            {
                if let Some(t) = objects.iter().filter_map(target).find(|t| exists(t)) {
                    hits.push((
                        Rule::AccessExclusiveLock,
                        format!("DROP takes ACCESS EXCLUSIVE on {t}: {LOCK_WAIT}; running code that still uses it fails"),
                    ));
                }
            }
        }
        "AlterTableStmt" => {
            let objtype = int(body, "objtype");
            let table = objtype == ObjectType::ObjectTable as i64 || objtype == 0;
            if let (true, Some(rel)) = (table, body.get("relation").and_then(Rel::of)) {
                if exists(&rel) {
                    for cmd in list(body, "cmds") {
                        if let Some(cmd) = node(cmd, "AlterTableCmd") {
                            alter_table_cmd(cmd, &rel, (made, mode), cx, &mut hits);
                        }
                    }
                }
            }
        }
        "RenameStmt" => {
            let what = int(body, "rename_type");
            if let Some(rel) = body.get("relation").and_then(Rel::of) {
                if what == ObjectType::ObjectColumn as i64 && exists(&rel) {
                    let column = text(body, "subname");
                    if in_models(cx, &rel, column) {
                        hits.push((
                            Rule::ColumnStillInModels,
                            format!("renames column {column} of {rel}, which the models still declare: running code that uses it breaks; rename it in the models first (or add the new column, backfill, and drop the old one later)"),
                        ));
                    }
                    hits.push((
                        Rule::AccessExclusiveLock,
                        format!("RENAME COLUMN takes ACCESS EXCLUSIVE on {rel}: {LOCK_WAIT}; code that still uses the old name breaks"),
                    ));
                } else if what == ObjectType::ObjectTable as i64 && exists(&rel) {
                    hits.push((
                        Rule::AccessExclusiveLock,
                        format!("RENAME TO takes ACCESS EXCLUSIVE on {rel}: {LOCK_WAIT}; code that still uses the old name breaks"),
                    ));
                }
            }
        }
        "LockStmt" => {
            let mode = match body.get("mode").and_then(Value::as_i64) {
                Some(m) if m > 0 => m,
                _ => ACCESS_EXCLUSIVE_MODE,
            };
            if mode == ACCESS_EXCLUSIVE_MODE {
                let rels: Vec<Rel> = list(body, "relations")
                    .iter()
                    .filter_map(|r| node(r, "RangeVar").and_then(Rel::of))
                    .filter(|r| exists(r))
                    .collect();
                if let Some(r) = rels.first() {
                    hits.push((
                        Rule::AccessExclusiveLock,
                        format!("LOCK TABLE takes ACCESS EXCLUSIVE on {r}: {LOCK_WAIT}"),
                    ));
                }
            }
        }
        "TruncateStmt" => {
            if let Some(r) = list(body, "relations")
                .iter()
                .filter_map(|r| node(r, "RangeVar").and_then(Rel::of))
                .find(|r| exists(r))
            {
                hits.push((
                    Rule::AccessExclusiveLock,
                    format!("TRUNCATE takes ACCESS EXCLUSIVE on {r}: {LOCK_WAIT}"),
                ));
            }
        }
        "VacuumStmt" => {
            let full = list(body, "options").iter().any(|o| {
                node(o, "DefElem").is_some_and(|d| text(d, "defname") == "full" && option_on(d))
            });
            let rels: Vec<Rel> = list(body, "rels")
                .iter()
                .filter_map(|r| node(r, "VacuumRelation")?.get("relation").and_then(Rel::of))
                .collect();
            if flag(body, "is_vacuumcmd") && full && (rels.is_empty() || rels.iter().any(exists)) {
                hits.push((
                    Rule::AccessExclusiveLock,
                    format!("VACUUM FULL rewrites {} under ACCESS EXCLUSIVE: {LOCK_WAIT}; use plain VACUUM (or pg_repack)", rels.first().map_or("every table".to_string(), |r| r.to_string())),
                ));
            }
        }
        "ClusterStmt" => {
            let rel = body.get("relation").and_then(Rel::of);
            if rel.as_ref().is_none_or(exists) {
                hits.push((
                    Rule::AccessExclusiveLock,
                    format!(
                        "CLUSTER rewrites {} under ACCESS EXCLUSIVE: {LOCK_WAIT}",
                        rel.map_or("every clustered table".to_string(), |r| r.to_string())
                    ),
                ));
            }
        }
        "ReindexStmt" => {
            let rel = body.get("relation").and_then(Rel::of);
            let new = rel
                .as_ref()
                .is_some_and(|r| is_new(&made.tables, r) || is_new(&made.indexes, r));
            if !sql::reindex_concurrently(body) && !new {
                hits.push((
                    Rule::AccessExclusiveLock,
                    "REINDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index (and blocks writes to its table) while it rebuilds; use REINDEX CONCURRENTLY in a migration with `-- transaction: none`".into(),
                ));
            }
        }
        "RefreshMatViewStmt" => {
            if let Some(rel) = body.get("relation").and_then(Rel::of) {
                if !flag(body, "concurrent") && exists(&rel) {
                    hits.push((
                        Rule::AccessExclusiveLock,
                        format!("REFRESH MATERIALIZED VIEW takes ACCESS EXCLUSIVE on {rel} while it runs its query: {LOCK_WAIT}; use REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index) with `-- transaction: none`"),
                    ));
                }
            }
        }
        _ => {}
    }
    hits
}

/// Subcommands that take a weaker lock than ACCESS EXCLUSIVE (SHARE
/// UPDATE EXCLUSIVE or SHARE ROW EXCLUSIVE), or take it for an instant
/// only to change the catalog and are the safe way to do what they do;
/// `ADD CONSTRAINT`, `ADD COLUMN` and `DETACH PARTITION` are looked at
/// separately.
const NOT_REPORTED: [At; 25] = [
    At::AtColumnDefault,
    At::AtCookedColumnDefault,
    At::AtDropNotNull,
    At::AtDropConstraint,
    At::AtValidateConstraint,
    At::AtAddIndexConstraint,
    At::AtSetStatistics,
    At::AtSetOptions,
    At::AtResetOptions,
    At::AtClusterOn,
    At::AtDropCluster,
    At::AtSetRelOptions,
    At::AtResetRelOptions,
    At::AtReplaceRelOptions,
    At::AtEnableTrig,
    At::AtEnableAlwaysTrig,
    At::AtEnableReplicaTrig,
    At::AtDisableTrig,
    At::AtEnableTrigAll,
    At::AtDisableTrigAll,
    At::AtEnableTrigUser,
    At::AtDisableTrigUser,
    At::AtAttachPartition,
    At::AtDetachPartitionFinalize,
    At::AtAlterColumnGenericOptions,
];

/// How a subcommand is spelled, for messages.
fn subcommand_name(subtype: i64) -> &'static str {
    const NAMES: [(At, &str); 24] = [
        (At::AtAddColumn, "ADD COLUMN"),
        (At::AtDropColumn, "DROP COLUMN"),
        (At::AtSetExpression, "SET EXPRESSION"),
        (At::AtDropExpression, "DROP EXPRESSION"),
        (At::AtSetStorage, "SET STORAGE"),
        (At::AtSetCompression, "SET COMPRESSION"),
        (At::AtAlterConstraint, "ALTER CONSTRAINT"),
        (At::AtChangeOwner, "OWNER TO"),
        (At::AtSetLogged, "SET LOGGED (rewrites the table)"),
        (At::AtSetUnLogged, "SET UNLOGGED (rewrites the table)"),
        (
            At::AtSetAccessMethod,
            "SET ACCESS METHOD (rewrites the table)",
        ),
        (At::AtSetTableSpace, "SET TABLESPACE (copies the table)"),
        (At::AtAddInherit, "INHERIT"),
        (At::AtDropInherit, "NO INHERIT"),
        (At::AtAddOf, "OF"),
        (At::AtDropOf, "NOT OF"),
        (At::AtReplicaIdentity, "REPLICA IDENTITY"),
        (At::AtEnableRowSecurity, "ENABLE ROW LEVEL SECURITY"),
        (At::AtDisableRowSecurity, "DISABLE ROW LEVEL SECURITY"),
        (At::AtForceRowSecurity, "FORCE ROW LEVEL SECURITY"),
        (At::AtDetachPartition, "DETACH PARTITION"),
        (At::AtAddIdentity, "ADD GENERATED AS IDENTITY"),
        (At::AtSetIdentity, "SET identity option"),
        (At::AtDropIdentity, "DROP IDENTITY"),
    ];
    NAMES
        .iter()
        .find(|(a, _)| *a as i64 == subtype)
        .map_or("this subcommand", |(_, n)| n)
}

fn alter_table_cmd(
    cmd: &Value,
    rel: &Rel,
    (made, mode): (&Made, TransactionMode),
    cx: &Context,
    hits: &mut Vec<Hit>,
) {
    let subtype = int(cmd, "subtype");
    let column = text(cmd, "name");
    let is = |a: At| subtype == a as i64;
    let checked = made
        .checked_not_null
        .iter()
        .any(|(r, c)| r.matches(rel) && c == column);
    if is(At::AtSetNotNull) && checked {
        // A validated CHECK (column IS NOT NULL) earlier in the file: no
        // scan.
    } else if is(At::AtValidateConstraint) {
        let added = made
            .not_valid
            .iter()
            .any(|(r, n, _)| r.matches(rel) && n == column);
        if added && mode == TransactionMode::PerMigration {
            hits.push((
                Rule::ConstraintWithoutNotValid,
                format!("VALIDATE CONSTRAINT {column} runs in the transaction that added it NOT VALID, so the ADD's lock on {rel} is held during the whole scan; validate it in a later migration (or use `-- transaction: none`)"),
            ));
        }
    } else if is(At::AtSetNotNull) {
        hits.push((
            Rule::SetNotNull,
            format!("SET NOT NULL on {rel}.{column} scans the whole table under ACCESS EXCLUSIVE; first ADD CONSTRAINT ... CHECK ({column} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it, then SET NOT NULL (which uses the valid CHECK and skips the scan) and drop the CHECK"),
        ));
    } else if is(At::AtAlterColumnType) {
        hits.push((
            Rule::ColumnTypeChange,
            format!("ALTER COLUMN {column} TYPE on {rel} may rewrite the table (and its indexes) under ACCESS EXCLUSIVE; add a new column, backfill it in batches, and switch over"),
        ));
    } else if is(At::AtDropColumn) {
        if in_models(cx, rel, column) {
            hits.push((
                Rule::ColumnStillInModels,
                format!("drops column {column} of {rel}, which the models still declare: running code that uses it breaks; remove it from the models and deploy that first"),
            ));
        }
        hits.push((
            Rule::AccessExclusiveLock,
            format!("DROP COLUMN takes ACCESS EXCLUSIVE on {rel}: {LOCK_WAIT}; code that still reads {column} breaks"),
        ));
    } else if is(At::AtAddConstraint) {
        if let Some(c) = cmd.get("def").and_then(|d| node(d, "Constraint")) {
            add_constraint(c, rel, hits);
        }
    } else if is(At::AtAddColumn) {
        if let Some(def) = cmd.get("def").and_then(|d| node(d, "ColumnDef")) {
            add_column(def, rel, cx, hits);
        }
    } else if is(At::AtDetachPartition) {
        let concurrent = cmd
            .get("def")
            .and_then(|d| node(d, "PartitionCmd"))
            .is_some_and(|p| flag(p, "concurrent"));
        if !concurrent {
            hits.push((
                Rule::AccessExclusiveLock,
                format!("DETACH PARTITION takes ACCESS EXCLUSIVE on {rel}: {LOCK_WAIT}; use DETACH PARTITION ... CONCURRENTLY with `-- transaction: none`"),
            ));
        }
    } else if !NOT_REPORTED.iter().any(|a| *a as i64 == subtype) {
        hits.push((
            Rule::AccessExclusiveLock,
            format!(
                "ALTER TABLE ... {} takes ACCESS EXCLUSIVE on {rel}: {LOCK_WAIT}",
                subcommand_name(subtype)
            ),
        ));
    }
}

fn add_constraint(c: &Value, rel: &Rel, hits: &mut Vec<Hit>) {
    let contype = int(c, "contype");
    let is = |t: ConstrType| contype == t as i64;
    let name = text(c, "conname");
    let named = if name.is_empty() {
        String::new()
    } else {
        format!(" {name}")
    };
    let not_valid = flag(c, "skip_validation");
    if (is(ConstrType::ConstrForeign) || is(ConstrType::ConstrCheck)) && !not_valid {
        let (what, lock) = if is(ConstrType::ConstrForeign) {
            (
                "FOREIGN KEY",
                "SHARE ROW EXCLUSIVE (blocking writes to both tables)",
            )
        } else {
            ("CHECK", "ACCESS EXCLUSIVE")
        };
        hits.push((
            Rule::ConstraintWithoutNotValid,
            format!("ADD CONSTRAINT{named} {what} on {rel} checks every row under {lock}; add it NOT VALID, then VALIDATE CONSTRAINT in a later statement (SHARE UPDATE EXCLUSIVE: reads and writes go on)"),
        ));
    } else if (is(ConstrType::ConstrUnique) || is(ConstrType::ConstrPrimary))
        && text(c, "indexname").is_empty()
    {
        let what = if is(ConstrType::ConstrPrimary) {
            "PRIMARY KEY"
        } else {
            "UNIQUE"
        };
        hits.push((
            Rule::UniqueWithoutIndex,
            format!("ADD CONSTRAINT{named} {what} on {rel} builds its index under ACCESS EXCLUSIVE; CREATE UNIQUE INDEX CONCURRENTLY first (`-- transaction: none`), then ADD CONSTRAINT ... {what} USING INDEX"),
        ));
    } else if is(ConstrType::ConstrNotnull) && !not_valid {
        hits.push((
            Rule::SetNotNull,
            format!("ADD CONSTRAINT{named} NOT NULL on {rel} scans the whole table under ACCESS EXCLUSIVE; add it NOT VALID and validate it later"),
        ));
    } else if is(ConstrType::ConstrExclusion) {
        hits.push((
            Rule::AccessExclusiveLock,
            format!("ADD CONSTRAINT{named} EXCLUDE on {rel} builds its index under ACCESS EXCLUSIVE: {LOCK_WAIT}"),
        ));
    }
}

fn add_column(def: &Value, rel: &Rel, cx: &Context, hits: &mut Vec<Hit>) {
    let column = text(def, "colname");
    let type_names = def
        .get("type_name")
        .map(|t| names(list(t, "names")))
        .unwrap_or_default();
    let serial = type_names
        .last()
        .is_some_and(|n| SERIAL_TYPES.contains(n) && type_names.len() == 1);
    let mut default = serial;
    let mut not_null = false;
    let mut default_expr = def.get("raw_default").filter(|v| !v.is_null());
    if serial {
        hits.push((
            Rule::VolatileDefault,
            format!("ADD COLUMN {column} {} on {rel} fills every row from a sequence (nextval is volatile): the table is rewritten under ACCESS EXCLUSIVE; add the column without a default, set the default, and backfill in batches", type_names.join(".")),
        ));
    }
    for c in list(def, "constraints") {
        let Some(c) = node(c, "Constraint") else {
            continue;
        };
        let contype = int(c, "contype");
        let is = |t: ConstrType| contype == t as i64;
        if is(ConstrType::ConstrDefault) {
            default = true;
            default_expr = default_expr.or(c.get("raw_expr").filter(|v| !v.is_null()));
        } else if is(ConstrType::ConstrNotnull) {
            not_null = true;
        } else if is(ConstrType::ConstrIdentity) {
            default = true;
            hits.push((
                Rule::VolatileDefault,
                format!("ADD COLUMN {column} GENERATED AS IDENTITY on {rel} fills every row from a sequence: the table is rewritten under ACCESS EXCLUSIVE"),
            ));
        } else if is(ConstrType::ConstrGenerated) {
            default = true;
            hits.push((
                Rule::AccessExclusiveLock,
                format!("ADD COLUMN {column} GENERATED ALWAYS AS (...) STORED on {rel} computes every row: the table is rewritten under ACCESS EXCLUSIVE"),
            ));
        } else if is(ConstrType::ConstrUnique) || is(ConstrType::ConstrPrimary) {
            hits.push((
                Rule::UniqueWithoutIndex,
                format!("ADD COLUMN {column} with UNIQUE or PRIMARY KEY on {rel} builds an index under ACCESS EXCLUSIVE; add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX"),
            ));
        } else if is(ConstrType::ConstrCheck) {
            hits.push((
                Rule::ConstraintWithoutNotValid,
                format!("ADD COLUMN {column} with a CHECK on {rel} checks every row under ACCESS EXCLUSIVE; add the column, then ADD CONSTRAINT ... CHECK ... NOT VALID and VALIDATE it"),
            ));
        }
    }
    if let Some(f) = default_expr.and_then(|e| volatile_call(e, cx)) {
        hits.push((
            Rule::VolatileDefault,
            format!("ADD COLUMN {column} on {rel} with a default calling {f}() (volatile) rewrites the table under ACCESS EXCLUSIVE; add the column without a default, then SET DEFAULT (new rows only) and backfill existing rows in batches"),
        ));
    }
    if not_null && !default {
        hits.push((
            Rule::AccessExclusiveLock,
            format!("ADD COLUMN {column} NOT NULL without a DEFAULT on {rel} fails as soon as the table has a row (and takes ACCESS EXCLUSIVE); add it with a constant DEFAULT, or nullable and backfill"),
        ));
    }
}

/// The first volatile function an expression calls.
fn volatile_call(expr: &Value, cx: &Context) -> Option<String> {
    let mut found = None;
    sql::walk(expr, &mut |key, value| {
        if found.is_some() || key != "FuncCall" {
            return;
        }
        let name = names(list(value, "funcname"));
        let Some(last) = name.last() else {
            return;
        };
        if VOLATILE_FUNCTIONS.contains(last) || cx.volatile_functions.contains(*last) {
            found = Some(name.join("."));
        }
    });
    found
}

#[cfg(test)]
mod tests;
