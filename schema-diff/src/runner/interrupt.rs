//! Interrupts: every connection the runner opens registers its cancel token
//! here ([`register`]); on Ctrl-C or SIGTERM the command line calls
//! [`cancel_running`] before it drops the work, so the statement running on
//! the server is cancelled (and its transaction rolled back, releasing its
//! locks) instead of running on after the client went away. A token of a
//! connection that has closed is harmless: the server ignores a cancel
//! request whose process id and secret key match no session.

use std::sync::Mutex;

use strata::ConnectOptions;
use tokio_postgres::{CancelToken, Client};

/// Each connection's cancel token, with the settings it was opened with (a
/// cancel request goes over TLS when the connection did).
static TOKENS: Mutex<Vec<(CancelToken, ConnectOptions)>> = Mutex::new(Vec::new());

/// The most tokens kept: a run opens a few connections; older tokens belong
/// to closed ones.
const KEEP: usize = 64;

/// Registers `client`'s cancel token (`options`: the settings it was
/// opened with).
pub(crate) fn register(client: &Client, options: &ConnectOptions) {
    if let Ok(mut tokens) = TOKENS.lock() {
        if tokens.len() >= KEEP {
            tokens.remove(0);
        }
        tokens.push((client.cancel_token(), options.clone()));
    }
}

/// Sends a cancel request for whatever each registered connection is
/// running, and forgets the tokens. Returns how many requests were sent.
pub async fn cancel_running() -> usize {
    let tokens: Vec<(CancelToken, ConnectOptions)> = match TOKENS.lock() {
        Ok(mut t) => std::mem::take(&mut *t),
        Err(_) => return 0,
    };
    let mut sent = 0;
    for (t, options) in tokens {
        // Waits until the server processed the request, so the statement
        // is stopped (and its locks released) before the process exits.
        if strata::pooled::cancel(&options, t).await.is_ok() {
            sent += 1;
        }
    }
    sent
}
