//! The runtime's modules are layers: a module of `src/` may name (`crate::x`)
//! only modules declared before it in `src/lib.rs`, plus `schema` and
//! `ident` (the `strata-model` crate, below everything). This test reads the
//! sources and names every `crate::` path that points up or sideways, so an
//! import cycle cannot come back unnoticed. Comments are not checked: docs
//! may point anywhere.

use std::path::{Path, PathBuf};

/// Modules from other crates, re-exported at the root, below every layer.
const MODEL: &[&str] = &["schema", "ident"];

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The modules `lib.rs` declares, in declaration order.
fn declared(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = ["pub mod ", "pub(crate) mod ", "mod "]
                .iter()
                .find_map(|p| line.strip_prefix(p))?;
            rest.strip_suffix(';').map(str::to_string)
        })
        .collect()
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first segment of every `crate::` path in the code (not the comments)
/// of `text`, with its line number.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                // `use crate::{a, b}`: check each name.
                let group = rest
                    .strip_prefix('{')
                    .and_then(|g| g.split('}').next())
                    .unwrap_or("");
                for item in group.split(',') {
                    let item: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !item.is_empty() {
                        out.push((n + 1, item));
                    }
                }
            } else {
                out.push((n + 1, name));
            }
        }
    }
    out
}

#[test]
fn modules_use_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let order = declared(&read(&src.join("lib.rs")));
    assert!(!order.is_empty(), "no `mod` lines found in src/lib.rs");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap_or(file);
        if rel == Path::new("lib.rs") {
            continue;
        }
        // `x.rs` and `x/...` belong to module `x`.
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy());
        let module = first
            .as_deref()
            .map(|f| f.strip_suffix(".rs").unwrap_or(f).to_string())
            .unwrap_or_default();
        let Some(rank) = order.iter().position(|m| *m == module) else {
            problems.push(format!(
                "src/{}: module `{module}` is not declared in lib.rs",
                rel.display()
            ));
            continue;
        };
        for (line, name) in crate_paths(&read(file)) {
            if name == module || MODEL.contains(&name.as_str()) {
                continue;
            }
            match order.iter().position(|m| *m == name) {
                Some(r) if r < rank => {}
                Some(_) => problems.push(format!(
                    "src/{}:{line}: `{module}` uses `crate::{name}`, which is declared after it in lib.rs (a higher layer)",
                    rel.display()
                )),
                None => problems.push(format!(
                    "src/{}:{line}: `crate::{name}` is not a module: name the module it comes from, so the layering shows",
                    rel.display()
                )),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering of runtime/src (module order: {}):\n{}",
        order.join(" < "),
        problems.join("\n")
    );
}

#[test]
fn the_checker_sees_paths() {
    let text = "use crate::conn::Conn;\n/// [`crate::pool`]\nuse crate::{error, table::Table};\n    _ => &crate::table::NULL_PARAM,\n::strata::x; $crate::y";
    let found: Vec<String> = crate_paths(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(found, ["conn", "error", "table", "table"]);
}
