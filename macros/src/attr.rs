//! Stage 1: parsing `#[table(...)]`, `#[column(...)]`, `#[pg_enum(...)]` and
//! `#[row(...)]`
//! into plain data that keeps the user's tokens for error spans.
//!
//! Every attribute list is split at its top-level commas and each item is
//! parsed on its own, so a bad item costs one error and the rest are still
//! read. Values are checked here as far as they can be checked alone (an
//! identifier's length, an expression's balance, an `sql_type`, a
//! `references` target); what needs the other fields is `check.rs`'s job.

use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Meta, Token};

use crate::ctxt::Ctxt;
use crate::sql::{self, PartitionKey, Reference};
use crate::symbol::*;
use crate::text::{did_you_mean, one_of};
use strata_model::ddl::table_objects::{
    PolicyCommand, RoleSpec, COLUMN_PRIVILEGES, TABLE_PRIVILEGES,
};
use strata_model::schema::{parse_column_type, Identity, SqlType, TypeName};
use strata_model::schema::{Deferrable, FkAction, IndexMethod, NullsOrder, SortOrder};

/// `#[table(...)]` of a struct (all of its `#[table]` attributes together).
#[derive(Default)]
pub struct TableAttrs {
    pub name: Option<LitStr>,
    pub schema: Option<LitStr>,
    pub comment: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
    /// `primary_key(a, b, ...)`.
    pub primary_key: Option<PrimaryKeyAttr>,
    pub uniques: Vec<UniqueAttr>,
    pub indexes: Vec<IndexAttr>,
    pub checks: Vec<CheckAttr>,
    pub foreign_keys: Vec<ForeignKeyAttr>,
    /// `partition_by = "range (created_at)"`.
    pub partition_by: Option<(LitStr, PartitionKey)>,
    pub partitions: Vec<PartitionAttr>,
    pub excludes: Vec<ExcludeAttr>,
    /// `row_level_security` (`force`: `row_level_security(force)`).
    pub row_level_security: Option<(Ident, bool)>,
    pub policies: Vec<PolicyAttr>,
    pub grants: Vec<GrantAttr>,
}

/// `partition(name = "...", schema = "...", values = "..." | default)`:
/// the bound as written (checked against the strategy in `check.rs`).
pub struct PartitionAttr {
    pub key: Ident,
    pub name: LitStr,
    pub schema: Option<LitStr>,
    pub bound: PartitionBoundAttr,
}

pub enum PartitionBoundAttr {
    Values(LitStr),
    Default(Ident),
}

/// `exclude(name = "...", method = "gist", elements = "...", where =
/// "...", deferrable = "...")`.
pub struct ExcludeAttr {
    pub key: Ident,
    pub name: LitStr,
    pub method: Option<(LitStr, IndexMethod)>,
    pub elements: LitStr,
    pub predicate: Option<LitStr>,
    pub deferrable: Option<Deferrable>,
}

/// `policy(name = "...", for = "select", to = "...", using = "...",
/// with_check = "...", restrictive)`.
pub struct PolicyAttr {
    pub key: Ident,
    pub name: LitStr,
    pub command: Option<(LitStr, PolicyCommand)>,
    pub to: Option<(LitStr, Vec<RoleSpec>)>,
    pub using: Option<LitStr>,
    pub with_check: Option<LitStr>,
    /// `restrictive` (true) or `permissive` (false), with the keyword.
    pub kind: Option<(Ident, bool)>,
}

/// `grant(privileges = "select, insert", to = "...", columns(a, b),
/// with_grant_option)`.
pub struct GrantAttr {
    /// The privileges in lower case (`all` for ALL).
    pub privileges: (LitStr, Vec<String>),
    pub to: (LitStr, Vec<RoleSpec>),
    pub columns: Vec<Ident>,
    pub with_grant_option: bool,
}

/// `primary_key(a, b, name = "...", deferrable = "...", comment = "...")`.
pub struct PrimaryKeyAttr {
    pub key: Ident,
    pub fields: Vec<Ident>,
    pub name: Option<LitStr>,
    pub deferrable: Option<Deferrable>,
    pub comment: Option<LitStr>,
}

/// `unique(a, b, name = "...", nulls = "not_distinct", deferrable = "...",
/// comment = "...")`.
pub struct UniqueAttr {
    pub key: Ident,
    pub fields: Vec<Ident>,
    pub name: Option<LitStr>,
    /// `nulls = "not_distinct"`: `UNIQUE NULLS NOT DISTINCT`.
    pub nulls_not_distinct: bool,
    pub deferrable: Option<Deferrable>,
    pub comment: Option<LitStr>,
}

/// One `name = value` of an index's `with(...)`: the value as written
/// (an integer, `true`/`false`, or a string's contents), checked against
/// the index's method in `check.rs`.
pub struct StorageParamAttr {
    pub name: Ident,
    pub value: String,
    pub span: proc_macro2::Span,
}

/// `index(columns(...), name = "...", unique, method = "...", where = "...",
/// include(...), nulls = "not_distinct", with(...), comment = "...")`.
pub struct IndexAttr {
    pub key: Ident,
    pub elements: Vec<IndexElementAttr>,
    pub name: Option<LitStr>,
    pub unique: Option<Ident>,
    pub method: Option<(LitStr, IndexMethod)>,
    pub predicate: Option<LitStr>,
    pub include: Vec<Ident>,
    /// `nulls = "..."`: true for `not_distinct`.
    pub nulls: Option<(LitStr, bool)>,
    pub with: Vec<StorageParamAttr>,
    pub comment: Option<LitStr>,
}

/// What an index element indexes: a field, or an SQL expression.
pub enum IndexTarget {
    Field(Ident),
    Expression(LitStr),
}

/// One element of `columns(...)`: `field desc nulls_last opclass = "..."`.
pub struct IndexElementAttr {
    pub target: IndexTarget,
    pub order: Option<(SortOrder, Ident)>,
    pub nulls: Option<(NullsOrder, Ident)>,
    pub opclass: Option<LitStr>,
}

/// `check(name = "...", expr = "...", comment = "...")`.
pub struct CheckAttr {
    pub name: LitStr,
    pub expr: LitStr,
    pub comment: Option<LitStr>,
}

/// `foreign_key(columns(...), references = "...", ...)`.
pub struct ForeignKeyAttr {
    pub key: Ident,
    pub columns: Vec<Ident>,
    pub references: (LitStr, Reference),
    pub on_delete: Option<(LitStr, FkAction)>,
    pub on_update: Option<(LitStr, FkAction)>,
    pub deferrable: Option<Deferrable>,
    /// `match = "full"`.
    pub match_full: bool,
    pub name: Option<LitStr>,
    pub comment: Option<LitStr>,
}

/// `sequence(start = 1, increment = 1, min = 1, max = 100, cache = 1,
/// cycle)` of an identity or serial column; each value with its span.
#[derive(Default)]
pub struct SequenceAttr {
    pub start: Option<(i64, proc_macro2::Span)>,
    pub increment: Option<(i64, proc_macro2::Span)>,
    pub min: Option<(i64, proc_macro2::Span)>,
    pub max: Option<(i64, proc_macro2::Span)>,
    pub cache: Option<(i64, proc_macro2::Span)>,
    pub cycle: Option<Ident>,
}

/// `#[column(...)]` of a field.
#[derive(Default)]
pub struct ColumnAttrs {
    pub name: Option<LitStr>,
    pub primary_key: Option<Ident>,
    pub sql_type: Option<(LitStr, SqlType, Option<Identity>)>,
    pub default: Option<LitStr>,
    pub unique: Option<Ident>,
    pub index: Option<Ident>,
    pub references: Option<(LitStr, Reference)>,
    pub on_delete: Option<(LitStr, FkAction)>,
    pub on_update: Option<(LitStr, FkAction)>,
    pub identity: Option<(LitStr, Identity)>,
    /// The `sequence` keyword and its options.
    pub sequence: Option<(Ident, SequenceAttr)>,
    /// `generated = "expr"`: `GENERATED ALWAYS AS (expr) STORED`.
    pub generated: Option<LitStr>,
    /// `collation = "..."`, resolved to a schema and name.
    pub collation: Option<(LitStr, TypeName)>,
    pub check: Option<LitStr>,
    pub comment: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
    pub not_null: Option<Ident>,
}

