//! Sessions and transactions: [`Session`] is one pooled connection,
//! [`Transaction`] a transaction (or, nested, a savepoint) on it.
//!
//! Both implement [`Executor`](crate::Executor), so repository code written
//! against `&impl Executor` runs on a session or inside a transaction alike.
//! A transaction ends with [`Transaction::commit`] or
//! [`Transaction::rollback`]; dropped without either, it rolls back (the
//! `ROLLBACK` is queued on the connection before anything else it runs).
//! [`Transaction::savepoint`] opens a nested transaction backed by a
//! `SAVEPOINT`, with the same three endings.
//!
//! Start reading at [`Session::transaction`].

use tokio_postgres::IsolationLevel;

use crate::conn::Conn;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{sealed, Executor};
use crate::pooled::{Manager, PgConn};

/// The pool's handle on a connection.
pub(crate) type Object = deadpool::managed::Object<Manager>;

/// How long returning a dirty connection may take (settling a cancelled
/// statement and resetting the session) before it is discarded instead.
const RESET_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// A pooled connection, returned to its pool when dropped. Run statements on
/// it through [`Executor`](crate::Executor); start transactions with
/// [`Session::transaction`].
///
/// A session returns its connection only in a known-clean state: no open or
/// aborted transaction, session settings reset, no `LISTEN`, no advisory
/// lock, no statement still running. A session that ran only strata's typed
/// operations is clean as it is (no round trip on return); after raw SQL,
/// [`Session::client`], an abandoned transaction or a cancelled statement,
/// the connection is reset in the background (one round trip:
/// `ROLLBACK`, `RESET ALL`, `UNLISTEN *`, `pg_advisory_unlock_all()`,
/// `DISCARD TEMP`, ...) before the pool hands it out again, and discarded
/// when that fails.
pub struct Session {
    // Always `Some` until `Drop` takes it.
    object: Option<Object>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("closed", &self.pg().client().is_closed())
            .finish()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let Some(object) = self.object.take() else {
            return;
        };
        if object.is_clean() {
            return; // back to the pool as it is
        }
        if object.is_broken() {
            drop(Object::take(object));
            return;
        }
        match tokio::runtime::Handle::try_current() {
            Ok(handle) => {
                handle.spawn(async move {
                    match tokio::time::timeout(RESET_TIMEOUT, object.reset()).await {
                        Ok(Ok(())) => drop(object),
                        _ => drop(Object::take(object)),
                    }
                });
            }
            Err(_) => drop(Object::take(object)),
        }
    }
}

impl Session {
    pub(crate) fn new(object: Object) -> Session {
        Session {
            object: Some(object),
        }
    }

    #[inline]
    fn pg(&self) -> &PgConn {
        match &self.object {
            Some(object) => object,
            // `object` is only taken by `Drop`.
            None => unreachable!("a session is used after it was dropped"),
        }
    }

    /// Starts a transaction (`BEGIN`, the server's default isolation level).
    ///
    /// ```no_run
    /// # async fn demo(pool: &strata::Pool) -> strata::Result<()> {
    /// use strata::Executor;
    /// let mut session = pool.session().await?;
    /// let tx = session.transaction().await?;
    /// tx.execute("UPDATE counters SET n = n + 1", &[]).await?;
    /// tx.commit().await?;
    /// # Ok(()) }
    /// ```
    pub async fn transaction(&mut self) -> Result<Transaction<'_>> {
        self.build_transaction().start().await
    }

    /// A transaction with options (isolation level, read only, deferrable).
    ///
    /// ```no_run
    /// # async fn demo(pool: &strata::Pool) -> strata::Result<()> {
    /// let mut session = pool.session().await?;
    /// let tx = session
    ///     .build_transaction()
    ///     .isolation_level(strata::IsolationLevel::Serializable)
    ///     .start()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn build_transaction(&mut self) -> TransactionBuilder<'_> {
        TransactionBuilder {
            pg: self.pg(),
            isolation_level: None,
            read_only: None,
            deferrable: None,
        }
    }

    /// The underlying tokio-postgres client, for what strata does not wrap
    /// (`LISTEN`, `COPY ... TO`, portals). The session's connection is reset
    /// before it goes back to the pool.
    pub fn client(&self) -> &tokio_postgres::Client {
        self.pg().mark_dirty();
        self.pg().client()
    }

    /// True when the connection to the server is gone.
    pub fn is_closed(&self) -> bool {
        self.pg().client().is_closed()
    }

    /// How many prepared statements this connection's cache holds (at most
    /// [`STATEMENT_CACHE_SIZE`](crate::pooled::STATEMENT_CACHE_SIZE)).
    pub fn cached_statements(&self) -> usize {
        self.pg().cached_statements()
    }
}

