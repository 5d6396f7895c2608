//! The commands: each calls one method of the [`Project`] and formats what
//! it returns, as readable lines or one JSON document (the formats the
//! command line has always printed). Progress goes through [`progress`],
//! the project's observer. Nothing here decides anything the library does.
//! Start at `check` or `upgrade`.

use serde_json::json;

use super::output::Out;
use super::{Failure, EXIT_DIFFERENCES, EXIT_OK};
use crate::error::{Direction, Error, HistoryError};
use crate::migrations::{parse_range, Target};
use crate::plan::PlanOptions;
use crate::project::{
    AutogenerateOptions, HistorySource, NewRevision, Progress, Project, RevisionInfo,
    RevisionReport, RunReport, Source,
};
use crate::project::{FleetCommand, FleetOutcome, FleetReport, TargetResult};
use crate::project::{LintOptions, LintSelection};
use crate::runner::RunOptions;

/// `<base>`, one parent, or `(p1, p2)`.
fn parents_text(parents: &[String]) -> String {
    match parents {
        [] => "<base>".to_string(),
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
    }
}

/// The project's observer: progress lines on standard error.
pub(super) fn progress(out: Out) -> impl Fn(&Progress<'_>) + Send + Sync + 'static {
    move |p| {
        if let Some(text) = progress_text(p) {
            out.note(&text);
        }
    }
}

/// The line a progress event prints, if any.
fn progress_text(p: &Progress<'_>) -> Option<String> {
    Some(match p {
        Progress::ThrowawayServer { port } => format!(
            "schema-diff: no database configured (DATABASE_URL, PG* variables, --database-url); using a throwaway PostgreSQL server on 127.0.0.1:{port}, removed on exit"
        ),
        Progress::Waiting => "Waiting for another migrator to release the lock ...".to_string(),
        Progress::Retry {
            migration: m,
            attempt,
            of,
            wait,
        } => format!(
            "{}: a lock was not granted within the lock timeout; rolled back, retry {attempt} of {of} in {} s",
            m.revision,
            wait.as_secs()
        ),
        Progress::Start {
            migration: m,
            direction,
        } => {
            let step = match direction {
                Direction::Up => format!("{} -> {}", parents_text(&m.parents), m.revision),
                Direction::Down => format!("{} -> {}", m.revision, parents_text(&m.parents)),
            };
            let msg = if m.message.is_empty() {
                String::new()
            } else {
                format!(", {}", m.message)
            };
            format!("Running {} {step}{msg}", direction.verb())
        }
        Progress::Done {
            migration: m,
            elapsed,
            ..
        } => format!("  done {} in {} ms", m.revision, elapsed.as_millis()),
        // An empty history is obvious; any other source is said.
        Progress::HistoryState {
            source: HistorySource::Empty,
        } => return None,
        Progress::HistoryState { source } => {
            format!("The state the migrations produce: {source}.")
        }
        Progress::OnTarget { target, progress } => {
            format!("[{target}] {}", progress_text(progress)?.trim_start())
        }
        Progress::TargetFinished {
            target,
            ok,
            elapsed,
        } => format!(
            "[{target}] {} in {:.2} s",
            if *ok { "finished" } else { "FAILED" },
            elapsed.as_secs_f64()
        ),
        _ => return None,
    })
}

/// `init`.
pub fn init(project: &Project, out: &Out) -> Result<u8, Failure> {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure::Usage(format!("cannot read the current directory: {e}")))?;
    let r = project.init(&cwd)?;
    out.line(&format!("Created {}", r.migrations.display()));
    if let Some(p) = &r.config_written {
        out.line(&format!("Wrote {}", p.display()));
    }
    out.document(&json!({
        "migrations": r.migrations.display().to_string(),
        "config_written": r.config_written.as_ref().map(|p| p.display().to_string()),
    }));
    Ok(EXIT_OK)
}

/// The arguments of `revision`.
pub struct RevisionArgs {
    pub message: String,
    pub autogenerate: bool,
    pub allow_drops: bool,
    pub empty: bool,
    pub idempotent: bool,
    pub online: bool,
    pub head: Option<String>,
    pub rev_id: Option<String>,
}

fn print_withheld(out: &Out, r: &RevisionReport) {
    if r.withheld.is_empty() {
        return;
    }
    out.line(&format!(
        "Withheld {} operation(s) that would destroy data (pass --allow-drops to include them):",
        r.withheld.len()
    ));
    for w in &r.withheld {
        out.line(&format!("  - {w}"));
    }
}