/// How `#[derive(PgEnum)]` spells variant names as labels.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RenameRule {
    SnakeCase,
    Lowercase,
    Uppercase,
    KebabCase,
    Verbatim,
}

impl RenameRule {
    const ALL: [(&'static str, RenameRule); 5] = [
        ("snake_case", RenameRule::SnakeCase),
        ("lowercase", RenameRule::Lowercase),
        ("UPPERCASE", RenameRule::Uppercase),
        ("kebab-case", RenameRule::KebabCase),
        ("verbatim", RenameRule::Verbatim),
    ];

    pub fn apply(self, variant: &str) -> String {
        match self {
            RenameRule::SnakeCase => crate::text::snake_case(variant),
            RenameRule::Lowercase => variant.to_lowercase(),
            RenameRule::Uppercase => variant.to_uppercase(),
            RenameRule::KebabCase => crate::text::kebab_case(variant),
            RenameRule::Verbatim => variant.to_string(),
        }
    }
}

/// `#[pg_enum(...)]` of an enum.
#[derive(Default)]
pub struct EnumAttrs {
    pub name: Option<LitStr>,
    pub schema: Option<LitStr>,
    pub rename_all: Option<RenameRule>,
    pub comment: Option<LitStr>,
}

/// `#[pg_enum(rename = "...")]` of a variant.
#[derive(Default)]
pub struct VariantAttrs {
    pub rename: Option<LitStr>,
}

/// `#[row(rename = "...")]` of a field of a `#[derive(FromRow)]` struct.
#[derive(Default)]
pub struct RowFieldAttrs {
    pub rename: Option<LitStr>,
}

/// `#[view(name = "...", schema = "...", sql = "...")]` of a struct.
#[derive(Default)]
pub struct ViewAttrs {
    pub name: Option<LitStr>,
    pub schema: Option<LitStr>,
    pub sql: Option<LitStr>,
    /// `sql` was written (a bad value is reported where it is read).
    pub sql_given: bool,
}

// ---------------------------------------------------------------------------
// The attributes

const IN_TABLE: &str = "`#[table(...)]`";
const IN_COLUMN: &str = "`#[column(...)]`";
const IN_ENUM: &str = "`#[pg_enum(...)]` on an enum";
const IN_VARIANT: &str = "`#[pg_enum(...)]` on a variant";
const IN_ROW_FIELD: &str = "`#[row(...)]` on a field";
const IN_VIEW: &str = "`#[view(...)]` on a struct";
const IN_VIEW_FIELD: &str = "`#[view(...)]` on a field";

pub fn table_attrs(cx: &Ctxt, attrs: &[Attribute]) -> TableAttrs {
    let mut out = TableAttrs::default();
    for_each_item(cx, attrs, TABLE, |key, input| {
        if key == NAME {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.name, key, IN_TABLE, v);
        } else if key == SCHEMA {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.schema, key, IN_TABLE, v);
        } else if key == COMMENT {
            let v = lit_str(key, input)?;
            set_once(cx, &mut out.comment, key, IN_TABLE, v);
        } else if key == RENAMED_FROM {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.renamed_from, key, IN_TABLE, v);
        } else if key == PRIMARY_KEY {
            let items = list(cx, key, input, "primary_key(field_a, field_b)")?;
            let pk = parse_primary_key(cx, key, items);
            if out.primary_key.is_some() {
                return Err(syn::Error::new(
                    key.span(),
                    "duplicate `primary_key(...)` in `#[table(...)]`: a table has one primary key; list all its fields in one `primary_key(a, b)`",
                ));
            }
            out.primary_key = Some(pk);
        } else if key == UNIQUE {
            let items = list(cx, key, input, "unique(field_a, field_b, name = \"...\")")?;
            out.uniques.extend(parse_unique(cx, key, items));
        } else if key == INDEX {
            let items = list(cx, key, input, "index(columns(field_a, field_b desc), ...)")?;
            out.indexes.extend(parse_index(cx, key, items));
        } else if key == CHECK {
            let items = list(cx, key, input, "check(name = \"...\", expr = \"...\")")?;
            out.checks.extend(parse_check(cx, key, items));
        } else if key == FOREIGN_KEY {
            let items = list(
                cx,
                key,
                input,
                "foreign_key(columns(a, b), references = \"table(x, y)\")",
            )?;
            out.foreign_keys.extend(parse_foreign_key(cx, key, items));
        } else if key == PARTITION_BY {
            let lit = lit_str(key, input)?;
            let k = sql::parse_partition_by(&lit.value()).map_err(|e| {
                syn::Error::new(
                    lit.span(),
                    format!("invalid `partition_by = {:?}`: {e}", lit.value()),
                )
            })?;
            set_once(cx, &mut out.partition_by, key, IN_TABLE, (lit, k));
        } else if key == PARTITION {
            let items = list(
                cx,
                key,
                input,
                "partition(name = \"...\", values = \"FROM (...) TO (...)\")",
            )?;
            out.partitions.extend(parse_partition(cx, key, items));
        } else if key == EXCLUDE {
            let items = list(
                cx,
                key,
                input,
                "exclude(name = \"...\", elements = \"room_id WITH =, during WITH &&\")",
            )?;
            out.excludes.extend(parse_exclude(cx, key, items));
        } else if key == ROW_LEVEL_SECURITY {
            let force = if input.peek(syn::token::Paren) {
                let items = list(cx, key, input, "row_level_security(force)")?;
                let mut force = false;
                for item in items {
                    parse_item(cx, item, |k, input| {
                        if k == FORCE {
                            flag(cx, k, input)?;
                            force = true;
                            Ok(())
                        } else {
                            Err(unknown_key(
                                k,
                                "`row_level_security(...)`",
                                ROW_LEVEL_SECURITY_KEYS,
                                None,
                            ))
                        }
                    });
                }
                force
            } else {
                flag(cx, key, input)?;
                false
            };
            set_once(
                cx,
                &mut out.row_level_security,
                key,
                IN_TABLE,
                (key.clone(), force),
            );
        } else if key == POLICY {
            let items = list(
                cx,
                key,
                input,
                "policy(name = \"...\", for = \"select\", to = \"role\", using = \"...\")",
            )?;
            out.policies.extend(parse_policy(cx, key, items));
        } else if key == GRANT {
            let items = list(
                cx,
                key,
                input,
                "grant(privileges = \"select, insert\", to = \"role\")",
            )?;
            out.grants.extend(parse_grant(cx, key, items));
        } else {
            return Err(unknown_key(
                key,
                IN_TABLE,
                TABLE_KEYS,
                Some((COLUMN_KEYS, "`#[column(...)]` on a field")),
            ));
        }
        Ok(())
    });
    out
}

