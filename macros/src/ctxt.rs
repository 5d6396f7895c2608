//! The error context: every stage reports problems here instead of returning
//! at the first one, so one compile shows every mistake in the attributes,
//! each pointing at the token that is wrong (serde_derive's `Ctxt`).

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;

/// Collects span-accurate errors.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Ctxt {
        Ctxt::default()
    }

    /// An error covering the tokens of `obj` (first to last token).
    pub fn error_spanned_by<T: ToTokens>(&self, obj: T, msg: impl Display) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new_spanned(obj.into_token_stream(), msg));
    }

    /// An error at one span.
    pub fn error_at(&self, span: Span, msg: impl Display) {
        self.errors.borrow_mut().push(syn::Error::new(span, msg));
    }

    /// An error from syn's parsers.
    pub fn syn_error(&self, err: syn::Error) {
        self.errors.borrow_mut().push(err);
    }

    /// The number of errors so far (a parser compares it before and after a
    /// nested list, to stay quiet about what a reported error left missing).
    pub fn error_count(&self) -> usize {
        self.errors.borrow().len()
    }

    /// The collected errors, if any.
    pub fn check(self) -> Result<(), Vec<syn::Error>> {
        let errors = self.errors.into_inner();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
