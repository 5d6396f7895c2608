//! Small text helpers: case conversion of Rust names into SQL names,
//! "did you mean" suggestions, and the printed form of a Rust type.

use quote::ToTokens;

/// `DgsLesson` → `dgs_lesson`, `HTTPServer` → `http_server`,
/// `LlmCallAudit` → `llm_call_audit`; an existing `_` is kept.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                let prev = chars[i - 1];
                let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
                let boundary = prev.is_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_uppercase() && next_is_lower);
                if boundary && !out.ends_with('_') {
                    out.push('_');
                }
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `InProgress` → `in-progress`.
pub fn kebab_case(name: &str) -> String {
    snake_case(name).replace('_', "-")
}

/// The Levenshtein distance of two short words.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The candidate closest to `word`, when it is close enough to be a typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = if word.chars().count() <= 3 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `a`, `b` or `c`.
pub fn one_of<S: std::fmt::Display>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// A Rust type as a person writes it: `Option<Vec<String>>`, not
/// `Option < Vec < String > >`.
pub fn type_string(ty: &syn::Type) -> String {
    let raw = ty.to_token_stream().to_string();
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = out.chars().last();
            let next = chars.peek().copied();
            let glue_prev = matches!(prev, Some('<' | ':' | '&' | '(' | '['));
            let glue_next = matches!(next, Some('<' | '>' | ':' | ',' | ';' | ')' | ']'));
            if glue_prev || glue_next {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let cases = [
            ("DgsLesson", "dgs_lesson"),
            ("LlmCallAudit", "llm_call_audit"),
            ("HTTPServer", "http_server"),
            ("Job", "job"),
            ("ABC", "abc"),
            ("Level2Item", "level2_item"),
            ("already_snake", "already_snake"),
            ("Snake_Case", "snake_case"),
            ("InProgress", "in_progress"),
        ];
        for (input, want) in cases {
            assert_eq!(snake_case(input), want, "{input}");
        }
        assert_eq!(kebab_case("InProgress"), "in-progress");
    }

    #[test]
    fn suggestions() {
        let keys = ["name", "schema", "primary_key", "index"];
        assert_eq!(did_you_mean("nmae", keys), Some("name"));
        assert_eq!(did_you_mean("primary", keys), None);
        assert_eq!(did_you_mean("indx", keys), Some("index"));
        assert_eq!(did_you_mean("zzz", keys), None);
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(one_of(&["a"]), "`a`");
    }

    #[test]
    fn types_print_like_source() {
        let cases = [
            ("Option<Vec<String>>", "Option<Vec<String>>"),
            (
                "chrono::DateTime<chrono::Utc>",
                "chrono::DateTime<chrono::Utc>",
            ),
            ("::std::string::String", "::std::string::String"),
            ("(i32, String)", "(i32, String)"),
            ("[u8; 4]", "[u8; 4]"),
            ("&'static str", "&'static str"),
        ];
        for (input, want) in cases {
            let ty: syn::Type = syn::parse_str(input).unwrap();
            assert_eq!(type_string(&ty), want);
        }
    }
}