pub fn column_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ColumnAttrs {
    let mut out = ColumnAttrs::default();
    for_each_item(cx, attrs, COLUMN, |key, input| {
        if key == NAME {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.name, key, IN_COLUMN, v);
        } else if key == PRIMARY_KEY {
            flag(cx, key, input)?;
            set_once(cx, &mut out.primary_key, key, IN_COLUMN, key.clone());
        } else if key == SQL_TYPE {
            let lit = lit_str(key, input)?;
            let (ty, serial) = parse_column_type(&lit.value()).map_err(|e| {
                syn::Error::new(
                    lit.span(),
                    format!("invalid `sql_type = {:?}`: {}", lit.value(), e.reason),
                )
            })?;
            set_once(cx, &mut out.sql_type, key, IN_COLUMN, (lit, ty, serial));
        } else if key == DEFAULT {
            let v = expression(key, input)?;
            set_once(cx, &mut out.default, key, IN_COLUMN, v);
        } else if key == UNIQUE {
            flag(cx, key, input)?;
            set_once(cx, &mut out.unique, key, IN_COLUMN, key.clone());
        } else if key == INDEX {
            flag(cx, key, input)?;
            set_once(cx, &mut out.index, key, IN_COLUMN, key.clone());
        } else if key == REFERENCES {
            let v = references(key, input)?;
            if v.1.columns.len() != 1 {
                return Err(syn::Error::new(
                    v.0.span(),
                    format!(
                        "`references = {:?}` names {}, but a field is one column; for a composite foreign key use `#[table(foreign_key(columns(a, b), references = \"...\"))]`",
                        v.0.value(),
                        count(v.1.columns.len(), "column"),
                    ),
                ));
            }
            set_once(cx, &mut out.references, key, IN_COLUMN, v);
        } else if key == ON_DELETE {
            let v = fk_action(key, input)?;
            set_once(cx, &mut out.on_delete, key, IN_COLUMN, v);
        } else if key == ON_UPDATE {
            let v = fk_action(key, input)?;
            set_once(cx, &mut out.on_update, key, IN_COLUMN, v);
        } else if key == IDENTITY {
            let lit = lit_str(key, input)?;
            let v = match Identity::from_name(&lit.value()) {
                Some(i @ (Identity::Always | Identity::ByDefault)) => i,
                Some(Identity::Serial) => {
                    return Err(syn::Error::new(
                        lit.span(),
                        "invalid `identity = \"serial\"`: serial is a column type here; write `sql_type = \"serial\"` (or `bigserial`, `smallserial`) instead",
                    ))
                }
                None => {
                    return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "invalid `identity = {:?}`: expected `always` (GENERATED ALWAYS AS IDENTITY) or `by_default` (GENERATED BY DEFAULT AS IDENTITY)",
                            lit.value()
                        ),
                    ))
                }
            };
            set_once(cx, &mut out.identity, key, IN_COLUMN, (lit, v));
        } else if key == SEQUENCE {
            let items = list(
                cx,
                key,
                input,
                "sequence(start = 1000, increment = 1, min = 1, max = 99999, cache = 1, cycle)",
            )?;
            let v = parse_sequence(cx, items);
            set_once(cx, &mut out.sequence, key, IN_COLUMN, (key.clone(), v));
        } else if key == GENERATED {
            let v = expression(key, input)?;
            set_once(cx, &mut out.generated, key, IN_COLUMN, v);
        } else if key == COLLATION {
            let lit = lit_str(key, input)?;
            let name = collation(&lit)?;
            set_once(cx, &mut out.collation, key, IN_COLUMN, (lit, name));
        } else if key == CHECK {
            let v = expression(key, input)?;
            set_once(cx, &mut out.check, key, IN_COLUMN, v);
        } else if key == COMMENT {
            let v = lit_str(key, input)?;
            set_once(cx, &mut out.comment, key, IN_COLUMN, v);
        } else if key == RENAMED_FROM {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.renamed_from, key, IN_COLUMN, v);
        } else if key == NOT_NULL {
            flag(cx, key, input)?;
            set_once(cx, &mut out.not_null, key, IN_COLUMN, key.clone());
        } else {
            return Err(unknown_key(
                key,
                IN_COLUMN,
                COLUMN_KEYS,
                Some((TABLE_KEYS, "`#[table(...)]` on the struct")),
            ));
        }
        Ok(())
    });
    out
}

pub fn enum_attrs(cx: &Ctxt, attrs: &[Attribute]) -> EnumAttrs {
    let mut out = EnumAttrs::default();
    for_each_item(cx, attrs, PG_ENUM, |key, input| {
        if key == NAME {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.name, key, IN_ENUM, v);
        } else if key == SCHEMA {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.schema, key, IN_ENUM, v);
        } else if key == COMMENT {
            let v = lit_str(key, input)?;
            set_once(cx, &mut out.comment, key, IN_ENUM, v);
        } else if key == RENAME_ALL {
            let lit = lit_str(key, input)?;
            let value = lit.value();
            let Some((_, rule)) = RenameRule::ALL.iter().find(|(n, _)| *n == value) else {
                let names: Vec<&str> = RenameRule::ALL.iter().map(|(n, _)| *n).collect();
                return Err(syn::Error::new(
                    lit.span(),
                    format!(
                        "invalid `rename_all = {value:?}`: expected {}",
                        one_of(&names)
                    ),
                ));
            };
            set_once(cx, &mut out.rename_all, key, IN_ENUM, *rule);
        } else {
            return Err(unknown_key(
                key,
                IN_ENUM,
                ENUM_KEYS,
                Some((VARIANT_KEYS, IN_VARIANT)),
            ));
        }
        Ok(())
    });
    out
}

pub fn variant_attrs(cx: &Ctxt, attrs: &[Attribute]) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    for_each_item(cx, attrs, PG_ENUM, |key, input| {
        if key == RENAME {
            let lit = lit_str(key, input)?;
            label(&lit)?;
            set_once(cx, &mut out.rename, key, IN_VARIANT, lit);
        } else {
            return Err(unknown_key(
                key,
                IN_VARIANT,
                VARIANT_KEYS,
                Some((ENUM_KEYS, IN_ENUM)),
            ));
        }
        Ok(())
    });
    out
}

pub fn row_field_attrs(cx: &Ctxt, attrs: &[Attribute]) -> RowFieldAttrs {
    let mut out = RowFieldAttrs::default();
    for_each_item(cx, attrs, ROW, |key, input| {
        if key == RENAME {
            let lit = lit_str(key, input)?;
            if lit.value().is_empty() {
                return Err(syn::Error::new(
                    lit.span(),
                    "`rename` needs a column name, not an empty string",
                ));
            }
            set_once(cx, &mut out.rename, key, IN_ROW_FIELD, lit);
        } else {
            return Err(unknown_key(key, IN_ROW_FIELD, ROW_FIELD_KEYS, None));
        }
        Ok(())
    });
    out
}

pub fn view_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ViewAttrs {
    let mut out = ViewAttrs::default();
    for_each_item(cx, attrs, VIEW, |key, input| {
        if key == NAME {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.name, key, IN_VIEW, v);
        } else if key == SCHEMA {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.schema, key, IN_VIEW, v);
        } else if key == SQL {
            out.sql_given = true;
            let lit = lit_str(key, input)?;
            sql::check_query(&lit.value()).map_err(|e| {
                syn::Error::new(
                    lit.span(),
                    format!("invalid `sql = {:?}`: {e}", lit.value()),
                )
            })?;
            set_once(cx, &mut out.sql, key, IN_VIEW, lit);
        } else {
            return Err(unknown_key(
                key,
                IN_VIEW,
                VIEW_KEYS,
                Some((VIEW_FIELD_KEYS, IN_VIEW_FIELD)),
            ));
        }
        Ok(())
    });
    out
}

/// `#[view(rename = "...")]` of a field: the view column it reads.
pub fn view_field_attrs(cx: &Ctxt, attrs: &[Attribute]) -> RowFieldAttrs {
    let mut out = RowFieldAttrs::default();
    for_each_item(cx, attrs, VIEW, |key, input| {
        if key == RENAME {
            let v = identifier(key, input)?;
            set_once(cx, &mut out.rename, key, IN_VIEW_FIELD, v);
        } else {
            return Err(unknown_key(
                key,
                IN_VIEW_FIELD,
                VIEW_FIELD_KEYS,
                Some((VIEW_KEYS, IN_VIEW)),
            ));
        }
        Ok(())
    });
    out
}