fn print_notes(out: &Out, notes: &[String]) {
    for n in notes {
        out.line(&format!("note: {n}"));
    }
}

/// `revision`: empty, or `--autogenerate`d.
pub async fn revision(project: &Project, out: &Out, args: RevisionArgs) -> Result<u8, Failure> {
    let new = NewRevision {
        message: args.message,
        parent: args.head.as_deref().map(Target::parse).transpose()?,
        rev_id: args.rev_id,
    };
    let result = if args.autogenerate {
        let options = AutogenerateOptions {
            allow_drops: args.allow_drops,
            empty: args.empty,
            idempotent: args.idempotent,
            online: args.online,
        };
        project.autogenerate(&new, options).await
    } else {
        project.revision(&new)
    };
    let r = match result {
        Ok(r) => r,
        Err(e @ Error::History(HistoryError::SeveralHeads { .. })) if new.parent.is_none() => {
            return Err(Failure::Hinted(
                Box::new(e),
                "; or pass --head REV to start a branch from one of them",
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let withheld: Vec<String> = r.withheld.iter().map(ToString::to_string).collect();
    let Some(w) = &r.written else {
        out.line("No changes: the models match the state the migrations produce; no file written.");
        print_withheld(out, &r);
        print_notes(out, &r.notes);
        out.document(&json!({
            "written": false,
            "no_changes": true,
            "withheld": withheld,
            "notes": r.notes,
        }));
        return Ok(EXIT_OK);
    };
    let summary: Vec<&String> = r.changes.iter().map(|c| &c.summary).collect();
    out.line(&format!(
        "Wrote {} ({} -> {})",
        w.path.display(),
        if w.parents.is_empty() {
            "<base>".to_string()
        } else {
            w.parents.join(", ")
        },
        w.revision
    ));
    for more in &r.also_written {
        out.line(&format!(
            "Wrote {} ({} -> {})",
            more.path.display(),
            more.parents.join(", "),
            more.revision
        ));
    }
    if !r.also_written.is_empty() {
        out.line(&format!(
            "  (online: {} revisions, the steps that run in a transaction apart from those that cannot)",
            r.also_written.len() + 1
        ));
    }
    for s in &summary {
        out.line(&format!("  {s}"));
    }
    print_withheld(out, &r);
    print_notes(out, &r.notes);
    let parts: Vec<serde_json::Value> = std::iter::once(w)
        .chain(&r.also_written)
        .map(|p| {
            json!({
                "path": p.path.display().to_string(),
                "revision": p.revision,
                "parents": p.parents,
                "transaction": p.transaction,
            })
        })
        .collect();
    out.document(&json!({
        "written": true,
        "notes": r.notes,
        "path": w.path.display().to_string(),
        "revision": w.revision,
        "parents": w.parents,
        "transaction": w.transaction,
        "parts": parts,
        "summary": summary,
        "withheld": withheld,
    }));
    Ok(EXIT_OK)
}

/// A finished upgrade or downgrade: overridden checks, the migrations run
/// and the state reached (`verb` "Applied"/"Reverted", `key` the JSON field
/// holding them).
fn report(out: &Out, r: &RunReport, verb: &str, key: &str) -> u8 {
    for p in &r.overridden {
        out.note(&format!("warning: {p} (overridden)"));
    }
    let now = if r.current.is_empty() {
        "base".to_string()
    } else {
        r.current.join(", ")
    };
    if r.steps.is_empty() {
        out.line(&format!("Nothing to do: the database is at {now}."));
    } else {
        out.line(&format!(
            "{verb} {} migration(s); the database is at {now}.",
            r.steps.len()
        ));
    }
    let ran: Vec<_> = r
        .steps
        .iter()
        .map(|s| json!({"revision": s.revision, "ms": s.ms}))
        .collect();
    let mut doc = serde_json::Map::new();
    doc.insert(key.to_string(), serde_json::Value::Array(ran));
    doc.insert("current".to_string(), json!(r.current));
    out.document(&serde_json::Value::Object(doc));
    EXIT_OK
}

/// `upgrade`, online or (`--sql`) as a script; offline, `FROM:TO` is
/// accepted (FROM defaults to base).
pub async fn upgrade(
    project: &Project,
    out: &Out,
    target: &str,
    sql: bool,
    options: RunOptions,
) -> Result<u8, Failure> {
    if sql {
        let script = if target.contains(':') {
            let (from, to) = parse_range(target)?;
            let to = to.unwrap_or(Target {
                anchor: crate::migrations::Anchor::Head,
                delta: 0,
            });
            project.upgrade_script(from.as_ref(), &to)?
        } else {
            project.upgrade_script(None, &Target::parse(target)?)?
        };
        out.raw(&script);
        return Ok(EXIT_OK);
    }
    if target.contains(':') {
        return Err(Failure::Usage(
            "a FROM:TO range is only for --sql; online, the database's state is the starting point"
                .into(),
        ));
    }
    let r = project.upgrade(&Target::parse(target)?, options).await?;
    Ok(report(out, &r, "Applied", "applied"))
}

/// `downgrade`, online or (`--sql FROM:TO`) as a script.
pub async fn downgrade(
    project: &Project,
    out: &Out,
    target: &str,
    sql: bool,
    options: RunOptions,
) -> Result<u8, Failure> {
    if sql {
        let Some((from, to)) = target
            .split_once(':')
            .map(|_| parse_range(target))
            .transpose()?
        else {
            return Err(Failure::Usage(
                "downgrade --sql needs FROM:TO (offline there is no database to start from), e.g. `head:base`".into(),
            ));
        };
        let (Some(from), Some(to)) = (from, to) else {
            return Err(Failure::Usage(
                "downgrade --sql needs both sides of FROM:TO, e.g. `head:base`".into(),
            ));
        };
        out.raw(&project.downgrade_script(&from, &to, options.allow_drops)?);
        return Ok(EXIT_OK);
    }
    let r = project.downgrade(&Target::parse(target)?, options).await?;
    Ok(report(out, &r, "Reverted", "reverted"))
}

/// `stamp`, online or (`--sql`) as a script.
pub async fn stamp(
    project: &Project,
    out: &Out,
    target: &str,
    purge: bool,
    sql: bool,
) -> Result<u8, Failure> {
    let t = Target::parse(target)?;
    if sql {
        out.raw(&project.stamp_script(&t, purge)?);
        return Ok(EXIT_OK);
    }
    let r = project.stamp(&t, purge).await?;
    let now = if r.current.is_empty() {
        "base".to_string()
    } else {
        r.current.join(", ")
    };
    out.line(&format!(
        "Stamped {now}: {} revision(s) recorded, {} removed, {} checksum(s) updated; nothing was run.",
        r.inserted.len(),
        r.deleted.len(),
        r.updated.len()
    ));
    out.document(&json!({
        "inserted": r.inserted,
        "deleted": r.deleted,
        "updated": r.updated,
        "current": r.current,
    }));
    Ok(EXIT_OK)
}

/// `current`.
pub async fn current(project: &Project, out: &Out, verbose: bool) -> Result<u8, Failure> {
    let r = project.current().await?;
    if r.current.is_empty() {
        out.line("base (nothing applied)");
    }
    for h in &r.current {
        let mark = if h.head { " (head)" } else { "" };
        let msg = match &h.message {
            Some(m) => format!(", {m}"),
            None => ", (no file)".to_string(),
        };
        out.line(&format!("{}{mark}{msg}", h.revision));
    }
    if verbose {
        for row in &r.applied {
            out.line(&format!(
                "  applied {} at {} in {} ms{}",
                row.revision,
                row.applied_at,
                row.execution_ms,
                if row.stamped { " (stamped)" } else { "" }
            ));
        }
    }
    for p in &r.problems {
        out.note(&format!("warning: {p}"));
    }
    if !r.pending.is_empty() {
        out.line(&format!("{} migration(s) pending", r.pending.len()));
    }
    out.document(&json!({
        "current": r.current.iter().map(|h| &h.revision).collect::<Vec<_>>(),
        "applied": r.applied.iter().map(|row| json!({
            "revision": row.revision, "applied_at": row.applied_at,
            "execution_ms": row.execution_ms, "stamped": row.stamped,
        })).collect::<Vec<_>>(),
        "pending": r.pending,
        "problems": r.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
    }));
    Ok(EXIT_OK)
}

/// ` (head)`, ` (branchpoint)`, ` (mergepoint)`.
fn markers(m: &RevisionInfo) -> String {
    let mut out = String::new();
    if m.is_head() {
        out.push_str(" (head)");
    }
    if m.is_branch_point() {
        out.push_str(" (branchpoint)");
    }
    if m.is_merge_point() {
        out.push_str(" (mergepoint)");
    }
    out
}

/// A revision as the JSON documents show it.
fn revision_json(m: &RevisionInfo) -> serde_json::Value {
    json!({
        "revision": m.revision,
        "parents": m.parents,
        "children": m.children,
        "message": m.message,
        "created": m.created,
        "transaction": m.transaction,
        "path": m.path.display().to_string(),
        "checksum": m.checksum,
        "head": m.is_head(),
    })
}

/// `history`.
pub async fn history(
    project: &Project,
    out: &Out,
    range: Option<&str>,
    indicate_current: bool,
    verbose: bool,
) -> Result<u8, Failure> {
    let (low, high) = match range {
        Some(r) => parse_range(r)?,
        None => (None, None),
    };
    let shown = project
        .history(low.as_ref(), high.as_ref(), indicate_current)
        .await?;
    for m in &shown {
        let applied = if indicate_current && m.applied == Some(true) {
            " (applied)"
        } else {
            ""
        };
        out.line(&format!(
            "{} -> {}{}{applied}, {}",
            parents_text(&m.parents),
            m.revision,
            markers(m),
            m.message
        ));
        if verbose {
            out.line(&format!("    path: {}", m.path.display()));
            if let Some(c) = &m.created {
                out.line(&format!("    created: {c}"));
            }
            out.line(&format!("    transaction: {}", m.transaction));
        }
    }
    out.document(&json!({
        "revisions": shown.iter().map(|m| {
            let mut v = revision_json(m);
            if let (Some(applied), Some(obj)) = (m.applied, v.as_object_mut()) {
                obj.insert("applied".into(), json!(applied));
            }
            v
        }).collect::<Vec<_>>(),
    }));
    Ok(EXIT_OK)
}

/// `heads`.
pub fn heads(project: &Project, out: &Out) -> Result<u8, Failure> {
    let heads = project.heads()?;
    for m in &heads {
        out.line(&format!("{}{}, {}", m.revision, markers(m), m.message));
    }
    out.document(&json!({
        "heads": heads.iter().map(revision_json).collect::<Vec<_>>(),
    }));
    Ok(EXIT_OK)
}

/// `branches`.
pub fn branches(project: &Project, out: &Out) -> Result<u8, Failure> {
    let points = project.branches()?;
    for b in &points {
        let m = &b.revision;
        out.line(&format!("{}{}, {}", m.revision, markers(m), m.message));
        for c in &b.children {
            out.line(&format!(
                "    -> {}{}, {}",
                c.revision,
                markers(c),
                c.message
            ));
        }
    }
    out.document(&json!({
        "branchpoints": points.iter().map(|b| revision_json(&b.revision)).collect::<Vec<_>>(),
    }));
    Ok(EXIT_OK)
}

/// `show`.
pub fn show(project: &Project, out: &Out, rev: &str) -> Result<u8, Failure> {
    let s = project.show(&Target::parse(rev)?)?;
    let m = &s.info;
    out.line(&format!("Revision: {}{}", m.revision, markers(m)));
    out.line(&format!(
        "Parents: {}",
        if m.parents.is_empty() {
            "<base>".to_string()
        } else {
            m.parents.join(", ")
        }
    ));
    if !m.children.is_empty() {
        out.line(&format!("Children: {}", m.children.join(", ")));
    }
    out.line(&format!("Path: {}", m.path.display()));
    out.line(&format!("Message: {}", m.message));
    if let Some(c) = &m.created {
        out.line(&format!("Created: {c}"));
    }
    out.line(&format!("Transaction: {}", m.transaction));
    out.line(&format!("Checksum: {}", m.checksum));
    out.line("");
    out.line("-- migrate:up");
    if !s.up.is_empty() {
        out.line(&s.up);
    }
    match &s.down {
        Some(d) => {
            out.line("-- migrate:down");
            if !d.is_empty() {
                out.line(d);
            }
        }
        None => out.line("-- (no down section: cannot be reverted)"),
    }
    let mut v = revision_json(m);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("up".into(), json!(s.up));
        obj.insert("down".into(), json!(s.down));
    }
    out.document(&v);
    Ok(EXIT_OK)
}

/// `merge`.
pub fn merge(
    project: &Project,
    out: &Out,
    message: &str,
    revisions: &[String],
    rev_id: Option<String>,
) -> Result<u8, Failure> {
    let targets = revisions
        .iter()
        .map(|r| Target::parse(r))
        .collect::<Result<Vec<_>, _>>()?;
    let new = NewRevision {
        message: message.to_string(),
        parent: None,
        rev_id,
    };
    let r = project.merge(&new, &targets)?;
    let Some(w) = &r.written else {
        return Ok(EXIT_OK);
    };
    out.line(&format!(
        "Wrote {} (({}) -> {})",
        w.path.display(),
        w.parents.join(", "),
        w.revision
    ));
    out.document(&json!({
        "path": w.path.display().to_string(),
        "revision": w.revision,
        "parents": w.parents,
    }));
    Ok(EXIT_OK)
}

/// `check`: exit 0 when the models and the database agree and nothing is
/// pending, 1 otherwise.
pub async fn check(project: &Project, out: &Out) -> Result<u8, Failure> {
    let r = project.check().await?;
    for d in &r.differences {
        out.line(d);
    }
    for p in &r.pending {
        out.line(&format!("pending migration: {p}"));
    }
    for p in &r.problems {
        out.line(&format!("problem: {p}"));
    }
    for u in &r.unmanaged {
        out.line(&format!(
            "unmanaged: {u} (the models declare no object of its kind)"
        ));
    }
    let ok = r.is_ok();
    if ok {
        out.line("The database matches the models; no migration is pending.");
    } else {
        out.line(&format!(
            "{} difference(s) between the database and the models, {} pending migration(s), {} problem(s), {} unmanaged object(s).",
            r.differences.len(),
            r.pending.len(),
            r.problems.len(),
            r.unmanaged.len()
        ));
    }
    out.document(&json!({
        "ok": ok,
        "differences": r.differences,
        "pending": r.pending.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "problems": r.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "unmanaged": r.unmanaged,
        "sql": r.comparison.up,
        "changes": r.comparison.changes,
    }));
    Ok(if ok { EXIT_OK } else { EXIT_DIFFERENCES })
}

/// `lint`: one line per finding, `path:line: rule: message` (allowed ones
/// with their reason); exit 1 when a finding is not allowed.
pub async fn lint(
    project: &Project,
    out: &Out,
    all: bool,
    range: Option<&str>,
    down: bool,
) -> Result<u8, Failure> {
    let selection = match (all, range) {
        (true, _) => LintSelection::All,
        (false, Some(r)) => {
            let (from, to) = parse_range(r)?;
            LintSelection::Range(from, to)
        }
        (false, None) => LintSelection::Pending,
    };
    let r = project.lint(&LintOptions { selection, down }).await?;
    if let Some(why) = &r.fell_back {
        out.note(&format!(
            "schema-diff: {why}; linting every migration file (as with --all)"
        ));
    }
    // Paths relative to the current directory when they are under it.
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = |p: &std::path::Path| p.strip_prefix(&cwd).unwrap_or(p).display().to_string();
    for f in &r.findings {
        match &f.allowed {
            None => out.line(&format!(
                "{}:{}: {}: {}",
                shown(&f.file),
                f.line,
                f.rule,
                f.message
            )),
            Some(reason) => out.line(&format!(
                "{}:{}: {}: allowed ({reason})",
                shown(&f.file),
                f.line,
                f.rule
            )),
        }
    }
    let allowed = r.findings.iter().filter(|f| f.is_allowed()).count();
    let failing = r.findings.len() - allowed;
    out.line(&format!(
        "Linted {} migration file(s): {failing} finding(s), {allowed} allowed.",
        r.files.len()
    ));
    if failing > 0 {
        out.line("Fix them, or allow one with a comment above its statement: `-- lint: allow <rule> -- <why it is safe here>`.");
    }
    out.document(&json!({
        "ok": r.is_ok(),
        "files": r.files.iter().map(|f| json!({
            "revision": f.revision,
            "path": shown(&f.path),
        })).collect::<Vec<_>>(),
        "all_files_because": r.fell_back,
        "findings": r.findings.iter().map(|f| json!({
            "file": shown(&f.file),
            "line": f.line,
            "rule": f.rule.id(),
            "message": f.message,
            "statement": f.statement,
            "section": f.section,
            "allowed": f.is_allowed(),
            "reason": f.allowed,
        })).collect::<Vec<_>>(),
    }));
    Ok(if r.is_ok() { EXIT_OK } else { EXIT_DIFFERENCES })
}

/// `diff --from A --to B`: the SQL that turns A into B (exit 0 also when
/// nothing differs).
pub async fn diff(
    project: &Project,
    out: &Out,
    from: &str,
    to: &str,
    allow_drops: bool,
    online: bool,
) -> Result<u8, Failure> {
    let from = Source::parse(from)?;
    let to = Source::parse(to)?;
    let c = project
        .compare(
            &from,
            &to,
            &PlanOptions {
                allow_drops,
                concurrently: false,
                online: online || project.config().online,
            },
        )
        .await?;
    let sql = if c.is_empty() {
        "-- no differences\n".to_string()
    } else {
        c.up.clone()
    };
    if out.json() {
        out.document(&json!({
            "sql": sql,
            "down": c.down,
            "summary": c.changes.iter().map(|s| &s.summary).collect::<Vec<_>>(),
            "changes": c.changes,
            "withheld": c.withheld.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "no_transaction": c.no_transaction,
        }));
    } else {
        out.raw(&sql);
        if !c.withheld.is_empty() {
            out.note(&format!(
                "withheld {} operation(s) that would destroy data (pass --allow-drops to include them)",
                c.withheld.len()
            ));
        }
    }
    Ok(EXIT_OK)
}

/// `fleet <command>`: the command on every target, then the summary.
pub async fn fleet(
    project: &Project,
    out: &Out,
    command: super::args::FleetCommand,
    fail_fast: bool,
) -> Result<u8, Failure> {
    use super::args::FleetCommand as Cmd;
    let targets = project.fleet_targets().await?;
    let out = &out.with_secrets(targets.iter().filter_map(|t| {
        t.conn
            .password()
            .map(|p| String::from_utf8_lossy(p).into_owned())
    }));
    let command = match command {
        Cmd::List => {
            for t in &targets {
                out.line(&t.name);
            }
            let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
            out.document(&json!({ "targets": names }));
            return Ok(EXIT_OK);
        }
        Cmd::Upgrade { target, safety } => FleetCommand::Upgrade {
            target: Target::parse(target.as_deref().unwrap_or("head"))?,
            options: super::args::options(safety),
        },
        Cmd::Downgrade {
            target,
            allow_drops,
            safety,
        } => FleetCommand::Downgrade {
            target: Target::parse(&target)?,
            options: RunOptions {
                allow_drops,
                ..super::args::options(safety)
            },
        },
        Cmd::Stamp { target, purge } => FleetCommand::Stamp {
            target: Target::parse(&target)?,
            purge,
        },
        Cmd::Current => FleetCommand::Current,
        Cmd::Check => FleetCommand::Check,
    };
    out.note(&format!(
        "Fleet: {} on {} target(s), {} at a time{}",
        command.name(),
        targets.len(),
        project.config().fleet.jobs.min(targets.len()),
        if fail_fast {
            ", stopping at the first failure"
        } else {
            ""
        }
    ));
    let report = project.fleet(&targets, &command, fail_fast).await?;
    print_fleet(out, &report);
    let code = if report.failed() > 0 || report.skipped() > 0 {
        super::EXIT_ERROR
    } else if report.is_ok() {
        EXIT_OK
    } else {
        EXIT_DIFFERENCES
    };
    Ok(code)
}

/// One target's result word and detail.
fn fleet_detail(result: &TargetResult) -> (&'static str, String) {
    let outcome = match result {
        TargetResult::Failed(e) => {
            return (
                "failed",
                super::error_text(e)
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            )
        }
        TargetResult::Skipped => return ("skipped", "not started (--fail-fast)".to_string()),
        TargetResult::Done(o) => o.as_ref(),
    };
    match outcome {
        FleetOutcome::Run(r) => {
            let verb = match r.direction {
                Direction::Up => "applied",
                Direction::Down => "reverted",
            };
            let detail = if r.steps.is_empty() {
                "nothing to do".to_string()
            } else {
                format!("{} {verb}", r.steps.len())
            };
            ("ok", detail)
        }
        FleetOutcome::Stamp(r) => (
            "ok",
            format!(
                "{} recorded, {} removed, {} checksum(s) updated",
                r.inserted.len(),
                r.deleted.len(),
                r.updated.len()
            ),
        ),
        FleetOutcome::Current(r) => {
            let mut parts = vec![format!("{} pending", r.pending.len())];
            if !r.problems.is_empty() {
                parts.push(format!(
                    "{} applied file(s) edited or missing",
                    r.problems.len()
                ));
            }
            ("ok", parts.join(", "))
        }
        FleetOutcome::Check(c) => {
            if c.is_ok() {
                return ("ok", "matches the models; nothing pending".to_string());
            }
            let mut parts = Vec::new();
            if !c.differences.is_empty() {
                parts.push(format!("{} difference(s)", c.differences.len()));
            }
            if !c.pending.is_empty() {
                parts.push(format!("{} pending", c.pending.len()));
            }
            if !c.problems.is_empty() {
                parts.push(format!(
                    "{} applied file(s) edited or missing",
                    c.problems.len()
                ));
            }
            if !c.unmanaged.is_empty() {
                parts.push(format!("{} unmanaged object(s)", c.unmanaged.len()));
            }
            ("differs", parts.join(", "))
        }
    }
}

/// The fleet's summary: a table (text) or one document (JSON).
fn print_fleet(out: &Out, report: &FleetReport) {
    let state = |c: &Option<Vec<String>>| match c {
        None => "?".to_string(),
        Some(heads) if heads.is_empty() => "base".to_string(),
        Some(heads) => heads.join(","),
    };
    let rows: Vec<[String; 5]> = report
        .targets
        .iter()
        .map(|t| {
            let (word, detail) = fleet_detail(&t.result);
            [
                t.target.clone(),
                word.to_string(),
                state(&t.current),
                format!("{:.2} s", t.elapsed.as_secs_f64()),
                detail,
            ]
        })
        .collect();
    let header = ["TARGET", "RESULT", "STATE", "TIME", "DETAIL"];
    let mut width = header.map(str::len);
    for r in &rows {
        for (w, cell) in width.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 5]| {
        format!(
            "{:<w0$}  {:<w1$}  {:<w2$}  {:>w3$}  {}",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            cells[4],
            w0 = width[0],
            w1 = width[1],
            w2 = width[2],
            w3 = width[3],
        )
        .trim_end()
        .to_string()
    };
    out.line(&line(header));
    for r in &rows {
        out.line(&line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
    }
    let count = |word: &str| rows.iter().filter(|r| r[1] == word).count();
    let (ok, differs, failed, skipped) = (
        count("ok"),
        count("differs"),
        count("failed"),
        count("skipped"),
    );
    let mut totals = vec![format!("{ok} ok")];
    if report.command == "check" {
        totals.push(format!("{differs} differ"));
    }
    totals.push(format!("{failed} failed"));
    if skipped > 0 {
        totals.push(format!("{skipped} skipped"));
    }
    out.line(&format!("{} target(s): {}.", rows.len(), totals.join(", ")));
    for t in &report.targets {
        if let TargetResult::Failed(e) = &t.result {
            out.line(&format!("error on {}: {}", t.target, super::error_text(e)));
        }
    }
    let targets: Vec<serde_json::Value> = report
        .targets
        .iter()
        .zip(&rows)
        .map(|(t, r)| {
            let mut doc = json!({
                "target": t.target,
                "result": r[1],
                "current": t.current,
                "ms": u64::try_from(t.elapsed.as_millis()).unwrap_or(u64::MAX),
                "detail": out.mask(&r[4]),
            });
            match &t.result {
                TargetResult::Failed(e) => {
                    doc["error"] = json!(out.mask(&super::error_text(e)));
                }
                TargetResult::Done(o) => match o.as_ref() {
                    FleetOutcome::Run(run) => {
                        doc["steps"] = json!(run.steps);
                    }
                    FleetOutcome::Check(c) => {
                        doc["differences"] = json!(c.differences);
                        doc["pending"] = json!(c.pending);
                        doc["unmanaged"] = json!(c.unmanaged);
                    }
                    FleetOutcome::Current(c) => {
                        doc["pending"] = json!(c.pending);
                    }
                    _ => {}
                },
                TargetResult::Skipped => {}
            }
            doc
        })
        .collect();
    out.document(&json!({
        "command": report.command,
        "targets": targets,
        "summary": { "ok": ok, "differs": differs, "failed": failed, "skipped": skipped },
    }));
}
