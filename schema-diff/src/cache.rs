//! The cache: what normalization asked the server, and the schema a migration
//! history produces, kept on disk so that a second `check` or
//! `revision --autogenerate` does only introspection, hashing and diff.
//!
//! Content-addressed: every entry is stored under the SHA-256 of everything
//! that decides its value. A normalized part (a column's type and default, a
//! CHECK, an index's expressions) is keyed by the part itself and by its
//! *namespace*: the server's `server_version_num`, the session settings that
//! change how PostgreSQL prints (`search_path`, `DateStyle`, `IntervalStyle`,
//! `TimeZone`, `extra_float_digits`, `standard_conforming_strings`,
//! `lc_monetary`) and a fingerprint of the user-defined catalog objects an
//! expression can name (schemas, types, enum labels, functions, operators,
//! casts, collations, extensions); see [`Namespace::read`]. A replayed
//! history is keyed by the chain of (revision, checksum) of the state, the
//! server version and the schemas read.
//!
//! Where: `SCHEMA_DIFF_CACHE_DIR`, else `$XDG_CACHE_HOME/schema-diff`, else
//! `$HOME/.cache/schema-diff` ([`default_dir`]). Deleting it is always safe:
//! every entry is recomputed on demand. A file that does not parse, whose
//! checksum does not match its contents, or that was written for another key
//! is ignored (and overwritten), never trusted. Writes go to a temporary file
//! renamed into place, so concurrent runs never see half a file.
//!
//! Start at [`Cache::open`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use strata::schema::Schema;
use tokio_postgres::Client;

use crate::error::Error;

/// The format version of cache files; a file of another version is ignored.
/// 2: columns carry their storage and compression, views their columns
/// (a history replayed before reads back without them). 3: policies carry
/// their parts (altered in place), composite types their attributes'
/// collations, domains the functions their checks call. 4: a sequence a
/// column owns without taking its default from it is a sequence object
/// with a sequence ownership (read before as the column's serial). 5:
/// partitions carry the names of their indexes attached to their parents'.
/// 6: tables carry CLUSTER ON and a child's own defaults on inherited
/// columns; comments on serial sequences and key indexes are read. 7: a
/// grant is one object per grantee and target, its privileges its parts.
/// 8: columns carry their statistics target and options. 9: rules,
/// operators, casts, text search objects, foreign data objects,
/// publications and event triggers are read; tables carry their type
/// (`OF`), keys their INCLUDE columns and storage parameters.
const FORMAT: u32 = 9;

/// The default cache directory: `SCHEMA_DIFF_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/schema-diff`, else `$HOME/.cache/schema-diff`; `None`
/// when none of them is set.
pub fn default_dir(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.trim().is_empty());
    if let Some(d) = set("SCHEMA_DIFF_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = set("XDG_CACHE_HOME") {
        return Some(Path::new(&d).join("schema-diff"));
    }
    set("HOME").map(|h| Path::new(&h).join(".cache").join("schema-diff"))
}

/// The SHA-256 of `parts`, each length-prefixed (so no two lists of parts
/// hash alike), as hex.
pub fn key(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    hex::encode(h.finalize())
}

/// What decides how a server prints expressions, read in one query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace {
    /// The key of the namespace (a hash of everything read).
    pub key: String,
    /// `server_version_num`.
    pub server_version: i32,
}

/// The settings and the catalog fingerprint: one statement.
const NAMESPACE_SQL: &str = "\
SELECT pg_catalog.current_setting('server_version_num')::int4, \
       pg_catalog.concat_ws(E'\\n', \
         pg_catalog.current_setting('search_path'), \
         pg_catalog.current_setting('DateStyle'), \
         pg_catalog.current_setting('IntervalStyle'), \
         pg_catalog.current_setting('TimeZone'), \
         pg_catalog.current_setting('extra_float_digits'), \
         pg_catalog.current_setting('standard_conforming_strings'), \
         pg_catalog.current_setting('lc_monetary')), \
       (SELECT pg_catalog.md5(pg_catalog.string_agg(x, E'\\n' ORDER BY x)) FROM ( \
          SELECT 'n ' || n.nspname FROM pg_catalog.pg_namespace n \
           WHERE n.nspname !~ '^pg_(temp|toast)' \
          UNION ALL \
          SELECT 't ' || t.typnamespace::pg_catalog.regnamespace::text || '.' || t.typname \
                 || ' ' || t.typtype::text || ' ' || t.typnotnull::text \
                 || ' ' || COALESCE(pg_catalog.pg_get_expr(t.typdefaultbin, 0), '') \
            FROM pg_catalog.pg_type t \
           WHERE t.oid >= 16384 AND t.typrelid = 0 \
             AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e \
                             WHERE e.oid = t.typelem AND e.typrelid <> 0) \
          UNION ALL \
          SELECT 'l ' || e.enumtypid::pg_catalog.regtype::text || ' ' \
                 || pg_catalog.string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder) \
            FROM pg_catalog.pg_enum e GROUP BY e.enumtypid \
          UNION ALL \
          SELECT 'p ' || p.oid::pg_catalog.regprocedure::text || ' ' || p.provolatile::text \
                 || ' ' || p.prorettype::pg_catalog.regtype::text \
            FROM pg_catalog.pg_proc p WHERE p.oid >= 16384 \
          UNION ALL \
          SELECT 'o ' || o.oid::pg_catalog.regoperator::text FROM pg_catalog.pg_operator o \
           WHERE o.oid >= 16384 \
          UNION ALL \
          SELECT 'c ' || c.castsource::pg_catalog.regtype::text || ' ' \
                 || c.casttarget::pg_catalog.regtype::text || ' ' || c.castcontext::text \
            FROM pg_catalog.pg_cast c WHERE c.oid >= 16384 \
          UNION ALL \
          SELECT 'k ' || c.collnamespace::pg_catalog.regnamespace::text || '.' || c.collname \
            FROM pg_catalog.pg_collation c WHERE c.oid >= 16384 \
          UNION ALL \
          SELECT 'x ' || x.extname || ' ' || x.extversion FROM pg_catalog.pg_extension x \
        ) f(x))";

