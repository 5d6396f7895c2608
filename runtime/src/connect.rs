//! One connection configuration for everything that connects: the pool, the
//! migration runner, scratch databases, the test harness, the `schema-diff`
//! command line and the examples.
//!
//! [`ConnectOptions`] is a [`tokio_postgres::Config`] plus the one thing
//! tokio-postgres does not keep: which settings were given explicitly (so the
//! libpq variables can fill the rest). It is read from a `postgres://` URL or
//! a libpq `key=value` string ([`ConnectOptions::parse`], parsed by
//! tokio-postgres itself), from the environment ([`ConnectOptions::from_env`])
//! or wrapped around a config ([`ConnectOptions::from_config`]);
//! [`ConnectOptions::resolve`] settles the one precedence (README,
//! "Connection settings"):
//!
//! 1. a connection string: the caller's own (`--database-url`), else
//!    `DATABASE_URL` (set and not empty), else a configuration file's
//!    `database_url`;
//! 2. libpq's `PG*` variables ([`PG_VARIABLES`]) fill what a string from the
//!    caller or `DATABASE_URL` leaves out (libpq's rule: the connection
//!    string wins), and override the fields of a string from a configuration
//!    file (the environment overrides files, as for every other setting);
//! 3. libpq's defaults: host `localhost`, port 5432, user `$USER`, the
//!    database named after the user.
//!
//! Every way of printing the options masks the password (`Display`, `Debug`,
//! errors); [`ConnectOptions::to_url`] is the one exception, for handing the
//! settings to a child process. Parse errors never quote the text they could
//! not read: a password may be in it.
//!
//! Start reading at [`ConnectOptions::resolve`], then
//! [`ConnectOptions::connect`].

use std::fmt::{self, Write as _};
use std::time::Duration;

use tokio_postgres::config::Host;
use tokio_postgres::{Client, Config};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{Error, ErrorKind, Result};
use crate::tls::{RootCert, SslMode, TlsSettings};

/// The libpq environment variables strata reads, each with the connection
/// parameter it sets.
pub const PG_VARIABLES: [(&str, &str); 14] = [
    ("PGHOST", "host"),
    ("PGHOSTADDR", "hostaddr"),
    ("PGPORT", "port"),
    ("PGUSER", "user"),
    ("PGPASSWORD", "password"),
    ("PGDATABASE", "dbname"),
    ("PGOPTIONS", "options"),
    ("PGAPPNAME", "application_name"),
    ("PGCONNECT_TIMEOUT", "connect_timeout"),
    ("PGSSLMODE", "sslmode"),
    ("PGSSLROOTCERT", "sslrootcert"),
    ("PGSSLCERT", "sslcert"),
    ("PGSSLKEY", "sslkey"),
    ("PGTARGETSESSIONATTRS", "target_session_attrs"),
];

/// Parameters whose tokio-postgres setting has a default rather than an
/// `Option`: only the text tells whether they were given.
const DEFAULTED: [&str; 8] = [
    "sslmode",
    "sslnegotiation",
    "keepalives",
    "keepalives_idle",
    "target_session_attrs",
    "channel_binding",
    "load_balance_hosts",
    "tcp_user_timeout",
];

/// Where connection settings came from, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Origin {
    /// Given by the caller (a command-line flag, code).
    Given,
    /// The `DATABASE_URL` variable.
    DatabaseUrl,
    /// A configuration file's `database_url`.
    File,
    /// libpq's `PG*` variables alone.
    PgVariables,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Given => "the given connection string",
            Origin::DatabaseUrl => "DATABASE_URL",
            Origin::File => "the configuration file's database_url",
            Origin::PgVariables => "the PG* variables",
        })
    }
}

/// Connection settings: a `tokio_postgres::Config` that prints itself with
/// the password masked.
#[derive(Clone)]
pub struct ConnectOptions {
    config: Config,
    /// Parameters with a defaulted setting that were given explicitly.
    explicit: Vec<&'static str>,
    /// `sslmode`, `sslrootcert`, `sslcert`, `sslkey` (tokio-postgres'
    /// `Config` knows only three of libpq's six modes and none of the files).
    tls: TlsSettings,
}

impl fmt::Debug for ConnectOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ConnectOptions")
            .field(&format_args!("{self}"))
            .finish()
    }
}

/// `postgres://user:***@host:port/dbname`: the target, password masked.
impl fmt::Display for ConnectOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(true))
    }
}

impl ConnectOptions {
    /// Reads a `postgres://` / `postgresql://` URL or a libpq `key=value`
    /// string. The error names what is wrong, never the text (it may hold a
    /// password).
    pub fn parse(text: &str) -> Result<ConnectOptions> {
        let text = text.trim();
        let (rest, tls) = split_tls(text)?;
        let mut config: Config = rest.parse().map_err(|e| parse_error(&rest, &e))?;
        config.ssl_mode(tls.mode.driver_mode());
        let explicit = param_keys(text)
            .iter()
            .filter_map(|k| DEFAULTED.iter().find(|d| **d == k.as_str()).copied())
            .collect();
        Ok(ConnectOptions {
            config,
            explicit,
            tls,
        })
    }

    /// The TLS settings.
    pub fn tls(&self) -> &TlsSettings {
        &self.tls
    }

    /// Wraps a config built in code; every defaulted setting counts as given.
    pub fn from_config(config: Config) -> ConnectOptions {
        let mode = match config.get_ssl_mode() {
            tokio_postgres::config::SslMode::Disable => SslMode::Disable,
            tokio_postgres::config::SslMode::Require => SslMode::Require,
            _ => SslMode::Prefer,
        };
        ConnectOptions {
            config,
            explicit: DEFAULTED.to_vec(),
            tls: TlsSettings {
                mode,
                ..TlsSettings::default()
            },
        }
    }

