//! Configuration: `schema-diff.toml`, then the environment (`DATABASE_URL`
//! and the libpq variables), then command-line flags, each overriding the one
//! before; the result is one validated [`Config`].
//!
//! Start at [`Config::resolve`]: it takes the flags ([`Overrides`]), an
//! environment lookup function and the working directory, finds and reads the
//! file ([`FileConfig`], unknown keys rejected with their line), and settles
//! every setting. Connection settings are kept as a [`ConnInfo`] (host, port,
//! user, password, database, other parameters) so that the libpq variables can
//! override or fill single fields, and so that every message can print the
//! connection with its password masked ([`ConnInfo::masked`], [`mask_secrets`]).
//! Nothing here connects to anything. The version table's location is a
//! [`VersionTable`] of `runner::version_table`, which imports nothing from
//! here (no import cycle).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{ConfigError, Error};
use crate::runner::version_table::{VersionTable, DEFAULT_VERSION_TABLE};

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "schema-diff.toml";

/// The libpq variables read from the environment, and the field each sets.
pub const PG_VARIABLES: [(&str, Field); 5] = [
    ("PGHOST", Field::Host),
    ("PGPORT", Field::Port),
    ("PGUSER", Field::User),
    ("PGPASSWORD", Field::Password),
    ("PGDATABASE", Field::Dbname),
];

/// The contents of `schema-diff.toml`. Paths are relative to the file's
/// directory.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// The migrations directory (default `migrations`).
    pub migrations: Option<String>,
    /// The command that prints the models as schema JSON: a string run with
    /// `sh -c`, or an argument list run directly; run in the file's directory.
    pub models: Option<CommandSpec>,
    /// The schemas (namespaces) to manage (default `["public"]`).
    pub schemas: Option<Vec<String>>,
    /// Tables left out of introspection and diffs: `name`, `schema.name`,
    /// with `*` as a wildcard.
    pub ignore_tables: Option<Vec<String>>,
    /// The version table's name (default `strata_migrations`).
    pub version_table: Option<String>,
    /// The version table's schema (default `public`).
    pub version_schema: Option<String>,
    /// A database URL (prefer `DATABASE_URL`: a file is no place for a
    /// password).
    pub database_url: Option<String>,
    /// A server where throwaway databases may be created (autogenerate's
    /// replay, normalization of the models); default: the database's server,
    /// or a throwaway cluster when no database is configured.
    pub scratch_url: Option<String>,
}

/// A command given in the configuration.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum CommandSpec {
    /// Run with `sh -c`.
    Shell(String),
    /// Program and arguments.
    Argv(Vec<String>),
}

impl fmt::Display for CommandSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandSpec::Shell(s) => f.write_str(s),
            CommandSpec::Argv(v) => f.write_str(&v.join(" ")),
        }
    }
}

impl FileConfig {
    /// Parses the file's text; errors name the file, line and key.
    pub fn parse(path: &Path, text: &str) -> Result<FileConfig, Error> {
        toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().to_string();
            let path = path.to_path_buf();
            let key = message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split_once('`'))
                .map(|(k, _)| k.to_string());
            let e = match (key, line) {
                (Some(key), Some(line)) => ConfigError::UnknownKey {
                    path,
                    line,
                    key,
                    message,
                },
                (_, line) => ConfigError::BadValue {
                    path,
                    line,
                    message,
                },
            };
            Error::from(e)
        })
    }
}

/// Settings given by the caller that override the file and the environment
/// (the command line fills them from its flags).
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// The configuration file (default: the first `schema-diff.toml` in the
    /// directory or its parents).
    pub config: Option<PathBuf>,
    /// The database URL (over `DATABASE_URL` and the file's).
    pub database_url: Option<String>,
    /// The server for scratch databases.
    pub scratch_url: Option<String>,
    /// The migrations directory (relative to the working directory).
    pub migrations: Option<PathBuf>,
    /// The models command (run with `sh -c` in the working directory).
    pub models: Option<String>,
    /// The schemas to manage (replaces the file's list when not empty).
    pub schemas: Vec<String>,
    /// More tables to leave out (added to the file's list).
    pub ignore_tables: Vec<String>,
    /// The version table's name.
    pub version_table: Option<String>,
    /// The version table's schema.
    pub version_schema: Option<String>,
}

/// A field of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Host name, address or socket directory.
    Host,
    /// Port.
    Port,
    /// User name.
    User,
    /// Password.
    Password,
    /// Database name.
    Dbname,
}

