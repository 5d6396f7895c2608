//! Migration files and the revision graph: parsing, checksums, heads and
//! branches, and the targets commands accept.
//!
//! A migration is one file `migrations/<revision>_<slug>.sql` with a header of
//! `-- key: value` lines (`revision`, `parents`, `message`, `created`,
//! `transaction`) followed by a `-- migrate:up` and a `-- migrate:down`
//! section. [`Migration::parse`] reads one file (errors name the file and the
//! line; both sections are parsed by PostgreSQL's parser, so a syntax error,
//! transaction control or `CONCURRENTLY` in a file that runs in one
//! transaction is refused here, before anything is applied), [`History::load`] reads a directory and builds the graph (duplicate
//! ids, missing parents and cycles are rejected with the file names), and
//! [`History::resolve`] turns a [`Target`] (`head`, `heads`, `base`, a full id or
//! unique prefix, `+N`, `-N`, `head-1`, `<rev>+2`) into a [`State`]: the set of
//! revisions that are applied once the target is reached (always closed under
//! "parent of"). The runner computes what to run from two states; nothing here
//! touches a database.
//!
//! Start reading at [`History`]; [`checksum`] defines what "edited" means (the
//! SHA-256 of the file text with line endings folded to `\n`; nothing else is
//! normalized, so a changed comment is an edit). How the runner uses states,
//! checksums and the `transaction` header is specified in [`crate::runner`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, HistoryError, MigrationFileError, MissingParent};

/// The marker line that opens the up section.
pub const UP_MARKER: &str = "-- migrate:up";
/// The marker line that opens the down section.
pub const DOWN_MARKER: &str = "-- migrate:down";

/// Header keys, in the order they are written.
const HEADER_KEYS: [&str; 5] = ["revision", "parents", "message", "created", "transaction"];

/// Words that cannot be revision ids because targets use them.
const RESERVED: [&str; 5] = ["base", "head", "heads", "current", "none"];

/// How a migration's statements are run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TransactionMode {
    /// The statements and the version-table row commit together (the default).
    PerMigration,
    /// The statements run one by one outside a transaction (for `CREATE INDEX
    /// CONCURRENTLY`, `ALTER TYPE ... ADD VALUE` on old servers); the row is
    /// recorded after they all succeeded.
    None,
}

impl TransactionMode {
    /// The header spelling: `per-migration` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            TransactionMode::PerMigration => "per-migration",
            TransactionMode::None => "none",
        }
    }
}

/// One migration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The revision id (`[A-Za-z0-9_]+`, 12 hex digits when generated).
    pub revision: String,
    /// The parent revisions: none for a base, two or more for a merge.
    pub parents: Vec<String>,
    /// The one-line message.
    pub message: String,
    /// When the file was written (RFC 3339 text), if recorded.
    pub created: Option<String>,
    /// How the statements are run.
    pub transaction: TransactionMode,
    /// The up section's SQL (may be empty).
    pub up: String,
    /// The down section's SQL; `None` when the file has no `-- migrate:down`
    /// marker (the migration cannot be reverted).
    pub down: Option<String>,
    /// 1-based line of the first line of the up section's SQL.
    pub up_line: usize,
    /// 1-based line of the first line of the down section's SQL.
    pub down_line: usize,
    /// 1-based line of the `-- parents:` header (1 when absent).
    pub parents_line: usize,
    /// The file.
    pub path: PathBuf,
    /// [`checksum`] of the file's text.
    pub checksum: String,
}

/// The checksum recorded for an applied migration: SHA-256 (lower-case hex) of
/// the text with `\r\n` and lone `\r` folded to `\n`, so a checkout with other
/// line endings does not count as an edit.
pub fn checksum(text: &str) -> String {
    let folded = text.replace("\r\n", "\n").replace('\r', "\n");
    let digest = Sha256::digest(folded.as_bytes());
    hex::encode(digest)
}

/// True when `id` is a valid revision id: ASCII letters, digits and `_`, not a
/// reserved word.
pub fn is_valid_revision_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !RESERVED.contains(&id)
}

fn perr(path: &Path, line: usize, msg: impl fmt::Display) -> Error {
    MigrationFileError::Invalid {
        path: path.to_path_buf(),
        line,
        what: msg.to_string(),
    }
    .into()
}

impl Migration {
    /// Parses the text of a migration file. `path` is used in messages and to
    /// check that the file name starts with `<revision>_`.
    pub fn parse(path: &Path, text: &str) -> Result<Migration, Error> {
        let m = Migration::parse_unchecked(path, text)?;
        m.check_sections()?;
        Ok(m)
    }

    /// Parses the text of a migration file like [`Migration::parse`], but
    /// leaves its SQL unread: a syntax error, transaction control or
    /// `CONCURRENTLY` in a file that runs in one transaction is not refused
    /// (`lint` reads such files and reports what it finds in them, with
    /// [`crate::lint`]).
    pub fn parse_unchecked(path: &Path, text: &str) -> Result<Migration, Error> {
        // A UTF-8 byte-order mark (some editors write one) is not SQL.
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let text_lf = body.replace("\r\n", "\n").replace('\r', "\n");
        let lines: Vec<&str> = text_lf.split('\n').collect();
        let mut header: BTreeMap<&'static str, (usize, String)> = BTreeMap::new();
        let mut up_at = None;
        let mut down_at = None;
        for (i, raw) in lines.iter().enumerate() {
            let no = i + 1;
            let line = raw.trim();
            if line == UP_MARKER {
                if up_at.is_some() {
                    return Err(perr(path, no, format!("a second `{UP_MARKER}` marker")));
                }
                if down_at.is_some() {
                    return Err(perr(
                        path,
                        no,
                        format!("`{UP_MARKER}` must come before `{DOWN_MARKER}`"),
                    ));
                }
                up_at = Some(i);
                continue;
            }
            if line == DOWN_MARKER {
                if up_at.is_none() {
                    return Err(perr(
                        path,
                        no,
                        format!("`{DOWN_MARKER}` before `{UP_MARKER}`"),
                    ));
                }
                if down_at.is_some() {
                    return Err(perr(path, no, format!("a second `{DOWN_MARKER}` marker")));
                }
                down_at = Some(i);
                continue;
            }
            if let Some(rest) = line.strip_prefix("-- migrate:") {
                return Err(perr(
                    path,
                    no,
                    format!(
                        "unknown marker `-- migrate:{rest}` (expected `{UP_MARKER}` or `{DOWN_MARKER}`)"
                    ),
                ));
            }
            if up_at.is_some() {
                continue;
            }
            // Header area: blank lines, `-- key: value` lines, other comments.
            if line.is_empty() {
                continue;
            }
            let Some(comment) = line.strip_prefix("--") else {
                return Err(perr(
                    path,
                    no,
                    format!(
                        "SQL before `{UP_MARKER}`; statements belong in the up or down section"
                    ),
                ));
            };
            let comment = comment.trim();
            let Some((key, value)) = comment.split_once(':') else {
                continue;
            };
            let key = key.trim();
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                continue;
            }
            let Some(known) = HEADER_KEYS.iter().find(|k| **k == key) else {
                return Err(perr(
                    path,
                    no,
                    format!(
                        "unknown header `{key}` (expected one of: {})",
                        HEADER_KEYS.join(", ")
                    ),
                ));
            };
            if header.contains_key(known) {
                return Err(perr(path, no, format!("header `{key}` given twice")));
            }
            header.insert(known, (no, value.trim().to_string()));
        }