/// `1 field`, `2 fields`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Checks an enum label (PostgreSQL limits labels like identifiers).
pub fn label(lit: &LitStr) -> syn::Result<()> {
    sql::check_identifier(&lit.value())
        .map_err(|e| syn::Error::new(lit.span(), format!("invalid enum label: {e}")))
}

// ---------------------------------------------------------------------------
// The nested lists of `#[table(...)]`

fn parse_unique(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<UniqueAttr> {
    let before = cx.error_count();
    let mut fields = Vec::new();
    let mut name = None;
    let mut nulls: Option<bool> = None;
    let mut deferrable = None;
    let mut comment = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if input.is_empty() {
                fields.push(k.clone());
            } else if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, "`unique(...)`", v);
            } else if k == NULLS {
                let (_, v) = nulls_value(k, input)?;
                set_once(cx, &mut nulls, k, "`unique(...)`", v);
            } else if k == DEFERRABLE {
                let d = deferrable_value(k, input)?;
                set_once(cx, &mut deferrable, k, "`unique(...)`", d);
            } else if k == COMMENT {
                let v = lit_str(k, input)?;
                set_once(cx, &mut comment, k, "`unique(...)`", v);
            } else {
                return Err(options_error(
                    k,
                    "unique",
                    UNIQUE_KEYS,
                    &[
                        "name = \"...\"",
                        "nulls = \"not_distinct\"",
                        "deferrable = \"...\"",
                        "comment = \"...\"",
                    ],
                ));
            }
            Ok(())
        });
    }
    if fields.is_empty() {
        return missing(
            cx,
            before,
            key,
            "`unique(...)` names no field: write `unique(field_a, field_b)`",
        );
    }
    Some(UniqueAttr {
        key: key.clone(),
        fields,
        name,
        nulls_not_distinct: nulls.unwrap_or(false),
        deferrable,
        comment,
    })
}

fn parse_primary_key(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> PrimaryKeyAttr {
    const IN: &str = "`primary_key(...)`";
    let mut fields = Vec::new();
    let mut name = None;
    let mut deferrable = None;
    let mut comment = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if input.is_empty() {
                fields.push(k.clone());
            } else if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, IN, v);
            } else if k == DEFERRABLE {
                let d = deferrable_value(k, input)?;
                set_once(cx, &mut deferrable, k, IN, d);
            } else if k == COMMENT {
                let v = lit_str(k, input)?;
                set_once(cx, &mut comment, k, IN, v);
            } else {
                return Err(options_error(
                    k,
                    "primary_key",
                    PRIMARY_KEY_KEYS,
                    &[
                        "name = \"...\"",
                        "deferrable = \"...\"",
                        "comment = \"...\"",
                    ],
                ));
            }
            Ok(())
        });
    }
    PrimaryKeyAttr {
        key: key.clone(),
        fields,
        name,
        deferrable,
        comment,
    }
}

/// An unknown `k = ...` in a list of field names and options
/// (`unique(...)`, `primary_key(...)`).
fn options_error(k: &Ident, list: &str, keys: &[Symbol], forms: &[&str]) -> syn::Error {
    let hint = match did_you_mean(&k.to_string(), keys.iter().map(|s| s.0)) {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None => String::new(),
    };
    syn::Error::new(
        k.span(),
        format!(
            "unknown option `{k}` in `{list}(...)`{hint}: expected field names and optionally {}",
            one_of(forms)
        ),
    )
}

/// `nulls = "not_distinct"` (true) or `nulls = "distinct"` (false).
fn nulls_value(k: &Ident, input: ParseStream) -> syn::Result<(LitStr, bool)> {
    let lit = lit_str(k, input)?;
    let v = match lit.value().as_str() {
        "not_distinct" => true,
        "distinct" => false,
        other => {
            return Err(syn::Error::new(
                lit.span(),
                format!("invalid `nulls = {other:?}`: expected \"distinct\" (the default) or \"not_distinct\""),
            ))
        }
    };
    Ok((lit, v))
}

/// `deferrable = "initially_deferred"` etc., by the model's names.
fn deferrable_value(k: &Ident, input: ParseStream) -> syn::Result<Deferrable> {
    let lit = lit_str(k, input)?;
    Deferrable::from_name(&lit.value()).ok_or_else(|| {
        let names: Vec<&str> = Deferrable::ALL.iter().map(|d| d.name()).collect();
        syn::Error::new(
            lit.span(),
            format!(
                "invalid `deferrable = {:?}`: expected {}",
                lit.value(),
                one_of(&names)
            ),
        )
    })
}

/// `with(fillfactor = 70, deduplicate_items = false, buffering = "auto")`:
/// names and values as written; which names a method takes is checked
/// once the method is known.
fn parse_storage_params(cx: &Ctxt, items: Vec<TokenStream>) -> Vec<StorageParamAttr> {
    let mut out: Vec<StorageParamAttr> = Vec::new();
    for item in items {
        parse_item(cx, item, |k, input| {
            let form = format!("`{k} = 70`, `{k} = true` or `{k} = \"...\"`");
            if !input.peek(Token![=]) {
                return Err(syn::Error::new(
                    k.span(),
                    format!("the storage parameter `{k}` needs a value: `{k} = ...`, with an integer, `true`/`false` or a string"),
                ));
            }
            input.parse::<Token![=]>()?;
            let lit: syn::Lit = input
                .parse()
                .map_err(|e| syn::Error::new(e.span(), format!("expected a value: {form}")))?;
            let value = match &lit {
                syn::Lit::Int(i) if i.suffix().is_empty() => i.base10_digits().to_string(),
                syn::Lit::Bool(b) => b.value.to_string(),
                syn::Lit::Str(s) => s.value(),
                _ => {
                    return Err(syn::Error::new(
                        lit.span(),
                        format!("expected an integer, `true`/`false` or a string: {form}"),
                    ))
                }
            };
            if !input.is_empty() {
                let rest: TokenStream = input.parse()?;
                return Err(syn::Error::new_spanned(
                    rest,
                    "unexpected tokens after a storage parameter (items are separated by `,`)",
                ));
            }
            if out.iter().any(|p| p.name == *k) {
                cx.error_at(
                    k.span(),
                    format!("duplicate `{k}` in `with(...)`: give it once"),
                );
            } else {
                out.push(StorageParamAttr {
                    name: k.clone(),
                    value,
                    span: lit.span(),
                });
            }
            Ok(())
        });
    }
    out
}

/// `sequence(start = 100, increment = -1, min = .., max = .., cache = 20,
/// cycle)`: integers (with an optional `-`) and the flag `cycle`.
fn parse_sequence(cx: &Ctxt, items: Vec<TokenStream>) -> SequenceAttr {
    const IN: &str = "`sequence(...)`";
    let mut out = SequenceAttr::default();
    for item in items {
        parse_item(cx, item, |k, input| {
            let slot = if k == START {
                &mut out.start
            } else if k == INCREMENT {
                &mut out.increment
            } else if k == MIN {
                &mut out.min
            } else if k == MAX {
                &mut out.max
            } else if k == CACHE {
                &mut out.cache
            } else if k == CYCLE {
                flag(cx, k, input)?;
                set_once(cx, &mut out.cycle, k, IN, k.clone());
                return Ok(());
            } else {
                return Err(unknown_key(k, IN, SEQUENCE_KEYS, None));
            };
            let v = integer(k, input)?;
            set_once(cx, slot, k, IN, v);
            Ok(())
        });
    }
    out
}

