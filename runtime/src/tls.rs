//! TLS with libpq's semantics, on rustls: [`TlsSettings`] (`sslmode`,
//! `sslrootcert`, `sslcert`, `sslkey`) and the one connector every
//! connection strata or `schema-diff` opens uses ([`TlsSettings::connector`]).
//!
//! | `sslmode` | TLS | server certificate |
//! |---|---|---|
//! | `disable` | never | — |
//! | `allow` | only when the server refuses plaintext (tried first) | not checked |
//! | `prefer` (default) | when the server offers it | not checked |
//! | `require` | always | not checked (checked as `verify-ca` when a root certificate is configured, as libpq does) |
//! | `verify-ca` | always | signed by a trusted root |
//! | `verify-full` | always | signed by a trusted root, and issued for the host |
//!
//! Roots come from `sslrootcert` (a PEM file, or `system` for the
//! platform's store) or, as libpq, `~/.postgresql/root.crt` when it exists.
//! A client certificate comes from `sslcert`/`sslkey` (PEM) or
//! `~/.postgresql/postgresql.crt`/`.key`. As libpq, `allow` connects in plaintext
//! first and retries with TLS when the server refuses it.
//!
//! The crypto provider is rustls' `ring`, passed explicitly (no
//! process-wide default is installed). A certificate error names the check
//! that failed ([`describe`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres::config::SslMode as PgSslMode;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{Error, ErrorKind, Result};

/// libpq's `sslmode`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it, certificate not checked.
    Allow,
    /// TLS when the server offers it, certificate not checked (the
    /// default).
    #[default]
    Prefer,
    /// TLS always; certificate checked only against a configured root.
    Require,
    /// TLS always; certificate chain checked.
    VerifyCa,
    /// TLS always; chain and host name checked.
    VerifyFull,
}

impl SslMode {
    /// Reads libpq's spelling.
    pub fn parse(text: &str) -> Option<SslMode> {
        Some(match text.trim() {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    /// libpq's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// What tokio-postgres is told: whether TLS is tried or required.
    pub(crate) fn driver_mode(self) -> PgSslMode {
        match self {
            SslMode::Disable => PgSslMode::Disable,
            SslMode::Allow | SslMode::Prefer => PgSslMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => PgSslMode::Require,
        }
    }
}

/// Where trusted roots come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RootCert {
    /// A PEM file of certificates.
    File(PathBuf),
    /// The platform's trust store (`sslrootcert=system`).
    System,
}

/// The TLS part of the connection settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TlsSettings {
    /// `sslmode`.
    pub mode: SslMode,
    /// `sslrootcert`.
    pub root_cert: Option<RootCert>,
    /// `sslcert`: the client certificate (PEM).
    pub cert: Option<PathBuf>,
    /// `sslkey`: the client certificate's key (PEM).
    pub key: Option<PathBuf>,
}

fn home_file(name: &str) -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    let path = Path::new(&home).join(".postgresql").join(name);
    path.is_file().then_some(path)
}

fn config_error(what: impl Into<String>) -> Error {
    Error::new(ErrorKind::Config, what.into())
}

