//! The version table: where it is ([`VersionTable`], which the configuration
//! holds), its SQL (`CREATE TABLE IF NOT EXISTS`, quoted names), the advisory
//! lock key derived from its name, and reading its rows ([`read_rows`]).
//! Imports nothing of the configuration, so `config` can hold a
//! `VersionTable` without an import cycle. Start at [`VersionTable`].

use std::fmt::Write as _;

use sha2::{Digest, Sha256};
use strata::ident::Qualified;
use strata_model::ddl::create::create_schema_if_not_exists;
use tokio_postgres::Client;

use crate::error::{describe_pg_error, Error, RunError};

/// The default version table.
pub const DEFAULT_VERSION_TABLE: &str = "strata_migrations";

/// The version table's location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionTable {
    /// Its schema.
    pub schema: String,
    /// Its name.
    pub name: String,
}

impl Default for VersionTable {
    fn default() -> VersionTable {
        VersionTable {
            schema: "public".into(),
            name: DEFAULT_VERSION_TABLE.into(),
        }
    }
}

impl VersionTable {
    /// `schema.name`, quoted.
    pub fn qualified(&self) -> String {
        Qualified(&self.schema, &self.name).to_string()
    }

    /// The advisory lock key: the first 8 bytes of SHA-256 of
    /// `strata-migrations:<schema>.<name>`, so tools keeping separate version
    /// tables in one database do not wait for each other.
    pub fn lock_key(&self) -> i64 {
        let d =
            Sha256::digest(format!("strata-migrations:{}.{}", self.schema, self.name).as_bytes());
        let mut b = [0u8; 8];
        b.copy_from_slice(&d[..8]);
        i64::from_be_bytes(b)
    }

    /// The statements that create the table (idempotent). A schema other
    /// than `public` is created only when the catalog lacks it (not `CREATE
    /// SCHEMA IF NOT EXISTS`, which needs `CREATE` on the database even when
    /// the schema exists, as [`create_schema_if_not_exists`] explains).
    pub fn create_sql(&self) -> String {
        let mut out = String::new();
        if self.schema != "public" {
            let _ = writeln!(out, "{};", create_schema_if_not_exists(&self.schema));
        }
        let _ = write!(
            out,
            "CREATE TABLE IF NOT EXISTS {} (\n    revision text PRIMARY KEY,\n    checksum text NOT NULL,\n    applied_at timestamp with time zone NOT NULL DEFAULT now(),\n    execution_ms bigint NOT NULL DEFAULT 0,\n    stamped boolean NOT NULL DEFAULT false\n);",
            self.qualified()
        );
        out
    }
}

/// One row of the version table.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AppliedRow {
    /// The revision.
    pub revision: String,
    /// The checksum recorded when it was applied (or stamped).
    pub checksum: String,
    /// When, as `YYYY-MM-DDTHH:MM:SSZ`.
    pub applied_at: String,
    /// How long its statements took, in milliseconds (0 when stamped).
    pub execution_ms: i64,
    /// Recorded by `stamp` rather than run.
    pub stamped: bool,
}

/// Reads the version table; `None` when it does not exist.
pub async fn read_rows(
    client: &Client,
    table: &VersionTable,
) -> Result<Option<Vec<AppliedRow>>, Error> {
    let exists: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p'))",
            &[&table.schema, &table.name],
        )
        .await?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let rows = client
        .query(
            &format!(
                "SELECT revision, checksum, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), \
                 execution_ms, stamped FROM {} ORDER BY applied_at, revision",
                table.qualified()
            ),
            &[],
        )
        .await?;
    let read = |r: &tokio_postgres::Row| -> Result<AppliedRow, tokio_postgres::Error> {
        Ok(AppliedRow {
            revision: r.try_get(0)?,
            checksum: r.try_get(1)?,
            applied_at: r.try_get(2)?,
            execution_ms: r.try_get(3)?,
            stamped: r.try_get(4)?,
        })
    };
    rows.iter()
        .map(|r| {
            read(r).map_err(|e| {
                Error::from(RunError::ForeignVersionTable {
                    table: table.qualified(),
                    reason: describe_pg_error(&e),
                })
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_table_sql() {
        let t = VersionTable {
            schema: "Meta Data".into(),
            name: "order".into(),
        };
        assert_eq!(t.qualified(), "\"Meta Data\".\"order\"");
        assert!(
            t.create_sql().starts_with(
                "DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'Meta Data') THEN CREATE SCHEMA \"Meta Data\"; END IF; END $strata$;\n"
            ),
            "{}",
            t.create_sql()
        );
        assert_ne!(t.lock_key(), VersionTable::default().lock_key());
        assert_eq!(
            VersionTable::default().lock_key(),
            VersionTable::default().lock_key()
        );
    }
}