/// A collation: `"C"`, `"en_US.utf8"`, `"und-x-icu"` (a name in
/// `pg_catalog`, taken whole: collation names contain dots), or a
/// qualified SQL name with the name double-quoted, `app."german"` or
/// `"app"."german"`, for a collation of another schema.
fn collation(lit: &LitStr) -> syn::Result<TypeName> {
    let text = lit.value();
    let err =
        |why: String| syn::Error::new(lit.span(), format!("invalid `collation = {text:?}`: {why}"));
    let (schema, name) = if text.ends_with('"') {
        let Some((schema, quoted)) = text[..text.len() - 1].rsplit_once(".\"") else {
            return Err(err(
                "a quoted collation name needs its schema: `schema.\"name\"` (or an unquoted name of pg_catalog, `C`)".into(),
            ));
        };
        if quoted.contains('"') {
            return Err(err("a double quote inside the quoted name".into()));
        }
        let schema = match schema.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            Some(s) if !s.contains('"') => s.to_string(),
            Some(_) => return Err(err("a double quote inside the quoted schema".into())),
            None if schema.contains('"') => {
                return Err(err("unbalanced double quotes in the schema".into()))
            }
            None => {
                if schema != schema.to_lowercase() {
                    return Err(err(format!(
                        "the unquoted schema `{schema}` would be folded to lower case by PostgreSQL; write it in lower case or in double quotes"
                    )));
                }
                schema.to_string()
            }
        };
        (schema, quoted.to_string())
    } else if text.contains('"') {
        return Err(err(
            "write a collation of another schema as `schema.\"name\"` (the name in double quotes)"
                .into(),
        ));
    } else {
        ("pg_catalog".to_string(), text.clone())
    };
    for part in [&schema, &name] {
        sql::check_identifier(part).map_err(err)?;
    }
    Ok(TypeName { schema, name })
}

/// `key = 123` or `key = -123`, an `i64`.
fn integer(key: &Ident, input: ParseStream) -> syn::Result<(i64, proc_macro2::Span)> {
    if !input.peek(Token![=]) {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` needs a value: `{key} = 100`"),
        ));
    }
    input.parse::<Token![=]>()?;
    let minus: Option<Token![-]> = input.parse()?;
    let lit: syn::LitInt = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            format!("expected an integer: `{key} = 100` (or `{key} = -100`)"),
        )
    })?;
    let span = lit.span();
    let n: i128 = lit
        .base10_parse()
        .map_err(|_| syn::Error::new(span, format!("`{key}` takes an integer without a suffix")))?;
    let n = if minus.is_some() { -n } else { n };
    let n = i64::try_from(n).map_err(|_| {
        syn::Error::new(
            span,
            format!(
                "`{key} = {n}` is out of range: a sequence holds 64-bit integers ({} to {})",
                i64::MIN,
                i64::MAX
            ),
        )
    })?;
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            rest,
            format!("unexpected tokens after `{key} = ...` (items are separated by `,`)"),
        ));
    }
    Ok((n, span))
}

fn parse_index(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<IndexAttr> {
    let before = cx.error_count();
    const IN: &str = "`index(...)`";
    let mut elements: Option<Vec<IndexElementAttr>> = None;
    let mut name = None;
    let mut unique = None;
    let mut method = None;
    let mut predicate = None;
    let mut include: Option<Vec<Ident>> = None;
    let mut nulls = None;
    let mut with: Option<Vec<StorageParamAttr>> = None;
    let mut comment = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if k == COLUMNS {
                let items = list(
                    cx,
                    k,
                    input,
                    "columns(field_a, field_b desc, \"lower(title)\")",
                )?;
                if items.is_empty() {
                    cx.error_at(
                        k.span(),
                        "`columns()` is empty: an index needs at least one field or expression",
                    );
                }
                let els: Vec<IndexElementAttr> = items
                    .into_iter()
                    .filter_map(|el| index_element(cx, el))
                    .collect();
                set_once(cx, &mut elements, k, IN, els);
            } else if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, IN, v);
            } else if k == UNIQUE {
                flag(cx, k, input)?;
                set_once(cx, &mut unique, k, IN, k.clone());
            } else if k == METHOD {
                let lit = lit_str(k, input)?;
                let m = IndexMethod::parse(&lit.value()).ok_or_else(|| {
                    let names: Vec<&str> = IndexMethod::ALL.iter().map(|m| m.as_str()).collect();
                    syn::Error::new(
                        lit.span(),
                        format!(
                            "invalid `method = {:?}`: expected {}",
                            lit.value(),
                            one_of(&names)
                        ),
                    )
                })?;
                set_once(cx, &mut method, k, IN, (lit, m));
            } else if k == WHERE {
                let v = expression(k, input)?;
                set_once(cx, &mut predicate, k, IN, v);
            } else if k == INCLUDE {
                let items = list(cx, k, input, "include(field_a, field_b)")?;
                let fields = field_list(cx, items, k);
                set_once(cx, &mut include, k, IN, fields);
            } else if k == NULLS {
                let v = nulls_value(k, input)?;
                set_once(cx, &mut nulls, k, IN, v);
            } else if k == WITH {
                let items = list(
                    cx,
                    k,
                    input,
                    "with(fillfactor = 70, deduplicate_items = false)",
                )?;
                if items.is_empty() {
                    cx.error_at(k.span(), "`with()` is empty: give storage parameters, as in `with(fillfactor = 70)`, or remove it");
                }
                let params = parse_storage_params(cx, items);
                set_once(cx, &mut with, k, IN, params);
            } else if k == COMMENT {
                let v = lit_str(k, input)?;
                set_once(cx, &mut comment, k, IN, v);
            } else {
                return Err(unknown_key(k, IN, INDEX_KEYS, None));
            }
            Ok(())
        });
    }
    let Some(elements) = elements else {
        return missing(
            cx,
            before,
            key,
            "`index(...)` needs `columns(...)`: write `index(columns(field_a, field_b desc))`",
        );
    };
    Some(IndexAttr {
        key: key.clone(),
        elements,
        name,
        unique,
        method,
        predicate,
        include: include.unwrap_or_default(),
        nulls,
        with: with.unwrap_or_default(),
        comment,
    })
}

/// One element of an index's `columns(...)`.
fn index_element(cx: &Ctxt, tokens: TokenStream) -> Option<IndexElementAttr> {
    let parser = |input: ParseStream| -> syn::Result<IndexElementAttr> {
        let target = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            sql::check_expression(&lit.value()).map_err(|e| {
                syn::Error::new(lit.span(), format!("invalid index expression: {e}"))
            })?;
            IndexTarget::Expression(lit)
        } else if input.peek(Ident::peek_any) {
            IndexTarget::Field(input.call(Ident::parse_any)?)
        } else {
            return Err(input.error(
                "expected a field name or a string with an SQL expression, as in `columns(status, created_at desc, \"lower(title)\")`",
            ));
        };
        let mut el = IndexElementAttr {
            target,
            order: None,
            nulls: None,
            opclass: None,
        };
        while !input.is_empty() {
            if !input.peek(Ident::peek_any) {
                let tt: TokenTree = input.parse()?;
                return Err(syn::Error::new(
                    tt.span(),
                    format!(
                        "unexpected `{tt}` in an index element: expected {}",
                        one_of(INDEX_ELEMENT_KEYS)
                    ),
                ));
            }
            let m = input.call(Ident::parse_any)?;
            let order = if m == ASC {
                Some(SortOrder::Asc)
            } else if m == DESC {
                Some(SortOrder::Desc)
            } else {
                None
            };
            let nulls = if m == NULLS_FIRST {
                Some(NullsOrder::First)
            } else if m == NULLS_LAST {
                Some(NullsOrder::Last)
            } else {
                None
            };
            if let Some(order) = order {
                match &el.order {
                    Some((_, prev)) => cx.error_at(
                        m.span(),
                        format!("`{m}` after `{prev}`: an index element has one sort order"),
                    ),
                    None => el.order = Some((order, m)),
                }
            } else if let Some(nulls) = nulls {
                match &el.nulls {
                    Some((_, prev)) => cx.error_at(
                        m.span(),
                        format!("`{m}` after `{prev}`: an index element has one NULLS order"),
                    ),
                    None => el.nulls = Some((nulls, m)),
                }
            } else if m == OPCLASS {
                input
                    .parse::<Token![=]>()
                    .map_err(|_| syn::Error::new(m.span(), "expected `opclass = \"...\"`"))?;
                let lit: LitStr = input.parse()?;
                match sql::check_opclass(&lit.value()) {
                    Err(e) => cx.error_at(lit.span(), format!("invalid `opclass`: {e}")),
                    Ok(()) if el.opclass.is_some() => {
                        cx.error_at(m.span(), "duplicate `opclass` in an index element")
                    }
                    Ok(()) => el.opclass = Some(lit),
                }
            } else {
                let hint =
                    match did_you_mean(&m.to_string(), INDEX_ELEMENT_KEYS.iter().map(|s| s.0)) {
                        Some(s) => format!(" (did you mean `{s}`?)"),
                        None => String::new(),
                    };
                cx.error_at(
                    m.span(),
                    format!(
                        "unknown index element option `{m}`{hint}: expected {}",
                        one_of(INDEX_ELEMENT_KEYS)
                    ),
                );
                if input.peek(Token![=]) {
                    input.parse::<Token![=]>()?;
                    input.parse::<TokenTree>()?;
                }
            }
        }
        Ok(el)
    };
    match parser.parse2(tokens) {
        Ok(el) => Some(el),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

fn parse_check(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<CheckAttr> {
    let before = cx.error_count();
    const IN: &str = "`check(...)`";
    let mut name = None;
    let mut expr = None;
    let mut comment = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, IN, v);
            } else if k == EXPR {
                let v = expression(k, input)?;
                set_once(cx, &mut expr, k, IN, v);
            } else if k == COMMENT {
                let v = lit_str(k, input)?;
                set_once(cx, &mut comment, k, IN, v);
            } else {
                return Err(unknown_key(k, IN, CHECK_KEYS, None));
            }
            Ok(())
        });
    }
    match (name, expr) {
        (Some(name), Some(expr)) => Some(CheckAttr {
            name,
            expr,
            comment,
        }),
        (None, _) => missing(
            cx,
            before,
            key,
            "`check(...)` needs a `name = \"...\"`: the default name PostgreSQL gives a table CHECK depends on the expression, so strata asks for one (a field's `#[column(check = \"...\")]` is named `<table>_<column>_check`)",
        ),
        (Some(_), None) => missing(
            cx,
            before,
            key,
            "`check(...)` needs `expr = \"...\"`: the boolean SQL expression to check",
        ),
    }
}