    /// The settings from the process environment: `DATABASE_URL`, the `PG*`
    /// variables and libpq's defaults (see the module documentation).
    pub fn from_env() -> Result<ConnectOptions> {
        ConnectOptions::from_env_with(|k| std::env::var(k).ok())
    }

    /// [`ConnectOptions::from_env`] with the environment read through
    /// `lookup`.
    pub fn from_env_with(lookup: impl Fn(&str) -> Option<String>) -> Result<ConnectOptions> {
        match ConnectOptions::resolve(None, None, &lookup)? {
            Some((options, _)) => Ok(options),
            None => {
                let mut options = ConnectOptions::parse("")?;
                options.apply_defaults(&lookup);
                if options.config.get_dbname().is_none() {
                    return Err(Error::new(
                        ErrorKind::Config,
                        "no database and no user given (DATABASE_URL, PGDATABASE, PGUSER or USER): cannot tell which database to use",
                    ));
                }
                Ok(options)
            }
        }
    }

    /// Settles the settings from a connection string given by the caller
    /// (`given`), the environment (`lookup`: `DATABASE_URL` and the `PG*`
    /// variables) and a configuration file's string (`file`), in the order
    /// of the module documentation. `None` when none of them is set: nothing
    /// is configured.
    pub fn resolve(
        given: Option<&str>,
        file: Option<&str>,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Option<(ConnectOptions, Origin)>> {
        let set = |k: &str| lookup(k).filter(|v| !v.trim().is_empty());
        // A `DATABASE_URL` that is set but empty is a missing secret (a
        // deployment whose variable did not expand), not "nothing
        // configured": running on a fallback would look like success.
        if given.is_none() && lookup("DATABASE_URL").is_some_and(|v| v.trim().is_empty()) {
            return Err(Error::new(
                ErrorKind::Config,
                "DATABASE_URL is set but empty: set it to a connection string, or unset it",
            ));
        }
        let from_env = ConnectOptions::from_pg_variables(&set)?;
        let with_origin = |text: &str, origin: Origin| {
            ConnectOptions::parse(text)
                .map_err(|e| Error::new(ErrorKind::Config, format!("{origin}: {e}")).with_source(e))
        };
        let (mut options, origin) = if let Some(text) = given {
            let mut o = with_origin(text, Origin::Given)?;
            o.fill_from(&from_env);
            (o, Origin::Given)
        } else if let Some(text) = set("DATABASE_URL") {
            let mut o = with_origin(&text, Origin::DatabaseUrl)?;
            o.fill_from(&from_env);
            (o, Origin::DatabaseUrl)
        } else if let Some(text) = file {
            let file = with_origin(text, Origin::File)?;
            let mut o = from_env;
            o.fill_from(&file);
            (o, Origin::File)
        } else if PG_VARIABLES.iter().any(|(k, _)| set(k).is_some()) {
            (from_env, Origin::PgVariables)
        } else {
            return Ok(None);
        };
        let hosts = options.config.get_hosts().len().max(1);
        let ports = options.config.get_ports().len();
        if ports > 1 && ports != hosts {
            return Err(Error::new(
                ErrorKind::Config,
                format!(
                    "{ports} ports for {hosts} host(s) (from {origin}): give one port, or one per host"
                ),
            ));
        }
        options.apply_defaults(&set);
        Ok(Some((options, origin)))
    }

    /// The settings of the `PG*` variables that are set.
    fn from_pg_variables(set: &dyn Fn(&str) -> Option<String>) -> Result<ConnectOptions> {
        let mut text = String::new();
        let mut explicit = Vec::new();
        for (var, key) in PG_VARIABLES {
            let Some(value) = set(var) else { continue };
            if let Some(d) = DEFAULTED.iter().find(|d| **d == key) {
                explicit.push(*d);
            }
            let _ = write!(text, "{key}={} ", quote_value(&value));
            // Each variable alone, so an error names it.
            ConnectOptions::parse(&text)
                .map_err(|e| Error::new(ErrorKind::Config, format!("invalid {var}: {e}")))?;
        }
        let mut options = ConnectOptions::parse(&text)?;
        options.explicit = explicit;
        Ok(options)
    }

    /// Sets what `other` has and `self` lacks.
    fn fill_from(&mut self, other: &ConnectOptions) {
        let (c, o) = (&mut self.config, &other.config);
        if c.get_hosts().is_empty() {
            for h in o.get_hosts() {
                match h {
                    Host::Tcp(name) => c.host(name),
                    #[cfg(unix)]
                    Host::Unix(path) => c.host_path(path),
                };
            }
        }
        if c.get_hostaddrs().is_empty() {
            for a in o.get_hostaddrs() {
                c.hostaddr(*a);
            }
        }
        if c.get_ports().is_empty() {
            for p in o.get_ports() {
                c.port(*p);
            }
        }
        if let (None, Some(v)) = (c.get_user(), o.get_user()) {
            c.user(v);
        }
        if let (None, Some(v)) = (c.get_password(), o.get_password()) {
            c.password(v);
        }
        if let (None, Some(v)) = (c.get_dbname(), o.get_dbname()) {
            c.dbname(v);
        }
        if let (None, Some(v)) = (c.get_options(), o.get_options()) {
            c.options(v);
        }
        if let (None, Some(v)) = (c.get_application_name(), o.get_application_name()) {
            c.application_name(v);
        }
        if let (None, Some(v)) = (c.get_connect_timeout(), o.get_connect_timeout()) {
            c.connect_timeout(*v);
        }
        if self.tls.root_cert.is_none() {
            self.tls.root_cert = other.tls.root_cert.clone();
        }
        if self.tls.cert.is_none() {
            self.tls.cert = other.tls.cert.clone();
        }
        if self.tls.key.is_none() {
            self.tls.key = other.tls.key.clone();
        }
        for key in &other.explicit {
            if self.explicit.contains(key) {
                continue;
            }
            let c = &mut self.config;
            match *key {
                "sslmode" => {
                    self.tls.mode = other.tls.mode;
                    c.ssl_mode(other.tls.mode.driver_mode());
                }
                "sslnegotiation" => {
                    c.ssl_negotiation(o.get_ssl_negotiation());
                }
                "keepalives" => {
                    c.keepalives(o.get_keepalives());
                }
                "keepalives_idle" => {
                    c.keepalives_idle(o.get_keepalives_idle());
                }
                "target_session_attrs" => {
                    c.target_session_attrs(o.get_target_session_attrs());
                }
                "channel_binding" => {
                    c.channel_binding(o.get_channel_binding());
                }
                "load_balance_hosts" => {
                    c.load_balance_hosts(o.get_load_balance_hosts());
                }
                "tcp_user_timeout" => {
                    if let Some(t) = o.get_tcp_user_timeout() {
                        c.tcp_user_timeout(*t);
                    }
                }
                _ => {}
            }
            self.explicit.push(key);
        }
    }

    /// libpq's defaults for what is still unset: host `localhost`, user
    /// `$USER`, the database named after the user. (tokio-postgres itself
    /// defaults the port to 5432.) Without any user the options stay without
    /// user and database; connecting then fails saying so.
    fn apply_defaults(&mut self, lookup: &dyn Fn(&str) -> Option<String>) {
        let c = &mut self.config;
        if c.get_hosts().is_empty() && c.get_hostaddrs().is_empty() {
            c.host("localhost");
        }
        if c.get_user().is_none() {
            if let Some(user) = lookup("USER").filter(|u| !u.is_empty()) {
                c.user(user);
            }
        }
        if c.get_dbname().is_none() {
            if let Some(user) = c.get_user().map(str::to_string) {
                c.dbname(user);
            }
        }
    }

    /// The tokio-postgres settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The same settings pointing at database `dbname`.
    pub fn with_dbname(&self, dbname: &str) -> ConnectOptions {
        let mut o = self.clone();
        o.config.dbname(dbname);
        o
    }

    /// The same settings as user `user` (the password stays as it is).
    pub fn with_user(&self, user: &str) -> ConnectOptions {
        let mut o = self.clone();
        o.config.user(user);
        o
    }

    /// The same settings with `application_name` set.
    pub fn with_application_name(&self, name: &str) -> ConnectOptions {
        let mut o = self.clone();
        o.config.application_name(name);
        o
    }

    /// The password, if any: for masking it in text that did not come from
    /// these options.
    pub fn password(&self) -> Option<&[u8]> {
        self.config.get_password()
    }

    /// The settings as a `postgres://` URL, password included: for handing
    /// them to a child process (`DATABASE_URL`), never for printing.
    pub fn to_url(&self) -> String {
        self.render(false)
    }

    /// Opens a connection and spawns its driver on the current tokio runtime.
    /// The error names the target (password masked) and the cause.
    pub async fn connect(&self) -> std::result::Result<Client, ConnectError> {
        Ok(self.connect_with_driver().await?.0)
    }

    /// The TLS connector of these settings (the one place connections get
    /// theirs; see [`crate::tls`]).
    pub fn tls_connector(&self) -> std::result::Result<MakeRustlsConnect, ConnectError> {
        self.tls.connector().map_err(|e| ConnectError {
            target: self.to_string(),
            source: ConnectFailure::Settings(e.to_string()),
        })
    }

    /// Like [`ConnectOptions::connect`], and also returns the spawned
    /// driver task (aborting it closes the connection).
    pub(crate) async fn connect_with_driver(
        &self,
    ) -> std::result::Result<(Client, tokio::task::JoinHandle<()>), ConnectError> {
        let (client, connection) = self.connect_raw().await?;
        let driver = tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok((client, driver))
    }

    /// Opens a connection and returns it with its driver, not spawned (for
    /// callers that read its asynchronous messages: the listener).
    pub(crate) async fn connect_raw(
        &self,
    ) -> std::result::Result<
        (
            Client,
            tokio_postgres::Connection<
                tokio_postgres::Socket,
                <MakeRustlsConnect as tokio_postgres::tls::MakeTlsConnect<
                    tokio_postgres::Socket,
                >>::Stream,
            >,
        ),
        ConnectError,
    > {
        let tls = self.tls_connector()?;
        let with_password;
        let config = match pgpass::password_for(&self.config) {
            Some(password) => {
                with_password = {
                    let mut c = self.config.clone();
                    c.password(password);
                    c
                };
                &with_password
            }
            None => &self.config,
        };
        // libpq's `allow`: plaintext first; when the server refuses it
        // (pg_hba accepts only TLS), TLS.
        let allow = self.tls.mode == crate::tls::SslMode::Allow;
        let connecting = async {
            if !allow {
                return config.connect(tls).await;
            }
            let mut plain = config.clone();
            plain.ssl_mode(tokio_postgres::config::SslMode::Disable);
            match plain.connect(tls.clone()).await {
                Err(e) if e.as_db_error().is_some() => {
                    let mut secure = config.clone();
                    secure.ssl_mode(tokio_postgres::config::SslMode::Require);
                    secure.connect(tls).await
                }
                other => other,
            }
        };
        // tokio-postgres bounds only the TCP connect; a server that accepts
        // but never answers (stopped, overloaded) would hang the startup.
        // libpq's connect_timeout bounds the whole attempt, per host.
        let outcome = match config.get_connect_timeout() {
            Some(limit) => {
                let hosts = u32::try_from(config.get_hosts().len().max(1)).unwrap_or(1);
                let total = *limit * hosts;
                match tokio::time::timeout(total, connecting).await {
                    Ok(outcome) => outcome,
                    Err(_) => {
                        return Err(ConnectError {
                            target: self.to_string(),
                            source: ConnectFailure::TimedOut(total),
                        })
                    }
                }
            }
            None => connecting.await,
        };
        outcome.map_err(|source| ConnectError {
            target: self.to_string(),
            source: ConnectFailure::Driver(source),
        })
    }

    /// The same settings with a session default (`-c name=value` in the
    /// startup `options`), unless the options already set `name`. A session
    /// default survives `RESET ALL`.
    pub(crate) fn with_session_default(
        &self,
        name: &str,
        value: impl fmt::Display,
    ) -> ConnectOptions {
        let current = self.config.get_options().unwrap_or("");
        if current.contains(name) {
            return self.clone();
        }
        let mut o = self.clone();
        let setting = format!("-c {name}={value}");
        o.config.options(&if current.trim().is_empty() {
            setting
        } else {
            format!("{current} {setting}")
        });
        o
    }

    /// The same settings with a program's defaults for what they leave out:
    /// `application_name` and `connect_timeout` (so a server that does not
    /// answer ends the attempt with an error instead of a hang).
    pub fn with_defaults(
        &self,
        application_name: &str,
        connect_timeout: Duration,
    ) -> ConnectOptions {
        let mut o = self.clone();
        if o.config.get_application_name().is_none() {
            o.config.application_name(application_name);
        }
        if o.config.get_connect_timeout().is_none() {
            o.config.connect_timeout(connect_timeout);
        }
        o
    }

    /// The same settings with TCP keepalives that find a dead peer in about
    /// a minute (idle 30 s, then 3 probes 10 s apart), unless the settings
    /// chose keepalives themselves.
    pub(crate) fn with_default_keepalives(&self) -> ConnectOptions {
        if self.explicit.contains(&"keepalives") || self.explicit.contains(&"keepalives_idle") {
            return self.clone();
        }
        let mut o = self.clone();
        o.config
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30))
            .keepalives_interval(Duration::from_secs(10))
            .keepalives_retries(3);
        o
    }

    fn render(&self, mask: bool) -> String {
        let c = &self.config;
        let masked = |p: &[u8]| {
            if mask {
                "***".to_string()
            } else {
                percent_encode(p)
            }
        };
        let mut out = String::from("postgres://");
        if let Some(u) = c.get_user() {
            out.push_str(&percent_encode(u.as_bytes()));
            if let Some(p) = c.get_password() {
                out.push(':');
                out.push_str(&masked(p));
            }
            out.push('@');
        }
        let ports = c.get_ports();
        for (i, host) in c.get_hosts().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match host {
                Host::Tcp(h) if h.contains(':') => {
                    let _ = write!(out, "[{h}]");
                }
                Host::Tcp(h) => out.push_str(&percent_encode(h.as_bytes())),
                #[cfg(unix)]
                Host::Unix(p) => {
                    out.push_str(&percent_encode(p.as_os_str().as_encoded_bytes()));
                }
            }
            let port = match ports {
                [one] => Some(one),
                many => many.get(i),
            };
            if let Some(p) = port {
                let _ = write!(out, ":{p}");
            }
        }
        if let Some(d) = c.get_dbname() {
            out.push('/');
            out.push_str(&percent_encode(d.as_bytes()));
        }
        let mut params: Vec<(&str, String)> = Vec::new();
        // A password without a user goes in the query: `postgres://:pw@h`
        // would name the empty user instead of leaving the default.
        if let (None, Some(p)) = (c.get_user(), c.get_password()) {
            params.push(("password", masked(p)));
        }
        // Messages name the target only; a child process gets every setting.
        if !mask {
            match &self.tls.root_cert {
                Some(RootCert::System) => params.push(("sslrootcert", "system".to_string())),
                Some(RootCert::File(p)) => params.push(("sslrootcert", p.display().to_string())),
                None => {}
            }
            if let Some(p) = &self.tls.cert {
                params.push(("sslcert", p.display().to_string()));
            }
            if let Some(p) = &self.tls.key {
                params.push(("sslkey", p.display().to_string()));
            }
            if !c.get_hostaddrs().is_empty() {
                let addrs: Vec<String> = c.get_hostaddrs().iter().map(|a| a.to_string()).collect();
                params.push(("hostaddr", addrs.join(",")));
            }
            if let Some(v) = c.get_options() {
                params.push(("options", v.to_string()));
            }
            if let Some(v) = c.get_application_name() {
                params.push(("application_name", v.to_string()));
            }
            if let Some(v) = c.get_connect_timeout() {
                params.push(("connect_timeout", v.as_secs().max(1).to_string()));
            }
            for key in &self.explicit {
                let value = match *key {
                    "sslmode" => self.tls.mode.as_str().to_string(),
                    "keepalives" => u8::from(c.get_keepalives()).to_string(),
                    "keepalives_idle" => secs(c.get_keepalives_idle()),
                    "target_session_attrs" => match c.get_target_session_attrs() {
                        tokio_postgres::config::TargetSessionAttrs::ReadWrite => "read-write",
                        tokio_postgres::config::TargetSessionAttrs::ReadOnly => "read-only",
                        _ => "any",
                    }
                    .to_string(),
                    "tcp_user_timeout" => match c.get_tcp_user_timeout() {
                        Some(t) => secs(*t),
                        None => continue,
                    },
                    // Left at their defaults when handed on.
                    _ => continue,
                };
                params.push((key, value));
            }
        }
        for (i, (k, v)) in params.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(k);
            out.push('=');
            if *k == "password" {
                // Already encoded (or masked).
                out.push_str(v);
            } else {
                out.push_str(&percent_encode(v.as_bytes()));
            }
        }
        out
    }
}

