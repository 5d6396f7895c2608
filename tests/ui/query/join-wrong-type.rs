// A join condition between columns of different Rust types.
use strata::Executor;
use strata_tests::runtime_models::{Job, Lesson};

fn demo(db: &strata::Session) {
    let _ = db.select::<Job>().join::<Lesson>(|j, l| j.attempts.on(l.topic));
}

fn main() {
    let _ = demo as fn(&strata::Session);
}