fn parse_foreign_key(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<ForeignKeyAttr> {
    let before = cx.error_count();
    const IN: &str = "`foreign_key(...)`";
    let mut columns = None;
    let mut refs = None;
    let mut on_delete = None;
    let mut on_update = None;
    let mut deferrable = None;
    let mut match_full = None;
    let mut name = None;
    let mut comment = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if k == COLUMNS {
                let items = list(cx, k, input, "columns(field_a, field_b)")?;
                let fields = field_list(cx, items, k);
                set_once(cx, &mut columns, k, IN, fields);
            } else if k == REFERENCES {
                let v = references(k, input)?;
                set_once(cx, &mut refs, k, IN, v);
            } else if k == ON_DELETE {
                let v = fk_action(k, input)?;
                set_once(cx, &mut on_delete, k, IN, v);
            } else if k == ON_UPDATE {
                let v = fk_action(k, input)?;
                set_once(cx, &mut on_update, k, IN, v);
            } else if k == DEFERRABLE {
                let d = deferrable_value(k, input)?;
                set_once(cx, &mut deferrable, k, IN, d);
            } else if k == MATCH {
                let lit = lit_str(k, input)?;
                let full = match lit.value().to_ascii_lowercase().as_str() {
                    "full" => true,
                    "simple" => false,
                    "partial" => return Err(syn::Error::new(
                        lit.span(),
                        "invalid `match = \"partial\"`: PostgreSQL does not implement MATCH PARTIAL; write `match = \"full\"` or `match = \"simple\"` (the default)",
                    )),
                    _ => return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "invalid `match = {:?}`: expected \"full\" (MATCH FULL: all referencing columns NULL, or none) or \"simple\" (the default)",
                            lit.value()
                        ),
                    )),
                };
                set_once(cx, &mut match_full, k, IN, full);
            } else if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, IN, v);
            } else if k == COMMENT {
                let v = lit_str(k, input)?;
                set_once(cx, &mut comment, k, IN, v);
            } else {
                return Err(unknown_key(k, IN, FOREIGN_KEY_KEYS, None));
            }
            Ok(())
        });
    }
    let (Some(columns), Some(references)) = (columns, refs) else {
        return missing(
            cx,
            before,
            key,
            "`foreign_key(...)` needs `columns(...)` and `references = \"table(x, y)\"`",
        );
    };
    if columns.len() != references.1.columns.len() {
        cx.error_at(
            references.0.span(),
            format!(
                "`columns(...)` names {} but `references = {:?}` names {}; they pair up one to one",
                count(columns.len(), "field"),
                references.0.value(),
                count(references.1.columns.len(), "column"),
            ),
        );
        return None;
    }
    Some(ForeignKeyAttr {
        key: key.clone(),
        columns,
        references,
        on_delete,
        on_update,
        deferrable,
        match_full: match_full.unwrap_or(false),
        name,
        comment,
    })
}

fn parse_partition(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<PartitionAttr> {
    let before = cx.error_count();
    const IN: &str = "`partition(...)`";
    let mut name = None;
    let mut schema = None;
    let mut values: Option<LitStr> = None;
    let mut default: Option<Ident> = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, IN, v);
            } else if k == SCHEMA {
                let v = identifier(k, input)?;
                set_once(cx, &mut schema, k, IN, v);
            } else if k == VALUES {
                let v = lit_str(k, input)?;
                set_once(cx, &mut values, k, IN, v);
            } else if k == DEFAULT {
                flag(cx, k, input)?;
                set_once(cx, &mut default, k, IN, k.clone());
            } else {
                return Err(unknown_key(k, IN, PARTITION_KEYS, None));
            }
            Ok(())
        });
    }
    let bound = match (values, default) {
        (Some(v), None) => PartitionBoundAttr::Values(v),
        (None, Some(d)) => PartitionBoundAttr::Default(d),
        (Some(_), Some(d)) => {
            cx.error_at(
                d.span(),
                "`partition(...)` with both `values` and `default`: a default partition takes the rows no other partition does, so it has no values; keep one",
            );
            return None;
        }
        (None, None) => {
            return missing(
                cx,
                before,
                key,
                "`partition(...)` needs its bound: `values = \"FROM (...) TO (...)\"` (range), `values = \"IN (...)\"` (list), `values = \"WITH (MODULUS n, REMAINDER r)\"` (hash), or `default`",
            )
        }
    };
    let Some(name) = name else {
        return missing(
            cx,
            before,
            key,
            "`partition(...)` needs a `name = \"...\"`: the partition is a table of its own",
        );
    };
    Some(PartitionAttr {
        key: key.clone(),
        name,
        schema,
        bound,
    })
}

