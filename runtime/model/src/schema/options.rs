//! The spelled-out options of indexes and foreign keys: [`IndexMethod`],
//! [`FkAction`], [`Deferrable`], with their parsers.
//!
//! `strata-macros` calls these parsers so that `#[table(index(method =
//! "..."))]` and `on_delete = "..."` are checked at compile time by the same
//! code the runtime and `schema-diff` use. The serde impls (which
//! write [`IndexMethod::as_str`], [`FkAction::name`] and [`Deferrable::name`])
//! live in `schema/mod.rs`.

/// An index access method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndexMethod {
    /// `btree` (the default).
    #[default]
    Btree,
    /// `hash`.
    Hash,
    /// `gin`.
    Gin,
    /// `gist`.
    Gist,
    /// `brin`.
    Brin,
    /// `spgist`.
    Spgist,
}

impl IndexMethod {
    /// Every method, in declaration order.
    pub const ALL: [IndexMethod; 6] = [
        IndexMethod::Btree,
        IndexMethod::Hash,
        IndexMethod::Gin,
        IndexMethod::Gist,
        IndexMethod::Brin,
        IndexMethod::Spgist,
    ];

    /// The method's name in SQL (also its name in the schema JSON).
    pub const fn as_str(self) -> &'static str {
        match self {
            IndexMethod::Btree => "btree",
            IndexMethod::Hash => "hash",
            IndexMethod::Gin => "gin",
            IndexMethod::Gist => "gist",
            IndexMethod::Brin => "brin",
            IndexMethod::Spgist => "spgist",
        }
    }

    /// Parses a method name (case-insensitive).
    pub fn parse(s: &str) -> Option<IndexMethod> {
        let s = s.to_ascii_lowercase();
        IndexMethod::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// True for methods where ASC/DESC and NULLS FIRST/LAST mean something.
    pub fn is_ordered(self) -> bool {
        self == IndexMethod::Btree
    }
}

/// A referential action of a foreign key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FkAction {
    /// `NO ACTION` (the default).
    #[default]
    NoAction,
    /// `RESTRICT`.
    Restrict,
    /// `CASCADE`.
    Cascade,
    /// `SET NULL`.
    SetNull,
    /// `SET DEFAULT`.
    SetDefault,
}

impl FkAction {
    /// Every action, in declaration order.
    pub const ALL: [FkAction; 5] = [
        FkAction::NoAction,
        FkAction::Restrict,
        FkAction::Cascade,
        FkAction::SetNull,
        FkAction::SetDefault,
    ];

    /// The action in SQL.
    pub const fn as_sql(self) -> &'static str {
        match self {
            FkAction::NoAction => "NO ACTION",
            FkAction::Restrict => "RESTRICT",
            FkAction::Cascade => "CASCADE",
            FkAction::SetNull => "SET NULL",
            FkAction::SetDefault => "SET DEFAULT",
        }
    }

    /// The action's name in the schema JSON: `no_action`, `set_null`, ...
    pub const fn name(self) -> &'static str {
        match self {
            FkAction::NoAction => "no_action",
            FkAction::Restrict => "restrict",
            FkAction::Cascade => "cascade",
            FkAction::SetNull => "set_null",
            FkAction::SetDefault => "set_default",
        }
    }

    /// Parses `cascade`, `set null`, `set_null`, `no action`, ... (any case).
    pub fn parse(s: &str) -> Option<FkAction> {
        let norm: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == '-' { ' ' } else { c })
            .collect();
        let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
        FkAction::ALL
            .into_iter()
            .find(|a| a.as_sql().eq_ignore_ascii_case(&norm))
    }
}

/// Deferrability of a constraint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Deferrable {
    /// `NOT DEFERRABLE` (the default).
    #[default]
    NotDeferrable,
    /// `DEFERRABLE INITIALLY IMMEDIATE`.
    InitiallyImmediate,
    /// `DEFERRABLE INITIALLY DEFERRED`.
    InitiallyDeferred,
}

impl Deferrable {
    /// Every value, in declaration order.
    pub const ALL: [Deferrable; 3] = [
        Deferrable::NotDeferrable,
        Deferrable::InitiallyImmediate,
        Deferrable::InitiallyDeferred,
    ];

    /// The name in the schema JSON (and in `#[table(foreign_key(deferrable =
    /// "..."))]`): `not_deferrable`, `initially_immediate`,
    /// `initially_deferred`.
    pub const fn name(self) -> &'static str {
        match self {
            Deferrable::NotDeferrable => "not_deferrable",
            Deferrable::InitiallyImmediate => "initially_immediate",
            Deferrable::InitiallyDeferred => "initially_deferred",
        }
    }

    /// The inverse of [`Deferrable::name`] (exact spelling).
    pub fn from_name(s: &str) -> Option<Deferrable> {
        Deferrable::ALL.into_iter().find(|d| d.name() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsers() {
        let fk = [
            ("cascade", Some(FkAction::Cascade)),
            ("SET NULL", Some(FkAction::SetNull)),
            ("set_null", Some(FkAction::SetNull)),
            ("no-action", Some(FkAction::NoAction)),
            ("  set   default ", Some(FkAction::SetDefault)),
            ("restrict", Some(FkAction::Restrict)),
            ("delete", None),
            ("", None),
        ];
        for (input, want) in fk {
            assert_eq!(FkAction::parse(input), want, "{input:?}");
        }
        assert_eq!(IndexMethod::parse("GIN"), Some(IndexMethod::Gin));
        assert_eq!(IndexMethod::parse("gin "), None);
        assert_eq!(
            Deferrable::from_name("initially_deferred"),
            Some(Deferrable::InitiallyDeferred)
        );
        assert_eq!(Deferrable::from_name("deferred"), None);
    }
}
