//! Output: [`Out`] prints result lines, notes, SQL scripts and JSON
//! documents, masking every configured password in messages; [`error_text`]
//! is the readable text of an error. The only place that prints.

use super::args::Format;
use crate::config::mask_secrets;
use crate::error::Error;

/// Prints results and notes; masks every known password.
pub struct Out {
    pub(super) format: Format,
    pub(super) secrets: Vec<String>,
}

impl Out {
    fn mask(&self, text: &str) -> String {
        mask_secrets(text, &self.secrets)
    }

    /// True for `--format json`.
    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// A result line (standard output; text format only).
    pub fn line(&self, text: &str) {
        if !self.json() {
            println!("{}", self.mask(text));
        }
    }

    /// An SQL script on standard output, in either format, exactly as
    /// generated: it comes from the migration files or the models, never
    /// from the connection settings, and masking would change it (a
    /// password such as `postgres` turned `OWNER TO postgres` into
    /// `OWNER TO ***` in the offline script).
    pub fn raw(&self, text: &str) {
        print!("{text}");
    }

    /// A note (standard error), in either format.
    pub fn note(&self, text: &str) {
        eprintln!("{}", self.mask(text));
    }

    /// The JSON document (JSON format only), exactly: like [`Out::raw`] it
    /// is built from schemas, files and the revision graph, never from the
    /// connection settings, and it carries SQL that masking would change.
    pub fn document(&self, value: &serde_json::Value) {
        if self.json() {
            let text = serde_json::to_string_pretty(value).unwrap_or_default();
            println!("{text}");
        }
    }

    /// An error: one line (plus context lines) on standard error.
    pub fn error(&self, e: &Error) {
        eprintln!("error: {}", self.mask(&error_text(e)));
    }
}

/// The readable text of an error (PostgreSQL's message, detail and hint for
/// server errors).
pub fn error_text(e: &Error) -> String {
    match e {
        Error::Db(db) => crate::runner::describe_pg_error(db),
        other => other.to_string(),
    }
}
