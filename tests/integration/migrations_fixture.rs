//! Helpers of the migration tests: a temporary migrations directory and
//! migration files written in the documented format.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use schema_diff::migrations::History;

/// A temporary directory, removed on drop.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicU64 = AtomicU64::new(0);
        let path = std::env::temp_dir().join(format!(
            "strata-mig-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes a migration file `<rev>_<rev>.sql`.
    pub fn migration(&self, rev: &str, parents: &str, up: &str, down: &str) -> PathBuf {
        self.migration_with(rev, parents, "per-migration", up, Some(down))
    }

    /// Writes a migration file with a transaction mode and an optional down
    /// section.
    pub fn migration_with(
        &self,
        rev: &str,
        parents: &str,
        transaction: &str,
        up: &str,
        down: Option<&str>,
    ) -> PathBuf {
        let mut text = format!(
            "-- revision: {rev}\n-- parents: {parents}\n-- message: step {rev}\n-- created: 2026-01-01T00:00:00Z\n-- transaction: {transaction}\n\n-- migrate:up\n{up}\n"
        );
        if let Some(d) = down {
            text.push_str(&format!("\n-- migrate:down\n{d}\n"));
        }
        let path = self.path.join(format!("{rev}_{rev}.sql"));
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn history(&self) -> History {
        History::load(&self.path).unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The revisions of a list of migrations.
pub fn ids(ms: &[&schema_diff::migrations::Migration]) -> Vec<String> {
    ms.iter().map(|m| m.revision.clone()).collect()
}
