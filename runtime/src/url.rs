//! Connection strings: pointing a `postgres://` URL or a libpq `key=value`
//! string at another database. Used by the test harness, `schema-diff`'s
//! scratch databases and the benchmarks.

/// Percent-encodes a URL path segment.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Replaces the database of a `postgres://` URL (keeping user, password,
/// hosts and query parameters) or of a `key=value` connection string.
pub fn with_database(url: &str, database: &str) -> String {
    if let Some(scheme_end) = url.find("://") {
        let after = scheme_end + 3;
        let (base, query) = match url[after..].find('?') {
            Some(q) => (&url[..after + q], &url[after + q..]),
            None => (url, ""),
        };
        let base = match base[after..].find('/') {
            Some(slash) => &base[..after + slash],
            None => base,
        };
        format!("{base}/{}{query}", percent_encode(database))
    } else {
        let kept: Vec<&str> = url
            .split_whitespace()
            .filter(|kv| !kv.starts_with("dbname="))
            .collect();
        format!(
            "{} dbname='{}'",
            kept.join(" "),
            database.replace('\\', "\\\\").replace('\'', "\\'")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_the_database() {
        let cases = [
            (
                "postgres://postgres@127.0.0.1:5432/postgres",
                "x",
                "postgres://postgres@127.0.0.1:5432/x",
            ),
            (
                "postgres://u:p@h/db?sslmode=disable",
                "x",
                "postgres://u:p@h/x?sslmode=disable",
            ),
            ("postgresql://h:1", "x", "postgresql://h:1/x"),
            ("postgres://h/db", "a b/é", "postgres://h/a%20b%2F%C3%A9"),
            ("host=h dbname=a user=u", "x", "host=h user=u dbname='x'"),
            ("host=h", "it's\\", "host=h dbname='it\\'s\\\\'"),
        ];
        for (url, db, want) in cases {
            assert_eq!(with_database(url, db), want, "{url} {db}");
        }
    }
}
