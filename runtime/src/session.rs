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
use crate::error::Result;
use crate::executor::{sealed, Executor};

/// A pooled connection, returned to its pool when dropped. Run statements on
/// it through [`Executor`](crate::Executor); start transactions with
/// [`Session::transaction`].
pub struct Session {
    object: deadpool_postgres::Object,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("closed", &self.object.is_closed())
            .finish()
    }
}

impl Session {
    pub(crate) fn new(object: deadpool_postgres::Object) -> Session {
        Session { object }
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
        let tx = self.object.transaction().await?;
        Ok(Transaction { tx })
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
            builder: self.object.build_transaction(),
        }
    }

    /// The underlying tokio-postgres client, for what strata does not wrap
    /// (`LISTEN`, `COPY ... TO`, portals).
    pub fn client(&self) -> &tokio_postgres::Client {
        &self.object
    }

    /// True when the connection to the server is gone.
    pub fn is_closed(&self) -> bool {
        self.object.is_closed()
    }
}

impl sealed::Sealed for Session {}

impl Executor for Session {
    #[inline]
    fn conn(&self) -> Conn<'_> {
        Conn::new(&self.object, &self.object.statement_cache)
    }
}

/// Options for a transaction; made by [`Session::build_transaction`].
pub struct TransactionBuilder<'a> {
    builder: deadpool_postgres::TransactionBuilder<'a>,
}

impl std::fmt::Debug for TransactionBuilder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransactionBuilder").finish_non_exhaustive()
    }
}

impl<'a> TransactionBuilder<'a> {
    /// The isolation level (`READ COMMITTED`, `REPEATABLE READ`,
    /// `SERIALIZABLE`).
    pub fn isolation_level(self, level: IsolationLevel) -> TransactionBuilder<'a> {
        TransactionBuilder {
            builder: self.builder.isolation_level(level),
        }
    }

    /// A read-only transaction.
    pub fn read_only(self, read_only: bool) -> TransactionBuilder<'a> {
        TransactionBuilder {
            builder: self.builder.read_only(read_only),
        }
    }

    /// A deferrable transaction (meaningful for serializable read-only ones).
    pub fn deferrable(self, deferrable: bool) -> TransactionBuilder<'a> {
        TransactionBuilder {
            builder: self.builder.deferrable(deferrable),
        }
    }

    /// Starts the transaction.
    pub async fn start(self) -> Result<Transaction<'a>> {
        let tx = self.builder.start().await?;
        Ok(Transaction { tx })
    }
}

/// A transaction, or a savepoint inside one. Rolls back when dropped without
/// [`commit`](Transaction::commit).
pub struct Transaction<'a> {
    tx: deadpool_postgres::Transaction<'a>,
}

impl std::fmt::Debug for Transaction<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transaction").finish_non_exhaustive()
    }
}

impl Transaction<'_> {
    /// Commits (or, for a savepoint, releases it into the enclosing
    /// transaction).
    pub async fn commit(self) -> Result<()> {
        Ok(self.tx.commit().await?)
    }

    /// Rolls back (or, for a savepoint, rolls back to it).
    pub async fn rollback(self) -> Result<()> {
        Ok(self.tx.rollback().await?)
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
        let tx = self.tx.transaction().await?;
        Ok(Transaction { tx })
    }

    /// The underlying tokio-postgres client (statements run on it are part of
    /// this transaction).
    pub fn client(&self) -> &tokio_postgres::Client {
        self.tx.client()
    }
}

impl sealed::Sealed for Transaction<'_> {}

impl Executor for Transaction<'_> {
    #[inline]
    fn conn(&self) -> Conn<'_> {
        Conn::new(self.tx.client(), &self.tx.statement_cache)
    }
}