        let Some(up_at) = up_at else {
            return Err(perr(
                path,
                lines.len().max(1),
                format!("no `{UP_MARKER}` marker"),
            ));
        };
        let Some((rev_line, revision)) = header.get("revision").cloned() else {
            return Err(perr(path, 1, "no `-- revision:` header"));
        };
        if !is_valid_revision_id(&revision) {
            return Err(perr(
                path,
                rev_line,
                format!(
                    "invalid revision id `{revision}`: use letters, digits and `_` (and not one of {})",
                    RESERVED.join(", ")
                ),
            ));
        }
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            let stem = name.strip_suffix(".sql").unwrap_or(name);
            let matches = stem == revision
                || stem
                    .strip_prefix(revision.as_str())
                    .is_some_and(|rest| rest.starts_with('_'));
            if !matches {
                return Err(perr(
                    path,
                    rev_line,
                    format!(
                        "the file name must start with the revision id: expected `{revision}_<slug>.sql`"
                    ),
                ));
            }
        }
        let (parents_line, parents_text) =
            header.get("parents").cloned().unwrap_or((1, String::new()));
        let mut parents: Vec<String> = Vec::new();
        for p in parents_text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
        {
            if !is_valid_revision_id(p) {
                return Err(perr(
                    path,
                    parents_line,
                    format!("invalid parent revision id `{p}`"),
                ));
            }
            if p == revision {
                return Err(perr(
                    path,
                    parents_line,
                    format!("revision `{p}` lists itself as a parent"),
                ));
            }
            if parents.iter().any(|q| q == p) {
                return Err(perr(
                    path,
                    parents_line,
                    format!("parent `{p}` listed twice"),
                ));
            }
            parents.push(p.to_string());
        }
        let message = header
            .get("message")
            .map(|(_, m)| m.clone())
            .unwrap_or_default();
        let created = header
            .get("created")
            .map(|(_, c)| c.clone())
            .filter(|c| !c.is_empty());
        let transaction = match header.get("transaction") {
            None => TransactionMode::PerMigration,
            Some((line, v)) => match v.as_str() {
                "per-migration" | "" => TransactionMode::PerMigration,
                "none" => TransactionMode::None,
                other => {
                    return Err(perr(
                        path,
                        *line,
                        format!(
                        "unknown transaction mode `{other}` (expected `per-migration` or `none`)"
                    ),
                    ))
                }
            },
        };
        let section = |from: usize, to: usize| -> String {
            let body = lines[from..to].join("\n");
            body.trim_matches('\n').to_string()
        };
        // The line `section` starts at: it drops only empty lines, so a
        // first line of spaces is part of the SQL and counts.
        let first_content = |from: usize, to: usize| -> usize {
            (from..to)
                .find(|&i| !lines[i].is_empty())
                .map(|i| i + 1)
                .unwrap_or(from + 1)
        };
        let up_end = down_at.unwrap_or(lines.len());
        let up = section(up_at + 1, up_end);
        let up_line = first_content(up_at + 1, up_end);
        let (down, down_line) = match down_at {
            Some(d) => (
                Some(section(d + 1, lines.len())),
                first_content(d + 1, lines.len()),
            ),
            None => (None, lines.len()),
        };
        Ok(Migration {
            revision,
            parents,
            message,
            created,
            transaction,
            up,
            down,
            up_line,
            down_line,
            parents_line,
            path: path.to_path_buf(),
            checksum: checksum(text),
        })
    }

    /// Reads both sections with PostgreSQL's parser, before anything is
    /// applied: a syntax error, transaction control or a statement that
    /// cannot run in a transaction block (in a file that runs in one) is
    /// refused with its line.
    pub fn check_sections(&self) -> Result<(), Error> {
        let (path, transaction) = (self.path.as_path(), self.transaction);
        let sections = [
            ("up", self.up.as_str(), self.up_line),
            ("down", self.down.as_deref().unwrap_or(""), self.down_line),
        ];
        for (name, sql, first) in sections {
            let statements = crate::sql::parse_statements(sql).map_err(|e| {
                perr(
                    path,
                    first + e.line - 1,
                    format!(
                        "the {name} section does not parse (column {}): {}",
                        e.column, e.message
                    ),
                )
            })?;
            if transaction != TransactionMode::PerMigration {
                continue;
            }
            for st in &statements {
                let first_line = st.text.lines().next().unwrap_or_default().trim();
                let line = first + st.line - 1;
                if st.transaction_control() {
                    return Err(perr(
                        path,
                        line,
                        format!(
                            "transaction control `{first_line}` inside a migration that runs in one transaction; \
                             remove it, or run the file statement by statement with `-- transaction: none`"
                        ),
                    ));
                }
                if let Some(what) = st.outside_transaction_only() {
                    return Err(perr(
                        path,
                        line,
                        format!(
                            "`{first_line}`: {what} cannot run inside a transaction block, and this migration runs in one; \
                             add `-- transaction: none` to its header (its statements then run one by one, outside a transaction)"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Reads and parses one file.
    pub fn read(path: &Path) -> Result<Migration, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| MigrationFileError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        Migration::parse(path, &text)
    }

    /// Reads one file with [`Migration::parse_unchecked`].
    pub fn read_unchecked(path: &Path) -> Result<Migration, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| MigrationFileError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        Migration::parse_unchecked(path, &text)
    }

    /// The file name, for messages.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    /// The error for a section that does not parse (files are refused when
    /// read; this is for a migration built in memory).
    pub fn syntax_error(&self, down: bool, e: &crate::sql::SqlError) -> Error {
        let start = if down { self.down_line } else { self.up_line };
        perr(
            &self.path,
            start + e.line - 1,
            format!(
                "the {} section does not parse (column {}): {}",
                if down { "down" } else { "up" },
                e.column,
                e.message
            ),
        )
    }

    /// The 1-based file line of the character at 1-based `position` of the
    /// up (or down) section's SQL, for messages about failing statements.
    pub fn line_of(&self, down: bool, position: usize) -> usize {
        let (text, start) = if down {
            (self.down.as_deref().unwrap_or(""), self.down_line)
        } else {
            (self.up.as_str(), self.up_line)
        };
        let before: usize = text
            .chars()
            .take(position.saturating_sub(1))
            .filter(|c| *c == '\n')
            .count();
        start + before
    }
}

/// What a new migration file holds; [`NewMigration::render`] writes the text.
#[derive(Clone, Debug)]
pub struct NewMigration {
    /// The revision id.
    pub revision: String,
    /// Its parents.
    pub parents: Vec<String>,
    /// The message (newlines are folded to spaces).
    pub message: String,
    /// RFC 3339 UTC timestamp.
    pub created: String,
    /// How it runs.
    pub transaction: TransactionMode,
    /// The up SQL.
    pub up: String,
    /// The down SQL.
    pub down: String,
}

impl NewMigration {
    /// The file text in the documented format.
    pub fn render(&self) -> String {
        let message: String = self
            .message
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let mut out = String::new();
        out.push_str(&format!("-- revision: {}\n", self.revision));
        if self.parents.is_empty() {
            out.push_str("-- parents:\n");
        } else {
            out.push_str(&format!("-- parents: {}\n", self.parents.join(" ")));
        }
        out.push_str(&format!("-- message: {}\n", message.trim()));
        out.push_str(&format!("-- created: {}\n", self.created));
        out.push_str(&format!("-- transaction: {}\n", self.transaction.as_str()));
        out.push('\n');
        out.push_str(UP_MARKER);
        out.push('\n');
        let up = self.up.trim_matches('\n');
        if !up.is_empty() {
            out.push_str(up);
            out.push('\n');
        }
        out.push('\n');
        out.push_str(DOWN_MARKER);
        out.push('\n');
        let down = self.down.trim_matches('\n');
        if !down.is_empty() {
            out.push_str(down);
            out.push('\n');
        }
        out
    }

    /// The file name: `<revision>_<slug>.sql`.
    pub fn file_name(&self) -> String {
        format!("{}_{}.sql", self.revision, slug(&self.message))
    }
}

/// The file-name slug of a message: lower-case ASCII words joined by `_`, at
/// most 40 characters (`revision` when nothing is left).
pub fn slug(message: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in message.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.is_empty() {
        "revision".to_string()
    } else {
        out
    }
}

/// A fresh 12-hex-digit revision id (SHA-256 of the time, the process id, a
/// counter and `salt`).
pub fn new_revision_id(salt: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let digest = Sha256::digest(format!("{nanos}/{}/{n}/{salt}", std::process::id()).as_bytes());
    let mut id = hex::encode(digest);
    id.truncate(12);
    // Hex digits never spell a reserved word (`base`, `head`, ...), so the id
    // is always valid.
    id
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    format_utc(secs)
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_utc(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// A set of applied revisions (closed under "parent of" when consistent).
pub type State = BTreeSet<String>;

/// The migration directory as a graph of revisions.
#[derive(Clone, Debug)]
pub struct History {
    dir: PathBuf,
    /// In topological order: parents before children; ties broken by
    /// (created, revision).
    migrations: Vec<Migration>,
    index: HashMap<String, usize>,
    children: Vec<Vec<usize>>,
}

impl History {
    /// Reads every `*.sql` file of `dir` (other files and subdirectories are
    /// ignored). A missing directory is an error that says how to create it.
    pub fn load(dir: &Path) -> Result<History, Error> {
        History::load_with(dir, Migration::read)
    }

    /// [`History::load`] with the files read by
    /// [`Migration::read_unchecked`] (their SQL is not checked; for `lint`).
    pub fn load_unchecked(dir: &Path) -> Result<History, Error> {
        History::load_with(dir, Migration::read_unchecked)
    }

    fn load_with(
        dir: &Path,
        read: fn(&Path) -> Result<Migration, Error>,
    ) -> Result<History, Error> {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                HistoryError::NoDirectory {
                    dir: dir.to_path_buf(),
                }
            } else {
                HistoryError::ReadDirectory {
                    dir: dir.to_path_buf(),
                    source: e,
                }
            }
        })?;
        let mut paths = Vec::new();
        for e in entries {
            let e = e.map_err(|e| HistoryError::ReadDirectory {
                dir: dir.to_path_buf(),
                source: e,
            })?;
            let path = e.path();
            if path.is_file() && path.extension().is_some_and(|x| x == "sql") {
                paths.push(path);
            }
        }
        paths.sort();
        let mut migrations = Vec::with_capacity(paths.len());
        for p in &paths {
            migrations.push(read(p)?);
        }
        History::new(dir, migrations)
    }

    /// Builds the graph from parsed migrations, rejecting duplicate ids,
    /// missing parents and cycles (each error names the files).
    pub fn new(dir: &Path, migrations: Vec<Migration>) -> Result<History, Error> {
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (i, m) in migrations.iter().enumerate() {
            if let Some(&j) = by_id.get(&m.revision) {
                return Err(HistoryError::DuplicateRevision {
                    revision: m.revision.clone(),
                    first: migrations[j].path.clone(),
                    second: m.path.clone(),
                }
                .into());
            }
            by_id.insert(m.revision.clone(), i);
        }
        let mut missing = Vec::new();
        for m in &migrations {
            for p in &m.parents {
                if !by_id.contains_key(p) {
                    missing.push(MissingParent {
                        file: m.path.clone(),
                        line: m.parents_line,
                        revision: m.revision.clone(),
                        parent: p.clone(),
                        dir: dir.to_path_buf(),
                    });
                }
            }
        }
        if !missing.is_empty() {
            return Err(HistoryError::MissingParents { missing }.into());
        }
        // Kahn's algorithm with a deterministic ready queue.
        let n = migrations.len();
        let mut indegree: Vec<usize> = migrations.iter().map(|m| m.parents.len()).collect();
        let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, m) in migrations.iter().enumerate() {
            for p in &m.parents {
                kids[by_id[p]].push(i);
            }
        }
        let key = |i: usize| {
            (
                migrations[i].created.clone().unwrap_or_default(),
                migrations[i].revision.clone(),
                i,
            )
        };
        let mut ready: BTreeSet<(String, String, usize)> =
            (0..n).filter(|&i| indegree[i] == 0).map(key).collect();
        let mut order = Vec::with_capacity(n);
        while let Some(first) = ready.iter().next().cloned() {
            ready.remove(&first);
            let i = first.2;
            order.push(i);
            for &k in &kids[i] {
                indegree[k] -= 1;
                if indegree[k] == 0 {
                    ready.insert(key(k));
                }
            }
        }
        if order.len() < n {
            let stuck: Vec<usize> = (0..n).filter(|&i| indegree[i] > 0).collect();
            let cycle = find_cycle(&migrations, &by_id, &stuck);
            let revisions = cycle
                .iter()
                .map(|&i| (migrations[i].revision.clone(), migrations[i].path.clone()))
                .collect();
            return Err(HistoryError::Cycle { revisions }.into());
        }
        let mut slots: Vec<Option<Migration>> = migrations.into_iter().map(Some).collect();
        let sorted: Vec<Migration> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let index: HashMap<String, usize> = sorted
            .iter()
            .enumerate()
            .map(|(i, m)| (m.revision.clone(), i))
            .collect();
        let mut children = vec![Vec::new(); sorted.len()];
        for (i, m) in sorted.iter().enumerate() {
            for p in &m.parents {
                children[index[p]].push(i);
            }
        }
        Ok(History {
            dir: dir.to_path_buf(),
            migrations: sorted,
            index,
            children,
        })
    }

    /// The directory the history was read from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every migration, parents before children.
    pub fn migrations(&self) -> &[Migration] {
        &self.migrations
    }

    /// True when the directory holds no migration.
    pub fn is_empty(&self) -> bool {
        self.migrations.is_empty()
    }

    /// The migration with exactly this id.
    pub fn get(&self, revision: &str) -> Option<&Migration> {
        self.index.get(revision).map(|&i| &self.migrations[i])
    }

    fn idx(&self, revision: &str) -> Result<usize, Error> {
        self.index.get(revision).copied().ok_or_else(|| {
            HistoryError::UnknownRevision {
                revision: revision.to_string(),
                dir: self.dir.clone(),
            }
            .into()
        })
    }

    /// The children of a revision.
    pub fn children(&self, revision: &str) -> Vec<&Migration> {
        match self.index.get(revision) {
            Some(&i) => self.children[i]
                .iter()
                .map(|&k| &self.migrations[k])
                .collect(),
            None => Vec::new(),
        }
    }

    /// Revisions without children, in topological order.
    pub fn heads(&self) -> Vec<&Migration> {
        (0..self.migrations.len())
            .filter(|&i| self.children[i].is_empty())
            .map(|i| &self.migrations[i])
            .collect()
    }

    /// Revisions without parents.
    pub fn bases(&self) -> Vec<&Migration> {
        self.migrations
            .iter()
            .filter(|m| m.parents.is_empty())
            .collect()
    }

    /// Revisions with more than one child.
    pub fn branch_points(&self) -> Vec<&Migration> {
        (0..self.migrations.len())
            .filter(|&i| self.children[i].len() > 1)
            .map(|i| &self.migrations[i])
            .collect()
    }

    /// Revisions with more than one parent.
    pub fn merge_points(&self) -> Vec<&Migration> {
        self.migrations
            .iter()
            .filter(|m| m.parents.len() > 1)
            .collect()
    }

    /// The revision and all its ancestors.
    pub fn ancestors(&self, revision: &str) -> Result<State, Error> {
        let mut out = State::new();
        let mut stack = vec![self.idx(revision)?];
        while let Some(i) = stack.pop() {
            if out.insert(self.migrations[i].revision.clone()) {
                for p in &self.migrations[i].parents {
                    stack.push(self.index[p]);
                }
            }
        }
        Ok(out)
    }

    /// The revision and all its descendants.
    pub fn descendants(&self, revision: &str) -> Result<State, Error> {
        let mut out = State::new();
        let mut stack = vec![self.idx(revision)?];
        while let Some(i) = stack.pop() {
            if out.insert(self.migrations[i].revision.clone()) {
                stack.extend(self.children[i].iter().copied());
            }
        }
        Ok(out)
    }

    /// The union of the ancestors of each revision: the state reached by
    /// upgrading to all of them.
    pub fn closure<S: AsRef<str>>(&self, revisions: &[S]) -> Result<State, Error> {
        let mut out = State::new();
        for r in revisions {
            out.extend(self.ancestors(r.as_ref())?);
        }
        Ok(out)
    }

    /// The heads of a state: its revisions that no other revision of the
    /// state has as a parent (in topological order). Unknown ids are ignored.
    pub fn state_heads(&self, state: &State) -> Vec<String> {
        self.migrations
            .iter()
            .enumerate()
            .filter(|(_, m)| state.contains(&m.revision))
            .filter(|(i, _)| {
                !self.children[*i]
                    .iter()
                    .any(|&k| state.contains(&self.migrations[k].revision))
            })
            .map(|(_, m)| m.revision.clone())
            .collect()
    }

    /// Finds the one revision whose id is `text` or starts with `text`.
    pub fn find(&self, text: &str) -> Result<&Migration, Error> {
        if let Some(m) = self.get(text) {
            return Ok(m);
        }
        let candidates: Vec<&Migration> = self
            .migrations
            .iter()
            .filter(|m| m.revision.starts_with(text))
            .collect();
        match candidates.as_slice() {
            [one] => Ok(one),
            [] => Err(HistoryError::UnknownRevision {
                revision: text.to_string(),
                dir: self.dir.clone(),
            }
            .into()),
            many => Err(HistoryError::AmbiguousPrefix {
                prefix: text.to_string(),
                candidates: many.iter().map(|m| describe(m)).collect(),
            }
            .into()),
        }
    }

    /// The single head, or an error naming them all.
    pub fn single_head(&self) -> Result<Option<&Migration>, Error> {
        let heads = self.heads();
        match heads.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            many => Err(HistoryError::SeveralHeads {
                heads: many.iter().map(|m| describe(m)).collect(),
            }
            .into()),
        }
    }

    /// Resolves a target to the state it stands for. `current` is the
    /// database's state (needed by `current` and by `+N` / `-N` without an
    /// anchor); pass `None` when there is no database (offline scripts).
    pub fn resolve(&self, target: &Target, current: Option<&State>) -> Result<State, Error> {
        let anchor_state = match &target.anchor {
            Anchor::Base => State::new(),
            Anchor::Head => match self.single_head()? {
                Some(h) => self.ancestors(&h.revision)?,
                None => State::new(),
            },
            Anchor::Heads => {
                if target.delta != 0 {
                    return Err(HistoryError::RelativeToHeads {
                        target: target.to_string(),
                    }
                    .into());
                }
                let heads: Vec<String> = self.heads().iter().map(|m| m.revision.clone()).collect();
                self.closure(&heads)?
            }
            Anchor::Current => match current {
                Some(s) => s.clone(),
                None => {
                    return Err(HistoryError::NeedsCurrent {
                        target: target.to_string(),
                    }
                    .into())
                }
            },
            Anchor::Revision(text) => {
                let m = self.find(text)?;
                self.ancestors(&m.revision)?
            }
        };
        self.step(anchor_state, target.delta, target)
    }

    /// Moves a state `delta` steps along the graph: forward to the only child
    /// of its only head, backward by removing its only head.
    fn step(&self, mut state: State, delta: i64, target: &Target) -> Result<State, Error> {
        for done in 0..delta.unsigned_abs() {
            let heads = self.state_heads(&state);
            if heads.len() > 1 {
                return Err(HistoryError::AmbiguousStep {
                    target: target.to_string(),
                    heads,
                }
                .into());
            }
            if delta > 0 {
                let next: Vec<&Migration> = match heads.first() {
                    None => self.bases(),
                    Some(h) => self.children(h),
                };
                match next.as_slice() {
                    [one] => {
                        let more = self.ancestors(&one.revision)?;
                        state.extend(more);
                    }
                    [] => {
                        return Err(HistoryError::TooFarForward {
                            target: target.to_string(),
                            steps: delta.unsigned_abs(),
                            available: done,
                        }
                        .into())
                    }
                    many => {
                        return Err(HistoryError::SeveralChildren {
                            target: target.to_string(),
                            revision: heads.first().map_or("base", String::as_str).to_string(),
                            children: many.iter().map(|m| describe(m)).collect(),
                        }
                        .into())
                    }
                }
            } else {
                match heads.first() {
                    Some(h) => {
                        state.remove(h);
                    }
                    None => {
                        return Err(HistoryError::TooFarBack {
                            target: target.to_string(),
                            steps: delta.unsigned_abs(),
                            available: done,
                        }
                        .into())
                    }
                }
            }
        }
        Ok(state)
    }

    /// The migrations to apply, in order, to go from `current` to `target`
    /// (everything in `target` not yet in `current`).
    pub fn upgrade_path(&self, current: &State, target: &State) -> Vec<&Migration> {
        self.migrations
            .iter()
            .filter(|m| target.contains(&m.revision) && !current.contains(&m.revision))
            .collect()
    }

    /// The migrations to revert, in order (children before parents), to go
    /// from `current` back to `target`: as in Alembic, the applied descendants
    /// of the target's heads (everything, for `base`). Applied revisions of
    /// other branches stay.
    pub fn downgrade_path(&self, current: &State, target: &State) -> Vec<&Migration> {
        let mut revert = State::new();
        if target.is_empty() {
            revert = current.clone();
        } else {
            for h in self.state_heads(target) {
                if let Ok(d) = self.descendants(&h) {
                    revert.extend(
                        d.into_iter()
                            .filter(|r| current.contains(r) && !target.contains(r)),
                    );
                }
            }
        }
        self.migrations
            .iter()
            .rev()
            .filter(|m| revert.contains(&m.revision))
            .collect()
    }
}

/// `abc123 (message)` for messages.
pub fn describe(m: &Migration) -> String {
    if m.message.is_empty() {
        m.revision.clone()
    } else {
        format!("{} ({})", m.revision, m.message)
    }
}

/// Finds one cycle among `stuck` nodes (each has a parent that is stuck).
fn find_cycle(
    migrations: &[Migration],
    by_id: &HashMap<String, usize>,
    stuck: &[usize],
) -> Vec<usize> {
    let stuck_set: BTreeSet<usize> = stuck.iter().copied().collect();
    let Some(&start) = stuck.first() else {
        return Vec::new();
    };
    let mut path = vec![start];
    let mut seen: HashMap<usize, usize> = HashMap::new();
    seen.insert(start, 0);
    let mut cur = start;
    loop {
        let next = migrations[cur]
            .parents
            .iter()
            .map(|p| by_id[p])
            .find(|i| stuck_set.contains(i));
        let Some(next) = next else {
            return path;
        };
        if let Some(&pos) = seen.get(&next) {
            let mut cycle: Vec<usize> = path[pos..].to_vec();
            cycle.reverse();
            cycle.push(cycle[0]);
            return cycle;
        }
        seen.insert(next, path.len());
        path.push(next);
        cur = next;
    }
}

/// What a target is relative to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Nothing applied.
    Base,
    /// The single head.
    Head,
    /// All heads.
    Heads,
    /// The database's current state.
    Current,
    /// A full revision id or a unique prefix.
    Revision(String),
}

