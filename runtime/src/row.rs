//! Result rows that are not tables: [`FromRow`], what `#[derive(FromRow)]`
//! generates for a struct with named fields, so that a projection, an
//! aggregate or raw SQL reads into a struct instead of a tuple.
//!
//! A `FromRow` struct is read two ways:
//!
//! - by position, from a projection
//!   ([`Projected::into_struct`](crate::Projected::into_struct)): the fields
//!   take the projection's items in order, and [`FromRow::Fields`] (the
//!   fields' types as a tuple) must be the projection's output type, so a
//!   wrong field type or count does not compile;
//! - by column name, from raw SQL
//!   ([`Executor::query_into`](crate::Executor::query_into), or
//!   [`FromRow::from_row`] on a `tokio_postgres::Row`): each field reads the
//!   column of its name (`#[row(rename = "...")]` to choose another), extra
//!   columns are ignored, a missing one is an error naming the field.
//!
//! Either way a value that does not decode into its field's type is an
//! [`ErrorKind::Decode`](crate::ErrorKind::Decode) error naming the struct,
//! the field, the column, the Rust type and the SQL type, never a panic.
//!
//! Start reading at [`FromRow`]; `macros/src/gen_row.rs` writes its impls.

use tokio_postgres::Row;

use crate::error::{Error, ErrorKind};

/// Static facts about one field of a [`FromRow`] struct, in field order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowField {
    /// The column it reads by name (the field's name unless renamed).
    pub column: &'static str,
    /// The Rust field name.
    pub field: &'static str,
    /// The field's Rust type, as written (for error messages).
    pub rust_type: &'static str,
}

/// A struct read from a result row. Implement it with `#[derive(FromRow)]`:
///
/// ```no_run
/// # use strata::{Executor, FromRow, Table};
/// # #[derive(Table, Clone, Debug)]
/// # #[table(name = "messages")]
/// # pub struct Message {
/// #     #[column(primary_key)]
/// #     pub id: i64,
/// #     pub conversation_id: i32,
/// #     pub body: String,
/// # }
/// use strata::aggregate::count;
///
/// #[derive(FromRow, Debug)]
/// struct Totals {
///     conversation_id: i32,
///     messages: i64,
/// }
///
/// # async fn demo(db: &impl Executor) -> strata::Result<()> {
/// // From a projection, by position: the types are checked at compile time.
/// let totals: Vec<Totals> = db
///     .select::<Message>()
///     .group_by(|c| c.conversation_id)
///     .project(|c| (c.conversation_id, count()))
///     .into_struct::<Totals>()
///     .all()
///     .await?;
/// // From raw SQL, by column name.
/// let totals: Vec<Totals> = db
///     .query_into::<Totals>(
///         "SELECT conversation_id, count(*) AS messages FROM messages GROUP BY 1",
///         &[],
///     )
///     .await?;
/// # Ok(()) }
/// ```
pub trait FromRow: Sized {
    /// The fields' types as a tuple, in field order (`(A,)` for one field):
    /// what a projection read into this struct must produce.
    type Fields;

    /// The name of the struct (for error messages).
    const NAME: &'static str;

    /// The fields, in field order (the order of `decode`).
    const FIELDS: &'static [RowField];

    /// Decodes a row. `positions[i]` is the row position of field `i` of
    /// [`FromRow::FIELDS`].
    fn decode(row: &Row, positions: &[usize]) -> Result<Self, Error>;

    /// Decodes a row by column name: each field reads the column named
    /// [`RowField::column`]; other columns are ignored.
    fn from_row(row: &Row) -> Result<Self, Error> {
        let positions = positions_by_name::<Self>(row.columns())?;
        Self::decode(row, &positions)
    }
}

/// The position of each field's column among `columns`; a missing column
/// is an [`ErrorKind::Decode`] error naming the field and listing what the
/// row has.
pub(crate) fn positions_by_name<R: FromRow>(
    columns: &[tokio_postgres::Column],
) -> Result<Vec<usize>, Error> {
    R::FIELDS
        .iter()
        .map(|f| {
            columns
                .iter()
                .position(|c| c.name() == f.column)
                .ok_or_else(|| {
                    let have = if columns.is_empty() {
                        "no columns".to_string()
                    } else {
                        columns
                            .iter()
                            .map(|c| c.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    Error::new(
                        ErrorKind::Decode,
                        format!(
                            "cannot read a {}: the row has no column named {:?} (field `{}`); it has {have}",
                            R::NAME,
                            f.column,
                            f.field
                        ),
                    )
                })
        })
        .collect()
}

/// The error of `FromRow::decode` when `positions` has fewer entries than
/// the struct has fields.
#[cold]
#[doc(hidden)]
pub fn positions_error(name: &str, needed: usize, given: usize) -> Error {
    Error::new(
        ErrorKind::Invalid,
        format!("cannot decode a {name}: {given} column positions given, {needed} needed"),
    )
}
