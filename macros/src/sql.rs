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

/// Checks a view's query: one statement starting with `SELECT`, `WITH`,
/// `VALUES` or `TABLE`, balanced, without `;` or comments.
pub fn check_query(text: &str) -> Result<(), String> {
    check_expression(text).map_err(|e| e.replace("one SQL expression", "one query"))?;
    let first: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    match first.as_str() {
        "select" | "with" | "values" | "table" => Ok(()),
        _ => Err("a view's query starts with `SELECT`, `WITH`, `VALUES` or `TABLE`".into()),
    }
}

/// Splits `text` at the commas outside quotes and brackets; each part
/// trimmed. (Call [`check_expression`] first: it assumes balanced text.)
pub fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
                current.push(c);
            }
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    current.push(c);
                }
                '(' | '[' => {
                    depth += 1;
                    current.push(c);
                }
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    current.push(c);
                }
                ',' if depth == 0 => parts.push(std::mem::take(&mut current).trim().to_string()),
                _ => current.push(c),
            },
        }
    }
    parts.push(current.trim().to_string());
    parts
}

/// A partitioning strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartitionStrategy {
    Range,
    List,
    Hash,
}

impl PartitionStrategy {
    pub fn as_str(self) -> &'static str {
        match self {
            PartitionStrategy::Range => "range",
            PartitionStrategy::List => "list",
            PartitionStrategy::Hash => "hash",
        }
    }
}

/// One element of a partition key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartitionKeyElement {
    /// A column, by its SQL name (what follows it, a collation or an
    /// operator class, kept in the key's text).
    Column(String),
    /// An expression (`(lower(name))`, `date_trunc('day', at)`).
    Expression(String),
}

/// A parsed `partition_by`: the strategy, the elements, and the key as
/// `pg_get_partkeydef` prints it (`RANGE (created_at)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionKey {
    pub strategy: PartitionStrategy,
    pub elements: Vec<PartitionKeyElement>,
    pub sql: String,
}

/// Parses `range (created_at)`, `list (region)`, `hash (id)` (any case;
/// several elements separated by `,`; an element is a column name,
/// optionally followed by a collation or operator class, or an
/// expression).
pub fn parse_partition_by(text: &str) -> Result<PartitionKey, String> {
    const FORM: &str = "expected `range (column, ...)`, `list (column)` or `hash (column, ...)`";
    let t = text.trim();
    let word_end = t
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(t.len());
    let strategy = match t[..word_end].to_ascii_lowercase().as_str() {
        "range" => PartitionStrategy::Range,
        "list" => PartitionStrategy::List,
        "hash" => PartitionStrategy::Hash,
        "" => return Err(format!("{FORM}: no strategy")),
        other => return Err(format!("{FORM}: unknown strategy `{other}`")),
    };
    let rest = t[word_end..].trim();
    let inner = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .ok_or_else(|| {
            format!(
                "{FORM}: the key's columns go in brackets after `{}`",
                strategy.as_str()
            )
        })?;
    check_expression(rest)?;
    check_expression(inner).map_err(|e| format!("{FORM}: {e}"))?;
    let mut elements = Vec::new();
    let parts = split_top_level(inner);
    for part in &parts {
        if part.is_empty() {
            return Err(format!("{FORM}: an element of the key is empty"));
        }
        elements.push(key_element(part)?);
    }
    if strategy == PartitionStrategy::List && elements.len() != 1 {
        return Err(format!(
            "a list partition key has exactly one column or expression, not {}",
            elements.len()
        ));
    }
    Ok(PartitionKey {
        strategy,
        elements,
        sql: format!(
            "{} ({})",
            strategy.as_str().to_ascii_uppercase(),
            parts.join(", ")
        ),
    })
}

fn key_element(part: &str) -> Result<PartitionKeyElement, String> {
    if part.starts_with('(') {
        return Ok(PartitionKeyElement::Expression(part.to_string()));
    }
    let mut p = RefParser {
        chars: part.chars().collect(),
        pos: 0,
    };
    let Some(name) = p.ident()? else {
        return Err(format!(
            "`{part}` is neither a column name nor an expression in brackets"
        ));
    };
    if p.chars.get(p.pos) == Some(&'(') || p.peek() == Some('(') || p.peek() == Some('.') {
        // A function call.
        return Ok(PartitionKeyElement::Expression(part.to_string()));
    }
    check_identifier(&name)?;
    Ok(PartitionKeyElement::Column(name))
}

