//! The derive macros of strata (placeholder until the derive lands).
use proc_macro::TokenStream;

/// `#[derive(Table)]`.
#[proc_macro_derive(Table, attributes(table, column))]
pub fn derive_table(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}

/// `#[derive(PgEnum)]`.
#[proc_macro_derive(PgEnum, attributes(pg_enum))]
pub fn derive_pg_enum(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
