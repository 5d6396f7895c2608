// Combining filters on two different tables.
use strata::Table;
use strata_tests::runtime_models::{Job, Lesson};

fn main() {
    let _ = Job::columns()
        .status
        .eq("queued")
        .and(Lesson::columns().topic.eq("fractions"));
}
