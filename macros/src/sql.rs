//! Compile-time checks of the SQL text inside attributes: identifiers (length
//! limit), expressions (`default`, `check`, `where`, index expressions:
//! balanced quotes and brackets, one expression only) and `references`
//! targets. Types, index methods and referential actions are checked by
//! `strata_model`'s own parsers (`parse_column_type`, `IndexMethod::parse`,
//! `FkAction::parse`), in `attr.rs`.

use strata_model::ident::MAX_IDENTIFIER_BYTES;

/// Checks a name given as an identifier (table, column, constraint, ...).
pub fn check_identifier(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    if name.contains('\0') {
        return Err("the name contains a NUL character".into());
    }
    if name.len() > MAX_IDENTIFIER_BYTES {
        return Err(format!(
            "`{name}` is {} bytes long; PostgreSQL identifiers are at most {MAX_IDENTIFIER_BYTES} bytes (a longer one is silently truncated)",
            name.len()
        ));
    }
    Ok(())
}

/// Checks that `text` is plausibly one SQL expression: not empty, quotes and
/// brackets balanced, no `;` and no comment outside quotes. (PostgreSQL
/// checks the rest when the DDL runs.)
pub fn check_expression(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("the expression is empty".into());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    let is_ident_char = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    while i < chars.len() {
        let c = chars[i];
        let pos = i + 1;
        match c {
            '\'' => {
                // E'...' strings take backslash escapes.
                let escapes = i > 0
                    && matches!(chars[i - 1], 'e' | 'E')
                    && (i < 2 || !is_ident_char(chars[i - 2]));
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(format!(
                                "unterminated string literal: the `'` at character {pos} is never closed"
                            ))
                        }
                        Some('\\') if escapes => i += 2,
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => i += 2,
                        Some('\'') => break,
                        Some(_) => i += 1,
                    }
                }
            }
            '"' => {
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(format!(
                                "unterminated quoted identifier: the `\"` at character {pos} is never closed"
                            ))
                        }
                        Some('"') if chars.get(i + 1) == Some(&'"') => i += 2,
                        Some('"') => break,
                        Some(_) => i += 1,
                    }
                }
            }
            '$' if i == 0 || !is_ident_char(chars[i - 1]) => {
                // A dollar quote `$tag$...$tag$` (a `$1` parameter is not one).
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_alphabetic() || chars[j] == '_') {
                    j += 1;
                }
                if chars.get(j) == Some(&'$') {
                    let tag: String = chars[i..=j].iter().collect();
                    let rest: String = chars[j + 1..].iter().collect();
                    match rest.find(&tag) {
                        Some(end) => i = j + 1 + rest[..end].chars().count() + tag.chars().count() - 1,
                        None => {
                            return Err(format!(
                                "unterminated dollar-quoted string: the `{tag}` at character {pos} is never closed"
                            ))
                        }
                    }
                }
            }
            '(' | '[' => stack.push((c, pos)),
            ')' | ']' => {
                let open = if c == ')' { '(' } else { '[' };
                match stack.pop() {
                    Some((o, _)) if o == open => {}
                    Some((o, opos)) => {
                        return Err(format!(
                        "the `{c}` at character {pos} does not match the `{o}` at character {opos}"
                    ))
                    }
                    None => {
                        return Err(format!(
                            "unbalanced `{c}` at character {pos}: nothing to close"
                        ))
                    }
                }
            }
            ';' => {
                return Err(format!(
                    "`;` at character {pos}: write one SQL expression, not statements"
                ))
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                return Err(format!(
                    "SQL comment `--` at character {pos} is not allowed"
                ))
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                return Err(format!(
                    "SQL comment `/*` at character {pos} is not allowed"
                ))
            }
            _ => {}
        }
        i += 1;
    }
    match stack.pop() {
        Some((o, opos)) => Err(format!("the `{o}` at character {opos} is never closed")),
        None => Ok(()),
    }
}

/// The target of a foreign key: `table(col, ...)` or `schema.table(col, ...)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub schema: Option<String>,
    pub table: String,
    pub columns: Vec<String>,
}

/// Parses a `references` target. Unquoted names must be written in lower
/// case (PostgreSQL would fold them); `"Quoted"` names keep their case.
pub fn parse_reference(text: &str) -> Result<Reference, String> {
    const FORM: &str = "expected `table(column)` or `schema.table(column)`";
    let mut p = RefParser {
        chars: text.chars().collect(),
        pos: 0,
    };
    let first = p.ident()?.ok_or_else(|| format!("{FORM}: no table name"))?;
    let (schema, table) = if p.eat('.') {
        let second = p
            .ident()?
            .ok_or_else(|| format!("{FORM}: no table name after `{first}.`"))?;
        (Some(first), second)
    } else {
        (None, first)
    };
    if !p.eat('(') {
        return Err(match p.peek() {
            None => format!("{FORM}: the referenced column is missing, as in `{table}(id)`"),
            Some(c) => format!("{FORM}: unexpected `{c}` after the table name"),
        });
    }
    let mut columns = Vec::new();
    loop {
        let col = p
            .ident()?
            .ok_or_else(|| format!("{FORM}: expected a column name inside `(...)`"))?;
        columns.push(col);
        if p.eat(',') {
            continue;
        }
        if p.eat(')') {
            break;
        }
        return Err(format!("{FORM}: expected `,` or `)` after a column name"));
    }
    if let Some(c) = p.peek() {
        return Err(format!("{FORM}: unexpected `{c}` after `)`"));
    }
    for name in schema.iter().chain([&table]).chain(&columns) {
        check_identifier(name)?;
    }
    Ok(Reference {
        schema,
        table,
        columns,
    })
}

struct RefParser {
    chars: Vec<char>,
    pos: usize,
}