impl sealed::Sealed for Session {}

impl Executor for Session {
    #[inline]
    fn conn(&self) -> Conn<'_> {
        Conn::new(self.pg(), false)
    }
}

/// Options for a transaction; made by [`Session::build_transaction`].
pub struct TransactionBuilder<'a> {
    pg: &'a PgConn,
    isolation_level: Option<IsolationLevel>,
    read_only: Option<bool>,
    deferrable: Option<bool>,
}

impl std::fmt::Debug for TransactionBuilder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransactionBuilder")
            .field("isolation_level", &self.isolation_level)
            .field("read_only", &self.read_only)
            .field("deferrable", &self.deferrable)
            .finish()
    }
}

impl<'a> TransactionBuilder<'a> {
    /// The isolation level (`READ COMMITTED`, `REPEATABLE READ`,
    /// `SERIALIZABLE`).
    pub fn isolation_level(mut self, level: IsolationLevel) -> TransactionBuilder<'a> {
        self.isolation_level = Some(level);
        self
    }

    /// A read-only transaction.
    pub fn read_only(mut self, read_only: bool) -> TransactionBuilder<'a> {
        self.read_only = Some(read_only);
        self
    }

    /// A deferrable transaction (meaningful for serializable read-only ones).
    pub fn deferrable(mut self, deferrable: bool) -> TransactionBuilder<'a> {
        self.deferrable = Some(deferrable);
        self
    }

    /// Starts the transaction.
    pub async fn start(self) -> Result<Transaction<'a>> {
        let mut sql = String::from("BEGIN");
        if let Some(level) = self.isolation_level {
            sql.push_str(match level {
                IsolationLevel::ReadUncommitted => " ISOLATION LEVEL READ UNCOMMITTED",
                IsolationLevel::ReadCommitted => " ISOLATION LEVEL READ COMMITTED",
                IsolationLevel::RepeatableRead => " ISOLATION LEVEL REPEATABLE READ",
                IsolationLevel::Serializable => " ISOLATION LEVEL SERIALIZABLE",
                _ => "",
            });
        }
        if let Some(read_only) = self.read_only {
            sql.push_str(if read_only {
                " READ ONLY"
            } else {
                " READ WRITE"
            });
        }
        if let Some(deferrable) = self.deferrable {
            sql.push_str(if deferrable {
                " DEFERRABLE"
            } else {
                " NOT DEFERRABLE"
            });
        }
        // Dropped while BEGIN is in flight: the transaction may have begun
        // with no `Transaction` to end it, so it is rolled back.
        let pending = Transaction {
            pg: self.pg,
            depth: 1,
            done: false,
        };
        Conn::new(self.pg, false).batch_execute(&sql).await?;
        Ok(pending)
    }
}

/// A transaction, or a savepoint inside one. Rolls back when dropped without
/// [`commit`](Transaction::commit) (the rollback runs before the
/// connection's next statement, or when the session returns it to the
/// pool).
pub struct Transaction<'a> {
    pg: &'a PgConn,
    /// 1 for the transaction, n > 1 for savepoint `strata_sp_n`.
    depth: u32,
    done: bool,
}

impl std::fmt::Debug for Transaction<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transaction")
            .field("depth", &self.depth)
            .finish_non_exhaustive()
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.pg.defer_rollback(self.depth);
        }
    }
}

