//! The SQL of what a model declares on its table beyond columns, keys and
//! indexes: exclusion constraints, row-level security, policies and
//! grants; and of the view a `#[derive(View)]` maps ([`create_view`]). These are definition objects (`ObjectKind::Exclusion`,
//! `RowSecurity`, `Policy`, `Grant`): `#[derive(Table)]` writes their SQL
//! here at compile time and hands it to the registry as
//! [`Definition`](crate::schema::Definition)s, which schema-diff runs on a
//! scratch database and compares by what the server stores.
//!
//! Identifiers (tables, constraints, policies, columns, roles) are quoted
//! by [`crate::ident`]; expressions, exclusion elements and partition
//! bounds are SQL the model wrote, copied as given (the derive checks that
//! each is one balanced expression, and the server parses it).

use std::fmt;
use std::fmt::Write as _;

use crate::ident::{ident_list, Ident, Qualified};
use crate::schema::{Deferrable, IndexMethod};

/// A role as `TO ...` and `GRANT ... TO ...` name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleSpec {
    /// `PUBLIC`: every role.
    Public,
    /// `CURRENT_ROLE`.
    CurrentRole,
    /// `CURRENT_USER`.
    CurrentUser,
    /// `SESSION_USER`.
    SessionUser,
    /// A role by its exact name (quoted as an identifier).
    Named(String),
}

impl RoleSpec {
    /// Reads one role: `public`, `current_role`, `current_user` and
    /// `session_user` (any case) are the keywords; anything else is a role
    /// name taken exactly as written (`"Quoted"` names lose their quotes).
    pub fn parse(text: &str) -> Result<RoleSpec, String> {
        let t = text.trim();
        if t.is_empty() {
            return Err("a role name is empty".into());
        }
        let keyword = match t.to_ascii_lowercase().as_str() {
            "public" => Some(RoleSpec::Public),
            "current_role" => Some(RoleSpec::CurrentRole),
            "current_user" => Some(RoleSpec::CurrentUser),
            "session_user" => Some(RoleSpec::SessionUser),
            _ => None,
        };
        if let Some(k) = keyword {
            return Ok(k);
        }
        let name = match t.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            Some(inner) if !inner.is_empty() => inner.replace("\"\"", "\""),
            _ => t.to_string(),
        };
        if name.contains('\0') {
            return Err(format!("the role name {name:?} contains a NUL character"));
        }
        if name.len() > crate::ident::MAX_IDENTIFIER_BYTES {
            return Err(format!(
                "the role name `{name}` is {} bytes long; PostgreSQL names are at most {} bytes",
                name.len(),
                crate::ident::MAX_IDENTIFIER_BYTES
            ));
        }
        Ok(RoleSpec::Named(name))
    }

    /// A comma-separated list of roles (`"app_user, auditor"`).
    pub fn parse_list(text: &str) -> Result<Vec<RoleSpec>, String> {
        let mut out = Vec::new();
        for part in text.split(',') {
            let role = RoleSpec::parse(part)?;
            if out.contains(&role) {
                return Err(format!("the role `{}` is listed twice", part.trim()));
            }
            out.push(role);
        }
        Ok(out)
    }
}

impl fmt::Display for RoleSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoleSpec::Public => f.write_str("PUBLIC"),
            RoleSpec::CurrentRole => f.write_str("CURRENT_ROLE"),
            RoleSpec::CurrentUser => f.write_str("CURRENT_USER"),
            RoleSpec::SessionUser => f.write_str("SESSION_USER"),
            RoleSpec::Named(n) => write!(f, "{}", Ident(n)),
        }
    }
}