impl RefParser {
    fn skip_ws(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// A bare or double-quoted identifier; `Ok(None)` when none starts here.
    fn ident(&mut self) -> Result<Option<String>, String> {
        match self.peek() {
            Some('"') => {
                self.pos += 1;
                let mut s = String::new();
                loop {
                    match self.chars.get(self.pos) {
                        None => return Err("unterminated quoted identifier".into()),
                        Some('"') if self.chars.get(self.pos + 1) == Some(&'"') => {
                            s.push('"');
                            self.pos += 2;
                        }
                        Some('"') => {
                            self.pos += 1;
                            break;
                        }
                        Some(&c) => {
                            s.push(c);
                            self.pos += 1;
                        }
                    }
                }
                Ok(Some(s))
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                let mut s = String::new();
                while let Some(&c) = self.chars.get(self.pos) {
                    if c.is_alphanumeric() || c == '_' || c == '$' {
                        s.push(c);
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                // PostgreSQL folds only ASCII letters of unquoted names.
                if s.chars().any(|c| c.is_ascii_uppercase()) {
                    return Err(format!(
                        "unquoted `{s}` would be folded to `{}` by PostgreSQL; write it in lower case, or as `\"{s}\"` to keep the case",
                        s.to_ascii_lowercase()
                    ));
                }
                Ok(Some(s))
            }
            _ => Ok(None),
        }
    }
}

/// Checks an operator class name (`jsonb_path_ops`, `pg_catalog.text_ops`).
pub fn check_opclass(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.split('.').count() <= 2
        && name.split('.').all(|part| {
            part.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not an operator class name (letters, digits and `_`, optionally `schema.name`)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(s: &str) -> String {
        match check_expression(s) {
            Ok(()) => "ok".into(),
            Err(e) => e,
        }
    }

    #[test]
    fn expressions() {
        let cases = [
            ("now()", "ok"),
            ("'{}'::text[]", "ok"),
            ("'it''s'", "ok"),
            ("E'a\\'b'", "ok"),
            ("\"odd\"\"name\" IS NOT NULL", "ok"),
            ("$$a;b$$", "ok"),
            ("$x$ ) $x$ || 'a'", "ok"),
            ("status IN ('ok', 'error', 'timeout')", "ok"),
            ("lower(title)", "ok"),
            ("price * 2 - 1", "ok"),
            ("", "the expression is empty"),
            ("   ", "the expression is empty"),
            (
                "'abc",
                "unterminated string literal: the `'` at character 1 is never closed",
            ),
            ("lower(title", "the `(` at character 6 is never closed"),
            ("a)", "unbalanced `)` at character 2: nothing to close"),
            (
                "f(a]",
                "the `]` at character 4 does not match the `(` at character 2",
            ),
            (
                "1; drop table x",
                "`;` at character 2: write one SQL expression, not statements",
            ),
            ("1 -- c", "SQL comment `--` at character 3 is not allowed"),
            (
                "\"x",
                "unterminated quoted identifier: the `\"` at character 1 is never closed",
            ),
            (
                "$a$ x",
                "unterminated dollar-quoted string: the `$a$` at character 1 is never closed",
            ),
            (
                "E'\\'",
                "unterminated string literal: the `'` at character 2 is never closed",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(expr(input), want, "{input:?}");
        }
    }

    fn reference(s: &str) -> String {
        match parse_reference(s) {
            Ok(r) => format!(
                "{}|{}|{}",
                r.schema.unwrap_or_default(),
                r.table,
                r.columns.join(",")
            ),
            Err(e) => e,
        }
    }

    #[test]
    fn references() {
        let cases = [
            ("dgs_jobs(job_id)", "|dgs_jobs|job_id"),
            ("app.users (id)", "app|users|id"),
            (" s.t( a , b ) ", "s|t|a,b"),
            ("\"My Table\"(\"Id\")", "|My Table|Id"),
            ("jobs", "expected `table(column)` or `schema.table(column)`: the referenced column is missing, as in `jobs(id)`"),
            ("jobs()", "expected `table(column)` or `schema.table(column)`: expected a column name inside `(...)`"),
            ("jobs(id", "expected `table(column)` or `schema.table(column)`: expected `,` or `)` after a column name"),
            ("jobs(id) x", "expected `table(column)` or `schema.table(column)`: unexpected `x` after `)`"),
            ("a.b.c(id)", "expected `table(column)` or `schema.table(column)`: unexpected `.` after the table name"),
            ("Jobs(id)", "unquoted `Jobs` would be folded to `jobs` by PostgreSQL; write it in lower case, or as `\"Jobs\"` to keep the case"),
            ("Équipe(id)", "|Équipe|id"),
            ("ÉQUIPE(id)", "unquoted `ÉQUIPE` would be folded to `Équipe` by PostgreSQL; write it in lower case, or as `\"ÉQUIPE\"` to keep the case"),
            ("", "expected `table(column)` or `schema.table(column)`: no table name"),
        ];
        for (input, want) in cases {
            assert_eq!(reference(input), want, "{input:?}");
        }
    }

    #[test]
    fn identifiers_and_opclasses() {
        assert!(check_identifier(&"x".repeat(63)).is_ok());
        assert_eq!(
            check_identifier(&"x".repeat(64)).unwrap_err(),
            format!("`{}` is 64 bytes long; PostgreSQL identifiers are at most 63 bytes (a longer one is silently truncated)", "x".repeat(64))
        );
        assert!(check_identifier("").is_err());
        assert!(check_opclass("jsonb_path_ops").is_ok());
        assert!(check_opclass("pg_catalog.text_ops").is_ok());
        assert!(check_opclass("a b").is_err());
        assert!(check_opclass("").is_err());
    }
}