/// Connection settings, field by field.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ConnInfo {
    /// Host (or Unix socket directory).
    pub host: Option<String>,
    /// Port.
    pub port: Option<String>,
    /// User.
    pub user: Option<String>,
    /// Password.
    pub password: Option<String>,
    /// Database.
    pub dbname: Option<String>,
    /// Other parameters (`sslmode`, `application_name`, ...), in order.
    pub params: Vec<(String, String)>,
}

impl fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl ConnInfo {
    /// Parses a `postgres://` / `postgresql://` URL or a libpq `key=value`
    /// string.
    pub fn parse(text: &str) -> Result<ConnInfo, Error> {
        let t = text.trim();
        if let Some(rest) = t
            .strip_prefix("postgres://")
            .or_else(|| t.strip_prefix("postgresql://"))
        {
            return parse_url(rest).map_err(|m| {
                // A password with an unencoded `/` or `?` ends the authority
                // early, and the message about the "port" or "parameter"
                // would quote a piece of it: say what is wrong instead.
                let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
                let m = if !rest[..auth_end].contains('@') && rest[auth_end..].contains('@') {
                    "the user name or password seems to hold an unencoded `/`, `?` or `#`; percent-encode it (`%2F`, `%3F`, `%23`)".to_string()
                } else {
                    m
                };
                Error::from(ConfigError::InvalidUrl {
                    text: ConnInfo::mask_text(text),
                    reason: m,
                })
            });
        }
        if t.contains('=') {
            return parse_key_values(t).map_err(|m| {
                Error::from(ConfigError::InvalidConnectionString {
                    text: ConnInfo::mask_text(text),
                    reason: m,
                })
            });
        }
        Err(Error::from(ConfigError::InvalidUrl {
            text: ConnInfo::mask_text(text),
            reason: "expected postgres://user@host:port/database or key=value pairs".to_string(),
        }))
    }

    fn slot(&mut self, f: Field) -> &mut Option<String> {
        match f {
            Field::Host => &mut self.host,
            Field::Port => &mut self.port,
            Field::User => &mut self.user,
            Field::Password => &mut self.password,
            Field::Dbname => &mut self.dbname,
        }
    }

    /// The URL (`postgres://...`, percent-encoded), password included: for
    /// connecting, never for printing.
    pub fn url(&self) -> String {
        self.render(false)
    }

    /// The URL with the password replaced by `***`: for messages.
    pub fn masked(&self) -> String {
        self.render(true)
    }

    /// The same settings pointing at another database.
    pub fn with_dbname(&self, dbname: &str) -> ConnInfo {
        let mut c = self.clone();
        c.dbname = Some(dbname.to_string());
        c
    }

    fn render(&self, mask: bool) -> String {
        let mut out = String::from("postgres://");
        if let Some(u) = &self.user {
            out.push_str(&pct(u));
            if self.password.is_some() {
                out.push(':');
                match (&self.password, mask) {
                    (Some(_), true) => out.push_str("***"),
                    (Some(p), false) => out.push_str(&pct(p)),
                    _ => {}
                }
            }
            out.push('@');
        }
        // Several hosts (`h1,h2`, as in PGHOST) are written `h1:p1,h2:p2`,
        // each with its port; one port applies to every host.
        let hosts: Vec<&str> = self.host.as_deref().unwrap_or("").split(',').collect();
        let ports: Vec<&str> = self
            .port
            .as_deref()
            .map_or_else(Vec::new, |p| p.split(',').collect());
        for (i, host) in hosts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if host.contains(':') && !host.starts_with('/') {
                out.push('[');
                out.push_str(host);
                out.push(']');
            } else {
                out.push_str(&pct_host(host));
            }
            let port = match ports.as_slice() {
                [one] => Some(*one),
                many => many.get(i).copied(),
            };
            if let Some(p) = port.filter(|p| !p.is_empty()) {
                out.push(':');
                out.push_str(p);
            }
        }
        if let Some(d) = &self.dbname {
            out.push('/');
            out.push_str(&pct(d));
        }
        let mut params: Vec<(&str, String)> = Vec::new();
        // A password without a user goes in the query: `postgres://:pw@h`
        // would name the empty user instead of leaving the default (the
        // operating-system user, as with libpq).
        if let (None, Some(p)) = (&self.user, &self.password) {
            params.push(("password", if mask { "***".into() } else { pct(p) }));
        }
        params.extend(self.params.iter().map(|(k, v)| (k.as_str(), pct(v))));
        for (i, (k, v)) in params.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(&pct(k));
            out.push('=');
            out.push_str(v);
        }
        out
    }

    /// Masks the password in any connection text, parsed or not (for
    /// messages about text that failed to parse).
    pub fn mask_text(text: &str) -> String {
        let t = text.trim();
        if let Some((scheme, rest)) = t.split_once("://") {
            // The user information ends at the last `@`: a password written
            // without percent-encoding may hold `/`, `?` or `#`, which must
            // not hide it. (An `@` further on only masks more.)
            let (userinfo, tail) = match rest.rfind('@') {
                Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
                None => (None, rest),
            };
            let mut out = format!("{scheme}://");
            if let Some(u) = userinfo {
                match u.split_once(':') {
                    Some((user, _)) => {
                        out.push_str(user);
                        out.push_str(":***@");
                    }
                    None => {
                        out.push_str(u);
                        out.push('@');
                    }
                }
            }
            out.push_str(&mask_query_password(tail));
            return out;
        }
        // key=value: mask the value of password=...
        let mut out = String::new();
        let mut rest = t;
        while let Some(pos) = rest.find("password") {
            let (before, after) = rest.split_at(pos);
            out.push_str(before);
            let after_key = &after["password".len()..];
            let trimmed = after_key.trim_start();
            if let Some(v) = trimmed.strip_prefix('=') {
                out.push_str("password=***");
                let v = v.trim_start();
                let end = if let Some(q) = v.strip_prefix('\'') {
                    let mut i = 0;
                    let bytes = q.as_bytes();
                    while i < bytes.len() {
                        if bytes[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if bytes[i] == b'\'' {
                            break;
                        }
                        i += 1;
                    }
                    (i + 2).min(v.len())
                } else {
                    v.find(char::is_whitespace).unwrap_or(v.len())
                };
                rest = &v[end..];
            } else {
                out.push_str("password");
                rest = after_key;
            }
        }
        out.push_str(rest);
        out
    }
}