fn parse_exclude(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<ExcludeAttr> {
    let before = cx.error_count();
    const IN: &str = "`exclude(...)`";
    let mut name = None;
    let mut method = None;
    let mut elements = None;
    let mut predicate = None;
    let mut deferrable = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, IN, v);
            } else if k == METHOD {
                let lit = lit_str(k, input)?;
                let m = match IndexMethod::parse(&lit.value()) {
                    Some(m @ (IndexMethod::Gist | IndexMethod::Spgist | IndexMethod::Btree | IndexMethod::Hash)) => m,
                    _ => {
                        return Err(syn::Error::new(
                            lit.span(),
                            format!(
                                "invalid `method = {:?}` in `exclude(...)`: an exclusion constraint needs an index method with amgettuple: expected \"gist\" (the default), \"spgist\", \"btree\" or \"hash\"",
                                lit.value()
                            ),
                        ))
                    }
                };
                set_once(cx, &mut method, k, IN, (lit, m));
            } else if k == ELEMENTS {
                let lit = lit_str(k, input)?;
                sql::check_exclusion_elements(&lit.value()).map_err(|e| {
                    syn::Error::new(
                        lit.span(),
                        format!("invalid `elements = {:?}`: {e}", lit.value()),
                    )
                })?;
                set_once(cx, &mut elements, k, IN, lit);
            } else if k == WHERE {
                let v = expression(k, input)?;
                set_once(cx, &mut predicate, k, IN, v);
            } else if k == DEFERRABLE {
                let d = deferrable_value(k, input)?;
                set_once(cx, &mut deferrable, k, IN, d);
            } else {
                return Err(unknown_key(k, IN, EXCLUDE_KEYS, None));
            }
            Ok(())
        });
    }
    match (name, elements) {
        (Some(name), Some(elements)) => Some(ExcludeAttr {
            key: key.clone(),
            name,
            method,
            elements,
            predicate,
            deferrable,
        }),
        (None, _) => missing(
            cx,
            before,
            key,
            "`exclude(...)` needs a `name = \"...\"`: the constraint's name (PostgreSQL's default name depends on the elements, so strata asks for one)",
        ),
        (Some(_), None) => missing(
            cx,
            before,
            key,
            "`exclude(...)` needs `elements = \"...\"`: what no two rows may share, as in `elements = \"room_id WITH =, during WITH &&\"`",
        ),
    }
}

/// `to = "role, ..."`.
fn roles(k: &Ident, input: ParseStream) -> syn::Result<(LitStr, Vec<RoleSpec>)> {
    let lit = lit_str(k, input)?;
    let roles = RoleSpec::parse_list(&lit.value()).map_err(|e| {
        syn::Error::new(
            lit.span(),
            format!("invalid `{k} = {:?}`: {e}", lit.value()),
        )
    })?;
    Ok((lit, roles))
}

fn parse_policy(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<PolicyAttr> {
    let before = cx.error_count();
    const IN: &str = "`policy(...)`";
    let mut name = None;
    let mut command = None;
    let mut to = None;
    let mut using = None;
    let mut with_check = None;
    let mut kind: Option<(Ident, bool)> = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if k == NAME {
                let v = identifier(k, input)?;
                set_once(cx, &mut name, k, IN, v);
            } else if k == FOR {
                let lit = lit_str(k, input)?;
                let Some(c) = PolicyCommand::parse(&lit.value()) else {
                    let names: Vec<&str> = PolicyCommand::ALL.iter().map(|c| c.name()).collect();
                    return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "invalid `for = {:?}`: expected {}",
                            lit.value(),
                            one_of(&names)
                        ),
                    ));
                };
                set_once(cx, &mut command, k, IN, (lit, c));
            } else if k == TO {
                let v = roles(k, input)?;
                set_once(cx, &mut to, k, IN, v);
            } else if k == USING {
                let v = expression(k, input)?;
                set_once(cx, &mut using, k, IN, v);
            } else if k == WITH_CHECK {
                let v = expression(k, input)?;
                set_once(cx, &mut with_check, k, IN, v);
            } else if k == RESTRICTIVE || k == PERMISSIVE {
                flag(cx, k, input)?;
                if let Some((first, _)) = &kind {
                    cx.error_at(
                        k.span(),
                        format!("`{k}` after `{first}` in `policy(...)`: a policy is permissive (the default) or restrictive; keep one"),
                    );
                } else {
                    kind = Some((k.clone(), k == RESTRICTIVE));
                }
            } else {
                return Err(unknown_key(k, IN, POLICY_KEYS, None));
            }
            Ok(())
        });
    }
    let Some(name) = name else {
        return missing(
            cx,
            before,
            key,
            "`policy(...)` needs a `name = \"...\"`: policies are named per table",
        );
    };
    if cx.error_count() > before {
        // An item was refused (and reported): the checks of the whole
        // policy would only repeat it.
        return None;
    }
    Some(PolicyAttr {
        key: key.clone(),
        name,
        command,
        to,
        using,
        with_check,
        kind,
    })
}

fn parse_grant(cx: &Ctxt, key: &Ident, items: Vec<TokenStream>) -> Option<GrantAttr> {
    let before = cx.error_count();
    const IN: &str = "`grant(...)`";
    let mut privileges = None;
    let mut to = None;
    let mut columns = None;
    let mut with_grant_option = None;
    for item in items {
        parse_item(cx, item, |k, input| {
            if k == PRIVILEGES {
                let lit = lit_str(k, input)?;
                let p = privilege_list(&lit)?;
                set_once(cx, &mut privileges, k, IN, (lit, p));
            } else if k == TO {
                let v = roles(k, input)?;
                set_once(cx, &mut to, k, IN, v);
            } else if k == COLUMNS {
                let items = list(cx, k, input, "columns(field_a, field_b)")?;
                let fields = field_list(cx, items, k);
                set_once(cx, &mut columns, k, IN, fields);
            } else if k == WITH_GRANT_OPTION {
                flag(cx, k, input)?;
                set_once(cx, &mut with_grant_option, k, IN, k.clone());
            } else {
                return Err(unknown_key(k, IN, GRANT_KEYS, None));
            }
            Ok(())
        });
    }
    let (Some(privileges), Some(to)) = (privileges, to) else {
        return missing(
            cx,
            before,
            key,
            "`grant(...)` needs `privileges = \"...\"` and `to = \"role\"`, as in `grant(privileges = \"select, insert\", to = \"app_user\")`",
        );
    };
    let columns = columns.unwrap_or_default();
    if !columns.is_empty() {
        if let Some(p) = privileges
            .1
            .iter()
            .find(|p| *p != "all" && !COLUMN_PRIVILEGES.contains(&p.as_str()))
        {
            cx.error_at(
                privileges.0.span(),
                format!(
                    "`{p}` cannot be granted on columns: a `grant(...)` with `columns(...)` takes {}",
                    one_of(&COLUMN_PRIVILEGES)
                ),
            );
            return None;
        }
    }
    Some(GrantAttr {
        privileges,
        to,
        columns,
        with_grant_option: with_grant_option.is_some(),
    })
}