fn secs(d: Duration) -> String {
    d.as_secs().to_string()
}

/// libpq's password file: `PGPASSFILE`, else `~/.pgpass`.
mod pgpass {
    use std::path::PathBuf;

    use tokio_postgres::config::Host;
    use tokio_postgres::Config;

    /// The password file's password for `config`'s first host, port,
    /// database and user, when `config` has no password. A file readable by
    /// group or others is ignored, as libpq does (with a warning).
    pub(super) fn password_for(config: &Config) -> Option<String> {
        if config.get_password().is_some() {
            return None;
        }
        let path = match std::env::var_os("PGPASSFILE") {
            Some(p) if !p.is_empty() => PathBuf::from(p),
            _ => PathBuf::from(std::env::var_os("HOME")?).join(".pgpass"),
        };
        let meta = std::fs::metadata(&path).ok()?;
        if !meta.is_file() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if meta.permissions().mode() & 0o077 != 0 {
                tracing::warn!(
                    target: "strata::connect",
                    "password file {} has group or world access; permissions should be u=rw (0600) or less: ignored",
                    path.display()
                );
                return None;
            }
        }
        let text = std::fs::read_to_string(&path).ok()?;
        let host = match config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            // A socket directory matches `localhost`, as in libpq.
            #[cfg(unix)]
            Some(Host::Unix(_)) => "localhost".to_string(),
            None => "localhost".to_string(),
        };
        let port = config
            .get_ports()
            .first()
            .copied()
            .unwrap_or(5432)
            .to_string();
        let user = config.get_user().unwrap_or("");
        let dbname = config.get_dbname().unwrap_or(user);
        lookup(&text, &host, &port, dbname, user)
    }

    /// The password of the first line of `text` matching the four fields
    /// (`*` matches anything; `\:` and `\\` are escapes).
    pub(super) fn lookup(
        text: &str,
        host: &str,
        port: &str,
        db: &str,
        user: &str,
    ) -> Option<String> {
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields = split(line);
            let [h, p, d, u, password] = fields.as_slice() else {
                continue;
            };
            let matches = |pattern: &str, value: &str| pattern == "*" || pattern == value;
            if matches(h, host) && matches(p, port) && matches(d, db) && matches(u, user) {
                return Some(password.clone());
            }
        }
        None
    }

    /// The `:`-separated fields of a line, unescaped; the last field takes
    /// the rest of the line.
    fn split(line: &str) -> Vec<String> {
        let mut fields = vec![String::new()];
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        if let Some(f) = fields.last_mut() {
                            f.push(n);
                        }
                    }
                }
                ':' if fields.len() < 5 => fields.push(String::new()),
                _ => {
                    if let Some(f) = fields.last_mut() {
                        f.push(c);
                    }
                }
            }
        }
        fields
    }

    #[cfg(test)]
    mod tests {
        use super::lookup;

        #[test]
        fn lines_match_field_by_field_with_wildcards_and_escapes() {
            let text = "# comment\n\
                        db.example:5432:app:alice:first\n\
                        *:*:app:bob:pa\\:ss\\\\w\n\
                        *:*:*:*:fallback\n";
            assert_eq!(
                lookup(text, "db.example", "5432", "app", "alice").as_deref(),
                Some("first")
            );
            assert_eq!(
                lookup(text, "other", "6000", "app", "bob").as_deref(),
                Some("pa:ss\\w")
            );
            assert_eq!(
                lookup(text, "db.example", "5433", "app", "alice").as_deref(),
                Some("fallback")
            );
            assert_eq!(lookup("h:1:d:u:p\n", "h", "2", "d", "u"), None);
        }
    }
}