/// The query part of a URL with the value of every `password=` parameter
/// replaced by `***`.
fn mask_query_password(text: &str) -> String {
    let Some((before, query)) = text.split_once('?') else {
        return text.to_string();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if k == "password" => format!("{k}=***"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{before}?{}", pairs.join("&"))
}

fn pct(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn pct_host(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unpct(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("bad percent-encoding at `{}`", &s[i..]))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "percent-encoding is not UTF-8".to_string())
}

fn parse_url(rest: &str) -> Result<ConnInfo, String> {
    let mut c = ConnInfo::default();
    let (main, query) = match rest.split_once('?') {
        Some((m, q)) => (m, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match main.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (main, None),
    };
    let hostport = match authority.rfind('@') {
        Some(at) => {
            let userinfo = &authority[..at];
            match userinfo.split_once(':') {
                Some((u, p)) => {
                    if !u.is_empty() {
                        c.user = Some(unpct(u)?);
                    }
                    c.password = Some(unpct(p)?);
                }
                None => {
                    if !userinfo.is_empty() {
                        c.user = Some(unpct(userinfo)?);
                    }
                }
            }
            &authority[at + 1..]
        }
        None => authority,
    };
    if !hostport.is_empty() {
        // `host[:port]`, several separated by `,` (libpq's multi-host form).
        let mut hosts = Vec::new();
        let mut ports = Vec::new();
        for piece in hostport.split(',') {
            let (h, p) = if let Some(v6) = piece.strip_prefix('[') {
                let (h, after) = v6
                    .split_once(']')
                    .ok_or_else(|| "unclosed `[` in the host".to_string())?;
                (h.to_string(), after.strip_prefix(':').unwrap_or(""))
            } else {
                match piece.rsplit_once(':') {
                    Some((h, p)) => (unpct(h)?, p),
                    None => (unpct(piece)?, ""),
                }
            };
            hosts.push(h);
            ports.push(p.to_string());
        }
        if hosts.iter().any(|h| !h.is_empty()) {
            c.host = Some(hosts.join(","));
        }
        if ports.iter().any(|p| !p.is_empty()) {
            c.port = Some(ports.join(","));
        }
    }
    if let Some(p) = c.port.as_deref() {
        check_ports(p)?;
    }
    if let Some(p) = path {
        if !p.is_empty() {
            c.dbname = Some(unpct(p)?);
        }
    }
    if let Some(q) = query {
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair
                .split_once('=')
                .ok_or_else(|| format!("query parameter `{pair}` has no value"))?;
            let (k, v) = (unpct(k)?, unpct(v)?);
            match k.as_str() {
                "host" => c.host = Some(v),
                "port" => c.port = Some(v),
                "user" => c.user = Some(v),
                "password" => c.password = Some(v),
                "dbname" => c.dbname = Some(v),
                _ => c.params.push((k, v)),
            }
        }
    }
    Ok(c)
}

/// A port, or a `,`-separated list of them (an empty entry is the default
/// port, as in libpq).
fn check_ports(p: &str) -> Result<(), String> {
    let list: Vec<&str> = p.split(',').collect();
    let bad = |x: &&str| x.parse::<u16>().is_err() && !(list.len() > 1 && x.is_empty());
    if list.iter().any(bad) {
        return Err(format!("invalid port `{p}`"));
    }
    Ok(())
}

fn parse_key_values(text: &str) -> Result<ConnInfo, String> {
    let mut c = ConnInfo::default();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() && chars[i] != '=' && !chars[i].is_whitespace() {
            i += 1;
        }
        let key: String = chars[start..i].iter().collect();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= chars.len() || chars[i] != '=' {
            return Err(format!("`{key}` has no value"));
        }
        i += 1;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < chars.len() && chars[i] == '\'' {
            i += 1;
            loop {
                if i >= chars.len() {
                    return Err(format!("unterminated quoted value of `{key}`"));
                }
                match chars[i] {
                    '\\' if i + 1 < chars.len() => {
                        value.push(chars[i + 1]);
                        i += 2;
                    }
                    '\'' => {
                        i += 1;
                        break;
                    }
                    ch => {
                        value.push(ch);
                        i += 1;
                    }
                }
            }
        } else {
            while i < chars.len() && !chars[i].is_whitespace() {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    value.push(chars[i + 1]);
                    i += 2;
                } else {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        match key.as_str() {
            "host" | "hostaddr" => c.host = Some(value),
            "port" => c.port = Some(value),
            "user" => c.user = Some(value),
            "password" => c.password = Some(value),
            "dbname" => c.dbname = Some(value),
            _ => c.params.push((key, value)),
        }
    }
    Ok(c)
}

/// Where the database settings came from (the error module's
/// [`DatabaseOrigin`], named here for the configuration).
pub use crate::error::DatabaseOrigin;

/// A configured database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Database {
    /// The settings.
    pub conn: ConnInfo,
    /// Where they came from.
    pub origin: DatabaseOrigin,
}

/// A pattern of `ignore_tables`: `name` (any managed schema) or
/// `schema.name`; `*` matches any run of characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TablePattern {
    /// The schema part, when given.
    pub schema: Option<String>,
    /// The table part.
    pub table: String,
}

impl TablePattern {
    /// Parses `name` or `schema.name`.
    pub fn parse(text: &str) -> Result<TablePattern, Error> {
        let t = text.trim();
        if t.is_empty() {
            return Err(ConfigError::EmptyTablePattern.into());
        }
        Ok(match t.split_once('.') {
            Some((s, n)) if !s.is_empty() && !n.is_empty() => TablePattern {
                schema: Some(s.to_string()),
                table: n.to_string(),
            },
            Some(_) => {
                return Err(ConfigError::BadTablePattern {
                    pattern: t.to_string(),
                }
                .into())
            }
            None => TablePattern {
                schema: None,
                table: t.to_string(),
            },
        })
    }

    /// True when the pattern covers `schema.table`.
    pub fn matches(&self, schema: &str, table: &str) -> bool {
        let schema_ok = match self.schema.as_deref() {
            Some(s) => glob(s, schema),
            None => true,
        };
        schema_ok && glob(&self.table, table)
    }
}

/// `*` wildcard matching.
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && p[pi] != '*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// The models command with the directory it runs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelsCommand {
    /// The command.
    pub command: CommandSpec,
    /// Its working directory.
    pub dir: PathBuf,
}

