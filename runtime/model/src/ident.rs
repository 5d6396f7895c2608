//! Quoting of SQL identifiers and string literals.
//!
//! This is the only place that decides how a name is spelled in SQL text. It
//! follows PostgreSQL's own `quote_ident()`: a name is left bare only when it is
//! all lower-case ASCII letters, digits and underscores, does not start with a
//! digit, and is not a reserved (or column-name / type-function-name) keyword;
//! otherwise it is wrapped in double quotes with embedded quotes doubled.
//! Values never go through here: they always travel as bind parameters. The one
//! exception is DDL, where PostgreSQL accepts no parameters (comments, enum
//! labels); [`quote_literal`] writes those as standard-conforming literals.

use std::fmt::{self, Write};

/// Keywords that PostgreSQL 15 does not accept as bare identifiers in every
/// position (`pg_get_keywords()` where `catcode <> 'U'`).
const NON_UNRESERVED_KEYWORDS: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "bigint",
    "binary",
    "bit",
    "boolean",
    "both",
    "case",
    "cast",
    "char",
    "character",
    "check",
    "coalesce",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "dec",
    "decimal",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exists",
    "extract",
    "false",
    "fetch",
    "float",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "greatest",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "inout",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "least",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "national",
    "natural",
    "nchar",
    "none",
    "normalize",
    "not",
    "notnull",
    "null",
    "nullif",
    "numeric",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "overlaps",
    "overlay",
    "placing",
    "position",
    "precision",
    "primary",
    "real",
    "references",
    "returning",
    "right",
    "row",
    "select",
    "session_user",
    "setof",
    "similar",
    "smallint",
    "some",
    "substring",
    "symmetric",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "treat",
    "trim",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "xmlattributes",
    "xmlconcat",
    "xmlelement",
    "xmlexists",
    "xmlforest",
    "xmlnamespaces",
    "xmlparse",
    "xmlpi",
    "xmlroot",
    "xmlserialize",
    "xmltable",
];

/// PostgreSQL's limit on identifier length in bytes (`NAMEDATALEN - 1`).
pub const MAX_IDENTIFIER_BYTES: usize = 63;

/// True when `name` can be written without quotes and still mean itself.
pub fn is_bare_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() || c == '_' => {}
        _ => return false,
    }
    if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return false;
    }
    NON_UNRESERVED_KEYWORDS.binary_search(&name).is_err()
}

/// A displayable identifier, quoted when needed.
#[derive(Clone, Copy, Debug)]
pub struct Ident<'a>(pub &'a str);

impl fmt::Display for Ident<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if is_bare_identifier(self.0) {
            return f.write_str(self.0);
        }
        f.write_char('"')?;
        for c in self.0.chars() {
            if c == '"' {
                f.write_str("\"\"")?;
            } else {
                f.write_char(c)?;
            }
        }
        f.write_char('"')
    }
}

/// A schema-qualified name (`schema.name`), each part quoted when needed.
#[derive(Clone, Copy, Debug)]
pub struct Qualified<'a>(pub &'a str, pub &'a str);

impl fmt::Display for Qualified<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", Ident(self.0), Ident(self.1))
    }
}

/// Quotes `name` as an SQL identifier when needed.
pub fn quote_ident(name: &str) -> String {
    Ident(name).to_string()
}

/// [`quote_literal`], on one line: a value holding line breaks or other
/// control characters is written as an `E'...'` string with escapes
/// (`\n`, `\r`, `\t`, `\x1f`), so no line of the SQL text around it can
/// be taken for something else (a migration file's section marker).
pub fn quote_literal_one_line(value: &str) -> String {
    if !value.chars().any(char::is_control) {
        return quote_literal(value);
    }
    let mut out = String::with_capacity(value.len() + 3);
    out.push_str("E'");
    for c in value.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Writes `value` as an SQL string literal (`'it''s'`), using the `E''` form
/// when it contains a backslash so the result means the same under any
/// `standard_conforming_strings` setting.
pub fn quote_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    if value.contains('\\') {
        out.push('E');
    }
    out.push('\'');
    for c in value.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Joins identifiers with `, `, quoting each.
pub fn ident_list<S: AsRef<str>>(names: &[S]) -> String {
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}", Ident(n.as_ref()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_literals() {
        assert_eq!(quote_literal_one_line("it's"), "'it''s'");
        assert_eq!(
            quote_literal_one_line("a\n-- migrate:down\tb\\"),
            "E'a\\n-- migrate:down\\tb\\\\'"
        );
        assert_eq!(quote_literal_one_line("\u{1}"), "E'\\x01'");
    }

    #[test]
    fn keyword_list_is_sorted() {
        let mut sorted = NON_UNRESERVED_KEYWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, NON_UNRESERVED_KEYWORDS);
    }

    #[test]
    fn quoting() {
        let cases = [
            ("dgs_jobs", "dgs_jobs"),
            ("User", "\"User\""),
            ("order", "\"order\""),
            ("name", "name"),
            ("with space", "\"with space\""),
            ("quo\"te", "\"quo\"\"te\""),
            ("1abc", "\"1abc\""),
            ("_x1", "_x1"),
            ("", "\"\""),
            ("é", "\"é\""),
        ];
        for (input, want) in cases {
            assert_eq!(quote_ident(input), want, "{input}");
        }
        assert_eq!(Qualified("public", "User").to_string(), "public.\"User\"");
    }

    #[test]
    fn literals() {
        assert_eq!(quote_literal("it's"), "'it''s'");
        assert_eq!(quote_literal("a\\b"), "E'a\\\\b'");
        assert_eq!(quote_literal(""), "''");
    }
}