/// A connection that could not be opened: the target (password masked) and
/// the cause.
#[derive(Debug)]
pub struct ConnectError {
    target: String,
    source: ConnectFailure,
}

/// Why a connection could not be opened.
#[derive(Debug)]
enum ConnectFailure {
    /// The driver's error (a server error, an I/O or TLS error).
    Driver(tokio_postgres::Error),
    /// The settings cannot be used (a TLS file missing or unreadable).
    Settings(String),
    /// The server did not complete the connection within `connect_timeout`.
    TimedOut(Duration),
}

impl ConnectError {
    /// The target, password masked.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The driver's error (a server error such as a failed authentication,
    /// or an I/O or TLS error); `None` when the settings themselves could
    /// not be used (a TLS certificate file missing).
    pub fn pg_error(&self) -> Option<&tokio_postgres::Error> {
        match &self.source {
            ConnectFailure::Driver(e) => Some(e),
            ConnectFailure::Settings(_) | ConnectFailure::TimedOut(_) => None,
        }
    }

    /// The driver's error, by value (see [`ConnectError::pg_error`]).
    pub fn into_pg_error(self) -> Option<tokio_postgres::Error> {
        match self.source {
            ConnectFailure::Driver(e) => Some(e),
            ConnectFailure::Settings(_) | ConnectFailure::TimedOut(_) => None,
        }
    }

