//! Stage 4 for `#[derive(FromRow)]`: `impl strata::FromRow` (the fields'
//! types as a tuple, the field facts and a decoder by position), from a
//! checked [`ir::Row`]. Only absolute `::strata::...` paths are emitted.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ir;
use crate::text::type_string;

pub fn expand(r: &ir::Row) -> TokenStream {
    let ident = r.ident;
    let name = ident.to_string();
    let n_fields = r.fields.len();
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
    let positions: Vec<Ident> = (0..n_fields).map(|i| format_ident!("__p{}", i)).collect();
    let decoded = r.fields.iter().zip(&positions).map(|(f, p)| {
        let field = f.ident;
        let ty = f.ty;
        let name = &f.name;
        let rust_type = type_string(ty);
        let call = quote_spanned! {ty.span()=>
            ::strata::__private::decode_field::<#ty>(__row, #p, Self::NAME, #name, #rust_type)
        };
        quote!(#field: #call?)
    });
    quote! {
        #[automatically_derived]
        impl ::strata::FromRow for #ident {
            type Fields = (#(#types,)*);

            const NAME: &'static str = #name;
            const FIELDS: &'static [::strata::RowField] = &[#(#infos),*];

            fn decode(
                __row: &::strata::__private::Row,
                __positions: &[usize],
            ) -> ::core::result::Result<Self, ::strata::Error> {
                let &[#(#positions,)* ..] = __positions else {
                    return ::core::result::Result::Err(::strata::row::positions_error(
                        Self::NAME,
                        #n_fields,
                        __positions.len(),
                    ));
                };
                ::core::result::Result::Ok(#ident {
                    #(#decoded,)*
                })
            }
        }
    }
}