/// A parsed target: an anchor and a number of steps (`head-1`, `+2`, `abc+1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Where to start.
    pub anchor: Anchor,
    /// Steps forward (positive) or back (negative).
    pub delta: i64,
}

impl Target {
    /// Parses `head`, `heads`, `base`, `current`, a revision or prefix, each
    /// optionally followed by `+N` or `-N`, or a bare `+N` / `-N` (relative to
    /// the current state).
    pub fn parse(text: &str) -> Result<Target, Error> {
        let t = text.trim();
        let bad = || {
            Error::from(HistoryError::InvalidTarget {
                text: text.to_string(),
            })
        };
        if t.is_empty() {
            return Err(bad());
        }
        let (name, delta) = match t.find(['+', '-']) {
            Some(pos) => {
                let (name, rest) = t.split_at(pos);
                let sign: i64 = if rest.starts_with('+') { 1 } else { -1 };
                let n: i64 = rest[1..].parse().map_err(|_| bad())?;
                if n <= 0 {
                    return Err(bad());
                }
                (name, sign * n)
            }
            None => (t, 0),
        };
        let anchor = match name {
            "" => Anchor::Current,
            "base" => Anchor::Base,
            "head" => Anchor::Head,
            "heads" => Anchor::Heads,
            "current" => Anchor::Current,
            r if is_valid_revision_id(r) => Anchor::Revision(r.to_string()),
            _ => return Err(bad()),
        };
        Ok(Target { anchor, delta })
    }