impl TlsSettings {
    /// Sets one of `sslmode`, `sslrootcert`, `sslcert`, `sslkey`; false for
    /// another key. The error names the key (never the value of another).
    pub(crate) fn set(&mut self, key: &str, value: &str) -> Result<bool> {
        match key {
            "sslmode" => {
                self.mode = SslMode::parse(value).ok_or_else(|| {
                    config_error(
                        "invalid value for sslmode: expected disable, allow, prefer, require, \
                         verify-ca or verify-full",
                    )
                })?;
            }
            "sslrootcert" => {
                self.root_cert = Some(if value == "system" {
                    RootCert::System
                } else {
                    RootCert::File(PathBuf::from(value))
                });
            }
            "sslcert" => self.cert = Some(PathBuf::from(value)),
            "sslkey" => self.key = Some(PathBuf::from(value)),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The connector for these settings. Reads the certificate files now,
    /// so a missing or unreadable file is an error naming it.
    pub fn connector(&self) -> Result<MakeRustlsConnect> {
        // ring: no C build tooling beyond a C compiler (aws-lc-rs, rustls'
        // default, needs more); its deprecation is about post-quantum key
        // exchange, which PostgreSQL servers do not negotiate today.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| config_error(format!("TLS: {e}")))?;
        let root = self
            .root_cert
            .clone()
            .or_else(|| home_file("root.crt").map(RootCert::File));
        let verify = match (self.mode, &root) {
            (SslMode::VerifyFull, _) => Verify::Full,
            (SslMode::VerifyCa, _) => Verify::Chain,
            // libpq: `require` with a root certificate checks the chain.
            (SslMode::Require, Some(_)) if self.root_cert.is_some() => Verify::Chain,
            _ => Verify::Nothing,
        };
        let builder = match verify {
            Verify::Nothing => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(NoCheck(provider))),
            Verify::Chain | Verify::Full => {
                let Some(root) = &root else {
                    return Err(config_error(format!(
                        "sslmode={} needs trusted roots: set sslrootcert to a PEM file, or to \
                         system for the platform's store",
                        self.mode.as_str()
                    )));
                };
                let roots = Arc::new(load_roots(root)?);
                let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
                    .build()
                    .map_err(|e| config_error(format!("TLS roots: {e}")))?;
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(Checked {
                        inner: webpki,
                        check_name: verify == Verify::Full,
                    }))
            }
        };
        let cert = self.cert.clone().or_else(|| home_file("postgresql.crt"));
        let key = self.key.clone().or_else(|| home_file("postgresql.key"));
        let config = match (cert, key) {
            (Some(cert), Some(key)) => {
                let chain = load_certs(&cert)?;
                let key = PrivateKeyDer::from_pem_file(&key).map_err(|e| {
                    config_error(format!(
                        "sslkey {}: cannot read a PEM key: {e}",
                        key.display()
                    ))
                })?;
                builder
                    .with_client_auth_cert(chain, key)
                    .map_err(|e| config_error(format!("sslcert/sslkey: {e}")))?
            }
            (Some(cert), None) if self.cert.is_some() => {
                return Err(config_error(format!(
                    "sslcert {} is set but sslkey is not",
                    cert.display()
                )))
            }
            _ => builder.with_no_client_auth(),
        };
        Ok(MakeRustlsConnect::new(config))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verify {
    Nothing,
    Chain,
    Full,
}

fn load_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let certs: std::result::Result<Vec<_>, _> = CertificateDer::pem_file_iter(path)
        .map_err(|e| config_error(format!("{}: cannot read certificates: {e}", path.display())))?
        .collect();
    let certs = certs
        .map_err(|e| config_error(format!("{}: cannot read certificates: {e}", path.display())))?;
    if certs.is_empty() {
        return Err(config_error(format!(
            "{}: no PEM certificate in the file",
            path.display()
        )));
    }
    Ok(certs)
}

fn load_roots(root: &RootCert) -> Result<RootCertStore> {
    let mut store = RootCertStore::empty();
    match root {
        RootCert::File(path) => {
            for cert in load_certs(path)? {
                store
                    .add(cert)
                    .map_err(|e| config_error(format!("sslrootcert {}: {e}", path.display())))?;
            }
        }
        RootCert::System => {
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
            if store.is_empty() {
                return Err(config_error(
                    "sslrootcert=system: the platform's trust store has no certificate",
                ));
            }
        }
    }
    Ok(store)
}

/// Accepts any server certificate (`prefer`, `require` without roots), but
/// still checks the handshake's signatures.
#[derive(Debug)]
struct NoCheck(Arc<CryptoProvider>);

impl ServerCertVerifier for NoCheck {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// webpki's checks; for `verify-ca`, a certificate valid but issued for
/// another name is accepted.
#[derive(Debug)]
struct Checked {
    inner: Arc<WebPkiServerVerifier>,
    check_name: bool,
}

impl ServerCertVerifier for Checked {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.check_name => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Which certificate check failed, in words, when `err`'s causes hold a
/// rustls certificate error.
pub(crate) fn describe(err: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = cause {
        if let Some(rustls::Error::InvalidCertificate(c)) = e.downcast_ref::<rustls::Error>() {
            return Some(certificate_error(c));
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if let Some(inner) = io.get_ref() {
                if let Some(rustls::Error::InvalidCertificate(c)) =
                    inner.downcast_ref::<rustls::Error>()
                {
                    return Some(certificate_error(c));
                }
            }
        }
        cause = e.source();
    }
    None
}

fn certificate_error(c: &CertificateError) -> String {
    match c {
        CertificateError::UnknownIssuer => {
            "the server's certificate is not signed by a trusted root (unknown CA)".into()
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            "the server's certificate was not issued for this host name (name mismatch)".into()
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            "the server's certificate has expired".into()
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "the server's certificate is not valid yet".into()
        }
        CertificateError::Revoked => "the server's certificate is revoked".into(),
        CertificateError::BadSignature => {
            "the server's certificate does not carry a valid signature of a trusted root \
             (bad signature)"
                .into()
        }
        other => format!("the server's certificate was refused: {other:?}"),
    }
}
