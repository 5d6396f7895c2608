//! Stage 4 for `#[derive(View)]`: the `<Struct>Columns` handles, `impl
//! strata::Selectable` (typed reads through `select`), `impl strata::View`
//! (the `CREATE VIEW` definition) and the registry entry, from a checked
//! [`ir::View`]. No `impl Table`: a view's rows cannot be written through
//! strata. Only absolute `::strata::...` paths are emitted.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::gen_table::{decode_fn, handles_of};
use crate::ir;
use crate::text::type_string;
use crate::tokens;

pub fn expand(v: &ir::View) -> TokenStream {
    let ident = v.ident;
    let columns_ident = format_ident!("{}Columns", ident);
    let (schema, name) = (&v.schema, &v.name);
    let fields: Vec<(&Ident, &syn::Type, &str)> = v
        .columns
        .iter()
        .map(|(f, t, c)| (*f, *t, c.as_str()))
        .collect();
    let relation = format!("{schema}.{name}");
    let (handles_struct, handles_value) = handles_of(
        ident,
        v.vis,
        Some(("view", &relation)),
        "Selectable",
        &fields,
    );
    let column_infos = v.columns.iter().map(|(field, ty, col)| {
        let field = field.to_string();
        let field = field.trim_start_matches("r#");
        let rust_type = type_string(ty);
        quote! {
            ::strata::ColumnInfo {
                name: #col,
                field: #field,
                rust_type: #rust_type,
                generated: true,
                primary_key: false,
            }
        }
    });
    let decode = decode_fn(
        ident,
        v.columns.iter().map(|(f, t, c)| (*f, *t, c.as_str())),
        quote!(::strata::__private::decode_column),
        quote!(::strata::__private::positions_error),
    );
    let definition = tokens::definition(&v.definition);
    quote! {
        #handles_struct

        #[automatically_derived]
        impl ::strata::Selectable for #ident {
            type Columns = #columns_ident;

            const SCHEMA: &'static str = #schema;
            const NAME: &'static str = #name;
            const COLUMNS: &'static [::strata::ColumnInfo] = &[#(#column_infos),*];

            fn columns() -> &'static Self::Columns {
                static HANDLES: #columns_ident = #handles_value;
                &HANDLES
            }

            #decode
        }

        #[automatically_derived]
        impl ::strata::View for #ident {
            fn definition() -> ::strata::schema::Definition {
                #definition
            }
        }

        ::strata::__private::inventory::submit! {
            ::strata::registry::ViewEntry {
                rust_name: ::core::concat!(::core::module_path!(), "::", ::core::stringify!(#ident)),
                definition: <#ident as ::strata::View>::definition,
            }
        }
    }
}