    /// True for targets that depend on the database's state.
    pub fn needs_current(&self) -> bool {
        self.anchor == Anchor::Current
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.anchor {
            Anchor::Base => f.write_str("base")?,
            Anchor::Head => f.write_str("head")?,
            Anchor::Heads => f.write_str("heads")?,
            Anchor::Current if self.delta == 0 => f.write_str("current")?,
            Anchor::Current => {}
            Anchor::Revision(r) => f.write_str(r)?,
        }
        match self.delta {
            0 => Ok(()),
            d if d > 0 => write!(f, "+{d}"),
            d => write!(f, "{d}"),
        }
    }
}

/// A `FROM:TO` range as `history -r` and offline scripts take it; either side
/// may be empty.
pub fn parse_range(text: &str) -> Result<(Option<Target>, Option<Target>), Error> {
    let Some((a, b)) = text.split_once(':') else {
        return Err(HistoryError::InvalidRange {
            text: text.to_string(),
        }
        .into());
    };
    let side = |s: &str| -> Result<Option<Target>, Error> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            Target::parse(s).map(Some)
        }
    };
    Ok((side(a)?, side(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rev: &str, parents: &str, extra: &str) -> (PathBuf, String) {
        (
            PathBuf::from(format!("m/{rev}_x.sql")),
            format!(
                "-- revision: {rev}\n-- parents: {parents}\n-- message: msg {rev}\n{extra}\n-- migrate:up\nCREATE TABLE t_{rev} ();\n-- migrate:down\nDROP TABLE t_{rev};\n"
            ),
        )
    }

    fn history(spec: &[(&str, &str)]) -> Result<History, Error> {
        let ms = spec
            .iter()
            .map(|(r, p)| {
                let (path, text) = file(r, p, "");
                Migration::parse(&path, &text)
            })
            .collect::<Result<Vec<_>, _>>()?;
        History::new(Path::new("m"), ms)
    }

    #[test]
    fn parses_a_file() {
        let text = "-- revision: a1\n-- parents: p1, p2\n-- message: add lessons\n-- created: 2026-01-01T00:00:00Z\n-- transaction: none\n-- a free comment\n\n-- migrate:up\n\nCREATE INDEX CONCURRENTLY i ON t (a);\n\n-- migrate:down\nDROP INDEX CONCURRENTLY i;\n";
        let m = Migration::parse(Path::new("m/a1_add.sql"), text).unwrap();
        assert_eq!(m.revision, "a1");
        assert_eq!(m.parents, vec!["p1", "p2"]);
        assert_eq!(m.message, "add lessons");
        assert_eq!(m.transaction, TransactionMode::None);
        assert_eq!(m.up, "CREATE INDEX CONCURRENTLY i ON t (a);");
        assert_eq!(m.up_line, 10);
        assert_eq!(m.down.as_deref(), Some("DROP INDEX CONCURRENTLY i;"));
        assert_eq!(m.down_line, 13);
    }

    #[test]
    fn line_numbers_count_lines_of_spaces() {
        // Line 4 holds two spaces, line 5 a tab: both are part of the up
        // section's text, so positions in it map to the right file lines.
        let text = "-- revision: a1\n-- migrate:up\n\n  \n\t\nSELECT 1;\nSELECT nope;\n-- migrate:down\n\n \nDROP TABLE x;\n";
        let m = Migration::parse(Path::new("m/a1_x.sql"), text).unwrap();
        let at = |sql: &str, what: &str| sql.find(what).unwrap() + 1;
        assert_eq!(m.line_of(false, at(&m.up, "SELECT 1")), 6);
        assert_eq!(m.line_of(false, at(&m.up, "nope")), 7);
        assert_eq!(m.line_of(true, at(m.down.as_deref().unwrap(), "DROP")), 11);
    }

    #[test]
    fn parse_errors_name_file_and_line() {
        let cases = [
            (
                "-- revision: a1\nSELECT 1;\n-- migrate:up\n",
                2,
                "SQL before",
            ),
            (
                "-- revision: a1\n-- parent: x\n-- migrate:up\n",
                2,
                "unknown header `parent`",
            ),
            ("-- revision: a1\n", 2, "no `-- migrate:up`"),
            ("-- message: x\n-- migrate:up\n", 1, "no `-- revision:`"),
            (
                "-- revision: a-1\n-- migrate:up\n",
                1,
                "invalid revision id",
            ),
            (
                "-- revision: b2\n-- migrate:up\n",
                1,
                "the file name must start",
            ),
            (
                "-- revision: a1\n-- transaction: maybe\n-- migrate:up\n",
                2,
                "unknown transaction mode",
            ),
            (
                "-- revision: a1\n-- migrate:down\n-- migrate:up\n",
                2,
                "`-- migrate:down` before",
            ),
            (
                "-- revision: a1\n-- migrate:up\n-- migrate:up\n",
                3,
                "a second",
            ),
            ("-- revision: a1\n-- migrate:upp\n", 2, "unknown marker"),
            (
                "-- revision: a1\n-- parents: a1\n-- migrate:up\n",
                2,
                "revision `a1` lists itself",
            ),
            (
                "-- revision: head\n-- migrate:up\n",
                1,
                "invalid revision id `head`",
            ),
        ];
        for (text, want_line, want) in cases {
            let err = Migration::parse(Path::new("m/a1_x.sql"), text).unwrap_err();
            match &err {
                Error::MigrationFile(MigrationFileError::Invalid { path, line, what }) => {
                    assert_eq!(path, Path::new("m/a1_x.sql"), "{text:?}");
                    assert_eq!(*line, want_line, "{text:?}: {err}");
                    assert!(what.starts_with(want), "{text:?}: got {err}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
            assert!(
                err.to_string()
                    .starts_with(&format!("m/a1_x.sql:{want_line}: {want}")),
                "{err}"
            );
        }
    }

    #[test]
    fn checksum_folds_line_endings_only() {
        let a = "-- revision: a\r\n-- migrate:up\r\nSELECT 1;\r\n";
        let b = "-- revision: a\n-- migrate:up\nSELECT 1;\n";
        let c = "-- revision: a\n-- migrate:up\nSELECT 2;\n";
        assert_eq!(checksum(a), checksum(b));
        assert_ne!(checksum(b), checksum(c));
        assert_eq!(checksum("").len(), 64);
    }

    #[test]
    fn render_parses_back() {
        let n = NewMigration {
            revision: "abc".into(),
            parents: vec!["p".into(), "q".into()],
            message: "Add lessons\ntable!".into(),
            created: "2026-01-01T00:00:00Z".into(),
            transaction: TransactionMode::PerMigration,
            up: "CREATE TABLE a ();".into(),
            down: String::new(),
        };
        assert_eq!(n.file_name(), "abc_add_lessons_table.sql");
        let m = Migration::parse(Path::new(&n.file_name()), &n.render()).unwrap();
        assert_eq!(m.parents, vec!["p", "q"]);
        assert_eq!(m.message, "Add lessons table!");
        assert_eq!(m.up, "CREATE TABLE a ();");
        assert_eq!(m.down.as_deref(), Some(""));
    }

    #[test]
    fn utc_format() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(1_795_608_000), "2026-11-25T12:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn graph_shapes() {
        // a -> b -> c, b -> d (branch), c + d -> m (merge), x (second base)
        let h = history(&[
            ("a", ""),
            ("b", "a"),
            ("c", "b"),
            ("d", "b"),
            ("m", "c d"),
            ("x", ""),
        ])
        .unwrap();
        let ids = |v: Vec<&Migration>| v.iter().map(|m| m.revision.clone()).collect::<Vec<_>>();
        assert_eq!(ids(h.heads()), vec!["m", "x"]);
        assert_eq!(ids(h.bases()), vec!["a", "x"]);
        assert_eq!(ids(h.branch_points()), vec!["b"]);
        assert_eq!(ids(h.merge_points()), vec!["m"]);
        let order: Vec<&str> = h.migrations().iter().map(|m| m.revision.as_str()).collect();
        assert_eq!(order, vec!["a", "b", "c", "d", "m", "x"]);
    }

    #[test]
    fn graph_errors_name_files() {
        let e = history(&[("a", ""), ("b", "a"), ("c", "zz")]).unwrap_err();
        match &e {
            Error::History(HistoryError::MissingParents { missing }) => {
                assert_eq!(missing.len(), 1);
                assert_eq!(missing[0].file, Path::new("m/c_x.sql"));
                assert_eq!((missing[0].line, missing[0].parent.as_str()), (2, "zz"));
            }
            other => panic!("{other:?}"),
        }
        assert!(
            e.to_string().contains("m/c_x.sql:2: parent revision `zz`"),
            "{e}"
        );
        let e = history(&[("a", "c"), ("b", "a"), ("c", "b"), ("r", "")]).unwrap_err();
        let Error::History(HistoryError::Cycle { revisions }) = &e else {
            panic!("{e:?}");
        };
        let files: Vec<&Path> = revisions.iter().map(|(_, p)| p.as_path()).collect();
        for f in ["m/a_x.sql", "m/b_x.sql", "m/c_x.sql"] {
            assert!(files.contains(&Path::new(f)), "{e}");
        }
        assert!(!files.contains(&Path::new("m/r_x.sql")), "{e}");
        assert_eq!(revisions.first(), revisions.last(), "a cycle: {e}");
        let (p1, t1) = file("a", "", "");
        let (_, t2) = file("a", "", "-- other");
        let ms = vec![
            Migration::parse(&p1, &t1).unwrap(),
            Migration::parse(Path::new("m/a_y.sql"), &t2).unwrap(),
        ];
        let e = History::new(Path::new("m"), ms).unwrap_err();
        assert!(
            matches!(
                &e,
                Error::History(HistoryError::DuplicateRevision { revision, first, second })
                    if revision == "a" && first == Path::new("m/a_x.sql") && second == Path::new("m/a_y.sql")
            ),
            "{e:?}"
        );
        assert!(
            e.to_string()
                .contains("duplicate revision id `a` in m/a_x.sql and m/a_y.sql"),
            "{e}"
        );
    }

    fn set(items: &[&str]) -> State {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn targets() {
        let h = history(&[("a1", ""), ("b1", "a1"), ("c1", "b1"), ("c2", "b1")]).unwrap();
        let r = |t: &str, cur: &[&str]| h.resolve(&Target::parse(t).unwrap(), Some(&set(cur)));
        assert!(matches!(
            r("head", &[]),
            Err(Error::History(HistoryError::SeveralHeads { heads }))
                if heads == ["c1 (msg c1)", "c2 (msg c2)"]
        ));
        assert_eq!(r("heads", &[]).unwrap(), set(&["a1", "b1", "c1", "c2"]));
        assert_eq!(r("base", &["a1"]).unwrap(), set(&[]));
        assert_eq!(r("b", &[]).unwrap(), set(&["a1", "b1"]));
        assert!(matches!(
            r("c", &[]),
            Err(Error::History(HistoryError::AmbiguousPrefix { prefix, candidates }))
                if prefix == "c" && candidates == ["c1 (msg c1)", "c2 (msg c2)"]
        ));
        assert!(matches!(
            r("zz", &[]),
            Err(Error::History(HistoryError::UnknownRevision { revision, .. })) if revision == "zz"
        ));
        assert_eq!(r("+1", &[]).unwrap(), set(&["a1"]));
        assert_eq!(r("+1", &["a1"]).unwrap(), set(&["a1", "b1"]));
        assert_eq!(r("+2", &[]).unwrap(), set(&["a1", "b1"]));
        assert!(matches!(
            r("+2", &["a1"]),
            Err(Error::History(HistoryError::SeveralChildren { revision, children, .. }))
                if revision == "b1" && children.len() == 2
        ));
        assert_eq!(r("-1", &["a1", "b1"]).unwrap(), set(&["a1"]));
        assert!(matches!(
            r("-3", &["a1", "b1"]),
            Err(Error::History(HistoryError::TooFarBack {
                steps: 3,
                available: 2,
                ..
            }))
        ));
        assert_eq!(r("c1-1", &[]).unwrap(), set(&["a1", "b1"]));
        assert_eq!(r("a1+1", &[]).unwrap(), set(&["a1", "b1"]));
        assert_eq!(r("base+1", &[]).unwrap(), set(&["a1"]));
        assert!(matches!(
            r("-1", &["a1", "b1", "c1", "c2"]),
            Err(Error::History(HistoryError::AmbiguousStep { heads, .. })) if heads.len() == 2
        ));
        assert!(matches!(
            h.resolve(&Target::parse("-1").unwrap(), None),
            Err(Error::History(HistoryError::NeedsCurrent { .. }))
        ));
        let lin = history(&[("a", ""), ("b", "a"), ("c", "b")]).unwrap();
        assert_eq!(
            lin.resolve(&Target::parse("head-1").unwrap(), None)
                .unwrap(),
            set(&["a", "b"])
        );
        assert_eq!(
            lin.resolve(&Target::parse("head-3").unwrap(), None)
                .unwrap(),
            set(&[])
        );
        assert_eq!(
            lin.resolve(&Target::parse("a+2").unwrap(), None).unwrap(),
            set(&["a", "b", "c"])
        );
        assert_eq!(
            lin.resolve(&Target::parse("head").unwrap(), None).unwrap(),
            set(&["a", "b", "c"])
        );
        for bad in ["", "head-", "+0", "a b", "-x", "he:ad"] {
            assert!(
                matches!(
                    Target::parse(bad),
                    Err(Error::History(HistoryError::InvalidTarget { text })) if text == bad
                ),
                "{bad}"
            );
        }
        assert_eq!(Target::parse("head-1").unwrap().to_string(), "head-1");
        assert_eq!(Target::parse("+2").unwrap().to_string(), "+2");
    }

    #[test]
    fn paths_through_merges() {
        // a -> b, a -> c, (b, c) -> m; 3-way: (m, x, y) -> z
        let h = history(&[
            ("a", ""),
            ("b", "a"),
            ("c", "a"),
            ("m", "b c"),
            ("x", "m"),
            ("y", "m"),
            ("z", "x y m"),
        ]);
        // m is also a parent of z along with its children: fine, still acyclic.
        let h = h.unwrap();
        let up: Vec<&str> = h
            .upgrade_path(
                &set(&["a", "b"]),
                &h.resolve(&Target::parse("head").unwrap(), None).unwrap(),
            )
            .iter()
            .map(|m| m.revision.as_str())
            .collect();
        assert_eq!(up, vec!["c", "m", "x", "y", "z"]);
        let all = h.resolve(&Target::parse("heads").unwrap(), None).unwrap();
        let down: Vec<&str> = h
            .downgrade_path(
                &all,
                &h.resolve(&Target::parse("b").unwrap(), None).unwrap(),
            )
            .iter()
            .map(|m| m.revision.as_str())
            .collect();
        // c is a child of a, not of b: it is another branch and stays.
        assert_eq!(down, vec!["z", "y", "x", "m"]);
        assert_eq!(h.state_heads(&set(&["a", "b", "c"])), vec!["b", "c"]);
        // `downgrade c` reverts what descends from c: nothing of branch b.
        let down: Vec<&str> = h
            .downgrade_path(&set(&["a", "b", "c"]), &set(&["a", "c"]))
            .iter()
            .map(|m| m.revision.as_str())
            .collect();
        assert!(down.is_empty(), "{down:?}");
        let down: Vec<&str> = h
            .downgrade_path(&set(&["a", "b", "c"]), &set(&["a"]))
            .iter()
            .map(|m| m.revision.as_str())
            .collect();
        assert_eq!(down, vec!["c", "b"]);
        let down: Vec<&str> = h
            .downgrade_path(&set(&["a", "b", "c"]), &set(&[]))
            .iter()
            .map(|m| m.revision.as_str())
            .collect();
        assert_eq!(down, vec!["c", "b", "a"]);
    }

    #[test]
    fn ranges() {
        let (a, b) = parse_range("base:head").unwrap();
        assert_eq!(a.unwrap().anchor, Anchor::Base);
        assert_eq!(b.unwrap().anchor, Anchor::Head);
        let (a, b) = parse_range(":abc").unwrap();
        assert!(a.is_none());
        assert_eq!(b.unwrap().anchor, Anchor::Revision("abc".into()));
        assert!(matches!(
            parse_range("abc"),
            Err(Error::History(HistoryError::InvalidRange { .. }))
        ));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Add lessons table"), "add_lessons_table");
        assert_eq!(slug("  ~~ "), "revision");
        assert_eq!(slug("créer été"), "cr_er_t");
    }
}
