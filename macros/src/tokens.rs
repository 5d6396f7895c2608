//! Values of the schema model as Rust expressions for generated code
//! (`SqlType::Numeric(Some((12, 6)))`, ...). The matches are exhaustive, so a
//! new variant in the runtime's model does not compile here until it is
//! spelled out.

use proc_macro2::TokenStream;
use quote::quote;

use crate::attr::{Nulls, Order};
use strata_model::schema::{Deferrable, FkAction, IndexMethod};
use strata_model::schema::{Identity, SqlType};

pub fn string(s: &str) -> TokenStream {
    quote!(::std::string::String::from(#s))
}

pub fn strings<S: AsRef<str>>(items: &[S]) -> TokenStream {
    vec_of(items.iter().map(|s| string(s.as_ref())))
}

/// A `Vec` of the items (`Vec::from([...])`, which rustfmt-like printers can
/// lay out, unlike `vec![...]`).
pub fn vec_of(items: impl IntoIterator<Item = TokenStream>) -> TokenStream {
    let items: Vec<TokenStream> = items.into_iter().collect();
    if items.is_empty() {
        quote!(::std::vec::Vec::new())
    } else {
        quote!(::std::vec::Vec::from([#(#items),*]))
    }
}

pub fn some(value: TokenStream) -> TokenStream {
    quote!(::core::option::Option::Some(#value))
}

pub fn option<T>(value: Option<T>, f: impl FnOnce(T) -> TokenStream) -> TokenStream {
    match value {
        Some(v) => some(f(v)),
        None => quote!(::core::option::Option::None),
    }
}

pub fn sql_type(ty: &SqlType) -> TokenStream {
    let p = quote!(::strata::schema::SqlType);
    let opt = |v: &Option<_>| match v {
        Some(n) => {
            let n = proc_macro2::Literal::u32_unsuffixed(u32::from(*n));
            quote!(::core::option::Option::Some(#n))
        }
        None => quote!(::core::option::Option::None),
    };
    match ty {
        SqlType::SmallInt => quote!(#p::SmallInt),
        SqlType::Integer => quote!(#p::Integer),
        SqlType::BigInt => quote!(#p::BigInt),
        SqlType::Real => quote!(#p::Real),
        SqlType::DoublePrecision => quote!(#p::DoublePrecision),
        SqlType::Numeric(None) => quote!(#p::Numeric(::core::option::Option::None)),
        SqlType::Numeric(Some((precision, scale))) => {
            quote!(#p::Numeric(::core::option::Option::Some((#precision, #scale))))
        }
        SqlType::Boolean => quote!(#p::Boolean),
        SqlType::Text => quote!(#p::Text),
        SqlType::Varchar(n) => {
            let n = option(n.as_ref(), |n| quote!(#n));
            quote!(#p::Varchar(#n))
        }
        SqlType::Char(n) => {
            let n = option(n.as_ref(), |n| quote!(#n));
            quote!(#p::Char(#n))
        }
        SqlType::Bytea => quote!(#p::Bytea),
        SqlType::Json => quote!(#p::Json),
        SqlType::Jsonb => quote!(#p::Jsonb),
        SqlType::Uuid => quote!(#p::Uuid),
        SqlType::Date => quote!(#p::Date),
        SqlType::Time(n) => {
            let n = opt(n);
            quote!(#p::Time(#n))
        }
        SqlType::TimeTz(n) => {
            let n = opt(n);
            quote!(#p::TimeTz(#n))
        }
        SqlType::Timestamp(n) => {
            let n = opt(n);
            quote!(#p::Timestamp(#n))
        }
        SqlType::TimestampTz(n) => {
            let n = opt(n);
            quote!(#p::TimestampTz(#n))
        }
        SqlType::Interval => quote!(#p::Interval),
        SqlType::Inet => quote!(#p::Inet),
        SqlType::Cidr => quote!(#p::Cidr),
        SqlType::MacAddr => quote!(#p::MacAddr),
        SqlType::Money => quote!(#p::Money),
        SqlType::Xml => quote!(#p::Xml),
        SqlType::TsVector => quote!(#p::TsVector),
        SqlType::Oid => quote!(#p::Oid),
        SqlType::Named(n) => {
            let schema = string(&n.schema);
            let name = string(&n.name);
            quote!(#p::Named(::strata::schema::TypeName { schema: #schema, name: #name }))
        }
        SqlType::Array(inner) => {
            let inner = sql_type(inner);
            quote!(#inner.array_of())
        }
    }
}

pub fn identity(i: Identity) -> TokenStream {
    match i {
        Identity::Always => quote!(::strata::schema::Identity::Always),
        Identity::ByDefault => quote!(::strata::schema::Identity::ByDefault),
        Identity::Serial => quote!(::strata::schema::Identity::Serial),
    }
}

pub fn index_method(m: IndexMethod) -> TokenStream {
    match m {
        IndexMethod::Btree => quote!(::strata::schema::IndexMethod::Btree),
        IndexMethod::Hash => quote!(::strata::schema::IndexMethod::Hash),
        IndexMethod::Gin => quote!(::strata::schema::IndexMethod::Gin),
        IndexMethod::Gist => quote!(::strata::schema::IndexMethod::Gist),
        IndexMethod::Brin => quote!(::strata::schema::IndexMethod::Brin),
        IndexMethod::Spgist => quote!(::strata::schema::IndexMethod::Spgist),
    }
}

pub fn fk_action(a: FkAction) -> TokenStream {
    match a {
        FkAction::NoAction => quote!(::strata::schema::FkAction::NoAction),
        FkAction::Restrict => quote!(::strata::schema::FkAction::Restrict),
        FkAction::Cascade => quote!(::strata::schema::FkAction::Cascade),
        FkAction::SetNull => quote!(::strata::schema::FkAction::SetNull),
        FkAction::SetDefault => quote!(::strata::schema::FkAction::SetDefault),
    }
}

pub fn deferrable(d: Deferrable) -> TokenStream {
    match d {
        Deferrable::NotDeferrable => quote!(::strata::schema::Deferrable::NotDeferrable),
        Deferrable::InitiallyImmediate => quote!(::strata::schema::Deferrable::InitiallyImmediate),
        Deferrable::InitiallyDeferred => quote!(::strata::schema::Deferrable::InitiallyDeferred),
    }
}

pub fn sort_order(o: Order) -> TokenStream {
    match o {
        Order::Asc => quote!(::strata::schema::SortOrder::Asc),
        Order::Desc => quote!(::strata::schema::SortOrder::Desc),
    }
}

pub fn nulls(n: Nulls) -> TokenStream {
    match n {
        Nulls::First => quote!(::strata::schema::NullsOrder::First),
        Nulls::Last => quote!(::strata::schema::NullsOrder::Last),
    }
}