    /// Why, in words (without the target).
    pub fn reason(&self) -> String {
        match &self.source {
            ConnectFailure::Settings(why) => why.clone(),
            ConnectFailure::TimedOut(limit) => format!(
                "the server did not complete the connection within {} s (connect_timeout)",
                limit.as_secs()
            ),
            ConnectFailure::Driver(e) => match e.as_db_error() {
                Some(db) => format!("{}: {}", db.severity(), db.message()),
                None => match crate::tls::describe(e) {
                    Some(why) => format!("TLS: {why}"),
                    None => crate::error::with_causes(e),
                },
            },
        }
    }
}

impl fmt::Display for ConnectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot connect to {}: {}", self.target, self.reason())
    }
}

impl std::error::Error for ConnectError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.source {
            ConnectFailure::Driver(e) => Some(e),
            ConnectFailure::Settings(_) | ConnectFailure::TimedOut(_) => None,
        }
    }
}

impl From<ConnectError> for Error {
    fn from(e: ConnectError) -> Error {
        let (kind, code) = match e.pg_error().and_then(|p| p.as_db_error()) {
            Some(db) => (
                match crate::error::kind_of_state(db.code(), db.message()) {
                    ErrorKind::ConnectionLost => ErrorKind::ConnectionLost,
                    _ => ErrorKind::Database,
                },
                Some(db.code().clone()),
            ),
            None if matches!(e.source, ConnectFailure::Settings(_)) => (ErrorKind::Config, None),
            None => (ErrorKind::ConnectionLost, None),
        };
        Error::new(kind, e.to_string())
            .with_code(code)
            .with_source(e)
    }
}

