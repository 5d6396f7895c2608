//! Stage 4 for `#[derive(Table)]`: the `<Struct>Columns` handles, the
//! `impl strata::Table` and the registry entry, from a checked
//! [`ir::Table`]. Only absolute `::strata::...` paths are emitted.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ir;
use crate::text::type_string;
use crate::tokens::{self, option, string, strings, vec_of};

pub fn expand(t: &ir::Table) -> TokenStream {
    let ident = t.ident;
    let vis = t.vis;
    let columns_ident = format_ident!("{}Columns", ident);
    let schema = &t.schema;
    let name = &t.name;
    let n_columns = t.columns.len();

    let fields: Vec<(&Ident, &syn::Type, &str)> = t
        .columns
        .iter()
        .map(|c| (c.field, c.ty, c.name.as_str()))
        .collect();
    let (handles_struct, handles_value) =
        handles(ident, vis, Some(&format!("{schema}.{name}")), &fields);

    // Table constants
    let column_infos = t.columns.iter().enumerate().map(|(i, c)| {
        let col = &c.name;
        let field = c.field.to_string();
        let field = field.trim_start_matches("r#");
        let rust_type = type_string(c.ty);
        let generated = c.identity.is_some();
        let primary_key = t.primary_key.contains(&i);
        quote! {
            ::strata::ColumnInfo {
                name: #col,
                field: #field,
                rust_type: #rust_type,
                generated: #generated,
                primary_key: #primary_key,
            }
        }
    });
    let primary_key = &t.primary_key;
    let key_fields: Vec<&ir::Column> = t.primary_key.iter().map(|&i| &t.columns[i]).collect();
    let (key_type, key_value) = match key_fields.as_slice() {
        [one] => {
            let ty = one.ty;
            let field = one.field;
            (
                quote!(#ty),
                quote_spanned!(ty.span()=> ::core::clone::Clone::clone(&self.#field)),
            )
        }
        many => {
            let tys = many.iter().map(|c| c.ty);
            let values = many.iter().map(|c| {
                let field = c.field;
                quote_spanned!(c.ty.span()=> ::core::clone::Clone::clone(&self.#field))
            });
            (
                quote!(::strata::Composite<(#(#tys,)*)>),
                quote!(::strata::Composite((#(#values,)*))),
            )
        }
    };

    let definition = definition(t);
    let enum_types = enum_types(t);

    // decode / param
    let positions: Vec<Ident> = (0..n_columns).map(|i| format_ident!("__p{}", i)).collect();
    let decoded = t.columns.iter().zip(&positions).map(|(c, p)| {
        let field = c.field;
        let ty = c.ty;
        let col = &c.name;
        let rust_type = type_string(ty);
        let call = quote_spanned! {ty.span()=>
            ::strata::__private::decode_column::<#ty>(__row, #p, Self::NAME, #col, #rust_type)
        };
        quote!(#field: #call?)
    });
    let params = t.columns.iter().enumerate().map(|(i, c)| {
        let field = c.field;
        let value = quote_spanned!(c.ty.span()=> &self.#field);
        quote!(#i => #value)
    });

    quote! {
        #handles_struct

        #[automatically_derived]
        impl ::strata::Table for #ident {
            type Columns = #columns_ident;
            type Key = #key_type;

            const SCHEMA: &'static str = #schema;
            const NAME: &'static str = #name;
            const COLUMNS: &'static [::strata::ColumnInfo] = &[#(#column_infos),*];
            const PRIMARY_KEY: &'static [usize] = &[#(#primary_key),*];

            fn columns() -> &'static Self::Columns {
                static HANDLES: #columns_ident = #handles_value;
                &HANDLES
            }

            fn definition() -> ::strata::schema::Table {
                #definition
            }

            #enum_types

            fn decode(
                __row: &::strata::__private::Row,
                __positions: &[usize],
            ) -> ::core::result::Result<Self, ::strata::Error> {
                let &[#(#positions,)* ..] = __positions else {
                    return ::core::result::Result::Err(::strata::__private::positions_error(
                        Self::NAME,
                        #n_columns,
                        __positions.len(),
                    ));
                };
                ::core::result::Result::Ok(#ident {
                    #(#decoded,)*
                })
            }

            fn param(&self, __i: usize) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                match __i {
                    #(#params,)*
                    _ => &::strata::table::NULL_PARAM,
                }
            }

            fn key(&self) -> Self::Key {
                #key_value
            }
        }

        ::strata::__private::inventory::submit! {
            ::strata::registry::ModelEntry {
                rust_name: ::core::concat!(::core::module_path!(), "::", ::core::stringify!(#ident)),
                definition: <#ident as ::strata::Table>::definition,
                enum_types: <#ident as ::strata::Table>::enum_types,
            }
        }
    }
}

/// The `<Struct>Columns` struct of typed handles (one per field, in field
/// order) and the expression of its value; `fields` are (field, Rust type,
/// SQL name). Also used by the fallback, so that uses of the handles do not
/// add errors to a model with mistakes in its attributes.
pub fn handles(
    ident: &Ident,
    vis: &syn::Visibility,
    table: Option<&str>,
    fields: &[(&Ident, &syn::Type, &str)],
) -> (TokenStream, TokenStream) {
    let columns_ident = format_ident!("{}Columns", ident);
    let decls = fields.iter().map(|(field, ty, col)| {
        let doc = format!(" The column `{col}`.");
        quote!(#[doc = #doc] pub #field: ::strata::Column<#ident, #ty>)
    });
    let values = fields
        .iter()
        .enumerate()
        .map(|(i, (field, _, col))| quote!(#field: ::strata::Column::new(#col, #i)));
    let doc = format!(
        " Typed column handles of [`{ident}`]{}, from `<{ident} as strata::Table>::columns()`.",
        table.map(|t| format!(" (table `{t}`)")).unwrap_or_default()
    );
    (
        quote! {
            #[doc = #doc]
            #[derive(Clone, Copy, Debug)]
            #vis struct #columns_ident {
                #(#decls,)*
            }
        },
        quote!(#columns_ident { #(#values,)* }),
    )
}

/// The body of `definition()`: the table as `strata::schema` values, only
/// the fields that differ from `Table::new` / `Column::new` spelled out.
fn definition(t: &ir::Table) -> TokenStream {
    let columns = t.columns.iter().map(|c| {
        let name = &c.name;
        let ty = match &c.sql_type {
            Some(sql) => tokens::sql_type(sql),
            None => {
                let rust = c.ty;
                quote_spanned!(rust.span()=> <#rust as ::strata::PgType>::sql_type())
            }
        };
        let nullable = c.nullable;
        let mut set = Vec::new();
        if let Some(d) = &c.default {
            set.push(("default", tokens::some(string(d))));
        }
        if let Some(i) = c.identity {
            set.push(("identity", tokens::some(tokens::identity(i))));
        }
        if let Some(x) = &c.comment {
            set.push(("comment", tokens::some(string(x))));
        }
        if let Some(x) = &c.renamed_from {
            set.push(("renamed_from", tokens::some(string(x))));
        }
        let new = quote!(::strata::schema::Column::new(#name, #ty, #nullable));
        with_fields(quote!(::strata::schema::Column), new, &set)
    });
    let mut set = vec![("columns", vec_of(columns))];
    let pk_columns: Vec<&str> = t
        .primary_key
        .iter()
        .map(|&i| t.columns[i].name.as_str())
        .collect();
    let pk_name = string(&t.pkey_name);
    let pk_columns = strings(&pk_columns);
    set.push((
        "primary_key",
        tokens::some(quote!(::strata::schema::PrimaryKey { name: #pk_name, columns: #pk_columns })),
    ));
    if !t.uniques.is_empty() {
        let items = t.uniques.iter().map(|u| {
            let name = string(&u.name);
            let columns = strings(&u.columns);
            quote!(::strata::schema::Unique { name: #name, columns: #columns })
        });
        set.push(("uniques", vec_of(items)));
    }
    if !t.indexes.is_empty() {
        let items = t.indexes.iter().map(index);
        set.push(("indexes", vec_of(items)));
    }
    if !t.foreign_keys.is_empty() {
        let items = t.foreign_keys.iter().map(|fk| {
            let name = string(&fk.name);
            let columns = strings(&fk.columns);
            let ref_schema = string(&fk.ref_schema);
            let ref_table = string(&fk.ref_table);
            let ref_columns = strings(&fk.ref_columns);
            let on_delete = tokens::fk_action(fk.on_delete);
            let on_update = tokens::fk_action(fk.on_update);
            let deferrable = tokens::deferrable(fk.deferrable);
            quote! {
                ::strata::schema::ForeignKey {
                    name: #name,
                    columns: #columns,
                    ref_schema: #ref_schema,
                    ref_table: #ref_table,
                    ref_columns: #ref_columns,
                    on_delete: #on_delete,
                    on_update: #on_update,
                    deferrable: #deferrable,
                }
            }
        });
        set.push(("foreign_keys", vec_of(items)));
    }
    if !t.checks.is_empty() {
        let items = t.checks.iter().map(|c| {
            let name = string(&c.name);
            let expression = string(&c.expression);
            quote!(::strata::schema::Check { name: #name, expression: #expression })
        });
        set.push(("checks", vec_of(items)));
    }
    if let Some(x) = &t.comment {
        set.push(("comment", tokens::some(string(x))));
    }
    if let Some(x) = &t.renamed_from {
        set.push(("renamed_from", tokens::some(string(x))));
    }
    let schema = &t.schema;
    let name = &t.name;
    let new = quote!(::strata::schema::Table::new(#schema, #name));
    with_fields(quote!(::strata::schema::Table), new, &set)
}

fn index(ix: &ir::Index) -> TokenStream {
    let name = string(&ix.name);
    let unique = ix.unique;
    let method = tokens::index_method(ix.method);
    let elements = ix.elements.iter().map(|e| {
        let key = match &e.key {
            ir::IndexKey::Column(c) => {
                let c = string(c);
                quote!(::strata::schema::IndexKey::Column(#c))
            }
            ir::IndexKey::Expression(x) => {
                let x = string(x);
                quote!(::strata::schema::IndexKey::Expression(#x))
            }
        };
        let order = tokens::sort_order(e.order);
        let nulls = option(e.nulls, tokens::nulls);
        let opclass = option(e.opclass.as_deref(), string);
        quote! {
            ::strata::schema::IndexElement { key: #key, order: #order, nulls: #nulls, opclass: #opclass }
        }
    });
    let elements = vec_of(elements);
    let include = strings(&ix.include);
    let predicate = option(ix.predicate.as_deref(), string);
    quote! {
        ::strata::schema::Index {
            name: #name,
            unique: #unique,
            method: #method,
            elements: #elements,
            include: #include,
            predicate: #predicate,
        }
    }
}

/// `Path { a: x, ..base }`, or just `base` when nothing is set.
fn with_fields(path: TokenStream, base: TokenStream, set: &[(&str, TokenStream)]) -> TokenStream {
    if set.is_empty() {
        return base;
    }
    let fields = set.iter().map(|(name, value)| {
        let name = format_ident!("{}", name);
        quote!(#name: #value)
    });
    quote!(#path { #(#fields,)* ..#base })
}

/// `enum_types()`: the enum types behind the fields whose SQL type is
/// inferred (a `#[derive(PgEnum)]`, also inside `Option` and `Vec`).
fn enum_types(t: &ir::Table) -> TokenStream {
    let inferred: Vec<TokenStream> = t
        .columns
        .iter()
        .filter(|c| c.sql_type.is_none())
        .map(|c| {
            let ty = c.ty;
            quote_spanned!(ty.span()=> <#ty as ::strata::PgType>::enum_type())
        })
        .collect();
    if inferred.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn enum_types() -> ::std::vec::Vec<::strata::schema::EnumType> {
            ::strata::__private::enum_types([#(#inferred),*])
        }
    }
}
