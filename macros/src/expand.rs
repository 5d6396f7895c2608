//! The four derives as functions over `proc_macro2::TokenStream`, running the
//! stages in order: parse (`attr`, `ast`) → check (`check`) → generate
//! (`gen_table`, `gen_enum`, `gen_row`), or, when the error context is not empty, the
//! errors and a stub (`fallback`). Unit-testable without a compiler.

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::ast::{EnumModel, Model, RowModel, ViewModel};
use crate::ctxt::Ctxt;
use crate::{check, fallback, gen_enum, gen_row, gen_table, gen_view};

pub fn derive_table(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::new();
    let model = Model::from_input(&cx, &input);
    let table = model.as_ref().and_then(|m| check::table(&cx, m));
    match (cx.check(), table) {
        (Ok(()), Some(table)) => gen_table::expand(&table),
        (Err(errors), _) => fallback::table(&input, model.as_ref(), errors),
        (Ok(()), None) => fallback::table(&input, model.as_ref(), vec![internal_error(&input)]),
    }
}

pub fn derive_pg_enum(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::new();
    let e = EnumModel::from_input(&cx, &input).and_then(|m| check::pg_enum(&cx, &m));
    match (cx.check(), e) {
        (Ok(()), Some(e)) => gen_enum::expand(&e),
        (Err(errors), _) => fallback::pg_enum(&input, errors),
        (Ok(()), None) => fallback::pg_enum(&input, vec![internal_error(&input)]),
    }
}

pub fn derive_from_row(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::new();
    let model = RowModel::from_input(&cx, &input);
    let row = model.as_ref().and_then(|m| check::row(&cx, m));
    match (cx.check(), row) {
        (Ok(()), Some(row)) => gen_row::expand(&row),
        (Err(errors), _) => fallback::row(&input, model.as_ref(), errors),
        (Ok(()), None) => fallback::row(&input, model.as_ref(), vec![internal_error(&input)]),
    }
}

pub fn derive_view(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::new();
    let model = ViewModel::from_input(&cx, &input);
    let view = model.as_ref().and_then(|m| check::view(&cx, m));
    match (cx.check(), view) {
        (Ok(()), Some(view)) => gen_view::expand(&view),
        (Err(errors), _) => fallback::view(&input, model.as_ref(), errors),
        (Ok(()), None) => fallback::view(&input, model.as_ref(), vec![internal_error(&input)]),
    }
}

/// A stage gave up without saying why: a bug in strata-macros, reported
/// instead of generating wrong code.
fn internal_error(input: &DeriveInput) -> syn::Error {
    syn::Error::new_spanned(
        &input.ident,
        "internal error in strata-macros: a check failed without an error message; please report this",
    )
}