/// Takes libpq's TLS parameters (`sslmode`, `sslrootcert`, `sslcert`,
/// `sslkey`) out of a URL or `key=value` string, which tokio-postgres reads
/// only in part; returns the rest and the settings.
fn split_tls(text: &str) -> Result<(String, TlsSettings)> {
    let mut tls = TlsSettings::default();
    if let Some(scheme_end) = text.find("://").filter(|_| is_url(text)) {
        // As tokio-postgres reads a URL: credentials up to the first `@`,
        // then the query after the first `?`.
        let after = scheme_end + 3;
        let at = text[after..].find('@').map_or(after, |i| after + i + 1);
        let Some(q) = text[at..].find('?').map(|i| at + i) else {
            return Ok((text.to_string(), tls));
        };
        let mut kept = Vec::new();
        for pair in text[q + 1..].split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if !tls.set(&percent_decode(k), &percent_decode(v))? {
                kept.push(pair);
            }
        }
        let mut out = text[..q].to_string();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
        return Ok((out, tls));
    }
    // key = value pairs; values may be quoted with `'` and escape with `\`.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        let (pair, value, next) = kv_pair(trimmed);
        let key = pair
            .split(|c: char| c == '=' || c.is_whitespace())
            .next()
            .unwrap_or("");
        if !tls.set(key, &value)? {
            out.push_str(pair);
            out.push(' ');
        }
        rest = next;
    }
    Ok((out.trim_end().to_string(), tls))
}

/// The first `key = value` pair of `text` (which starts with the key): the
/// pair's text, its value unquoted, and the text after it.
fn kv_pair(text: &str) -> (&str, String, &str) {
    let key_end = text
        .find(|c: char| c == '=' || c.is_whitespace())
        .unwrap_or(text.len());
    let mut i = key_end;
    let bytes = text.as_bytes();
    while i < bytes.len() && (bytes[i] == b'=' || bytes[i].is_ascii_whitespace()) {
        i += 1;
    }
    let mut value = String::new();
    let mut chars = text[i..].char_indices();
    let mut end = text.len();
    if text[i..].starts_with('\'') {
        chars.next();
        while let Some((j, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, n)) = chars.next() {
                        value.push(n);
                    }
                }
                '\'' => {
                    end = i + j + 1;
                    break;
                }
                _ => value.push(c),
            }
        }
    } else {
        while let Some((j, c)) = chars.next() {
            if c.is_whitespace() {
                end = i + j;
                break;
            }
            if c == '\\' {
                if let Some((_, n)) = chars.next() {
                    value.push(n);
                }
                continue;
            }
            value.push(c);
        }
    }
    (&text[..end], value, &text[end..])
}

/// A parse error of tokio-postgres in words that cannot hold a secret: the
/// option's name when tokio-postgres names one (a fixed keyword), a generic
/// description otherwise (its other messages quote characters of the text).
fn parse_error(text: &str, e: &tokio_postgres::Error) -> Error {
    let what = if is_url(text) {
        "invalid database URL"
    } else {
        "invalid connection string"
    };
    // tokio-postgres's own text is only "invalid connection string"; the
    // cause says what.
    let text = std::error::Error::source(e).map_or_else(String::new, |c| c.to_string());
    let text = text.as_str();
    let keyword = |marker: &str| -> Option<String> {
        let start = text.find(marker)? + marker.len();
        let rest = &text[start..];
        let end = rest.find('`')?;
        let key = &rest[..end];
        let known = PG_VARIABLES.iter().any(|(_, k)| *k == key)
            || DEFAULTED.contains(&key)
            || ["keepalives_interval", "keepalives_retries"].contains(&key);
        Some(if known {
            key.to_string()
        } else {
            String::new()
        })
    };
    let message = if let Some(key) = keyword("invalid value for option `") {
        if key.is_empty() {
            "an invalid value".to_string()
        } else {
            format!("invalid {key}")
        }
    } else if let Some(key) = keyword("unknown option `") {
        if key.is_empty() {
            "an unknown parameter".to_string()
        } else {
            format!("unsupported parameter {key}")
        }
    } else if text.contains("unterminated quoted") {
        "an unterminated quoted value".to_string()
    } else {
        "malformed; expected postgres://user@host:port/database or key=value pairs".to_string()
    };
    Error::new(ErrorKind::Config, format!("{what}: {message}"))
}

