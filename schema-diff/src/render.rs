//! Render a [`Plan`] as SQL: [`render_up`] writes the steps in order,
//! [`render_down`] their inverses in reverse order. One statement per line
//! group, each step introduced by its summary as a `--` comment, hazards,
//! notes (rename hints) and withheld ops as comments too, so the file reads
//! well in review. Pure: no I/O. Start reading at [`render_up`]; the tests
//! of plan and render together are in `plan/tests.rs`.

use std::fmt::Write;

use crate::plan::{Hazard, LockLevel, Plan, Risk};

/// `-- lock: ...` for a step that locks an existing table, when it says
/// more than the hazards: a lock weaker than ACCESS EXCLUSIVE, or how long
/// it is held (while the table is rewritten or its rows read).
fn lock_line(out: &mut String, r: &Risk) {
    let Some(lock) = r.lock else {
        return;
    };
    let text = match r.scan_lock {
        Some(l) if r.rewrites => format!("{l}, held while the table is rewritten"),
        Some(l) if l == lock => format!("{lock}, held while every row is read"),
        Some(l) => format!(
            "{lock} briefly; the rows are read under {l}{}",
            if l.blocks_writes() {
                ""
            } else {
                " (reads and writes go on)"
            }
        ),
        None if lock == LockLevel::AccessExclusive => return,
        None => lock.to_string(),
    };
    let _ = writeln!(out, "-- lock: {text}");
}

/// Writes `text` as `--` comment lines, each prefixed with `prefix`.
fn comment(out: &mut String, prefix: &str, text: &str) {
    // PostgreSQL ends a `--` comment at a carriage return as well as at a
    // line feed: a name holding one must not end the comment and turn the
    // rest of it into a statement.
    for line in text.split(['\n', '\r']).filter(|l| !l.is_empty()) {
        let _ = writeln!(out, "-- {prefix}{line}");
    }
}

/// The up migration: notes first, then each step (summary, hazards,
/// statements), then the withheld ops as comments with the reason and how to
/// include them.
pub fn render_up(plan: &Plan) -> String {
    let mut out = String::new();
    for n in &plan.notes {
        comment(&mut out, "note: ", n);
    }
    if !plan.notes.is_empty() {
        out.push('\n');
    }
    for step in &plan.steps {
        comment(&mut out, "", &step.summary);
        for h in &step.hazards {
            let _ = writeln!(out, "-- hazard: {h}");
        }
        lock_line(&mut out, &step.risk);
        if step.non_transactional {
            let _ = writeln!(out, "-- runs outside a transaction");
        }
        for s in &step.up {
            let _ = writeln!(out, "{s};");
        }
        out.push('\n');
    }
    for w in &plan.withheld {
        comment(&mut out, "withheld: ", &w.summary);
        comment(&mut out, "  ", &w.reason);
        let _ = writeln!(
            out,
            "--   not run: include it by allowing drops (PlanOptions::allow_drops)"
        );
        for s in &w.up {
            comment(&mut out, "  ", &format!("{s};"));
        }
        out.push('\n');
    }
    finish(out)
}

/// The down migration: the inverse of every step, last step first. A step
/// that deleted data gets a note: its inverse re-creates the definition, not
/// the data.
pub fn render_down(plan: &Plan) -> String {
    let mut out = String::new();
    // A step whose inverse runs nothing (a new object's owner goes with
    // the object) is left out.
    for step in plan.steps.iter().rev().filter(|s| !s.down.is_empty()) {
        comment(&mut out, "undo: ", &step.summary);
        if step.hazards.contains(&Hazard::DeletesData) {
            let _ = writeln!(
                out,
                "-- note: re-creates the definition only; the data the up migration deleted is not restored"
            );
        }
        for h in &step.down_hazards {
            let _ = writeln!(out, "-- hazard: {h}");
        }
        lock_line(&mut out, &step.down_risk);
        if step.down_non_transactional {
            let _ = writeln!(out, "-- runs outside a transaction");
        }
        for s in &step.down {
            let _ = writeln!(out, "{s};");
        }
        out.push('\n');
    }
    finish(out)
}

/// Ends the text with exactly one newline (empty stays empty).
fn finish(mut out: String) -> String {
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::comment;

    #[test]
    fn a_carriage_return_cannot_end_a_comment() {
        let mut out = String::new();
        comment(&mut out, "", "+ table \"x\rDROP TABLE keep;--\"\r\nnext");
        assert_eq!(out, "-- + table \"x\n-- DROP TABLE keep;--\"\n-- next\n");
        assert!(out.lines().all(|l| l.starts_with("-- ")), "{out:?}");
    }
}