impl Namespace {
    /// Reads the namespace of the server `client` is connected to, with the
    /// session's settings (one statement).
    pub async fn read(client: &Client) -> Result<Namespace, Error> {
        let row = client.query_one(NAMESPACE_SQL, &[]).await?;
        let server_version: i32 = row.try_get(0)?;
        let settings: String = row.try_get(1)?;
        let fingerprint: Option<String> = row.try_get(2)?;
        Ok(Namespace {
            key: key(&[
                &server_version.to_string(),
                &settings,
                fingerprint.as_deref().unwrap_or(""),
            ]),
            server_version,
        })
    }
}

/// A cache file: its key, what it holds, and a checksum of that.
#[derive(Serialize, Deserialize)]
struct File<T> {
    format: u32,
    key: String,
    checksum: String,
    value: T,
}

fn checksum<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok().map(|t| key(&[&t]))
}

/// Reads the file for `key` under `dir`; anything wrong with it is a miss.
fn read_file<T: Serialize + for<'de> Deserialize<'de>>(path: &Path, file_key: &str) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    let file: File<T> = serde_json::from_str(&text).ok()?;
    if file.format != FORMAT || file.key != file_key {
        return None;
    }
    (checksum(&file.value)? == file.checksum).then_some(file.value)
}

/// Writes the file for `key` atomically (temporary file, then rename).
fn write_file<T: Serialize>(path: &Path, file_key: &str, value: &T) -> std::io::Result<()> {
    let Some(sum) = checksum(value) else {
        return Ok(());
    };
    let file = File {
        format: FORMAT,
        key: file_key.to_string(),
        checksum: sum,
        value,
    };
    let text = serde_json::to_string(&file).map_err(std::io::Error::other)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Unique per process and per write: the projects of a fleet command
    // write the same cache concurrently.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp{}-{n}", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

/// The cache of one command: normalized parts of one namespace, and
/// replayed histories.
#[derive(Debug, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    namespace: Option<String>,
    parts: BTreeMap<String, serde_json::Value>,
    dirty: bool,
}

impl Cache {
    /// No cache: every lookup misses, nothing is written (`--no-cache`).
    pub fn disabled() -> Cache {
        Cache::default()
    }

    /// The cache under `dir` (`None`: disabled).
    pub fn open(dir: Option<PathBuf>) -> Cache {
        Cache {
            dir,
            ..Cache::default()
        }
    }

    /// True when entries are read and written.
    pub fn is_enabled(&self) -> bool {
        self.dir.is_some()
    }