fn roles_sql(roles: &[RoleSpec]) -> String {
    roles
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `ALTER TABLE t ADD CONSTRAINT name EXCLUDE USING method (elements)
/// [WHERE (predicate)] [DEFERRABLE ...]`. `elements` is the list inside
/// the brackets as written (`room_id WITH =, during WITH &&`).
pub fn add_exclusion(
    schema: &str,
    table: &str,
    name: &str,
    method: IndexMethod,
    elements: &str,
    predicate: Option<&str>,
    deferrable: Deferrable,
) -> String {
    let mut out = format!(
        "ALTER TABLE {} ADD CONSTRAINT {} EXCLUDE USING {} ({})",
        Qualified(schema, table),
        Ident(name),
        method.as_str(),
        elements.trim()
    );
    if let Some(p) = predicate {
        let _ = write!(out, " WHERE ({})", p.trim());
    }
    match deferrable {
        Deferrable::NotDeferrable => {}
        Deferrable::InitiallyImmediate => out.push_str(" DEFERRABLE INITIALLY IMMEDIATE"),
        Deferrable::InitiallyDeferred => out.push_str(" DEFERRABLE INITIALLY DEFERRED"),
    }
    out
}

/// `ALTER TABLE t ENABLE ROW LEVEL SECURITY`, and with `force` also
/// `ALTER TABLE t FORCE ROW LEVEL SECURITY` (the owner is subject to the
/// policies too).
pub fn enable_row_security(schema: &str, table: &str, force: bool) -> Vec<String> {
    let t = Qualified(schema, table);
    let mut out = vec![format!("ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")];
    if force {
        out.push(format!("ALTER TABLE {t} FORCE ROW LEVEL SECURITY"));
    }
    out
}

/// The command a policy applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PolicyCommand {
    /// `FOR ALL` (the default).
    #[default]
    All,
    /// `FOR SELECT`: `USING` only.
    Select,
    /// `FOR INSERT`: `WITH CHECK` only.
    Insert,
    /// `FOR UPDATE`.
    Update,
    /// `FOR DELETE`: `USING` only.
    Delete,
}

impl PolicyCommand {
    /// Every command, in declaration order.
    pub const ALL: [PolicyCommand; 5] = [
        PolicyCommand::All,
        PolicyCommand::Select,
        PolicyCommand::Insert,
        PolicyCommand::Update,
        PolicyCommand::Delete,
    ];

    /// The keyword in lower case (`select`).
    pub const fn name(self) -> &'static str {
        match self {
            PolicyCommand::All => "all",
            PolicyCommand::Select => "select",
            PolicyCommand::Insert => "insert",
            PolicyCommand::Update => "update",
            PolicyCommand::Delete => "delete",
        }
    }

    /// Parses a command (case-insensitive).
    pub fn parse(s: &str) -> Option<PolicyCommand> {
        let s = s.trim().to_ascii_lowercase();
        PolicyCommand::ALL.into_iter().find(|c| c.name() == s)
    }

    /// Whether a policy for this command may have `USING` (all but
    /// `INSERT`) and `WITH CHECK` (all but `SELECT` and `DELETE`).
    pub const fn takes(self) -> (bool, bool) {
        match self {
            PolicyCommand::All | PolicyCommand::Update => (true, true),
            PolicyCommand::Select | PolicyCommand::Delete => (true, false),
            PolicyCommand::Insert => (false, true),
        }
    }
}

/// A row-level security policy on a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The policy's name (unique per table).
    pub name: String,
    /// `AS RESTRICTIVE` (false: `AS PERMISSIVE`, the default).
    pub restrictive: bool,
    /// `FOR ...`.
    pub command: PolicyCommand,
    /// `TO ...`; empty: `PUBLIC`.
    pub roles: Vec<RoleSpec>,
    /// `USING (...)`: which existing rows are visible.
    pub using: Option<String>,
    /// `WITH CHECK (...)`: which new rows may be written.
    pub with_check: Option<String>,
}

/// `CREATE POLICY name ON t [AS RESTRICTIVE] [FOR cmd] [TO roles] [USING
/// (...)] [WITH CHECK (...)]`.
pub fn create_policy(schema: &str, table: &str, p: &Policy) -> String {
    let mut out = format!(
        "CREATE POLICY {} ON {}",
        Ident(&p.name),
        Qualified(schema, table)
    );
    if p.restrictive {
        out.push_str(" AS RESTRICTIVE");
    }
    if p.command != PolicyCommand::All {
        let _ = write!(out, " FOR {}", p.command.name().to_ascii_uppercase());
    }
    if !p.roles.is_empty() {
        let _ = write!(out, " TO {}", roles_sql(&p.roles));
    }
    if let Some(u) = &p.using {
        let _ = write!(out, " USING ({})", u.trim());
    }
    if let Some(c) = &p.with_check {
        let _ = write!(out, " WITH CHECK ({})", c.trim());
    }
    out
}

