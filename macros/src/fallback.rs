//! What is emitted when the input has errors: the `compile_error!`s, plus a
//! minimal impl of the derived trait (thiserror's `fallback.rs`), so the
//! user sees the attribute errors and not a cascade of "trait `Table` is
//! not implemented" errors from every use of the type. The stub bodies are
//! never run: the crate does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn table(input: &DeriveInput, errors: Vec<syn::Error>) -> TokenStream {
    let errors = errors.iter().map(syn::Error::to_compile_error);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #(#errors)*

        #[automatically_derived]
        impl #impl_generics ::strata::Table for #ident #ty_generics #where_clause {
            type Columns = ();
            type Key = i64;
            const SCHEMA: &'static str = "";
            const NAME: &'static str = "";
            const COLUMNS: &'static [::strata::ColumnInfo] = &[];
            const PRIMARY_KEY: &'static [usize] = &[];
            fn columns() -> &'static Self::Columns {
                &()
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
