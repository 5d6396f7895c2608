//! Values of the schema model as Rust expressions for generated code
//! (`SqlType::Numeric(Some((12, 6)))`, `Index { ... }`, ...): the one place
//! that spells `strata_model::schema` values as tokens. Every enum is matched
//! exhaustively and every struct destructured with all its fields named, so
//! a new variant or field in the model does not compile here until it is
//! spelled out.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ir;
use strata_model::schema::{
    Check, Deferrable, EnumType, FkAction, ForeignKey, Identity, Index, IndexElement, IndexKey,
    IndexMethod, NullsOrder, PrimaryKey, SequenceOptions, SortOrder, SqlType, Table, TypeName,
    Unique,
};

/// A table: `Table::new(schema, name)` with the fields that differ from it
/// set over it. Its columns are `columns` (the expressions of
/// [`column`]), not `t.columns`, which the IR leaves empty.
pub fn table(t: &Table, columns: impl IntoIterator<Item = TokenStream>) -> TokenStream {
    let Table {
        schema,
        name,
        columns: _,
        primary_key,
        uniques,
        indexes,
        foreign_keys,
        checks,
        partition_by,
        partition_of,
        // Not declared by models yet.
        local_not_null: _,
        local_defaults: _,
        attached_indexes: _,
        unattached_indexes: _,
        validated_checks: _,
        inherits: _,
        unlogged: _,
        of_type: _,
        with: _,
        replica_identity: _,
        cluster_on: _,
        comment,
        renamed_from,
    } = t;
    let mut set = vec![("columns", vec_of(columns))];
    if let Some(pk) = primary_key {
        set.push(("primary_key", some(self::primary_key(pk))));
    }
    if !uniques.is_empty() {
        set.push(("uniques", vec_of(uniques.iter().map(unique))));
    }
    if !indexes.is_empty() {
        set.push(("indexes", vec_of(indexes.iter().map(index))));
    }
    if !foreign_keys.is_empty() {
        set.push(("foreign_keys", vec_of(foreign_keys.iter().map(foreign_key))));
    }
    if !checks.is_empty() {
        set.push(("checks", vec_of(checks.iter().map(check))));
    }
    if let Some(x) = partition_by {
        set.push(("partition_by", some(string(x))));
    }
    if let Some(p) = partition_of {
        let (ps, pn, bound) = (
            string(&p.parent.schema),
            string(&p.parent.name),
            string(&p.bound),
        );
        set.push((
            "partition_of",
            some(quote! {
                ::strata::schema::PartitionOf {
                    parent: ::strata::schema::TableRef { schema: #ps, name: #pn },
                    bound: #bound,
                }
            }),
        ));
    }
    if let Some(x) = comment {
        set.push(("comment", some(string(x))));
    }
    if let Some(x) = renamed_from {
        set.push(("renamed_from", some(string(x))));
    }
    let new = quote!(::strata::schema::Table::new(#schema, #name));
    with_fields(quote!(::strata::schema::Table), new, &set)
}

/// A column: `Column::new(name, type, nullable)` with the fields that differ
/// from it set over it. The type is the column's `SqlType`, or, when the
/// attributes do not give one, `<T as PgType>::sql_type()` of its Rust type
/// (spanned there, so a type without `PgType` is reported at the field).
pub fn column(c: &ir::Column) -> TokenStream {
    let ir::Column {
        field: _,
        ty: rust,
        name,
        sql_type,
        nullable,
        default,
        identity,
        sequence,
        generated,
        collation,
        comment,
        renamed_from,
    } = c;
    let ty = match sql_type {
        Some(sql) => self::sql_type(sql),
        None => quote_spanned!(rust.span()=> <#rust as ::strata::PgType>::sql_type()),
    };
    let mut set = Vec::new();
    if let Some(d) = default {
        set.push(("default", some(string(d))));
    }
    if let Some(i) = identity {
        set.push(("identity", some(self::identity(*i))));
    }
    if let Some(o) = sequence {
        set.push(("sequence", some(sequence_options(o))));
    }
    if let Some(g) = generated {
        set.push(("generated", some(string(g))));
    }
    if let Some(n) = collation {
        set.push(("collation", some(type_name(n))));
    }
    if let Some(x) = comment {
        set.push(("comment", some(string(x))));
    }
    if let Some(x) = renamed_from {
        set.push(("renamed_from", some(string(x))));
    }
    let new = quote!(::strata::schema::Column::new(#name, #ty, #nullable));
    with_fields(quote!(::strata::schema::Column), new, &set)
}

/// An enum type, labels in their order.
pub fn enum_type(e: &EnumType) -> TokenStream {
    let EnumType {
        schema,
        name,
        labels,
        comment,
    } = e;
    let schema = string(schema);
    let name = string(name);
    let labels = strings(labels);
    let comment = option(comment.as_deref(), string);
    quote! {
        ::strata::schema::EnumType {
            schema: #schema,
            name: #name,
            labels: #labels,
            comment: #comment,
        }
    }
}

/// A `SqlType` (an array as `.array_of()` of its element type).
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
        SqlType::IntervalOf { fields, precision } => {
            let fields = match fields {
                Some(f) => {
                    let v = syn::Ident::new(&format!("{f:?}"), proc_macro2::Span::call_site());
                    quote!(::core::option::Option::Some(::strata::schema::IntervalFields::#v))
                }
                None => quote!(::core::option::Option::None),
            };
            let precision = opt(precision);
            quote!(#p::IntervalOf { fields: #fields, precision: #precision })
        }
        SqlType::Inet => quote!(#p::Inet),
        SqlType::Cidr => quote!(#p::Cidr),
        SqlType::MacAddr => quote!(#p::MacAddr),
        SqlType::Money => quote!(#p::Money),
        SqlType::Xml => quote!(#p::Xml),
        SqlType::TsVector => quote!(#p::TsVector),
        SqlType::Oid => quote!(#p::Oid),
        SqlType::Bit(n) => {
            let n = option(n.as_ref(), |n| quote!(#n));
            quote!(#p::Bit(#n))
        }
        SqlType::VarBit(n) => {
            let n = option(n.as_ref(), |n| quote!(#n));
            quote!(#p::VarBit(#n))
        }
        SqlType::Named(n) => {
            let n = type_name(n);
            quote!(#p::Named(#n))
        }
        SqlType::Array(inner) => {
            let inner = sql_type(inner);
            quote!(#inner.array_of())
        }
    }
}

/// `Some(value)`.
pub fn some(value: TokenStream) -> TokenStream {
    quote!(::core::option::Option::Some(#value))
}

fn sequence_options(o: &SequenceOptions) -> TokenStream {
    let SequenceOptions {
        start,
        increment,
        min,
        max,
        cache,
        cycle,
        name,
    } = o;
    let num = |v: &Option<i64>| option(v.as_ref(), |n| quote!(#n));
    let (start, increment, min, max, cache) =
        (num(start), num(increment), num(min), num(max), num(cache));
    let name = option(name.as_deref(), string);
    quote! {
        ::strata::schema::SequenceOptions {
            start: #start,
            increment: #increment,
            min: #min,
            max: #max,
            cache: #cache,
            cycle: #cycle,
            name: #name,
        }
    }
}

fn primary_key(pk: &PrimaryKey) -> TokenStream {
    let PrimaryKey {
        name,
        columns,
        include,
        with,
        deferrable,
        comment,
    } = pk;
    let name = string(name);
    let columns = strings(columns);
    let include = strings(include);
    let with = strings(with);
    let deferrable = self::deferrable(*deferrable);
    let comment = option(comment.as_deref(), string);
    quote! {
        ::strata::schema::PrimaryKey {
            name: #name,
            columns: #columns,
            include: #include,
            with: #with,
            deferrable: #deferrable,
            comment: #comment,
        }
    }
}

fn unique(u: &Unique) -> TokenStream {
    let Unique {
        name,
        columns,
        include,
        with,
        nulls_not_distinct,
        deferrable,
        comment,
    } = u;
    let name = string(name);
    let columns = strings(columns);
    let include = strings(include);
    let with = strings(with);
    let deferrable = self::deferrable(*deferrable);
    let comment = option(comment.as_deref(), string);
    quote! {
        ::strata::schema::Unique {
            name: #name,
            columns: #columns,
            include: #include,
            with: #with,
            nulls_not_distinct: #nulls_not_distinct,
            deferrable: #deferrable,
            comment: #comment,
        }
    }
}

fn index(ix: &Index) -> TokenStream {
    let Index {
        name,
        unique,
        method,
        elements,
        include,
        predicate,
        nulls_not_distinct,
        with,
        comment,
    } = ix;
    let name = string(name);
    let method = index_method(*method);
    let elements = vec_of(elements.iter().map(index_element));
    let include = strings(include);
    let predicate = option(predicate.as_deref(), string);
    let with = strings(with);
    let comment = option(comment.as_deref(), string);
    quote! {
        ::strata::schema::Index {
            name: #name,
            unique: #unique,
            method: #method,
            elements: #elements,
            include: #include,
            predicate: #predicate,
            nulls_not_distinct: #nulls_not_distinct,
            with: #with,
            comment: #comment,
        }
    }
}

fn index_element(e: &IndexElement) -> TokenStream {
    let IndexElement {
        key,
        order,
        nulls,
        opclass,
        // Not declared by models.
        collation: _,
    } = e;
    let key = index_key(key);
    let order = sort_order(*order);
    let nulls = option(*nulls, nulls_order);
    let opclass = option(opclass.as_deref(), string);
    quote! {
        ::strata::schema::IndexElement { key: #key, order: #order, nulls: #nulls, opclass: #opclass, collation: ::core::option::Option::None }
    }
}

fn index_key(k: &IndexKey) -> TokenStream {
    match k {
        IndexKey::Column(c) => {
            let c = string(c);
            quote!(::strata::schema::IndexKey::Column(#c))
        }
        IndexKey::Expression(x) => {
            let x = string(x);
            quote!(::strata::schema::IndexKey::Expression(#x))
        }
    }
}

fn foreign_key(fk: &ForeignKey) -> TokenStream {
    let ForeignKey {
        name,
        columns,
        ref_schema,
        ref_table,
        ref_columns,
        on_delete,
        on_update,
        deferrable,
        match_full,
        comment,
        // Not declared by models.
        not_valid: _,
    } = fk;
    let comment = option(comment.as_deref(), string);
    let name = string(name);
    let columns = strings(columns);
    let ref_schema = string(ref_schema);
    let ref_table = string(ref_table);
    let ref_columns = strings(ref_columns);
    let on_delete = fk_action(*on_delete);
    let on_update = fk_action(*on_update);
    let deferrable = self::deferrable(*deferrable);
    quote! {
        ::strata::schema::ForeignKey {
            name: #name,
            columns: #columns,
            ref_schema: #ref_schema,
            ref_table: #ref_table,
            ref_columns: #ref_columns,
            on_delete: #on_delete,
            on_update: #on_update,
            deferrable: #deferrable,
            match_full: #match_full,
            comment: #comment,
            not_valid: false,
        }
    }
}

fn check(c: &Check) -> TokenStream {
    let Check {
        name,
        expression,
        comment,
        // Not declared by models.
        no_inherit: _,
        not_valid: _,
    } = c;
    let name = string(name);
    let expression = string(expression);
    let comment = option(comment.as_deref(), string);
    quote!(::strata::schema::Check { name: #name, expression: #expression, comment: #comment, no_inherit: false, not_valid: false })
}

fn type_name(n: &TypeName) -> TokenStream {
    let TypeName { schema, name } = n;
    let schema = string(schema);
    let name = string(name);
    quote!(::strata::schema::TypeName { schema: #schema, name: #name })
}

fn identity(i: Identity) -> TokenStream {
    match i {
        Identity::Always => quote!(::strata::schema::Identity::Always),
        Identity::ByDefault => quote!(::strata::schema::Identity::ByDefault),
        Identity::Serial => quote!(::strata::schema::Identity::Serial),
    }
}

fn index_method(m: IndexMethod) -> TokenStream {
    match m {
        IndexMethod::Btree => quote!(::strata::schema::IndexMethod::Btree),
        IndexMethod::Hash => quote!(::strata::schema::IndexMethod::Hash),
        IndexMethod::Gin => quote!(::strata::schema::IndexMethod::Gin),
        IndexMethod::Gist => quote!(::strata::schema::IndexMethod::Gist),
        IndexMethod::Brin => quote!(::strata::schema::IndexMethod::Brin),
        IndexMethod::Spgist => quote!(::strata::schema::IndexMethod::Spgist),
    }
}

fn fk_action(a: FkAction) -> TokenStream {
    match a {
        FkAction::NoAction => quote!(::strata::schema::FkAction::NoAction),
        FkAction::Restrict => quote!(::strata::schema::FkAction::Restrict),
        FkAction::Cascade => quote!(::strata::schema::FkAction::Cascade),
        FkAction::SetNull => quote!(::strata::schema::FkAction::SetNull),
        FkAction::SetDefault => quote!(::strata::schema::FkAction::SetDefault),
    }
}

fn deferrable(d: Deferrable) -> TokenStream {
    match d {
        Deferrable::NotDeferrable => quote!(::strata::schema::Deferrable::NotDeferrable),
        Deferrable::InitiallyImmediate => quote!(::strata::schema::Deferrable::InitiallyImmediate),
        Deferrable::InitiallyDeferred => quote!(::strata::schema::Deferrable::InitiallyDeferred),
    }
}

fn sort_order(o: SortOrder) -> TokenStream {
    match o {
        SortOrder::Asc => quote!(::strata::schema::SortOrder::Asc),
        SortOrder::Desc => quote!(::strata::schema::SortOrder::Desc),
    }
}

fn nulls_order(n: NullsOrder) -> TokenStream {
    match n {
        NullsOrder::First => quote!(::strata::schema::NullsOrder::First),
        NullsOrder::Last => quote!(::strata::schema::NullsOrder::Last),
    }
}

/// `Path { a: x, ..base }`, or just `base` when nothing is set.
fn with_fields(path: TokenStream, base: TokenStream, set: &[(&str, TokenStream)]) -> TokenStream {
    if set.is_empty() {
        return base;
    }
    let fields = set.iter().map(|(name, value)| {
        let name = format_ident!("{}", name);
        quote!(#name: #value)
    });
    quote!(#path { #(#fields,)* ..#base })
}

/// A `String` of `s`.
fn string(s: &str) -> TokenStream {
    quote!(::std::string::String::from(#s))
}

/// A `Vec<String>` of the items.
fn strings<S: AsRef<str>>(items: &[S]) -> TokenStream {
    vec_of(items.iter().map(|s| string(s.as_ref())))
}

/// A `Vec` of the items (`Vec::from([...])`, which rustfmt-like printers can
/// lay out, unlike `vec![...]`).
fn vec_of(items: impl IntoIterator<Item = TokenStream>) -> TokenStream {
    let items: Vec<TokenStream> = items.into_iter().collect();
    if items.is_empty() {
        quote!(::std::vec::Vec::new())
    } else {
        quote!(::std::vec::Vec::from([#(#items),*]))
    }
}

/// `Some(f(v))` or `None`.
fn option<T>(value: Option<T>, f: impl FnOnce(T) -> TokenStream) -> TokenStream {
    match value {
        Some(v) => some(f(v)),
        None => quote!(::core::option::Option::None),
    }
}

/// A [`Definition`](strata_model::schema::Definition):
/// `Definition::new(name, sql)`.
pub fn definition(d: &strata_model::schema::Definition) -> TokenStream {
    let (name, sql) = (&d.name, &d.sql);
    quote!(::strata::schema::Definition::new(#name, #sql))
}
