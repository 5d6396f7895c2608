//! Prints the DGS models as JSON: the models command of `schema-diff.toml`.
fn main() {
    strata::export_models(&dgs::models::registry());
}
