//! Stage 4 for `#[derive(PgEnum)]`: `impl PgType` (the SQL type and the enum
//! type's labels), `impl ToSql` and `impl FromSql` (labels as text, only for
//! the enum type of that schema and name), from a checked [`ir::PgEnum`].

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::ir;
use crate::tokens::{option, string, strings};

pub fn expand(e: &ir::PgEnum) -> TokenStream {
    let ident = e.ident;
    let schema = &e.schema;
    let name = &e.name;
    let qualified = format!("{schema}.{name}");
    let rust_name = ident.to_string();
    let labels: Vec<&str> = e.variants.iter().map(|(_, l)| l.as_str()).collect();
    let to_label = e.variants.iter().map(|(v, l)| quote!(Self::#v => #l));
    let from_label = e.variants.iter().map(|(v, l)| {
        let bytes = Literal::byte_string(l.as_bytes());
        quote!(#bytes => ::core::result::Result::Ok(Self::#v))
    });
    let schema_s = string(schema);
    let name_s = string(name);
    let labels = strings(&labels);
    let comment = option(e.comment.as_deref(), string);
    quote! {
        #[automatically_derived]
        impl ::strata::PgType for #ident {
            fn sql_type() -> ::strata::schema::SqlType {
                ::strata::schema::SqlType::Named(::strata::schema::TypeName {
                    schema: #schema_s,
                    name: #name_s,
                })
            }

            fn enum_type() -> ::core::option::Option<::strata::schema::EnumType> {
                ::core::option::Option::Some(::strata::schema::EnumType {
                    schema: #schema_s,
                    name: #name_s,
                    labels: #labels,
                    comment: #comment,
                })
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
