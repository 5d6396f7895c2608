//! The advisory lock and the transactions around it: [`lock`] opens a
//! transaction and takes `pg_try_advisory_xact_lock`, polling with backoff so
//! a waiting migrator holds no snapshot; [`finish`] commits or rolls back;
//! [`release_snapshot`] drops the snapshot an open lock transaction would
//! otherwise keep while a `transaction: none` migration runs elsewhere.
//! Start at [`lock`].

use std::time::Duration;

use tokio_postgres::Client;

use super::{Event, Observer, VersionTable};
use crate::error::{DbError, Error, RunError};

/// Takes the advisory lock in a new transaction, polling so that a waiting
/// migrator holds no snapshot (a blocked `pg_advisory_xact_lock` would, and a
/// concurrent `CREATE INDEX CONCURRENTLY` would then wait for it forever).
pub(super) async fn lock(
    client: &Client,
    table: &VersionTable,
    on: &mut Observer<'_>,
) -> Result<(), Error> {
    let key = table.lock_key();
    let failed = |e: tokio_postgres::Error| {
        Error::from(RunError::Lock {
            table: table.qualified(),
            source: DbError::from(e),
        })
    };
    let mut delay = Duration::from_millis(10);
    let mut announced = false;
    let jitter = u64::from(std::process::id() % 17);
    loop {
        client.batch_execute("BEGIN").await.map_err(failed)?;
        let got: Result<bool, tokio_postgres::Error> = match client
            .query_one("SELECT pg_try_advisory_xact_lock($1)", &[&key])
            .await
        {
            Ok(row) => row.try_get(0),
            Err(e) => Err(e),
        };
        match got {
            Ok(true) => return Ok(()),
            Ok(false) => {
                client.batch_execute("ROLLBACK").await.map_err(failed)?;
            }
            Err(e) => {
                let _ = client.batch_execute("ROLLBACK").await;
                return Err(failed(e));
            }
        }
        if !announced {
            on(&Event::Waiting);
            announced = true;
        }
        tokio::time::sleep(delay + Duration::from_millis(jitter)).await;
        delay = (delay * 2).min(Duration::from_millis(250));
    }
}

/// Makes the open lock transaction hold no snapshot while it waits for the
/// second connection: the reads before ran through the extended protocol,
/// whose unnamed portal keeps its snapshot (and so the backend's xmin) until
/// it is replaced, and `CREATE INDEX CONCURRENTLY` on the other connection
/// waits for every transaction with an older xmin, this one included. A
/// simple-protocol statement replaces and drops that portal; between
/// statements a read-committed transaction then has no xmin.
pub(super) async fn release_snapshot(client: &Client) -> Result<(), Error> {
    client.batch_execute("SELECT 1").await?;
    Ok(())
}

/// Commits when `r` is `Ok`, rolls back otherwise.
pub(super) async fn finish<T>(client: &Client, r: Result<T, Error>) -> Result<T, Error> {
    match r {
        Ok(v) => {
            client.batch_execute("COMMIT").await?;
            Ok(v)
        }
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK").await;
            Err(e)
        }
    }
}