/// The privileges a table takes, as `GRANT` names them (lower case).
pub const TABLE_PRIVILEGES: [&str; 7] = [
    "select",
    "insert",
    "update",
    "delete",
    "truncate",
    "references",
    "trigger",
];

/// The privileges a column takes.
pub const COLUMN_PRIVILEGES: [&str; 4] = ["select", "insert", "update", "references"];

/// `GRANT privileges [(columns)] ON TABLE t TO roles [WITH GRANT OPTION]`;
/// `privileges` in lower case (`all` for `ALL`), `columns` empty for a
/// grant on the whole table.
pub fn grant_on_table(
    schema: &str,
    table: &str,
    privileges: &[String],
    columns: &[String],
    roles: &[RoleSpec],
    with_grant_option: bool,
) -> String {
    let cols = if columns.is_empty() {
        String::new()
    } else {
        format!(" ({})", ident_list(columns))
    };
    let privileges: Vec<String> = privileges
        .iter()
        .map(|p| format!("{}{cols}", p.to_ascii_uppercase()))
        .collect();
    let mut out = format!(
        "GRANT {} ON TABLE {} TO {}",
        privileges.join(", "),
        Qualified(schema, table),
        roles_sql(roles)
    );
    if with_grant_option {
        out.push_str(" WITH GRANT OPTION");
    }
    out
}

/// `CREATE VIEW schema.name (columns) AS query`: the columns named as the
/// struct of a `#[derive(View)]` reads them, in its field order.
pub fn create_view(schema: &str, name: &str, columns: &[String], query: &str) -> String {
    format!(
        "CREATE VIEW {} ({}) AS {}",
        Qualified(schema, name),
        ident_list(columns),
        query.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_quote_identifiers() {
        assert_eq!(
            add_exclusion(
                "app",
                "Bookings",
                "no overlap",
                IndexMethod::Gist,
                " room_id WITH =, during WITH && ",
                Some("NOT cancelled"),
                Deferrable::InitiallyDeferred
            ),
            "ALTER TABLE app.\"Bookings\" ADD CONSTRAINT \"no overlap\" EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED"
        );
        assert_eq!(
            enable_row_security("public", "user", true),
            [
                "ALTER TABLE public.\"user\" ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE public.\"user\" FORCE ROW LEVEL SECURITY"
            ]
        );
        let p = Policy {
            name: "own rows".into(),
            restrictive: true,
            command: PolicyCommand::Update,
            roles: RoleSpec::parse_list("App-User, public, \"x\"\"y\"").unwrap(),
            using: Some("owner = current_user".into()),
            with_check: Some("owner = current_user".into()),
        };
        assert_eq!(
            create_policy("public", "docs", &p),
            "CREATE POLICY \"own rows\" ON public.docs AS RESTRICTIVE FOR UPDATE TO \"App-User\", PUBLIC, \"x\"\"y\" USING (owner = current_user) WITH CHECK (owner = current_user)"
        );
        assert_eq!(
            grant_on_table(
                "public",
                "docs",
                &["select".into(), "update".into()],
                &["title".into(), "Body".into()],
                &[RoleSpec::Named("reader".into())],
                true
            ),
            "GRANT SELECT (title, \"Body\"), UPDATE (title, \"Body\") ON TABLE public.docs TO reader WITH GRANT OPTION"
        );
        assert_eq!(
            RoleSpec::parse_list("a, A, a").unwrap_err(),
            "the role `a` is listed twice"
        );
        assert!(RoleSpec::parse(" ").is_err());
        assert_eq!(
            create_view(
                "app",
                "Active",
                &["id".into(), "Title".into()],
                " SELECT 1, 'x' "
            ),
            "CREATE VIEW app.\"Active\" (id, \"Title\") AS SELECT 1, 'x'"
        );
    }
}