/// Every setting, settled.
#[derive(Clone, Debug)]
pub struct Config {
    /// The configuration file that was read, if any.
    pub file: Option<PathBuf>,
    /// The migrations directory.
    pub migrations_dir: PathBuf,
    /// The models command, if configured.
    pub models: Option<ModelsCommand>,
    /// The schemas to manage.
    pub schemas: Vec<String>,
    /// Tables to leave out.
    pub ignore_tables: Vec<TablePattern>,
    /// The version table.
    pub version_table: VersionTable,
    /// The database; `None` when nothing at all is configured (the project
    /// then starts a throwaway server).
    pub database: Option<Database>,
    /// The server for throwaway databases, when configured apart from the
    /// database.
    pub scratch: Option<ConnInfo>,
}

impl Config {
    /// Settles the configuration: the file (`flags.config`, else the first
    /// `schema-diff.toml` in `cwd` or its parents), then the environment, then
    /// the flags.
    pub fn resolve(
        flags: &Overrides,
        env: &dyn Fn(&str) -> Option<String>,
        cwd: &Path,
    ) -> Result<Config, Error> {
        let file_path = match &flags.config {
            Some(p) => {
                let p = cwd.join(p);
                if !p.is_file() {
                    return Err(ConfigError::MissingFile { path: p }.into());
                }
                Some(p)
            }
            None => cwd
                .ancestors()
                .map(|d| d.join(CONFIG_FILE))
                .find(|p| p.is_file()),
        };
        let file = match &file_path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| ConfigError::Read {
                    path: p.clone(),
                    source: e,
                })?;
                FileConfig::parse(p, &text)?
            }
            None => FileConfig::default(),
        };
        let root = file_path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|| cwd.to_path_buf());
        let in_file = |what: &str| -> String {
            match &file_path {
                Some(p) => format!("{what} in {}", p.display()),
                None => what.to_string(),
            }
        };

        let migrations_dir = match (&flags.migrations, &file.migrations) {
            (Some(d), _) => cwd.join(d),
            (None, Some(d)) => root.join(d),
            (None, None) => root.join("migrations"),
        };
        let models = match (&flags.models, &file.models) {
            (Some(cmd), _) => Some(ModelsCommand {
                command: CommandSpec::Shell(cmd.clone()),
                dir: cwd.to_path_buf(),
            }),
            (None, Some(cmd)) => {
                let empty = match cmd {
                    CommandSpec::Shell(s) => s.trim().is_empty(),
                    CommandSpec::Argv(v) => v.is_empty(),
                };
                if empty {
                    return Err(ConfigError::EmptyModels {
                        file: file_path.clone(),
                    }
                    .into());
                }
                Some(ModelsCommand {
                    command: cmd.clone(),
                    dir: root.clone(),
                })
            }
            (None, None) => None,
        };
        let schemas = if !flags.schemas.is_empty() {
            flags.schemas.clone()
        } else {
            file.schemas
                .clone()
                .unwrap_or_else(|| vec!["public".into()])
        };
        if schemas.is_empty() || schemas.iter().any(|s| s.is_empty()) {
            return Err(ConfigError::NoSchemas {
                file: file_path.clone(),
            }
            .into());
        }
        let mut ignore_tables = Vec::new();
        for p in file
            .ignore_tables
            .iter()
            .flatten()
            .chain(flags.ignore_tables.iter())
        {
            ignore_tables.push(TablePattern::parse(p)?);
        }
        let version_table = VersionTable {
            schema: flags
                .version_schema
                .clone()
                .or(file.version_schema.clone())
                .unwrap_or_else(|| "public".into()),
            name: flags
                .version_table
                .clone()
                .or(file.version_table.clone())
                .unwrap_or_else(|| DEFAULT_VERSION_TABLE.into()),
        };
        if version_table.name.is_empty() || version_table.schema.is_empty() {
            return Err(ConfigError::EmptyVersionTable {
                file: file_path.clone(),
            }
            .into());
        }

        let nonempty = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        let pg: BTreeMap<&str, String> = PG_VARIABLES
            .iter()
            .filter_map(|(k, _)| nonempty(k).map(|v| (*k, v)))
            .collect();
        let fill = |conn: &mut ConnInfo, override_set: bool| {
            for (k, field) in PG_VARIABLES {
                if let Some(v) = pg.get(k) {
                    let slot = conn.slot(field);
                    if override_set || slot.is_none() {
                        *slot = Some(v.clone());
                    }
                }
            }
        };
        let database = if let Some(url) = &flags.database_url {
            let mut conn = ConnInfo::parse(url)?;
            fill(&mut conn, false);
            Some(Database {
                conn,
                origin: DatabaseOrigin::Override,
            })
        } else if let Some(url) = nonempty("DATABASE_URL") {
            let mut conn =
                ConnInfo::parse(&url).map_err(|e| in_setting("DATABASE_URL".to_string(), e))?;
            fill(&mut conn, false);
            Some(Database {
                conn,
                origin: DatabaseOrigin::DatabaseUrl,
            })
        } else if let Some(url) = &file.database_url {
            let mut conn =
                ConnInfo::parse(url).map_err(|e| in_setting(in_file("database_url"), e))?;
            fill(&mut conn, true);
            Some(Database {
                conn,
                origin: DatabaseOrigin::File,
            })
        } else if !pg.is_empty() {
            let mut conn = ConnInfo::default();
            fill(&mut conn, true);
            Some(Database {
                conn,
                origin: DatabaseOrigin::PgVariables,
            })
        } else {
            None
        };
        let database = database.map(|mut d| {
            if d.conn.host.is_none() {
                d.conn.host = Some("localhost".into());
            }
            d
        });
        if let Some(d) = &database {
            if let Some(p) = &d.conn.port {
                let hosts = d.conn.host.as_deref().map_or(1, |h| h.split(',').count());
                let ports = p.split(',').count();
                if let Err(e) = check_ports(p) {
                    return Err(ConfigError::BadPort {
                        reason: e,
                        origin: d.origin,
                    }
                    .into());
                }
                if ports > 1 && ports != hosts {
                    return Err(ConfigError::PortsForHosts {
                        count: ports,
                        ports: p.clone(),
                        hosts,
                        origin: d.origin,
                    }
                    .into());
                }
            }
        }
        let scratch = match (
            &flags.scratch_url,
            nonempty("SCHEMA_DIFF_SCRATCH_URL"),
            &file.scratch_url,
        ) {
            (Some(u), _, _) => Some(ConnInfo::parse(u)?),
            (None, Some(u), _) => Some(ConnInfo::parse(&u)?),
            (None, None, Some(u)) => Some(ConnInfo::parse(u)?),
            _ => None,
        };
        Ok(Config {
            file: file_path,
            migrations_dir,
            models,
            schemas,
            ignore_tables,
            version_table,
            database,
            scratch,
        })
    }

    /// The passwords of every configured connection, for [`mask_secrets`].
    pub fn secrets(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(d) = &self.database {
            out.extend(d.conn.password.clone());
        }
        if let Some(s) = &self.scratch {
            out.extend(s.password.clone());
        }
        out.retain(|p| !p.is_empty());
        out
    }

    /// True when `schema.table` is ignored (or is the version table).
    pub fn is_ignored(&self, schema: &str, table: &str) -> bool {
        (schema == self.version_table.schema && table == self.version_table.name)
            || self.ignore_tables.iter().any(|p| p.matches(schema, table))
    }
}

