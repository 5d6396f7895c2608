fn main() {
    eprintln!("schema-diff: not built yet");
    std::process::exit(2);
}
