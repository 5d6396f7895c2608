//! [`ScratchDb`]: a throwaway database on the server of given connection
//! settings, for
//! letting PostgreSQL itself print a desired schema ([`crate::normalize`])
//! or replay migration files.
//!
//! [`ScratchDb::create`] makes a uniquely named database through the admin
//! settings (any database on the server the user may `CREATE DATABASE` from, e.g.
//! `postgres`); [`ScratchDb::drop_db`] removes it (`WITH (FORCE)`, so open
//! connections do not stop it). Dropping the value without calling it removes
//! the database too, best effort. Start at [`ScratchDb::create`].

use strata::ident::Ident;
use strata::ConnectOptions;
use tokio_postgres::Client;

use crate::error::{DbError, Error, NormalizeError};

/// A throwaway database, dropped by [`ScratchDb::drop_db`] or, best effort,
/// when the value is dropped.
#[derive(Debug)]
pub struct ScratchDb {
    name: String,
    options: ConnectOptions,
    admin: ConnectOptions,
    dropped: bool,
}

impl ScratchDb {
    /// Creates an empty, uniquely named database (`strata_scratch_...`) on the
    /// server of `admin`.
    pub async fn create(admin: &ConnectOptions) -> Result<ScratchDb, Error> {
        let name = strata_testing::unique_name("strata_scratch");
        let client = admin.connect().await.map_err(DbError::from)?;
        client
            .batch_execute(&format!("CREATE DATABASE {}", Ident(&name)))
            .await
            .map_err(|e| NormalizeError::CreateScratch {
                name: name.clone(),
                source: DbError::from(e),
            })?;
        Ok(ScratchDb {
            options: admin.with_dbname(&name),
            name,
            admin: admin.clone(),
            dropped: false,
        })
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The connection settings of the scratch database (the admin
    /// settings with the database replaced).
    pub fn options(&self) -> &ConnectOptions {
        &self.options
    }

    /// A connection URL for the scratch database, password included (for
    /// child processes, never for printing).
    pub fn url(&self) -> String {
        self.options.to_url()
    }

    /// Opens a connection to the scratch database (its driver task runs on
    /// the current tokio runtime).
    pub async fn connect(&self) -> Result<Client, Error> {
        Ok(self.options.connect().await.map_err(DbError::from)?)
    }

    /// Drops the database now, reporting failure.
    pub async fn drop_db(mut self) -> Result<(), Error> {
        self.dropped = true;
        drop_database(&self.admin, &self.name).await
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        if self.dropped {
            return;
        }
        let name = self.name.clone();
        let admin = self.admin.clone();
        // Drop may run inside a runtime, where blocking on another is not
        // allowed: do it on a thread of its own.
        let handle = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            let _ = rt.block_on(drop_database(&admin, &name));
        });
        let _ = handle.join();
    }
}

async fn drop_database(admin: &ConnectOptions, name: &str) -> Result<(), Error> {
    let client = admin.connect().await.map_err(DbError::from)?;
    let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", Ident(name));
    if client.batch_execute(&drop).await.is_err() {
        // A database with a subscription (a definition made one) cannot
        // be dropped: its subscriptions go first.
        let db = admin
            .with_dbname(name)
            .connect()
            .await
            .map_err(DbError::from)?;
        db.batch_execute(strata::schema::DROP_SUBSCRIPTIONS_SQL)
            .await?;
        client.batch_execute(&drop).await?;
    }
    Ok(())
}

/// PostgreSQL's message for a server error, or the error's text.
pub(crate) fn db_message(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut m = db.message().to_string();
            if let Some(d) = db.detail() {
                m.push_str(" (");
                m.push_str(d);
                m.push(')');
            }
            m
        }
        None => e.to_string(),
    }
}
