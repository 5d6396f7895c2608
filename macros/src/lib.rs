//! The derive macros of strata: `#[derive(Table)]`, `#[derive(PgEnum)]`,
//! `#[derive(FromRow)]` and `#[derive(View)]`
//! (use them through `strata`, which re-exports them; the generated code
//! names only `::strata::...` paths, never this crate).
//!
//! The crate is a thin shim over ordinary functions on
//! `proc_macro2::TokenStream` (`expand.rs`), which run the stages in order,
//! each in its own module:
//!
//! 1. parse the attributes (`attr.rs`, with the SQL text checks of `sql.rs`)
//!    and the input's shape (`ast.rs`), reporting every error into the
//!    context of `ctxt.rs` instead of stopping at the first;
//! 2. check across fields and resolve names (`check.rs` → `ir.rs`);
//! 3. generate code (`gen_table.rs`, `gen_enum.rs`, `gen_row.rs`, `gen_view.rs`,
//!    `tokens.rs`), or, when
//!    the context holds errors, emit them with a stub impl (`fallback.rs`).
//!
//! The schema model comes from `strata-model`, an ordinary dependency: a
//! `sql_type`, an index `method` or an `on_delete` is checked at compile time
//! by the same parser the runtime and `schema-diff` use, default constraint
//! names are computed by the same code, and the resolved IR holds the
//! model's own types. The attribute reference is the documentation of [`derive@Table`]
//! (the file `macros/docs/attributes.md`).

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
mod gen_row;
mod gen_table;
mod gen_view;
mod tokens;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

#[doc = include_str!("../docs/attributes.md")]
#[proc_macro_derive(Table, attributes(table, column))]
pub fn derive_table(input: TokenStream) -> TokenStream {
    expand::derive_table(input.into()).into()
}

/// Maps a fieldless enum to a PostgreSQL enum type: `impl strata::PgType`,
/// `impl strata::ToSql` and `impl strata::FromSql`, with
/// `#[pg_enum(name = "...", schema = "...", rename_all = "...", comment = "...")]`
/// on the enum and `#[pg_enum(rename = "...")]` on a variant. The enum must
/// also implement `Debug` (a supertrait of `ToSql`), which is left to you.
///
/// The full reference is the section "`#[derive(PgEnum)]`" of the
/// documentation of [`derive@Table`] (the file `macros/docs/attributes.md`).
#[proc_macro_derive(PgEnum, attributes(pg_enum))]
pub fn derive_pg_enum(input: TokenStream) -> TokenStream {
    expand::derive_pg_enum(input.into()).into()
}

/// Reads result rows that are not tables (projections, aggregates, raw SQL)
/// into a struct with named fields: `impl strata::FromRow`.
///
/// - From a projection, by position:
///   `db.select::<Message>().group_by(|c| c.conversation_id).project(|c| (c.conversation_id, count())).into_struct::<Totals>()`;
///   the projection must read as the fields' types in field order, or the
///   call does not compile.
/// - From raw SQL, by column name: `db.query_into::<Totals>(sql, params)`,
///   or `Totals::from_row(&row)` on a `tokio_postgres::Row`.
///
/// `#[row(rename = "...")]` on a field reads another column than the
/// field's name. Every field type must implement `strata::FromSql`; a value
/// that does not decode is an error naming the struct, the field and the
/// column.
///
/// ```ignore
/// #[derive(strata::FromRow)]
/// struct Totals {
///     conversation_id: i32,
///     #[row(rename = "count")]
///     messages: i64,
/// }
/// ```
#[proc_macro_derive(FromRow, attributes(row))]
pub fn derive_from_row(input: TokenStream) -> TokenStream {
    expand::derive_from_row(input.into()).into()
}

/// Maps a view read-only to a struct with named fields: `impl
/// strata::Selectable` (typed reads: `db.select::<ActiveJob>()` with
/// filters, ordering, `all`/`first`/`one`/`count`/`stream`, projections),
/// `impl strata::View` (its `CREATE VIEW`, registered as a definition, so
/// `schema-diff` creates and compares it) and the `<Struct>Columns`
/// handles. No `impl strata::Table`: inserting, updating or deleting its
/// rows does not compile.
///
/// ```ignore
/// #[derive(strata::View, Debug)]
/// #[view(name = "active_jobs", sql = "SELECT job_id, status FROM dgs_jobs WHERE status <> 'done'")]
/// struct ActiveJob {
///     job_id: String,
///     status: String,
/// }
/// ```
///
/// `#[view(name = "...", schema = "...", sql = "...")]` on the struct (the
/// name defaults to the struct's in snake case, the schema to `public`);
/// `#[view(rename = "...")]` on a field reads another column. The view is
/// created as `CREATE VIEW name (field columns, in order) AS sql`, so the
/// query's columns are named by the struct. The full reference is the
/// section "`#[derive(View)]`" of the documentation of [`derive@Table`].
#[proc_macro_derive(View, attributes(view))]
pub fn derive_view(input: TokenStream) -> TokenStream {
    expand::derive_view(input.into()).into()
}