fn is_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

/// The keys of a connection string's parameters: the query of a URL, every
/// key of a `key=value` string. Only called on text tokio-postgres accepted.
fn param_keys(text: &str) -> Vec<String> {
    if let Some(rest) = text
        .strip_prefix("postgres://")
        .or_else(|| text.strip_prefix("postgresql://"))
    {
        // As tokio-postgres reads a URL: credentials up to the first `@`,
        // then the query after the first `?`.
        let rest = rest.split_once('@').map_or(rest, |(_, r)| r);
        let Some((_, query)) = rest.split_once('?') else {
            return Vec::new();
        };
        return query
            .split('&')
            .filter_map(|pair| pair.split_once('=').map(|(k, _)| percent_decode(k)))
            .collect();
    }
    // key = value pairs; values may be quoted with `'` and escape with `\`.
    let mut keys = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '=' {
                break;
            }
            key.push(c);
            chars.next();
        }
        if key.is_empty() {
            break;
        }
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == '=') {
            chars.next();
        }
        if chars.peek() == Some(&'\'') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '\'' => break,
                    _ => {}
                }
            }
        } else {
            while let Some(c) = chars.next() {
                if c.is_whitespace() {
                    break;
                }
                if c == '\\' {
                    chars.next();
                }
            }
        }
        keys.push(key);
    }
    keys
}

