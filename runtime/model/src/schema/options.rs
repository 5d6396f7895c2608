//! The spelled-out options of indexes and foreign keys: [`IndexMethod`]
//! (with the storage parameters each method takes,
//! [`IndexMethod::storage_parameter`]), [`FkAction`], [`Deferrable`], with
//! their parsers.
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

/// The kind of value an index storage parameter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageValue {
    /// An integer between the two bounds (inclusive).
    Integer(i64, i64),
    /// A boolean (`true`, `false`, `on`, `off`, `yes`, `no`, `1`, `0`).
    Boolean,
    /// One of the listed words.
    Word(&'static [&'static str]),
}

/// The spellings of a boolean storage parameter accepted (PostgreSQL's
/// `parse_bool`, written out in full and in lower case).
pub const STORAGE_BOOLEANS: [&str; 8] = ["true", "false", "on", "off", "yes", "no", "1", "0"];

impl IndexMethod {
    /// The storage parameters (`WITH (...)`) an index of this method takes
    /// in PostgreSQL 15, with their values.
    pub fn storage_parameters(self) -> &'static [(&'static str, StorageValue)] {
        const FILLFACTOR: (&str, StorageValue) = ("fillfactor", StorageValue::Integer(10, 100));
        match self {
            IndexMethod::Btree => &[FILLFACTOR, ("deduplicate_items", StorageValue::Boolean)],
            IndexMethod::Hash | IndexMethod::Spgist => &[FILLFACTOR],
            IndexMethod::Gist => &[
                FILLFACTOR,
                ("buffering", StorageValue::Word(&["auto", "on", "off"])),
            ],
            IndexMethod::Gin => &[
                ("fastupdate", StorageValue::Boolean),
                (
                    "gin_pending_list_limit",
                    StorageValue::Integer(64, i32::MAX as i64),
                ),
            ],
            IndexMethod::Brin => &[
                ("pages_per_range", StorageValue::Integer(1, 131_072)),
                ("autosummarize", StorageValue::Boolean),
            ],
        }
    }

    /// Checks one storage parameter of an index of this method and returns
    /// it as [`Index::with`](super::Index::with) holds it and PostgreSQL
    /// stores it (`fillfactor=70`: the value as written, which the server
    /// keeps verbatim). The error says what is accepted.
    pub fn storage_parameter(self, name: &str, value: &str) -> Result<String, String> {
        let params = self.storage_parameters();
        let Some((_, kind)) = params.iter().find(|(n, _)| *n == name) else {
            let names: Vec<&str> = params.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "a {} index has no storage parameter `{name}` (it takes {})",
                self.as_str(),
                names.join(", ")
            ));
        };
        let ok = match kind {
            StorageValue::Integer(lo, hi) => match value.parse::<i64>() {
                Ok(v) if (*lo..=*hi).contains(&v) => true,
                _ => {
                    return Err(format!(
                        "`{name}` takes an integer from {lo} to {hi}, not {value:?}"
                    ))
                }
            },
            StorageValue::Boolean => STORAGE_BOOLEANS.contains(&value),
            StorageValue::Word(words) => words.contains(&value),
        };
        if !ok {
            let accepted: &[&str] = match kind {
                StorageValue::Word(words) => words,
                _ => &STORAGE_BOOLEANS,
            };
            return Err(format!(
                "`{name}` takes one of {}, not {value:?}",
                accepted.join(", ")
            ));
        }
        Ok(format!("{name}={value}"))
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

    #[test]
    fn storage_parameters() {
        let b = IndexMethod::Btree;
        assert_eq!(
            b.storage_parameter("fillfactor", "70"),
            Ok("fillfactor=70".into())
        );
        assert_eq!(
            b.storage_parameter("deduplicate_items", "off"),
            Ok("deduplicate_items=off".into())
        );
        assert!(b.storage_parameter("fillfactor", "5").is_err());
        assert!(b.storage_parameter("deduplicate_items", "maybe").is_err());
        assert!(b.storage_parameter("fastupdate", "on").is_err());
        assert_eq!(
            IndexMethod::Gist.storage_parameter("buffering", "auto"),
            Ok("buffering=auto".into())
        );
        assert!(IndexMethod::Gin
            .storage_parameter("gin_pending_list_limit", "63")
            .is_err());
    }
}
