//! Errors of migration files ([`MigrationFileError`]: file, line, what) and
//! of the revision graph and targets ([`HistoryError`]: duplicates, missing
//! parents, cycles, unknown or ambiguous revisions, several heads, targets
//! that do not resolve, new revisions that cannot be written). Start at
//! [`HistoryError`].

use std::path::PathBuf;

/// A migration file that cannot be read or parsed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MigrationFileError {
    /// The file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file does not follow the format.
    #[error("{}:{line}: {what}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The 1-based line at fault.
        line: usize,
        /// What is wrong there.
        what: String,
    },
    /// A statement PostgreSQL's parser does not accept (`lint` reads files
    /// whose SQL was not checked when loaded).
    #[error("{}:{line}:{column}: the {section} section does not parse: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The 1-based file line where the parser stopped.
        line: usize,
        /// The 1-based column (in characters) in that line.
        column: usize,
        /// `up` or `down`.
        section: &'static str,
        /// PostgreSQL's message.
        message: String,
    },
}

/// A parent revision that no file has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingParent {
    /// The file naming it.
    pub file: PathBuf,
    /// The line of its `-- parents:` header.
    pub line: usize,
    /// The revision of that file.
    pub revision: String,
    /// The parent that is missing.
    pub parent: String,
    /// The migrations directory.
    pub dir: PathBuf,
}

fn missing_text(missing: &[MissingParent]) -> String {
    missing
        .iter()
        .map(|m| {
            format!(
                "{}:{}: parent revision `{}` of `{}` is not in {}",
                m.file.display(),
                m.line,
                m.parent,
                m.revision,
                m.dir.display()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn cycle_text(revisions: &[(String, PathBuf)]) -> String {
    revisions
        .iter()
        .map(|(r, p)| format!("{r} ({})", p.display()))
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// A revision graph that cannot be built, or a target it cannot resolve.
/// Revisions in lists are described as `id (message)`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// The migrations directory does not exist.
    #[error("the migrations directory {} does not exist", dir.display())]
    NoDirectory {
        /// The directory.
        dir: PathBuf,
    },
    /// The migrations directory cannot be read.
    #[error("cannot read {}: {source}", dir.display())]
    ReadDirectory {
        /// The directory.
        dir: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Two files have the same revision id.
    #[error("duplicate revision id `{revision}` in {} and {}", first.display(), second.display())]
    DuplicateRevision {
        /// The id.
        revision: String,
        /// One file.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// Files name parents no file has.
    #[error("{}", missing_text(missing))]
    MissingParents {
        /// Each missing parent, with the file and line naming it.
        missing: Vec<MissingParent>,
    },
    /// The parents form a cycle.
    #[error("the revision graph has a cycle: {}", cycle_text(revisions))]
    Cycle {
        /// The revisions of the cycle with their files, the first repeated
        /// at the end.
        revisions: Vec<(String, PathBuf)>,
    },
    /// No revision has this id or prefix.
    #[error("no revision `{revision}` in {}", dir.display())]
    UnknownRevision {
        /// The id or prefix.
        revision: String,
        /// The migrations directory.
        dir: PathBuf,
    },
    /// A prefix matches several revisions.
    #[error("revision prefix `{prefix}` is ambiguous; it matches {}", candidates.join(", "))]
    AmbiguousPrefix {
        /// The prefix.
        prefix: String,
        /// The revisions it matches.
        candidates: Vec<String>,
    },
    /// `head` (or a new revision's parent) is asked for, but the graph has
    /// several heads.
    #[error("there are {} heads: {}; name one, use `heads` for all of them, or join them with a merge revision", heads.len(), heads.join(", "))]
    SeveralHeads {
        /// The heads.
        heads: Vec<String>,
    },
    /// A target that does not parse.
    #[error("invalid target `{text}`: expected head, heads, base, current, a revision id or prefix, +N, -N, head-1 or <rev>+N")]
    InvalidTarget {
        /// The text.
        text: String,
    },
    /// A range that is not `FROM:TO`.
    #[error("invalid range `{text}`: expected FROM:TO (either side may be empty)")]
    InvalidRange {
        /// The text.
        text: String,
    },
    /// `heads+1` and the like.
    #[error("`{target}`: relative steps from `heads` are ambiguous; use `head` or a revision")]
    RelativeToHeads {
        /// The target.
        target: String,
    },
    /// A target relative to the database's state, where there is none.
    #[error("`{target}` is relative to the database's current revision, which offline mode does not know; name the revisions (e.g. `FROM:TO`)")]
    NeedsCurrent {
        /// The target.
        target: String,
    },
    /// A relative step from a state with several heads.
    #[error("`{target}` is ambiguous: {} revisions are heads ({}); name a revision instead", heads.len(), heads.join(", "))]
    AmbiguousStep {
        /// The target.
        target: String,
        /// The heads of the state it starts from.
        heads: Vec<String>,
    },
    /// A step forward from a revision with several children.
    #[error("`{target}` is ambiguous: {revision} has {} children ({}); name a revision instead", children.len(), children.join(", "))]
    SeveralChildren {
        /// The target.
        target: String,
        /// The revision (`base` for the start).
        revision: String,
        /// Its children.
        children: Vec<String>,
    },
    /// More steps forward than revisions follow.
    #[error("`{target}`: cannot move {steps} steps forward, only {available} revision(s) follow")]
    TooFarForward {
        /// The target.
        target: String,
        /// The steps asked for.
        steps: u64,
        /// The steps there are.
        available: u64,
    },
    /// More steps back than revisions precede.
    #[error("`{target}`: cannot move {steps} steps back, only {available} revision(s) precede")]
    TooFarBack {
        /// The target.
        target: String,
        /// The steps asked for.
        steps: u64,
        /// The steps there are.
        available: u64,
    },
    /// A revision id given for a new file that is not valid.
    #[error("invalid revision id `{id}`: use letters, digits and `_`")]
    InvalidRevisionId {
        /// The id.
        id: String,
    },
    /// A revision id given for a new file that a file already has.
    #[error("revision id `{id}` is taken by {}", path.display())]
    RevisionIdTaken {
        /// The id.
        id: String,
        /// The file that has it.
        path: PathBuf,
    },
    /// The parent given for a new revision is not one revision.
    #[error("the parent of a new revision is one revision (or `head`), not `{target}`")]
    NotOneParent {
        /// The target given.
        target: String,
    },
    /// A merge of revisions that are on one line of history.
    #[error("nothing to merge: {} resolve(s) to a single line of history ({})", named.join(" "), resolved.join(", "))]
    NothingToMerge {
        /// The revisions named.
        named: Vec<String>,
        /// The heads they resolve to.
        resolved: Vec<String>,
    },
    /// A target that should name one revision names none (`base`).
    #[error("`{target}` is base: no revision to show")]
    NoRevision {
        /// The target.
        target: String,
    },
    /// A target that should name one revision names several.
    #[error("`{target}` stands for {} revisions ({}); name one", revisions.len(), revisions.join(", "))]
    SeveralRevisions {
        /// The target.
        target: String,
        /// The revisions.
        revisions: Vec<String>,
    },
    /// A replay (autogenerate's starting point) to several heads that are
    /// not all the heads of the history.
    #[error("cannot replay to several heads ({}) at once; merge them first", heads.join(", "))]
    ReplaySeveralHeads {
        /// The heads.
        heads: Vec<String>,
    },
    /// An idempotent baseline asked for where revisions exist.
    #[error("an idempotent baseline is the first revision; {} already has revisions", dir.display())]
    BaselineNotFirst {
        /// The migrations directory.
        dir: PathBuf,
    },
}
