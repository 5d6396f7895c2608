//! `LISTEN`/`NOTIFY`: a [`Listener`] owns a connection of its own (not one
//! borrowed from a pool, which would go back to the pool and lose its
//! notifications) and yields the notifications of its channels as a
//! [`Stream`]; [`Executor::notify`](crate::Executor::notify) sends one from
//! any session or transaction.
//!
//! The connection is driven by a background task: it forwards
//! notifications (at most [`BUFFER`] waiting for the consumer; beyond that
//! the task stops reading the connection, so memory stays bounded), and when
//! the connection is lost it reports it once in the stream
//! ([`ErrorKind::ConnectionLost`]: notifications sent until it reconnects
//! are lost, so a consumer that must not miss any re-reads its state), then
//! reconnects with backoff (100 ms doubling to 5 s) and listens on every
//! channel again.
//!
//! Start reading at [`Listener::connect`].

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::Stream;
use serde::de::DeserializeOwned;
use tokio::sync::{mpsc, oneshot};
use tokio_postgres::AsyncMessage;

use crate::connect::ConnectOptions;
use crate::error::{Error, ErrorKind, Result};
use crate::ident::Ident;

/// Notifications waiting for the consumer before the listener stops
/// reading its connection.
pub const BUFFER: usize = 1024;

/// One notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    /// The channel it was sent on.
    pub channel: String,
    /// Its payload (empty when none was given).
    pub payload: String,
    /// The server process that sent it.
    pub process_id: i32,
}

impl Notification {
    /// The payload read as JSON into `T` (the error names the channel).
    pub fn json<T: DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_str(&self.payload).map_err(|e| {
            Error::new(
                ErrorKind::Decode,
                format!(
                    "the payload of a notification on channel {:?} is not the expected JSON: {e}",
                    self.channel
                ),
            )
            .with_source(e)
        })
    }
}

enum Command {
    Listen(String, oneshot::Sender<Result<()>>),
    Unlisten(String, oneshot::Sender<Result<()>>),
}

/// A dedicated connection listening on channels; a [`Stream`] of
/// `Result<Notification>` (an `Err` only to say the connection was lost
/// and is being re-established). Dropping it closes the connection.
///
/// ```no_run
/// # async fn demo(pool: &strata::Pool) -> strata::Result<()> {
/// use futures_util::StreamExt;
/// use strata::Executor;
/// let options = strata::ConnectOptions::from_env()?;
/// let mut listener = strata::Listener::connect(&options, &["jobs"]).await?;
/// pool.session().await?.notify("jobs", "{\"id\": 1}").await?;
/// while let Some(n) = listener.next().await {
///     let n = n?;
///     let job: serde_json::Value = n.json()?;
///     println!("{}: {job}", n.channel);
/// }
/// # Ok(()) }
/// ```
pub struct Listener {
    events: mpsc::Receiver<Result<Notification>>,
    commands: mpsc::UnboundedSender<Command>,
    task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listener").finish_non_exhaustive()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Listener {
    /// Opens a connection with `options` and listens on `channels`. The
    /// first connection must succeed (the error says why); later losses are
    /// reported in the stream and repaired.
    pub async fn connect(options: &ConnectOptions, channels: &[&str]) -> Result<Listener> {
        let channels: Vec<String> = channels.iter().map(|c| c.to_string()).collect();
        let (events_tx, events) = mpsc::channel(BUFFER);
        let (commands, commands_rx) = mpsc::unbounded_channel();
        let first = Connection::open(options, &channels, events_tx.clone()).await?;
        let task = tokio::spawn(run(
            options.clone(),
            channels,
            first,
            events_tx,
            commands_rx,
        ));
        Ok(Listener {
            events,
            commands,
            task,
        })
    }

    /// Listens on one more channel (also after every reconnect).
    pub async fn listen(&self, channel: &str) -> Result<()> {
        self.command(|reply| Command::Listen(channel.to_string(), reply))
            .await
    }

    /// Stops listening on `channel`.
    pub async fn unlisten(&self, channel: &str) -> Result<()> {
        self.command(|reply| Command::Unlisten(channel.to_string(), reply))
            .await
    }

    async fn command(
        &self,
        make: impl FnOnce(oneshot::Sender<Result<()>>) -> Command,
    ) -> Result<()> {
        let (reply, answer) = oneshot::channel();
        let gone = || Error::new(ErrorKind::ConnectionLost, "the listener has stopped");
        self.commands.send(make(reply)).map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

impl Stream for Listener {
    type Item = Result<Notification>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.events.poll_recv(cx)
    }
}

/// One connection: its client and the task pumping its messages.
struct Connection {
    client: tokio_postgres::Client,
    pump: tokio::task::JoinHandle<()>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.pump.abort();
    }
}

impl Connection {
    async fn open(
        options: &ConnectOptions,
        channels: &[String],
        events: mpsc::Sender<Result<Notification>>,
    ) -> Result<Connection> {
        let (client, mut connection) = options.connect_raw().await?;
        let pump = tokio::spawn(async move {
            loop {
                let message = futures_util::future::poll_fn(|cx| connection.poll_message(cx)).await;
                match message {
                    Some(Ok(AsyncMessage::Notification(n))) => {
                        let n = Notification {
                            channel: n.channel().to_string(),
                            payload: n.payload().to_string(),
                            process_id: n.process_id(),
                        };
                        // Waits while the consumer is behind (bounded).
                        if events.send(Ok(n)).await.is_err() {
                            return;
                        }
                    }
                    Some(Ok(_)) => {}
                    Some(Err(_)) | None => return,
                }
            }
        });
        let conn = Connection { client, pump };
        for channel in channels {
            conn.listen(channel).await?;
        }
        Ok(conn)
    }

    async fn listen(&self, channel: &str) -> Result<()> {
        Ok(self
            .client
            .batch_execute(&format!("LISTEN {}", Ident(channel)))
            .await?)
    }

    async fn unlisten(&self, channel: &str) -> Result<()> {
        Ok(self
            .client
            .batch_execute(&format!("UNLISTEN {}", Ident(channel)))
            .await?)
    }
}

/// The listener's task: serves commands, notices a lost connection and
/// reconnects.
async fn run(
    options: ConnectOptions,
    mut channels: Vec<String>,
    first: Connection,
    events: mpsc::Sender<Result<Notification>>,
    mut commands: mpsc::UnboundedReceiver<Command>,
) {
    let mut conn = Some(first);
    let mut backoff = Duration::from_millis(100);
    loop {
        let Some(current) = conn.as_mut() else {
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(5));
            if let Ok(c) = Connection::open(&options, &channels, events.clone()).await {
                conn = Some(c);
                backoff = Duration::from_millis(100);
            }
            continue;
        };
        tokio::select! {
            command = commands.recv() => {
                let Some(command) = command else { return };
                match command {
                    Command::Listen(channel, reply) => {
                        let out = current.listen(&channel).await;
                        if out.is_ok() && !channels.contains(&channel) {
                            channels.push(channel);
                        }
                        let _ = reply.send(out);
                    }
                    Command::Unlisten(channel, reply) => {
                        channels.retain(|c| *c != channel);
                        let _ = reply.send(current.unlisten(&channel).await);
                    }
                }
            }
            _ = &mut current.pump => {
                conn = None;
                let lost = Error::new(
                    ErrorKind::ConnectionLost,
                    "the listener lost its connection; it reconnects, and notifications sent \
                     meanwhile are lost",
                );
                if events.send(Err(lost)).await.is_err() {
                    return;
                }
            }
        }
    }
}