    fn parts_path(&self, namespace: &str) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join("parts").join(format!("{namespace}.json")))
    }

    /// Loads the normalized parts of `namespace` (once per namespace).
    pub fn load_parts(&mut self, namespace: &Namespace) {
        if self.namespace.as_deref() == Some(namespace.key.as_str()) {
            return;
        }
        self.namespace = Some(namespace.key.clone());
        self.dirty = false;
        self.parts = self
            .parts_path(&namespace.key)
            .and_then(|p| read_file(&p, &namespace.key))
            .unwrap_or_default();
    }

    /// A normalized part, by its key.
    pub fn part(&self, key: &str) -> Option<&serde_json::Value> {
        self.parts.get(key)
    }

    /// Records a normalized part (written by [`Cache::save`]).
    pub fn put_part(&mut self, key: String, value: serde_json::Value) {
        if self.dir.is_some() && self.parts.get(&key) != Some(&value) {
            self.parts.insert(key, value);
            self.dirty = true;
        }
    }

    /// Writes the parts when new ones were recorded. A cache that cannot be
    /// written is not an error: the next run recomputes.
    pub fn save(&mut self) {
        if !self.dirty {
            return;
        }
        if let (Some(ns), Some(path)) = (
            self.namespace.clone(),
            self.namespace.as_deref().and_then(|n| self.parts_path(n)),
        ) {
            if write_file(&path, &ns, &self.parts).is_ok() {
                self.dirty = false;
            }
        }
    }

    fn history_path(&self, key: &str) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join("history").join(format!("{key}.json")))
    }

    /// The schema a history state produced, by its key (see
    /// [`history_key`]).
    pub fn history(&self, key: &str) -> Option<Schema> {
        let path = self.history_path(key)?;
        let schema: Schema = read_file(&path, key)?;
        Some(schema.canonical())
    }

    /// Records the schema a history state produces.
    pub fn put_history(&self, key: &str, schema: &Schema) {
        if let Some(path) = self.history_path(key) {
            let _ = write_file(&path, key, schema);
        }
    }
}

/// The key of a replayed history state: the server version, the schemas
/// read, the version table, and each applied revision with its checksum in
/// order.
pub fn history_key(
    server_version: i32,
    schemas: &[String],
    version_table: &str,
    revisions: &[(&str, &str)],
) -> String {
    let mut parts: Vec<String> = vec![
        "history".into(),
        server_version.to_string(),
        schemas.join(","),
        version_table.to_string(),
    ];
    for (r, c) in revisions {
        parts.push(format!("{r}:{c}"));
    }
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    key(&refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("schema-diff-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    fn ns(k: &str) -> Namespace {
        Namespace {
            key: k.to_string(),
            server_version: 150000,
        }
    }

    #[test]
    fn parts_round_trip_and_are_kept_apart_by_namespace() {
        let dir = tmp("round");
        let mut c = Cache::open(Some(dir.clone()));
        c.load_parts(&ns("a"));
        c.put_part("k".into(), serde_json::json!("v"));
        c.save();
        let mut again = Cache::open(Some(dir.clone()));
        again.load_parts(&ns("a"));
        assert_eq!(again.part("k"), Some(&serde_json::json!("v")));
        again.load_parts(&ns("b"));
        assert_eq!(again.part("k"), None, "another namespace sees nothing");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn corrupted_or_foreign_files_are_ignored() {
        let dir = tmp("corrupt");
        let mut c = Cache::open(Some(dir.clone()));
        c.load_parts(&ns("a"));
        c.put_part("k".into(), serde_json::json!("v"));
        c.save();
        let path = dir.join("parts").join("a.json");
        let text = std::fs::read_to_string(&path).unwrap();
        // A changed value without a matching checksum.
        std::fs::write(&path, text.replace("\"v\"", "\"evil\"")).unwrap();
        let mut again = Cache::open(Some(dir.clone()));
        again.load_parts(&ns("a"));
        assert_eq!(again.part("k"), None);
        // Garbage.
        std::fs::write(&path, "{not json").unwrap();
        again.load_parts(&ns("x"));
        again.load_parts(&ns("a"));
        assert_eq!(again.part("k"), None);
        // A file of one namespace copied under another's name.
        let mut c = Cache::open(Some(dir.clone()));
        c.load_parts(&ns("b"));
        c.put_part("k".into(), serde_json::json!("from b"));
        c.save();
        std::fs::copy(dir.join("parts").join("b.json"), &path).unwrap();
        let mut again = Cache::open(Some(dir.clone()));
        again.load_parts(&ns("a"));
        assert_eq!(again.part("k"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn keys_do_not_collide_across_boundaries() {
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_eq!(key(&["a"]).len(), 64);
    }

    #[test]
    fn disabled_caches_remember_nothing() {
        let mut c = Cache::disabled();
        c.load_parts(&ns("a"));
        c.put_part("k".into(), serde_json::json!(1));
        assert_eq!(c.part("k"), None);
        assert!(c.history("x").is_none());
    }

    #[test]
    fn the_default_directory() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            default_dir(&env(&[("SCHEMA_DIFF_CACHE_DIR", "/c"), ("HOME", "/h")])),
            Some(PathBuf::from("/c"))
        );
        assert_eq!(
            default_dir(&env(&[("XDG_CACHE_HOME", "/x"), ("HOME", "/h")])),
            Some(PathBuf::from("/x/schema-diff"))
        );
        assert_eq!(
            default_dir(&env(&[("HOME", "/h")])),
            Some(PathBuf::from("/h/.cache/schema-diff"))
        );
        assert_eq!(default_dir(&env(&[])), None);
    }
}
