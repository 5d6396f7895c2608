// `sum` of a text column, and a HAVING value of the wrong type.
use strata::aggregate::count;
use strata::Table;
use strata_tests::runtime_models::Job;

fn main() {
    let _ = Job::columns().status.sum();
    let _ = count::<Job>().gt("many");
}