impl Transaction<'_> {
    /// Commits (or, for a savepoint, releases it into the enclosing
    /// transaction).
    ///
    /// A transaction the server has aborted (a statement in it failed, even
    /// one whose error the caller handled; a cancelled statement; a failed
    /// COPY) cannot commit: the server would answer `COMMIT` with
    /// `ROLLBACK`. Here that is an error of kind
    /// [`ErrorKind::TransactionAborted`], and nothing was committed.
    pub async fn commit(mut self) -> Result<()> {
        // `done` is set only once the server answered: dropped while the
        // commit is in flight, the transaction is rolled back (a no-op when
        // the commit got through).
        let conn = Conn::new(self.pg, true);
        if self.depth > 1 {
            let sql = format!("RELEASE SAVEPOINT strata_sp_{}", self.depth);
            let out = conn.batch_execute(&sql).await;
            self.done = true;
            return match out {
                Ok(()) => Ok(()),
                Err(e) => {
                    self.pg.defer_rollback(self.depth);
                    Err(aborted(e, "the savepoint's work was rolled back"))
                }
            };
        }
        // The probe fails (25P02) in an aborted transaction, and then the
        // COMMIT after it is not run; in a healthy one both run, in one
        // round trip.
        let out = conn.batch_execute("SELECT 1; COMMIT").await;
        self.done = true;
        match out {
            Ok(()) => Ok(()),
            Err(e) => {
                // Whether the probe or the COMMIT failed, a ROLLBACK leaves
                // no transaction behind (a warning at most).
                self.pg.defer_rollback(1);
                let _ = self.pg.ready().await;
                match e.kind() {
                    ErrorKind::TransactionAborted | ErrorKind::Timeout => {
                        Err(aborted(e, "nothing was committed"))
                    }
                    // COMMIT itself failed (a deferred constraint, a
                    // serialization failure): the server rolled back.
                    _ => Err(e),
                }
            }
        }
    }

    /// Rolls back (or, for a savepoint, rolls back to it).
    pub async fn rollback(mut self) -> Result<()> {
        let sql = if self.depth > 1 {
            format!(
                "ROLLBACK TO SAVEPOINT strata_sp_{0}; RELEASE SAVEPOINT strata_sp_{0}",
                self.depth
            )
        } else {
            "ROLLBACK".to_string()
        };
        let out = Conn::new(self.pg, true).batch_execute(&sql).await;
        self.done = true;
        match out {
            Ok(()) => Ok(()),
            Err(e) => {
                self.pg.defer_rollback(self.depth);
                Err(e)
            }
        }
    }

    /// Opens a savepoint: a nested transaction whose work can be rolled back
    /// alone. Savepoints nest to any depth.
    ///
    /// ```no_run
    /// # async fn demo(pool: &strata::Pool) -> strata::Result<()> {
    /// use strata::Executor;
    /// let mut session = pool.session().await?;
    /// let mut tx = session.transaction().await?;
    /// tx.execute("INSERT INTO log VALUES (1)", &[]).await?;
    /// let sp = tx.savepoint().await?;
    /// sp.execute("INSERT INTO log VALUES (2)", &[]).await?;
    /// sp.rollback().await?; // only row 2 is undone
    /// tx.commit().await?;
    /// # Ok(()) }
    /// ```
    pub async fn savepoint(&mut self) -> Result<Transaction<'_>> {
        let depth = self.depth + 1;
        let pending = Transaction {
            pg: self.pg,
            depth,
            done: false,
        };
        Conn::new(self.pg, true)
            .batch_execute(&format!("SAVEPOINT strata_sp_{depth}"))
            .await?;
        Ok(pending)
    }

    /// The underlying tokio-postgres client (statements run on it are part of
    /// this transaction). The session's connection is reset before it goes
    /// back to the pool.
    pub fn client(&self) -> &tokio_postgres::Client {
        self.pg.mark_dirty();
        self.pg.client()
    }
}

/// The error of a commit that found its transaction aborted.
fn aborted(cause: Error, what: &str) -> Error {
    Error::new(
        ErrorKind::TransactionAborted,
        format!("cannot commit: the transaction was aborted by an earlier error; {what} ({cause})"),
    )
    .with_source(cause)
}

impl sealed::Sealed for Transaction<'_> {}

impl Executor for Transaction<'_> {
    #[inline]
    fn conn(&self) -> Conn<'_> {
        Conn::new(self.pg, true)
    }
}