/// An error of the setting `setting` (`DATABASE_URL: invalid database URL
/// ...`).
fn in_setting(setting: String, e: Error) -> Error {
    match e {
        Error::Config(c) => ConfigError::InSetting {
            setting,
            source: Box::new(c),
        }
        .into(),
        other => other,
    }
}

/// Replaces every occurrence of each secret (and of its percent-encoded form)
/// by `***`: the last guard before a line is printed.
pub fn mask_secrets(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for s in secrets {
        if s.is_empty() {
            continue;
        }
        out = out.replace(s.as_str(), "***");
        let enc = pct(s);
        if enc != *s {
            out = out.replace(&enc, "***");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn tmpdir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("schema-diff-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn urls_parse_and_mask() {
        let c =
            ConnInfo::parse("postgres://me:s%40cret@db.example:6543/app?sslmode=disable").unwrap();
        assert_eq!(c.user.as_deref(), Some("me"));
        assert_eq!(c.password.as_deref(), Some("s@cret"));
        assert_eq!(c.host.as_deref(), Some("db.example"));
        assert_eq!(c.port.as_deref(), Some("6543"));
        assert_eq!(c.dbname.as_deref(), Some("app"));
        assert_eq!(
            c.masked(),
            "postgres://me:***@db.example:6543/app?sslmode=disable"
        );
        assert_eq!(
            c.url(),
            "postgres://me:s%40cret@db.example:6543/app?sslmode=disable"
        );
        assert_eq!(ConnInfo::parse(&c.url()).unwrap(), c);
        let k = ConnInfo::parse("host=/run/pg user=u password='a b\\'c' dbname=x").unwrap();
        assert_eq!(k.password.as_deref(), Some("a b'c"));
        assert_eq!(k.host.as_deref(), Some("/run/pg"));
        assert_eq!(ConnInfo::parse(&k.url()).unwrap(), k);
        assert!(!format!("{k:?}").contains("a b"));
        let e = ConnInfo::parse("postgres://u:topsecret@h:notaport/x").unwrap_err();
        assert!(
            matches!(&e, Error::Config(ConfigError::InvalidUrl { reason, .. }) if reason.contains("invalid port")),
            "{e:?}"
        );
        assert!(!e.to_string().contains("topsecret"), "{e}");
        assert!(!format!("{e:?}").contains("topsecret"), "{e:?}");
        assert_eq!(
            ConnInfo::mask_text("host=h password='x y' user=u"),
            "host=h password=*** user=u"
        );
        assert_eq!(
            mask_secrets("a s%40cret b s@cret", &["s@cret".into()]),
            "a *** b ***"
        );
    }

    #[test]
    fn unparsable_urls_are_masked_too() {
        for (text, secret) in [
            // A password in the query.
            (
                "postgres://u@h:notaport/db?password=topsecret1",
                "topsecret1",
            ),
            (
                "postgres://u@h/db?sslmode=disable&password=topsecret2&x=1",
                "topsecret2",
            ),
            // Passwords written without percent-encoding.
            ("postgres://u:zq7/cd+ef@127.0.0.1/db", "zq7/cd+ef"),
            ("postgres://u:zq7?cd@127.0.0.1/db", "zq7?cd"),
            ("postgres://u:zq7#cd@h:x/db", "zq7#cd"),
            ("postgresql://:only-pw@h/db", "only-pw"),
        ] {
            let masked = ConnInfo::mask_text(text);
            assert!(!masked.contains(secret), "{text} -> {masked}");
            if let Err(e) = ConnInfo::parse(text) {
                // Not even a piece of it (`zq7` of `zq7/cd+ef` as a "port").
                let piece = &secret[..3];
                assert!(!e.to_string().contains(piece), "{text}: {e}");
            }
        }
        assert_eq!(
            ConnInfo::mask_text("postgres://u:pw/x@h:1/db?password=p2&sslmode=disable"),
            "postgres://u:***@h:1/db?password=***&sslmode=disable"
        );
        assert_eq!(
            ConnInfo::mask_text("postgres://u@h/db?application_name=a"),
            "postgres://u@h/db?application_name=a"
        );
    }

    #[test]
    fn several_hosts_each_with_its_port() {
        let c = ConnInfo::parse("postgres://u@h1:5432,h2:5433/db").unwrap();
        assert_eq!(c.host.as_deref(), Some("h1,h2"));
        assert_eq!(c.port.as_deref(), Some("5432,5433"));
        assert_eq!(c.url(), "postgres://u@h1:5432,h2:5433/db");
        let parsed: tokio_postgres::Config = c.url().parse().unwrap();
        assert_eq!(parsed.get_hosts().len(), 2);
        assert_eq!(parsed.get_ports(), &[5432, 5433]);
        let d = ConnInfo::parse("postgres://u@[::1]:5432,h2/db").unwrap();
        assert_eq!(d.host.as_deref(), Some("::1,h2"));
        assert_eq!(d.port.as_deref(), Some("5432,"));
        assert_eq!(d.url(), "postgres://u@[::1]:5432,h2/db");

        // The libpq variables: one port per host, or one for all.
        let dir = tmpdir("multihost");
        for (port, want) in [("5432,5433", vec![5432, 5433]), ("6000", vec![6000, 6000])] {
            let c = Config::resolve(
                &Overrides::default(),
                &env_of(&[("PGHOST", "h1,h2"), ("PGPORT", port), ("PGUSER", "u")]),
                &dir,
            )
            .unwrap();
            let url = c.database.unwrap().conn.url();
            let parsed: tokio_postgres::Config = url.parse().unwrap();
            assert_eq!(parsed.get_hosts().len(), 2, "{url}");
            assert_eq!(parsed.get_ports(), &want[..], "{url}");
        }
        let e = Config::resolve(
            &Overrides::default(),
            &env_of(&[("PGHOST", "h1"), ("PGPORT", "1,2")]),
            &dir,
        )
        .unwrap_err();
        assert!(
            matches!(
                &e,
                Error::Config(ConfigError::PortsForHosts {
                    count: 2,
                    hosts: 1,
                    ports,
                    origin: DatabaseOrigin::PgVariables,
                }) if ports == "1,2"
            ),
            "{e:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_password_without_a_user_keeps_the_default_user() {
        let c = ConnInfo {
            host: Some("h".into()),
            password: Some("p@ss/w:rd".into()),
            ..ConnInfo::default()
        };
        assert_eq!(c.url(), "postgres://h?password=p%40ss%2Fw%3Ard");
        assert_eq!(c.masked(), "postgres://h?password=***");
        // What the driver reads: no user named (so it takes the default),
        // the password intact.
        let parsed: tokio_postgres::Config = c.url().parse().unwrap();
        assert_eq!(parsed.get_user(), None);
        assert_eq!(parsed.get_password(), Some(&b"p@ss/w:rd"[..]));
        assert_eq!(ConnInfo::parse(&c.url()).unwrap(), c);
    }

    #[test]
    fn layering() {
        let dir = tmpdir("layering");
        std::fs::write(
            dir.join(CONFIG_FILE),
            "migrations = \"db/migrations\"\nmodels = [\"echo\", \"{}\"]\nschemas = [\"app\"]\nignore_tables = [\"legacy_*\", \"app.audit\"]\nversion_table = \"versions\"\ndatabase_url = \"postgres://fileuser:filepw@filehost/filedb\"\n",
        )
        .unwrap();
        let sub = dir.join("src");
        std::fs::create_dir_all(&sub).unwrap();
        // File only, found from a subdirectory; PG* override single fields.
        let c = Config::resolve(
            &Overrides::default(),
            &env_of(&[("PGDATABASE", "envdb")]),
            &sub,
        )
        .unwrap();
        assert_eq!(c.migrations_dir, dir.join("db/migrations"));
        assert_eq!(c.schemas, vec!["app"]);
        assert_eq!(c.version_table.name, "versions");
        let d = c.database.clone().unwrap();
        assert_eq!(d.origin, DatabaseOrigin::File);
        assert_eq!(d.conn.masked(), "postgres://fileuser:***@filehost/envdb");
        assert!(c.is_ignored("app", "legacy_jobs"));
        assert!(c.is_ignored("app", "audit"));
        assert!(!c.is_ignored("other", "audit"));
        assert!(c.is_ignored("public", "versions"));
        assert_eq!(c.models.as_ref().unwrap().dir, dir);
        assert_eq!(c.secrets(), vec!["filepw".to_string()]);
        // DATABASE_URL replaces the file's URL; PG* only fill what it leaves out.
        let c = Config::resolve(
            &Overrides::default(),
            &env_of(&[
                ("DATABASE_URL", "postgres://u@envhost/envurl"),
                ("PGDATABASE", "x"),
                ("PGPASSWORD", "pw"),
            ]),
            &sub,
        )
        .unwrap();
        let d = c.database.unwrap();
        assert_eq!(d.origin, DatabaseOrigin::DatabaseUrl);
        assert_eq!(d.conn.dbname.as_deref(), Some("envurl"));
        assert_eq!(d.conn.password.as_deref(), Some("pw"));
        // Flags win.
        let flags = Overrides {
            database_url: Some("postgres://flag@flaghost:5433/flagdb".into()),
            migrations: Some("m2".into()),
            schemas: vec!["s1".into(), "s2".into()],
            version_table: Some("vt".into()),
            version_schema: Some("meta".into()),
            ..Overrides::default()
        };
        let c = Config::resolve(
            &flags,
            &env_of(&[("DATABASE_URL", "postgres://u@h/x")]),
            &sub,
        )
        .unwrap();
        assert_eq!(
            c.database.unwrap().conn.masked(),
            "postgres://flag@flaghost:5433/flagdb"
        );
        assert_eq!(c.migrations_dir, sub.join("m2"));
        assert_eq!(c.schemas, vec!["s1", "s2"]);
        assert_eq!(
            c.version_table,
            VersionTable {
                schema: "meta".into(),
                name: "vt".into()
            }
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn nothing_configured_means_no_database() {
        let dir = tmpdir("empty");
        let c = Config::resolve(
            &Overrides::default(),
            &env_of(&[("DATABASE_URL", " ")]),
            &dir,
        )
        .unwrap();
        assert!(c.database.is_none());
        assert_eq!(c.migrations_dir, dir.join("migrations"));
        assert_eq!(c.version_table, VersionTable::default());
        let c =
            Config::resolve(&Overrides::default(), &env_of(&[("PGPORT", "5433")]), &dir).unwrap();
        let d = c.database.unwrap();
        assert_eq!(d.origin, DatabaseOrigin::PgVariables);
        assert_eq!(d.conn.masked(), "postgres://localhost:5433");
        let e =
            Config::resolve(&Overrides::default(), &env_of(&[("PGPORT", "x")]), &dir).unwrap_err();
        assert!(
            matches!(
                &e,
                Error::Config(ConfigError::BadPort {
                    reason,
                    origin: DatabaseOrigin::PgVariables,
                }) if reason == "invalid port `x`"
            ),
            "{e:?}"
        );
        assert_eq!(e.to_string(), "invalid port `x` (from the PG* variables)");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn file_errors_name_the_line() {
        let e = FileConfig::parse(
            Path::new("x/schema-diff.toml"),
            "schemas = [\"a\"]\nmigration = \"m\"\n",
        )
        .unwrap_err();
        assert!(
            matches!(
                &e,
                Error::Config(ConfigError::UnknownKey { path, line: 2, key, .. })
                    if path == Path::new("x/schema-diff.toml") && key == "migration"
            ),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("x/schema-diff.toml:2:"), "{e}");
        let e = FileConfig::parse(Path::new("f.toml"), "schemas = \"public\"\n").unwrap_err();
        assert!(
            matches!(
                &e,
                Error::Config(ConfigError::BadValue { path, line: Some(1), .. })
                    if path == Path::new("f.toml")
            ),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("f.toml:1:"), "{e}");
    }

    #[test]
    fn globs() {
        assert!(glob("legacy_*", "legacy_x"));
        assert!(glob("*", ""));
        assert!(glob("a*b*c", "aXXbYc"));
        assert!(!glob("a*b", "ab_"));
        assert!(!glob("jobs", "jobs2"));
    }
}
