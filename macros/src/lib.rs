//! The derive macros of strata: `#[derive(Table)]` and `#[derive(PgEnum)]`.
//!
//! DOCS-PLACEHOLDER

// The runtime's std-only files, shared so that attribute values are checked
// at compile time by the same code the runtime uses.
#[allow(dead_code)]
#[path = "../../runtime/src/ident.rs"]
mod ident;
#[allow(dead_code)]
#[path = "../../runtime/src/schema/naming.rs"]
mod naming;
#[allow(dead_code)]
#[path = "../../runtime/src/schema/options.rs"]
mod options;
#[allow(dead_code)]
#[path = "../../runtime/src/schema/sql_type.rs"]
mod sql_type;

// The stages, in reading order.
mod expand;

mod ctxt;
mod symbol;
mod text;

mod attr;
mod sql;

mod ast;

mod check;
mod ir;

mod fallback;
mod gen_enum;
mod gen_table;
mod tokens;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// TABLE-DOCS
#[proc_macro_derive(Table, attributes(table, column))]
pub fn derive_table(input: TokenStream) -> TokenStream {
    expand::derive_table(input.into()).into()
}

/// ENUM-DOCS
#[proc_macro_derive(PgEnum, attributes(pg_enum))]
pub fn derive_pg_enum(input: TokenStream) -> TokenStream {
    expand::derive_pg_enum(input.into()).into()
}
