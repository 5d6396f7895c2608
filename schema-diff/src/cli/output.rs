//! Output: [`Out`] prints result lines, notes, SQL scripts and JSON
//! documents, masking every configured password in messages; [`error_text`]
//! is the readable text of an error, with the flags that answer it. The only
//! place that prints. Start at [`Out`].

use super::args::Format;
use super::Failure;
use crate::config::mask_secrets;
use crate::error::{ConfigError, Error, HistoryError, Problem, RunError, SourceError};

/// Prints results and notes; masks every known password.
#[derive(Clone, Debug)]
pub struct Out {
    format: Format,
    secrets: Vec<String>,
}

impl Out {
    /// Output in `format`, masking `secrets` in messages.
    pub fn new(format: Format, secrets: Vec<String>) -> Out {
        Out { format, secrets }
    }

    /// `text` with every known password masked (for text put into a JSON
    /// document, which [`Out::document`] prints as given).
    pub fn mask(&self, text: &str) -> String {
        mask_secrets(text, &self.secrets)
    }

    /// The same output, masking `more` secrets too (the passwords of
    /// targets read from a file or a query).
    pub fn with_secrets(&self, more: impl IntoIterator<Item = String>) -> Out {
        let mut out = self.clone();
        out.secrets
            .extend(more.into_iter().filter(|s| !s.is_empty()));
        out
    }

    /// True for `--format json`.
    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// A result line (standard output; text format only).
    pub fn line(&self, text: &str) {
        if !self.json() {
            emit(&mut std::io::stdout(), &format!("{}\n", self.mask(text)));
        }
    }

    /// An SQL script on standard output, in either format, exactly as
    /// generated: it comes from the migration files or the models, never
    /// from the connection settings, and masking would change it (a
    /// password such as `postgres` turned `OWNER TO postgres` into
    /// `OWNER TO ***` in the offline script).
    pub fn raw(&self, text: &str) {
        emit(&mut std::io::stdout(), text);
    }

    /// A note (standard error), in either format.
    pub fn note(&self, text: &str) {
        emit(&mut std::io::stderr(), &format!("{}\n", self.mask(text)));
    }

    /// The JSON document (JSON format only), exactly: like [`Out::raw`] it
    /// is built from schemas, files and the revision graph, never from the
    /// connection settings, and it carries SQL that masking would change.
    pub fn document(&self, value: &serde_json::Value) {
        if self.json() {
            let text = serde_json::to_string_pretty(value).unwrap_or_default();
            emit(&mut std::io::stdout(), &format!("{text}\n"));
        }
    }

    /// An error: one line (plus context lines) on standard error.
    pub fn error(&self, e: &Error) {
        self.error_text(&error_text(e));
    }

    /// An error's text: on standard error, and with `--format json` also as
    /// the document `{"error": "..."}` on standard output (a consumer of the
    /// JSON never sees an empty output).
    fn error_text(&self, text: &str) {
        let text = self.mask(text);
        emit(&mut std::io::stderr(), &format!("error: {text}\n"));
        if self.json() {
            let doc = serde_json::json!({ "error": text });
            let doc = serde_json::to_string_pretty(&doc).unwrap_or_default();
            emit(&mut std::io::stdout(), &format!("{doc}\n"));
        }
    }

    /// A failed command: its error, with the command's own hint.
    pub(crate) fn failure(&self, f: &Failure) {
        let text = match f {
            Failure::Error(e) => error_text(e),
            Failure::Hinted(e, hint) => format!("{}{hint}", error_text(e)),
            Failure::Usage(text) => text.clone(),
        };
        self.error_text(&text);
    }
}

/// Writes `text` and flushes; a closed pipe (`schema-diff history | head
/// -1`) or any other write error ends the output quietly instead of
/// panicking as `println!` does.
fn emit(to: &mut dyn std::io::Write, text: &str) {
    let _ = to.write_all(text.as_bytes()).and_then(|()| to.flush());
}

/// The readable text of an error as the command line prints it: the
/// library's message (PostgreSQL's message, detail and hint for server
/// errors), with the flags that answer it where the library names a setting
/// (`--allow-drops`, `--allow-edited`, `--purge`, `--models`, ...).
pub fn error_text(e: &Error) -> String {
    match e {
        Error::Config(ConfigError::NoModels { file }) => format!(
            "no models command configured: set `models` in {file} (a command that prints the models as schema JSON, e.g. one calling strata::export_models) or pass --models CMD"
        ),
        // The project's "given connection string" is the flag.
        Error::Config(ConfigError::Connection { source }) => source
            .to_string()
            .replace("the given connection string", "--database-url"),
        Error::History(HistoryError::NoDirectory { .. }) => {
            format!("{e} (create it with `schema-diff init`)")
        }
        Error::History(HistoryError::SeveralHeads { heads }) => format!(
            "there are {} heads: {}; name one, use `heads` for all of them, or join them with `schema-diff merge -m MSG heads`",
            heads.len(),
            heads.join(", ")
        ),
        Error::History(HistoryError::NotOneParent { target }) => {
            format!("--head takes one revision (or `head`), not `{target}`")
        }
        Error::History(HistoryError::BaselineNotFirst { dir }) => format!(
            "--idempotent writes a baseline, the first revision; {} already has revisions",
            dir.display()
        ),
        Error::Run(RunError::Refused { problems }) => {
            let list: Vec<String> = problems.iter().map(Problem::to_string).collect();
            let mut hints = Vec::new();
            if problems.iter().any(|p| matches!(p, Problem::Edited { .. })) {
                hints.push("restore the edited file, or pass --allow-edited (`stamp` records the file's new checksum)");
            }
            if problems.iter().any(|p| matches!(p, Problem::Missing { .. })) {
                hints.push("restore the missing file, or pass --allow-missing");
            }
            format!("refusing to run: {}\n{}", list.join("; "), hints.join("; "))
        }
        Error::Run(RunError::DestructiveDowngrade { statements }) => format!(
            "downgrade refused: it would delete data (nothing was run); pass --allow-drops to run it anyway:\n{}",
            statements
                .iter()
                .map(|s| format!("  {}:{}: {}", s.file.display(), s.line, s.text))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Error::Run(RunError::UnknownRevisionsRecorded {
            table,
            dir,
            revisions,
        }) => format!(
            "cannot stamp: {table} records revisions that are not in {}: {}; pass --purge to remove them",
            dir.display(),
            revisions.join(", ")
        ),
        Error::Source(SourceError::Replay { dir, source }) => format!(
            "replaying {} into a scratch database failed: {}",
            dir.display(),
            error_text(source)
        ),
        Error::Source(SourceError::ScratchServer { server, source }) => format!(
            "cannot create a scratch database on {server}: {}\n(scratch databases hold the models and the replayed history; set --scratch-url or SCHEMA_DIFF_SCRATCH_URL to a server where you may create databases)",
            error_text(source)
        ),
        other => other.text(),
    }
}