/// `"select, insert"` (any case), or `"all"` / `"all privileges"`.
fn privilege_list(lit: &LitStr) -> syn::Result<Vec<String>> {
    let text = lit.value();
    let lower = text.trim().to_ascii_lowercase();
    if lower == "all" || lower == "all privileges" {
        return Ok(vec!["all".into()]);
    }
    let mut out: Vec<String> = Vec::new();
    for part in lower.split(',') {
        let p = part.trim();
        let err = |msg: String| syn::Error::new(lit.span(), msg);
        if p.is_empty() {
            return Err(err(format!(
                "invalid `privileges = {text:?}`: an empty privilege; list them separated by `,`"
            )));
        }
        if !TABLE_PRIVILEGES.contains(&p) {
            let hint = match did_you_mean(p, TABLE_PRIVILEGES.iter().copied()) {
                Some(s) => format!(" (did you mean `{s}`?)"),
                None => String::new(),
            };
            return Err(err(format!(
                "invalid `privileges = {text:?}`: `{p}` is not a table privilege{hint}; expected a list of {}, or \"all\"",
                TABLE_PRIVILEGES.map(|p| format!("`{p}`")).join(", ")
            )));
        }
        if out.iter().any(|o| o == p) {
            return Err(err(format!(
                "invalid `privileges = {text:?}`: `{p}` is listed twice"
            )));
        }
        out.push(p.to_string());
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Machinery

/// Reports a missing required part of a nested list, unless an error since
/// `before` already explains it (a bad value that was dropped).
fn missing<T>(cx: &Ctxt, before: usize, key: &Ident, msg: &str) -> Option<T> {
    if cx.error_count() == before {
        cx.error_at(key.span(), msg);
    }
    None
}

/// Calls `each(key, rest)` for every item of every `#[<attr>(...)]` in
/// `attrs`; an `Err` from `each` is recorded and the next item is read.
fn for_each_item(
    cx: &Ctxt,
    attrs: &[Attribute],
    attr: Symbol,
    mut each: impl FnMut(&Ident, ParseStream) -> syn::Result<()>,
) {
    for a in attrs {
        if !a.path().is_ident(attr.0) {
            continue;
        }
        let tokens = match &a.meta {
            Meta::List(l) if matches!(l.delimiter, syn::MacroDelimiter::Paren(_)) => {
                l.tokens.clone()
            }
            other => {
                cx.error_spanned_by(other, format!("expected `#[{attr}(...)]`"));
                continue;
            }
        };
        for item in split_items(cx, tokens) {
            parse_item(cx, item, &mut each);
        }
    }
}

/// Parses one `key ...` item.
fn parse_item(
    cx: &Ctxt,
    item: TokenStream,
    mut each: impl FnMut(&Ident, ParseStream) -> syn::Result<()>,
) {
    let parser = |input: ParseStream| -> syn::Result<()> {
        if !input.peek(Ident::peek_any) {
            let tt: TokenTree = input.parse()?;
            return Err(syn::Error::new(
                tt.span(),
                format!("expected a key, as in `name = \"...\"`, found `{tt}`"),
            ));
        }
        let key = input.call(Ident::parse_any)?.unraw();
        each(&key, input)
    };
    if let Err(e) = parser.parse2(item) {
        cx.syn_error(e);
    }
}

/// Splits an attribute's tokens at the top-level commas.
fn split_items(cx: &Ctxt, tokens: TokenStream) -> Vec<TokenStream> {
    let mut items = Vec::new();
    let mut current = TokenStream::new();
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ',' => {
                if current.is_empty() {
                    cx.error_at(p.span(), "unexpected `,`: expected an item before it");
                }
                items.push(std::mem::take(&mut current));
            }
            _ => current.extend([tt]),
        }
    }
    if !current.is_empty() {
        items.push(current);
    }
    items.retain(|i| !i.is_empty());
    items
}

fn set_once<T>(cx: &Ctxt, slot: &mut Option<T>, key: &Ident, within: &str, value: T) {
    if slot.is_some() {
        cx.error_at(
            key.span(),
            format!("duplicate `{key}` in {within}: give it once"),
        );
    } else {
        *slot = Some(value);
    }
}

/// An unknown key in `within`; `elsewhere` names the keys of the attribute
/// the user may have meant instead.
fn unknown_key(
    key: &Ident,
    within: &str,
    keys: &[Symbol],
    elsewhere: Option<(&[Symbol], &str)>,
) -> syn::Error {
    let word = key.to_string();
    let close = did_you_mean(&word, keys.iter().map(|s| s.0));
    let mut msg = format!("unknown key `{word}` in {within}");
    match elsewhere {
        Some((other_keys, other)) if other_keys.iter().any(|s| s.0 == word) => {
            msg.push_str(&format!("; `{word}` belongs in {other}"));
        }
        _ => {
            if let Some(s) = close {
                msg.push_str(&format!("; did you mean `{s}`?"));
            }
        }
    }
    msg.push_str(&format!(" (expected {})", one_of(keys)));
    syn::Error::new(key.span(), msg)
}

/// `key = "string"`.
fn lit_str(key: &Ident, input: ParseStream) -> syn::Result<LitStr> {
    if input.is_empty() {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` needs a value: `{key} = \"...\"`"),
        ));
    }
    if !input.peek(Token![=]) {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            rest,
            format!("expected `{key} = \"...\"`"),
        ));
    }
    input.parse::<Token![=]>()?;
    if input.is_empty() {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key} =` needs a string after it: `{key} = \"...\"`"),
        ));
    }
    let value: TokenTree = input.parse()?;
    let lit = match &value {
        TokenTree::Literal(l) => match syn::Lit::new(l.clone()) {
            syn::Lit::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    };
    let Some(lit) = lit else {
        return Err(syn::Error::new(
            value.span(),
            format!(
                "expected a string: `{key} = \"{}\"`",
                value.to_string().trim_matches('"')
            ),
        ));
    };
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            rest,
            format!("unexpected tokens after `{key} = \"...\"` (items are separated by `,`)"),
        ));
    }
    Ok(lit)
}

/// `key = "identifier"`.
fn identifier(key: &Ident, input: ParseStream) -> syn::Result<LitStr> {
    let lit = lit_str(key, input)?;
    sql::check_identifier(&lit.value())
        .map_err(|e| syn::Error::new(lit.span(), format!("invalid `{key}`: {e}")))?;
    Ok(lit)
}

/// `key = "SQL expression"`.
fn expression(key: &Ident, input: ParseStream) -> syn::Result<LitStr> {
    let lit = lit_str(key, input)?;
    sql::check_expression(&lit.value()).map_err(|e| {
        syn::Error::new(
            lit.span(),
            format!("invalid `{key} = {:?}`: {e}", lit.value()),
        )
    })?;
    Ok(lit)
}

/// `key = "table(column)"`.
fn references(key: &Ident, input: ParseStream) -> syn::Result<(LitStr, Reference)> {
    let lit = lit_str(key, input)?;
    let r = sql::parse_reference(&lit.value()).map_err(|e| {
        syn::Error::new(
            lit.span(),
            format!("invalid `{key} = {:?}`: {e}", lit.value()),
        )
    })?;
    Ok((lit, r))
}

/// `key = "cascade"` etc.
fn fk_action(key: &Ident, input: ParseStream) -> syn::Result<(LitStr, FkAction)> {
    let lit = lit_str(key, input)?;
    match FkAction::parse(&lit.value()) {
        Some(a) => Ok((lit, a)),
        None => {
            let names: Vec<String> = FkAction::ALL
                .iter()
                .map(|a| a.as_sql().to_lowercase())
                .collect();
            Err(syn::Error::new(
                lit.span(),
                format!(
                    "invalid `{key} = {:?}`: expected {}",
                    lit.value(),
                    one_of(&names)
                ),
            ))
        }
    }
}

/// A flag: `key` alone. A value after it is reported, and the flag is still
/// taken as set (its intent is plain), so no follow-up errors appear.
fn flag(cx: &Ctxt, key: &Ident, input: ParseStream) -> syn::Result<()> {
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        cx.error_spanned_by(
            rest,
            format!("`{key}` is a flag and takes no value: write `{key}` alone"),
        );
    }
    Ok(())
}

/// `key(...)`: the items of the list.
fn list(cx: &Ctxt, key: &Ident, input: ParseStream, form: &str) -> syn::Result<Vec<TokenStream>> {
    if !input.peek(syn::token::Paren) {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` takes a list: `{form}`"),
        ));
    }
    let content;
    syn::parenthesized!(content in input);
    let tokens: TokenStream = content.parse()?;
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            rest,
            format!("unexpected tokens after `{key}(...)` (items are separated by `,`)"),
        ));
    }
    Ok(split_items(cx, tokens))
}

/// A list of field names; a bad element is reported and skipped.
fn field_list(cx: &Ctxt, items: Vec<TokenStream>, key: &Ident) -> Vec<Ident> {
    let mut out = Vec::new();
    for item in items {
        let parsed = (|input: ParseStream| -> syn::Result<Ident> {
            let id = input
                .call(Ident::parse_any)
                .map_err(|_| input.error(format!("expected a field name in `{key}(...)`")))?;
            if !input.is_empty() {
                let rest: TokenStream = input.parse()?;
                return Err(syn::Error::new_spanned(
                    rest,
                    format!("expected only field names in `{key}(...)`, separated by `,`"),
                ));
            }
            Ok(id.unraw())
        })
        .parse2(item);
        match parsed {
            Ok(id) => out.push(id),
            Err(e) => cx.syn_error(e),
        }
    }
    out
}
