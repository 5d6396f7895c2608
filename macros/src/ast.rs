//! Stage 2: the derive input as the macro sees it: the struct (or enum) with
//! its parsed attributes, keeping references to the original tokens so later
//! errors point at the user's code. Shape errors (not a struct with named
//! fields, generics, a data-carrying enum variant) are reported here.

use syn::{Data, DeriveInput, Fields, Generics, Ident, Type, Visibility};

use crate::attr::{
    self, ColumnAttrs, EnumAttrs, RowFieldAttrs, TableAttrs, VariantAttrs, ViewAttrs,
};
use crate::ctxt::Ctxt;
use crate::symbol::{COLUMN, ROW, TABLE};

/// A struct with `#[derive(Table)]`.
pub struct Model<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub attrs: TableAttrs,
    pub fields: Vec<Field<'a>>,
}

/// One named field.
pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    pub attrs: ColumnAttrs,
    /// The type is `Option<_>` (syntactically: its last path segment).
    pub is_option: bool,
}

impl<'a> Model<'a> {
    /// Reads the struct; `None` when its shape rules it out (the error is in
    /// `cx`).
    pub fn from_input(cx: &Ctxt, input: &'a DeriveInput) -> Option<Model<'a>> {
        no_generics(cx, &input.generics, "Table", "a table's row type");
        let attrs = attr::table_attrs(cx, &input.attrs);
        misplaced(
            cx,
            &input.attrs,
            COLUMN.0,
            "on the fields, not on the struct",
        );
        let named = match &input.data {
            Data::Struct(s) => match &s.fields {
                Fields::Named(named) => named,
                Fields::Unnamed(_) => {
                    cx.error_spanned_by(
                        &input.ident,
                        "`#[derive(Table)]` needs a struct with named fields (`struct Job { id: i64, ... }`): each field is a column; a tuple struct has no column names",
                    );
                    return None;
                }
                Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        "`#[derive(Table)]` needs a struct with named fields (`struct Job { id: i64, ... }`): a unit struct has no columns",
                    );
                    return None;
                }
            },
            Data::Enum(e) => {
                cx.error_spanned_by(
                    e.enum_token,
                    "`#[derive(Table)]` needs a struct with named fields, not an enum; for a PostgreSQL enum type use `#[derive(PgEnum)]`",
                );
                return None;
            }
            Data::Union(u) => {
                cx.error_spanned_by(
                    u.union_token,
                    "`#[derive(Table)]` needs a struct with named fields, not a union",
                );
                return None;
            }
        };
        let fields = named
            .named
            .iter()
            .filter_map(|f| {
                misplaced(cx, &f.attrs, TABLE.0, "on the struct, not on a field");
                Some(Field {
                    ident: f.ident.as_ref()?,
                    ty: &f.ty,
                    attrs: attr::column_attrs(cx, &f.attrs),
                    is_option: is_option(&f.ty),
                })
            })
            .collect();
        Some(Model {
            ident: &input.ident,
            vis: &input.vis,
            attrs,
            fields,
        })
    }
}

/// An enum with `#[derive(PgEnum)]`.
pub struct EnumModel<'a> {
    pub ident: &'a Ident,
    pub attrs: EnumAttrs,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
}

impl<'a> EnumModel<'a> {
    pub fn from_input(cx: &Ctxt, input: &'a DeriveInput) -> Option<EnumModel<'a>> {
        no_generics(cx, &input.generics, "PgEnum", "a PostgreSQL enum type");
        let attrs = attr::enum_attrs(cx, &input.attrs);
        let data = match &input.data {
            Data::Enum(e) => e,
            Data::Struct(s) => {
                cx.error_spanned_by(
                    s.struct_token,
                    "`#[derive(PgEnum)]` needs an enum whose variants have no fields; for a table use `#[derive(Table)]`",
                );
                return None;
            }
            Data::Union(u) => {
                cx.error_spanned_by(
                    u.union_token,
                    "`#[derive(PgEnum)]` needs an enum whose variants have no fields, not a union",
                );
                return None;
            }
        };
        if data.variants.is_empty() {
            cx.error_spanned_by(
                &input.ident,
                "`#[derive(PgEnum)]` on an enum with no variants: a PostgreSQL enum type needs at least one label",
            );
        }
        let variants = data
            .variants
            .iter()
            .map(|v| {
                if !matches!(v.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        &v.fields,
                        format!(
                            "variant `{}` carries data, but a PostgreSQL enum value is only a label: `#[derive(PgEnum)]` needs variants without fields",
                            v.ident
                        ),
                    );
                }
                Variant {
                    ident: &v.ident,
                    attrs: attr::variant_attrs(cx, &v.attrs),
                }
            })
            .collect();
        Some(EnumModel {
            ident: &input.ident,
            attrs,
            variants,
        })
    }
}

/// A struct with `#[derive(FromRow)]`.
pub struct RowModel<'a> {
    pub ident: &'a Ident,
    pub fields: Vec<RowField<'a>>,
}

/// One named field of a `#[derive(FromRow)]` struct.
pub struct RowField<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    pub attrs: RowFieldAttrs,
}

