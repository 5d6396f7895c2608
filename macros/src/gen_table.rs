//! Stage 4 for `#[derive(Table)]`: the `<Struct>Columns` handles, the
//! `impl strata::Table` (with its decoders of rows and of binary COPY
//! rows) and the registry entry, from a checked
//! [`ir::Table`]. Only absolute `::strata::...` paths are emitted.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ir;
use crate::text::type_string;
use crate::tokens;

pub fn expand(t: &ir::Table) -> TokenStream {
    let ident = t.ident;
    let vis = t.vis;
    let columns_ident = format_ident!("{}Columns", ident);
    let schema = &t.definition.schema;
    let name = &t.definition.name;

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
        let generated = c.identity.is_some() || c.generated.is_some();
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

    let definition = tokens::table(&t.definition, t.columns.iter().map(tokens::column));
    let enum_types = enum_types(t);
    let partitions = if t.partitions.is_empty() {
        TokenStream::new()
    } else {
        let tables = t
            .partitions
            .iter()
            .map(|p| tokens::table(p, std::iter::empty()));
        quote! {
            fn partitions() -> ::std::vec::Vec<::strata::schema::Table> {
                ::std::vec::Vec::from([#(#tables),*])
            }
        }
    };
    let definitions = if t.definitions.is_empty() {
        TokenStream::new()
    } else {
        let defs = t.definitions.iter().map(tokens::definition);
        quote! {
            fn definitions() -> ::std::vec::Vec<::strata::schema::Definition> {
                ::std::vec::Vec::from([#(#defs),*])
            }
        }
    };

    // decode / param
    let decode = decode_fn(
        ident,
        t.columns.iter().map(|c| (c.field, c.ty, c.name.as_str())),
        quote!(::strata::__private::decode_column),
        quote!(::strata::__private::positions_error),
    );
    let copied = t.columns.iter().enumerate().map(|(i, c)| {
        let field = c.field;
        let ty = c.ty;
        let col = &c.name;
        let rust_type = type_string(ty);
        let call = quote_spanned! {ty.span()=>
            ::strata::__private::decode_column::<#ty>(__row, #i, Self::NAME, #col, #rust_type)
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

            #partitions

            #definitions

            #decode

            fn decode_copy(
                __row: &::strata::CopyRow<'_>,
            ) -> ::core::result::Result<Self, ::strata::Error> {
                ::core::result::Result::Ok(#ident {
                    #(#copied,)*
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
                partitions: <#ident as ::strata::Table>::partitions,
                definitions: <#ident as ::strata::Table>::definitions,
            }
        }
    }
}

/// The `<Struct>Columns` struct of typed handles (one per field, in field
/// order) and the expression of its value; `fields` are (field, Rust type,
/// SQL name). Also used by the fallback, so that uses of the handles do not
/// add errors to a model with mistakes in its attributes.
/// `fn decode(row, positions)` of `Selectable` or `FromRow`: each field
/// (with the column or field name its errors give) read by `read` (a
/// `decode_column`-like function) from the column at its position;
/// `missing` builds the error for too few positions.
pub fn decode_fn<'a>(
    ident: &Ident,
    columns: impl ExactSizeIterator<Item = (&'a Ident, &'a syn::Type, &'a str)>,
    read: TokenStream,
    missing: TokenStream,
) -> TokenStream {
    let n_columns = columns.len();
    let positions: Vec<Ident> = (0..n_columns).map(|i| format_ident!("__p{}", i)).collect();
    let decoded = columns.zip(&positions).map(|((field, ty, col), p)| {
        let rust_type = type_string(ty);
        let call = quote_spanned! {ty.span()=>
            #read::<#ty>(__row, #p, Self::NAME, #col, #rust_type)
        };
        quote!(#field: #call?)
    });
    quote! {
        fn decode(
            __row: &::strata::__private::Row,
            __positions: &[usize],
        ) -> ::core::result::Result<Self, ::strata::Error> {
            let &[#(#positions,)* ..] = __positions else {
                return ::core::result::Result::Err(#missing(
                    Self::NAME,
                    #n_columns,
                    __positions.len(),
                ));
            };
            ::core::result::Result::Ok(#ident {
                #(#decoded,)*
            })
        }
    }
}

pub fn handles(
    ident: &Ident,
    vis: &syn::Visibility,
    table: Option<&str>,
    fields: &[(&Ident, &syn::Type, &str)],
) -> (TokenStream, TokenStream) {
    handles_of(ident, vis, table.map(|t| ("table", t)), "Table", fields)
}

/// [`handles`] of a table or a view: `relation` is (`table` or `view`,
/// its name), `trait_name` the trait whose `columns()` returns them.
pub fn handles_of(
    ident: &Ident,
    vis: &syn::Visibility,
    relation: Option<(&str, &str)>,
    trait_name: &str,
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
        " Typed column handles of [`{ident}`]{}, from `<{ident} as strata::{trait_name}>::columns()`.",
        relation
            .map(|(kind, t)| format!(" ({kind} `{t}`)"))
            .unwrap_or_default()
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