/// Parses a partition's `values` for `strategy` (`FROM (...) TO (...)`,
/// `IN (...)`, `WITH (MODULUS n, REMAINDER r)`, keywords in any case) into
/// the bound as `pg_get_expr(relpartbound)` prints its keywords: `FOR
/// VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `FOR VALUES IN ('eu',
/// 'us')`, `FOR VALUES WITH (modulus 4, remainder 0)`.
pub fn parse_partition_values(strategy: PartitionStrategy, text: &str) -> Result<String, String> {
    check_expression(text)?;
    let t = text.trim();
    let (keyword, rest) = match t.find(|c: char| !c.is_ascii_alphabetic()) {
        Some(i) => (t[..i].to_ascii_lowercase(), t[i..].trim()),
        None => (t.to_ascii_lowercase(), ""),
    };
    let bracketed = |s: &str, what: &str| -> Result<String, String> {
        let s = s.trim();
        match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(inner) if check_expression(inner).is_ok() => {
                let items: Vec<String> = split_top_level(inner)
                    .into_iter()
                    .map(|v| {
                        let lower = v.to_ascii_lowercase();
                        if lower == "minvalue" || lower == "maxvalue" {
                            lower.to_ascii_uppercase()
                        } else {
                            v
                        }
                    })
                    .collect();
                if items.iter().any(String::is_empty) {
                    return Err(format!("an empty value in {what}"));
                }
                Ok(items.join(", "))
            }
            _ => Err(format!(
                "{what} must be a list in brackets, as in `{what} (...)`"
            )),
        }
    };
    match (strategy, keyword.as_str()) {
        (PartitionStrategy::Range, "from") => {
            let parts = split_words_top_level(rest, "to");
            let [from, to] = parts.as_slice() else {
                return Err("a range partition's values are `FROM (...) TO (...)`".into());
            };
            Ok(format!(
                "FOR VALUES FROM ({}) TO ({})",
                bracketed(from, "FROM")?,
                bracketed(to, "TO")?
            ))
        }
        (PartitionStrategy::List, "in") => {
            Ok(format!("FOR VALUES IN ({})", bracketed(rest, "IN")?))
        }
        (PartitionStrategy::Hash, "with") => {
            let inner = bracketed(rest, "WITH")?;
            let mut modulus = None;
            let mut remainder = None;
            for item in split_top_level(&inner) {
                let mut words = item.split_whitespace();
                let (Some(k), Some(v), None) = (words.next(), words.next(), words.next()) else {
                    return Err(format!("`{item}`: expected `MODULUS n` or `REMAINDER r`"));
                };
                let v: u32 = v
                    .parse()
                    .map_err(|_| format!("`{item}`: expected a non-negative integer"))?;
                match k.to_ascii_lowercase().as_str() {
                    "modulus" if modulus.is_none() => modulus = Some(v),
                    "remainder" if remainder.is_none() => remainder = Some(v),
                    _ => {
                        return Err(format!(
                            "`{item}`: expected `MODULUS n` and `REMAINDER r`, once each"
                        ))
                    }
                }
            }
            match (modulus, remainder) {
                (Some(m), Some(r)) if m > 0 && r < m => {
                    Ok(format!("FOR VALUES WITH (modulus {m}, remainder {r})"))
                }
                (Some(m), Some(r)) => Err(format!(
                    "the modulus must be positive and the remainder less than it (modulus {m}, remainder {r})"
                )),
                _ => Err("a hash partition's values are `WITH (MODULUS n, REMAINDER r)`".into()),
            }
        }
        (PartitionStrategy::Range, _) => {
            Err("a range partition's values are `FROM (...) TO (...)`".into())
        }
        (PartitionStrategy::List, _) => Err("a list partition's values are `IN (...)`".into()),
        (PartitionStrategy::Hash, _) => {
            Err("a hash partition's values are `WITH (MODULUS n, REMAINDER r)`".into())
        }
    }
}

/// Splits `text` at the word `word` (any case) where it stands alone
/// outside quotes and brackets.
fn split_words_top_level(text: &str, word: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut i = 0;
    let w: Vec<char> = word.chars().collect();
    let boundary = |c: Option<&char>| c.is_none_or(|c| !(c.is_alphanumeric() || *c == '_'));
    while i < chars.len() {
        let c = chars[i];
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ if depth == 0
                    && i + w.len() <= chars.len()
                    && chars[i..i + w.len()]
                        .iter()
                        .zip(&w)
                        .all(|(a, b)| a.to_ascii_lowercase() == *b)
                    && boundary(if i == 0 { None } else { chars.get(i - 1) })
                    && boundary(chars.get(i + w.len())) =>
                {
                    parts.push(
                        chars[start..i]
                            .iter()
                            .collect::<String>()
                            .trim()
                            .to_string(),
                    );
                    i += w.len();
                    start = i;
                    continue;
                }
                _ => {}
            },
        }
        i += 1;
    }
    parts.push(chars[start..].iter().collect::<String>().trim().to_string());
    parts
}

