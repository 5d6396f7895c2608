//! What is emitted when the input has errors: the `compile_error!`s, plus a
//! minimal impl of the derived trait (thiserror's `fallback.rs`), so the
//! user sees the attribute errors and not a cascade of "trait `Table` is
//! not implemented" errors from every use of the type. The stub bodies are
//! never run: the crate does not compile.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::{DeriveInput, Ident, Type};

use crate::ast::{Model, RowModel, ViewModel};
use crate::gen_table;

/// The errors and a stub `impl Table`. With the parsed `model` (a struct
/// with named fields), the stub has the real `<Struct>Columns` handles and
/// key type, so code that uses them adds no errors of its own.
pub fn table(input: &DeriveInput, model: Option<&Model>, errors: Vec<syn::Error>) -> TokenStream {
    let errors = errors.iter().map(syn::Error::to_compile_error);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // `Table: Send + Sync + 'static`: stated, so a generic stub does not fail.
    let mut where_clause = where_clause
        .cloned()
        .unwrap_or_else(|| syn::parse_quote!(where));
    where_clause.predicates.push(syn::parse_quote!(
        Self: ::core::marker::Send + ::core::marker::Sync + 'static
    ));
    let generic = !input.generics.params.is_empty();
    let (handles, columns_type, handles_value) = match model {
        Some(m) if !generic => {
            let fields: Vec<(&Ident, &Type, String)> = m
                .fields
                .iter()
                .map(|f| (f.ident, f.ty, f.ident.unraw().to_string()))
                .collect();
            let fields: Vec<(&Ident, &Type, &str)> = fields
                .iter()
                .map(|(i, t, n)| (*i, *t, n.as_str()))
                .collect();
            let (decl, value) = gen_table::handles(ident, m.vis, None, &fields);
            let columns_ident = format_ident!("{}Columns", ident);
            (
                decl,
                quote!(#columns_ident),
                quote!({ static HANDLES: #columns_ident = #value; &HANDLES }),
            )
        }
        _ => (TokenStream::new(), quote!(()), quote!(&())),
    };
    let key = model
        .filter(|_| !generic)
        .and_then(key_type)
        .unwrap_or_else(|| quote!(i64));
    quote! {
        #(#errors)*

        #handles

        #[automatically_derived]
        impl #impl_generics ::strata::Table for #ident #ty_generics #where_clause {
            type Columns = #columns_type;
            type Key = #key;
            const SCHEMA: &'static str = "";
            const NAME: &'static str = "";
            const COLUMNS: &'static [::strata::ColumnInfo] = &[];
            const PRIMARY_KEY: &'static [usize] = &[];
            fn columns() -> &'static Self::Columns {
                #handles_value
            }
            fn definition() -> ::strata::schema::Table {
                ::core::unreachable!()
            }
            fn decode(
                _: &::strata::__private::Row,
                _: &[usize],
            ) -> ::core::result::Result<Self, ::strata::Error> {
                ::core::unreachable!()
            }
            fn param(&self, _: usize) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                ::core::unreachable!()
            }
            fn key(&self) -> Self::Key {
                ::core::unreachable!()
            }
        }
    }
}

/// The key type the model declares, when it can be read without the checks.
fn key_type(m: &Model) -> Option<TokenStream> {
    let table_fields = m
        .attrs
        .primary_key
        .as_ref()
        .filter(|pk| !pk.fields.is_empty());
    let types: Vec<&Type> = match table_fields {
        Some(pk) => pk
            .fields
            .iter()
            .map(|n| {
                m.fields
                    .iter()
                    .find(|f| f.ident.unraw() == *n)
                    .map(|f| f.ty)
            })
            .collect::<Option<_>>()?,
        None => m
            .fields
            .iter()
            .filter(|f| f.attrs.primary_key.is_some())
            .map(|f| f.ty)
            .collect(),
    };
    match types.as_slice() {
        [] => None,
        [one] => Some(quote!(#one)),
        many => Some(quote!(::strata::Composite<(#(#many,)*)>)),
    }
}

pub fn pg_enum(input: &DeriveInput, errors: Vec<syn::Error>) -> TokenStream {
    let errors = errors.iter().map(syn::Error::to_compile_error);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #(#errors)*

        #[automatically_derived]
        impl #impl_generics ::strata::PgType for #ident #ty_generics #where_clause {
            fn sql_type() -> ::strata::schema::SqlType {
                ::core::unreachable!()
            }
        }
    }
}

/// The errors and a stub `impl FromRow`. With the parsed `model` (a struct
/// with named fields and no generics), the stub has the real `Fields`
/// tuple, so projections read into the struct add no errors of their own.
pub fn row(input: &DeriveInput, model: Option<&RowModel>, errors: Vec<syn::Error>) -> TokenStream {
    let errors = errors.iter().map(syn::Error::to_compile_error);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let fields = match model {
        Some(m) if input.generics.params.is_empty() => {
            let types = m.fields.iter().map(|f| f.ty);
            quote!((#(#types,)*))
        }
        _ => quote!(()),
    };
    quote! {
        #(#errors)*

        #[automatically_derived]
        impl #impl_generics ::strata::FromRow for #ident #ty_generics #where_clause {
            type Fields = #fields;
            const NAME: &'static str = "";
            const FIELDS: &'static [::strata::RowField] = &[];
            fn decode(
                _: &::strata::__private::Row,
                _: &[usize],
            ) -> ::core::result::Result<Self, ::strata::Error> {
                ::core::unreachable!()
            }
        }
    }
}

/// The errors and a stub `impl Selectable` (with the real `<Struct>Columns`
/// handles when the struct has named fields), so reads of the view add no
/// errors of their own.
pub fn view(
    input: &DeriveInput,
    model: Option<&ViewModel>,
    errors: Vec<syn::Error>,
) -> TokenStream {
    let errors = errors.iter().map(syn::Error::to_compile_error);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let (handles, columns_type, handles_value) = match model {
        Some(m) if input.generics.params.is_empty() => {
            let names: Vec<String> = m
                .fields
                .iter()
                .map(|f| f.ident.unraw().to_string())
                .collect();
            let fields: Vec<(&Ident, &Type, &str)> = m
                .fields
                .iter()
                .zip(&names)
                .map(|(f, n)| (f.ident, f.ty, n.as_str()))
                .collect();
            let (decl, value) = gen_table::handles_of(ident, m.vis, None, "Selectable", &fields);
            let columns_ident = format_ident!("{}Columns", ident);
            (
                decl,
                quote!(#columns_ident),
                quote!({ static HANDLES: #columns_ident = #value; &HANDLES }),
            )
        }
        _ => (TokenStream::new(), quote!(()), quote!(&())),
    };
    quote! {
        #(#errors)*

        #handles

        #[automatically_derived]
        impl #impl_generics ::strata::Selectable for #ident #ty_generics #where_clause {
            type Columns = #columns_type;
            const SCHEMA: &'static str = "";
            const NAME: &'static str = "";
            const COLUMNS: &'static [::strata::ColumnInfo] = &[];
            fn columns() -> &'static Self::Columns {
                #handles_value
            }
            fn decode(
                _: &::strata::__private::Row,
                _: &[usize],
            ) -> ::core::result::Result<Self, ::strata::Error> {
                ::core::unreachable!()
            }
        }
    }
}
