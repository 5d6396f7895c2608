//! The advisory lock and the transactions around it: [`lock`] opens a
//! transaction and takes `pg_try_advisory_xact_lock`, polling with backoff so
//! a waiting migrator holds no snapshot; [`finish`] commits or rolls back;
//! [`release_snapshot`] drops the snapshot an open lock transaction would
//! otherwise keep while a `transaction: none` migration runs elsewhere;
//! [`held`] asks `pg_locks` whether the lock connection's backend still
//! holds the lock. Start at [`lock`].

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
            // Bounded: after a server that stopped answering, the rollback
            // would wait for it forever; the connection is dropped anyway.
            let rollback = client.batch_execute("ROLLBACK");
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), rollback).await;
            Err(e)
        }
    }
}

/// The backend pid of `client`'s session (the one whose transactions take
/// the lock).
pub(super) async fn backend_pid(client: &Client) -> Result<i32, Error> {
    let row = client
        .query_one("SELECT pg_catalog.pg_backend_pid()", &[])
        .await?;
    Ok(row.try_get(0)?)
}

/// Whether backend `pid` holds the migration lock of `table` (an advisory
/// lock on a bigint key is listed in `pg_locks` with the key's high half
/// as `classid`, its low half as `objid` and `objsubid` 1), asked on `via`
/// (the lock connection itself, or the second connection of a
/// `transaction: none` migration, so that the idle lock transaction takes
/// no snapshot). A connection that cannot answer counts as lost.
pub(super) async fn held(via: &Client, pid: i32, table: &VersionTable) -> bool {
    let key = table.lock_key() as u64;
    let high = i64::from((key >> 32) as u32);
    let low = i64::from(key as u32);
    via.query_one(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' \
         AND pid = $1 AND granted AND classid::int8 = $2 AND objid::int8 = $3 AND objsubid = 1)",
        &[&pid, &high, &low],
    )
    .await
    .and_then(|row| row.try_get::<_, bool>(0))
    .unwrap_or(false)
}
