//! The DGS main job: `cargo run -p dgs` applies the example's migrations,
//! checks the models against the database, runs a short scenario through
//! the repositories and prints a summary; `cargo run -p dgs -- serve [--addr
//! 127.0.0.1:8080]` serves the HTTP API. Everything is in [`dgs::app`].

#[tokio::main]
async fn main() -> std::process::ExitCode {
    dgs::app::main().await
}