/// Checks an exclusion constraint's `elements` (`room_id WITH =, during
/// WITH &&`): one or more `column_or_expression WITH operator`.
pub fn check_exclusion_elements(text: &str) -> Result<(), String> {
    check_expression(text)?;
    for part in split_top_level(text) {
        if part.is_empty() {
            return Err("an element is empty; write `column WITH operator, ...`".into());
        }
        let pieces = split_words_top_level(&part, "with");
        match pieces.as_slice() {
            [target, op] if !target.is_empty() && !op.is_empty() => {
                if op.chars().any(|c| c.is_whitespace())
                    && !op.to_ascii_lowercase().starts_with("operator(")
                {
                    return Err(format!(
                        "`{part}`: expected one operator after `WITH`, as in `{target} WITH &&`"
                    ));
                }
            }
            _ => {
                return Err(format!(
                    "`{part}` is not `column WITH operator` (as in `during WITH &&`)"
                ))
            }
        }
    }
    Ok(())
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
    fn partition_keys_and_values() {
        let key = |s: &str| match parse_partition_by(s) {
            Ok(k) => format!("{} {:?}", k.sql, k.elements),
            Err(e) => e,
        };
        assert_eq!(
            key("range (created_at)"),
            "RANGE (created_at) [Column(\"created_at\")]"
        );
        assert_eq!(
            key("HASH(a,  \"B\" text_pattern_ops)"),
            "HASH (a, \"B\" text_pattern_ops) [Column(\"a\"), Column(\"B\")]"
        );
        assert_eq!(
            key("list ((lower(region)))"),
            "LIST ((lower(region))) [Expression(\"(lower(region))\")]"
        );
        assert_eq!(
            key("range (date_trunc('day', at))"),
            "RANGE (date_trunc('day', at)) [Expression(\"date_trunc('day', at)\")]"
        );
        assert_eq!(key("interval (a)"), "expected `range (column, ...)`, `list (column)` or `hash (column, ...)`: unknown strategy `interval`");
        assert_eq!(key("range created_at"), "expected `range (column, ...)`, `list (column)` or `hash (column, ...)`: the key's columns go in brackets after `range`");
        assert_eq!(
            key("list (a, b)"),
            "a list partition key has exactly one column or expression, not 2"
        );
        assert_eq!(key("range (a,)"), "expected `range (column, ...)`, `list (column)` or `hash (column, ...)`: an element of the key is empty");
        let values = |st, s: &str| parse_partition_values(st, s).unwrap_or_else(|e| e);
        use PartitionStrategy::*;
        assert_eq!(
            values(Range, "from ('2024-01-01') to ('2025-01-01')"),
            "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
        );
        assert_eq!(
            values(Range, "FROM (minvalue) TO ('to')"),
            "FOR VALUES FROM (MINVALUE) TO ('to')"
        );
        assert_eq!(values(List, "in ('eu','us')"), "FOR VALUES IN ('eu', 'us')");
        assert_eq!(
            values(Hash, "WITH (MODULUS 4, REMAINDER 3)"),
            "FOR VALUES WITH (modulus 4, remainder 3)"
        );
        assert_eq!(
            values(Hash, "with (modulus 4, remainder 4)"),
            "the modulus must be positive and the remainder less than it (modulus 4, remainder 4)"
        );
        assert_eq!(
            values(Range, "IN (1)"),
            "a range partition's values are `FROM (...) TO (...)`"
        );
        assert_eq!(
            values(List, "IN 1"),
            "IN must be a list in brackets, as in `IN (...)`"
        );
    }

    #[test]
    fn view_queries() {
        assert!(check_query("SELECT 1").is_ok());
        assert!(check_query(" with x AS (SELECT 1) SELECT * FROM x").is_ok());
        assert!(check_query("VALUES (1)").is_ok());
        assert!(check_query("TABLE jobs").is_ok());
        assert_eq!(
            check_query("DELETE FROM jobs").unwrap_err(),
            "a view's query starts with `SELECT`, `WITH`, `VALUES` or `TABLE`"
        );
        assert_eq!(
            check_query("SELECT 1; SELECT 2").unwrap_err(),
            "`;` at character 9: write one query, not statements"
        );
        assert_eq!(check_query("  ").unwrap_err(), "the expression is empty");
    }

    #[test]
    fn exclusion_elements() {
        assert!(check_exclusion_elements("room_id WITH =, during WITH &&").is_ok());
        assert!(check_exclusion_elements("(lower(name)) with =").is_ok());
        assert_eq!(
            check_exclusion_elements("room_id =").unwrap_err(),
            "`room_id =` is not `column WITH operator` (as in `during WITH &&`)"
        );
        assert_eq!(
            check_exclusion_elements("a WITH =,").unwrap_err(),
            "an element is empty; write `column WITH operator, ...`"
        );
        assert!(check_exclusion_elements("a WITH =; drop table x").is_err());
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