impl<'a> RowModel<'a> {
    /// Reads the struct; `None` when its shape rules it out (the error is in
    /// `cx`).
    pub fn from_input(cx: &Ctxt, input: &'a DeriveInput) -> Option<RowModel<'a>> {
        no_generics(cx, &input.generics, "FromRow", "a result row");
        misplaced(
            cx,
            &input.attrs,
            ROW.0,
            "on a field (`#[row(rename = \"...\")]`), not on the struct",
        );
        let fields = row_fields(
            cx,
            input,
            &Shape {
                derive: "FromRow",
                tuple: "`#[derive(FromRow)]` needs a struct with named fields (`struct Totals { id: i32, n: i64 }`): a field reads the column of its name; for positional rows use a tuple (`Select::project` reads into one)",
                unit: "`#[derive(FromRow)]` needs a struct with named fields (`struct Totals { id: i32, n: i64 }`): a unit struct reads no columns",
                empty: "`#[derive(FromRow)]` on a struct without fields: a result row needs at least one",
            },
            attr::row_field_attrs,
        )?;
        Some(RowModel {
            ident: &input.ident,
            fields,
        })
    }
}

/// A struct with `#[derive(View)]`.
pub struct ViewModel<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub attrs: ViewAttrs,
    /// The fields; `attrs.rename` is the view column a field reads.
    pub fields: Vec<RowField<'a>>,
}

impl<'a> ViewModel<'a> {
    /// Reads the struct; `None` when its shape rules it out (the error is in
    /// `cx`).
    pub fn from_input(cx: &Ctxt, input: &'a DeriveInput) -> Option<ViewModel<'a>> {
        no_generics(cx, &input.generics, "View", "a view's row type");
        let attrs = attr::view_attrs(cx, &input.attrs);
        let needs = "`#[derive(View)]` needs a struct with named fields (`struct ActiveJob { id: i64, ... }`): each field reads the view column of its name";
        let fields = row_fields(
            cx,
            input,
            &Shape {
                derive: "View",
                tuple: needs,
                unit: needs,
                empty:
                    "`#[derive(View)]` on a struct without fields: a view has at least one column",
            },
            attr::view_field_attrs,
        )?;
        Some(ViewModel {
            ident: &input.ident,
            vis: &input.vis,
            attrs,
            fields,
        })
    }
}

/// What a derive that reads rows into a struct with named fields says
/// when the item has another shape.
struct Shape<'m> {
    derive: &'m str,
    /// For a tuple struct.
    tuple: &'m str,
    /// For a unit struct.
    unit: &'m str,
    /// For a struct with named fields but none of them.
    empty: &'m str,
}

/// The named fields of a struct, each with its attributes read by
/// `field_attrs`; `None` (the error in `cx`) for any other shape.
fn row_fields<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    shape: &Shape<'_>,
    field_attrs: fn(&Ctxt, &[syn::Attribute]) -> RowFieldAttrs,
) -> Option<Vec<RowField<'a>>> {
    let derive = shape.derive;
    let named = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(named) => named,
            Fields::Unnamed(_) => {
                cx.error_spanned_by(&input.ident, shape.tuple);
                return None;
            }
            Fields::Unit => {
                cx.error_spanned_by(&input.ident, shape.unit);
                return None;
            }
        },
        Data::Enum(e) => {
            cx.error_spanned_by(
                e.enum_token,
                format!("`#[derive({derive})]` needs a struct with named fields, not an enum"),
            );
            return None;
        }
        Data::Union(u) => {
            cx.error_spanned_by(
                u.union_token,
                format!("`#[derive({derive})]` needs a struct with named fields, not a union"),
            );
            return None;
        }
    };
    if named.named.is_empty() {
        cx.error_spanned_by(&input.ident, shape.empty);
    }
    Some(
        named
            .named
            .iter()
            .filter_map(|f| {
                Some(RowField {
                    ident: f.ident.as_ref()?,
                    ty: &f.ty,
                    attrs: field_attrs(cx, &f.attrs),
                })
            })
            .collect(),
    )
}

fn no_generics(cx: &Ctxt, generics: &Generics, derive: &str, what: &str) {
    if !generics.params.is_empty() {
        cx.error_spanned_by(
            &generics.params,
            format!("`#[derive({derive})]` does not support generic parameters: {what} maps to one fixed PostgreSQL type"),
        );
    } else if let Some(w) = &generics.where_clause {
        cx.error_spanned_by(
            w,
            format!("`#[derive({derive})]` does not support a `where` clause"),
        );
    }
}

/// Reports `#[name(...)]` attributes placed where they mean nothing.
fn misplaced(cx: &Ctxt, attrs: &[syn::Attribute], name: &str, belongs: &str) {
    for a in attrs {
        if a.path().is_ident(name) {
            cx.error_spanned_by(a, format!("`#[{name}(...)]` belongs {belongs}"));
        }
    }
}

/// `Option<T>` (or `std::option::Option<T>`, ...), read from the syntax: the
/// last path segment is `Option` with one type argument.
pub fn is_option(ty: &Type) -> bool {
    option_inner(ty).is_some()
}

/// `T` of `Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// True when the type is `i16`, `i32` or `i64` (syntactically), the Rust
/// types of PostgreSQL's integer types.
pub fn is_integer_type(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| {
            s.arguments.is_none() && ["i16", "i32", "i64"].iter().any(|t| s.ident == t)
        })
}