/// A value for a `key=value` string: quoted, `'` and `\` escaped.
fn quote_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('\'');
    for c in v.chars() {
        if c == '\'' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters (as a
/// connection URL writes a user, password or database name).
pub fn percent_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%')
            .then(|| s.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn resolve(
        given: Option<&str>,
        file: Option<&str>,
        vars: &[(&str, &str)],
    ) -> Result<Option<(ConnectOptions, Origin)>> {
        ConnectOptions::resolve(given, file, &env(vars))
    }

    #[test]
    fn urls_parse_and_mask() {
        let c = ConnectOptions::parse("postgres://me:s%40cret@db.example:6543/app?sslmode=disable")
            .unwrap();
        assert_eq!(c.config().get_user(), Some("me"));
        assert_eq!(c.password(), Some(&b"s@cret"[..]));
        assert_eq!(
            c.config().get_hosts(),
            &[Host::Tcp("db.example".to_string())]
        );
        assert_eq!(c.config().get_ports(), &[6543]);
        assert_eq!(c.config().get_dbname(), Some("app"));
        assert_eq!(c.to_string(), "postgres://me:***@db.example:6543/app");
        assert_eq!(
            c.to_url(),
            "postgres://me:s%40cret@db.example:6543/app?sslmode=disable"
        );
        let again = ConnectOptions::parse(&c.to_url()).unwrap();
        assert_eq!(again.to_url(), c.to_url());
        assert!(!format!("{c:?}").contains("cret"));

        let k = ConnectOptions::parse("host=/run/pg user=u password='a b\\'c' dbname=x").unwrap();
        assert_eq!(k.password(), Some(&b"a b'c"[..]));
        assert_eq!(
            k.config().get_hosts(),
            &[Host::Unix("/run/pg".into())],
            "a path is a Unix socket directory"
        );
        let again = ConnectOptions::parse(&k.to_url()).unwrap();
        assert_eq!(again.password(), k.password());
        assert_eq!(again.config().get_hosts(), k.config().get_hosts());
        assert_eq!(again.config().get_dbname(), Some("x"));
        assert!(!format!("{k:?} {k}").contains("a b"));
    }

    #[test]
    fn errors_never_quote_the_text() {
        let cases = [
            "postgres://u:topsecret@h:notaport/db",
            "postgres://u:p@ss/w?rd#x@host/db",
            "postgres://u:%2_TOPSECRET@h/db",
            "host=h password=top secret",
            "host=h password='topsecret",
            "nonsense topsecret",
            "host=h sslmode=topsecret",
            "host=h topsecret=1",
        ];
        for text in cases {
            match ConnectOptions::parse(text) {
                Ok(o) => {
                    let shown = format!("{o} {o:?}");
                    assert!(!shown.contains("secret"), "{text}: {shown}");
                }
                Err(e) => {
                    let shown = format!("{e} {e:?}");
                    for piece in ["secret", "TOPSECRET", "rd#x", "ss/w"] {
                        assert!(!shown.contains(piece), "{text}: {shown}");
                    }
                    assert_eq!(e.kind(), ErrorKind::Config);
                }
            }
        }
        let e = ConnectOptions::parse("postgres://u:topsecret@h:notaport/db").unwrap_err();
        assert!(e.to_string().contains("invalid port"), "{e}");
        let e = resolve(None, None, &[("DATABASE_URL", "postgres://h:notaport/x")]).unwrap_err();
        assert!(e.to_string().contains("DATABASE_URL"), "{e}");
    }

    #[test]
    fn the_given_string_and_database_url_win_over_pg_variables() {
        let (c, origin) = resolve(
            None,
            Some("postgres://fileuser:filepw@filehost/filedb"),
            &[
                ("DATABASE_URL", "postgres://u@h:5433/d"),
                ("PGHOST", "other"),
                ("PGPASSWORD", "pw"),
            ],
        )
        .unwrap()
        .unwrap();
        assert_eq!(origin, Origin::DatabaseUrl);
        assert_eq!(c.config().get_user(), Some("u"));
        assert_eq!(c.config().get_dbname(), Some("d"));
        assert_eq!(c.config().get_ports(), &[5433]);
        assert_eq!(c.config().get_hosts(), &[Host::Tcp("h".into())]);
        assert_eq!(c.password(), Some(&b"pw"[..]), "PG* fill what is missing");

        let (c, origin) = resolve(
            Some("postgres://flag@flaghost/flagdb"),
            None,
            &[("DATABASE_URL", "postgres://u@h/d"), ("PGPORT", "6000")],
        )
        .unwrap()
        .unwrap();
        assert_eq!(origin, Origin::Given);
        assert_eq!(c.to_string(), "postgres://flag@flaghost:5432/flagdb");
    }

    #[test]
    fn an_empty_database_url_is_an_error_not_unset() {
        for empty in ["", " "] {
            let e =
                resolve(None, Some("postgres://u@h/d"), &[("DATABASE_URL", empty)]).unwrap_err();
            assert!(
                e.to_string().contains("DATABASE_URL is set but empty"),
                "{e}"
            );
        }
        // A connection string given by the caller still wins.
        assert!(resolve(Some("postgres://u@h/d"), None, &[("DATABASE_URL", "")]).is_ok());
    }

    #[test]
    fn pg_variables_override_a_file() {
        let (c, origin) = resolve(
            None,
            Some("postgres://fileuser:filepw@filehost/filedb"),
            &[("PGDATABASE", "envdb")],
        )
        .unwrap()
        .unwrap();
        assert_eq!(origin, Origin::File);
        assert_eq!(c.to_string(), "postgres://fileuser:***@filehost:5432/envdb");
        assert_eq!(c.password(), Some(&b"filepw"[..]));
    }

    #[test]
    fn libpq_variables_and_defaults() {
        let (c, origin) = resolve(
            None,
            None,
            &[
                ("PGHOST", "db1,db2"),
                ("PGPORT", "5432,5433"),
                ("PGUSER", "app"),
                ("PGPASSWORD", "secret"),
                ("PGAPPNAME", "svc"),
                ("PGCONNECT_TIMEOUT", "3"),
            ],
        )
        .unwrap()
        .unwrap();
        assert_eq!(origin, Origin::PgVariables);
        assert_eq!(c.config().get_hosts().len(), 2);
        assert_eq!(c.config().get_ports(), &[5432, 5433]);
        assert_eq!(c.config().get_dbname(), Some("app"), "defaults to the user");
        assert_eq!(c.config().get_application_name(), Some("svc"));
        assert_eq!(
            c.config().get_connect_timeout(),
            Some(&Duration::from_secs(3))
        );
        assert_eq!(c.to_string(), "postgres://app:***@db1:5432,db2:5433/app");

        assert!(resolve(None, None, &[("USER", "u")]).unwrap().is_none());
        let c = ConnectOptions::from_env_with(env(&[("USER", "u")])).unwrap();
        assert_eq!(c.to_string(), "postgres://u@localhost/u");
        let e = ConnectOptions::from_env_with(env(&[])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
    }

    #[test]
    fn bad_variables_are_named() {
        let e = ConnectOptions::from_env_with(env(&[("PGPORT", "x"), ("USER", "u")])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
        assert!(e.to_string().contains("PGPORT"), "{e}");
        let e = ConnectOptions::from_env_with(env(&[("USER", "u"), ("PGSSLMODE", "sometimes")]))
            .unwrap_err();
        assert!(e.to_string().contains("PGSSLMODE"), "{e}");
        assert!(e.to_string().contains("verify-full"), "{e}");
        // Every libpq mode is accepted, with the certificate settings.
        let c = ConnectOptions::from_env_with(env(&[
            ("USER", "u"),
            ("PGSSLMODE", "verify-full"),
            ("PGSSLROOTCERT", "system"),
        ]))
        .unwrap();
        assert_eq!(c.tls().mode, crate::tls::SslMode::VerifyFull);
        assert_eq!(c.tls().root_cert, Some(crate::tls::RootCert::System));
        let e = resolve(None, None, &[("PGHOST", "h1"), ("PGPORT", "1,2")]).unwrap_err();
        assert!(e.to_string().contains("2 ports for 1 host(s)"), "{e}");
    }

    #[test]
    fn several_hosts_each_with_its_port() {
        let c = ConnectOptions::parse("postgres://u@h1:5432,h2:5433/db").unwrap();
        assert_eq!(c.config().get_hosts().len(), 2);
        assert_eq!(c.config().get_ports(), &[5432, 5433]);
        assert_eq!(c.to_url(), "postgres://u@h1:5432,h2:5433/db");
        let d = ConnectOptions::parse("postgres://u@[::1]:5432,h2/db").unwrap();
        assert_eq!(d.to_url(), "postgres://u@[::1]:5432,h2:5432/db");
    }

    #[test]
    fn a_password_without_a_user() {
        let c = ConnectOptions::parse("postgres://h?password=p%40ss%2Fw%3Ard").unwrap();
        assert_eq!(c.config().get_user(), None);
        assert_eq!(c.password(), Some(&b"p@ss/w:rd"[..]));
        assert_eq!(c.to_string(), "postgres://h:5432?password=***");
        let again = ConnectOptions::parse(&c.to_url()).unwrap();
        assert_eq!(again.password(), c.password());
    }

    #[test]
    fn with_dbname_keeps_everything_else() {
        let c = ConnectOptions::parse("postgres://u:p@h:1/a?application_name=x&sslmode=disable")
            .unwrap();
        let d = c.with_dbname("a b/é");
        assert_eq!(
            d.to_url(),
            "postgres://u:p@h:1/a%20b%2F%C3%A9?application_name=x&sslmode=disable"
        );
        assert_eq!(
            ConnectOptions::parse(&d.to_url())
                .unwrap()
                .config()
                .get_dbname(),
            Some("a b/é")
        );
    }
}
