//! Stage 4 for `#[derive(PgEnum)]`: `impl PgType` (the SQL type and the enum
//! type's labels), `impl ToSql` and `impl FromSql` (labels as text, only for
//! the enum type of that schema and name), from a checked [`ir::PgEnum`].

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use strata_model::schema::{SqlType, TypeName};

use crate::ir;
use crate::tokens;

pub fn expand(e: &ir::PgEnum) -> TokenStream {
    let ident = e.ident;
    let t = &e.enum_type;
    let schema = &t.schema;
    let name = &t.name;
    let qualified = format!("{schema}.{name}");
    let rust_name = ident.to_string();
    let variants = || e.variants.iter().zip(&t.labels);
    let to_label = variants().map(|(v, l)| quote!(Self::#v => #l));
    let from_label = variants().map(|(v, l)| {
        let bytes = Literal::byte_string(l.as_bytes());
        quote!(#bytes => ::core::result::Result::Ok(Self::#v))
    });
    let sql_type = tokens::sql_type(&SqlType::Named(TypeName {
        schema: schema.clone(),
        name: name.clone(),
    }));
    let enum_type = tokens::some(tokens::enum_type(t));
    quote! {
        #[automatically_derived]
        impl ::strata::PgType for #ident {
            fn sql_type() -> ::strata::schema::SqlType {
                #sql_type
            }

            fn enum_type() -> ::core::option::Option<::strata::schema::EnumType> {
                #enum_type
            }
        }

        #[automatically_derived]
        impl ::strata::__private::ToSql for #ident {
            fn to_sql(
                &self,
                _ty: &::strata::__private::Type,
                out: &mut ::strata::__private::BytesMut,
            ) -> ::core::result::Result<
                ::strata::__private::IsNull,
                ::std::boxed::Box<dyn ::std::error::Error + ::core::marker::Sync + ::core::marker::Send>,
            > {
                let label: &str = match self {
                    #(#to_label,)*
                };
                out.extend_from_slice(label.as_bytes());
                ::core::result::Result::Ok(::strata::__private::IsNull::No)
            }

            fn accepts(ty: &::strata::__private::Type) -> bool {
                ::strata::__private::is_enum_type(ty, #schema, #name)
            }

            ::strata::__private::to_sql_checked!();
        }

        #[automatically_derived]
        impl<'a> ::strata::__private::FromSql<'a> for #ident {
            fn from_sql(
                _ty: &::strata::__private::Type,
                raw: &'a [u8],
            ) -> ::core::result::Result<
                Self,
                ::std::boxed::Box<dyn ::std::error::Error + ::core::marker::Sync + ::core::marker::Send>,
            > {
                match raw {
                    #(#from_label,)*
                    _ => ::core::result::Result::Err(::strata::__private::unknown_label(raw, #qualified, #rust_name)),
                }
            }

            fn accepts(ty: &::strata::__private::Type) -> bool {
                ::strata::__private::is_enum_type(ty, #schema, #name)
            }
        }
    }
}
