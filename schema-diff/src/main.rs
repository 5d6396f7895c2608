//! The `schema-diff` binary: everything happens in [`schema_diff::cli`].

fn main() -> std::process::ExitCode {
    schema_diff::cli::main()
}
