//! Stage 4 for `#[derive(FromRow)]`: `impl strata::FromRow` (the fields'
//! types as a tuple, the field facts and a decoder by position), from a
//! checked [`ir::Row`]. Only absolute `::strata::...` paths are emitted.

use proc_macro2::TokenStream;
use quote::quote;

use crate::gen_table::decode_fn;
use crate::ir;
use crate::text::type_string;

pub fn expand(r: &ir::Row) -> TokenStream {
    let ident = r.ident;
    let name = ident.to_string();
    let types = r.fields.iter().map(|f| f.ty);
    let infos = r.fields.iter().map(|f| {
        let column = &f.column;
        let field = &f.name;
        let rust_type = type_string(f.ty);
        quote! {
            ::strata::RowField {
                column: #column,
                field: #field,
                rust_type: #rust_type,
            }
        }
    });
    let decode = decode_fn(
        ident,
        r.fields.iter().map(|f| (f.ident, f.ty, f.name.as_str())),
        quote!(::strata::__private::decode_field),
        quote!(::strata::row::positions_error),
    );
    quote! {
        #[automatically_derived]
        impl ::strata::FromRow for #ident {
            type Fields = (#(#types,)*);

            const NAME: &'static str = #name;
            const FIELDS: &'static [::strata::RowField] = &[#(#infos),*];

            #decode
        }
    }
}
