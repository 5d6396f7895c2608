//! Typed column handles and the Rust ↔ SQL type mapping.
//!
//! - [`PgType`] gives the SQL type that `#[derive(Table)]` infers for a field's
//!   Rust type (`String` → `text`, `Option<T>` → nullable `T`, `Vec<T>` →
//!   `T[]`, ...). A type without an impl needs `#[column(sql_type = "...")]`;
//!   the compile error says so on the field.
//! - [`Column<T, V>`] is the handle of a column of table `T` whose field has
//!   Rust type `V`; the generated `<Struct>Columns` struct holds one per field.
//!   Filters built from a handle only accept values of a compatible Rust type
//!   ([`SqlValue`]) and only combine with filters of the same table.
//!
//! The comparison methods of a handle (`eq`, `lt`, `in_`, ...) live with the
//! filters, in [`crate::filter`]. Start reading at [`Column`], then
//! [`SqlValue`].

use std::marker::PhantomData;

use postgres_types::ToSql;

use crate::schema::{EnumType, SqlType};

/// A Rust type with a default PostgreSQL column type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no default PostgreSQL type",
    label = "strata cannot infer a column type for `{Self}`",
    note = "add `#[column(sql_type = \"...\")]` to the field, derive `PgEnum` for an enum, or implement `strata::PgType`"
)]
pub trait PgType {
    /// The column type.
    fn sql_type() -> SqlType;

    /// The enum type behind this Rust type, when it is a `#[derive(PgEnum)]`
    /// (also through `Option` and `Vec`).
    fn enum_type() -> Option<EnumType> {
        None
    }
}

macro_rules! pg_type {
    ($($t:ty => $sql:expr),* $(,)?) => {$(
        impl PgType for $t {
            fn sql_type() -> SqlType {
                $sql
            }
        }
    )*};
}

pg_type! {
    String => SqlType::Text,
    i16 => SqlType::SmallInt,
    i32 => SqlType::Integer,
    i64 => SqlType::BigInt,
    f32 => SqlType::Real,
    f64 => SqlType::DoublePrecision,
    bool => SqlType::Boolean,
    Vec<u8> => SqlType::Bytea,
    serde_json::Value => SqlType::Jsonb,
    std::net::IpAddr => SqlType::Inet,
}

#[cfg(feature = "chrono")]
pg_type! {
    chrono::DateTime<chrono::Utc> => SqlType::TimestampTz(None),
    chrono::DateTime<chrono::FixedOffset> => SqlType::TimestampTz(None),
    chrono::DateTime<chrono::Local> => SqlType::TimestampTz(None),
    chrono::NaiveDateTime => SqlType::Timestamp(None),
    chrono::NaiveDate => SqlType::Date,
    chrono::NaiveTime => SqlType::Time(None),
}

#[cfg(feature = "time")]
pg_type! {
    time::OffsetDateTime => SqlType::TimestampTz(None),
    time::PrimitiveDateTime => SqlType::Timestamp(None),
    time::Date => SqlType::Date,
    time::Time => SqlType::Time(None),
}

#[cfg(feature = "uuid")]
pg_type! {
    uuid::Uuid => SqlType::Uuid,
}

#[cfg(feature = "decimal")]
pg_type! {
    rust_decimal::Decimal => SqlType::Numeric(None),
}

impl<T: PgType> PgType for Option<T> {
    fn sql_type() -> SqlType {
        T::sql_type()
    }
    fn enum_type() -> Option<EnumType> {
        T::enum_type()
    }
}

impl<T: PgType> PgType for Vec<T> {
    fn sql_type() -> SqlType {
        T::sql_type().array_of()
    }
    fn enum_type() -> Option<EnumType> {
        T::enum_type()
    }
}

impl<T> PgType for postgres_types::Json<T> {
    fn sql_type() -> SqlType {
        SqlType::Jsonb
    }
}

/// The handle of a column of table `T` whose Rust field type is `V`.
pub struct Column<T, V> {
    name: &'static str,
    index: usize,
    _marker: PhantomData<fn() -> (T, V)>,
}

impl<T, V> Column<T, V> {
    /// A handle for column `index` (its position in `T::COLUMNS`) named `name`.
    pub const fn new(name: &'static str, index: usize) -> Self {
        Column {
            name,
            index,
            _marker: PhantomData,
        }
    }

    /// The SQL column name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The position of the column in the table's `COLUMNS`.
    pub const fn index(&self) -> usize {
        self.index
    }
}

impl<T, V> Clone for Column<T, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, V> Copy for Column<T, V> {}

impl<T, V> std::fmt::Debug for Column<T, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Column({})", self.name)
    }
}

/// An owned bind parameter.
pub type Param = Box<dyn ToSql + Sync + Send>;

/// A Rust value that can be compared with (or stored in) a column whose field
/// has Rust type `V`.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` cannot be compared with a column of Rust type `{V}`",
    label = "expected a value of type `{V}` here",
    note = "strata filters are typed: the value must have the column's Rust type (a `&str` works for `String` columns, a plain value for `Option<_>` columns)"
)]
pub trait SqlValue<V> {
    /// Turns the value into an owned bind parameter.
    fn into_param(self) -> Param;
}

impl<V: ToSql + Sync + Send + 'static> SqlValue<V> for V {
    fn into_param(self) -> Param {
        Box::new(self)
    }
}

impl<V: ToSql + Sync + Send + 'static> SqlValue<Option<V>> for V {
    fn into_param(self) -> Param {
        Box::new(Some(self))
    }
}

impl<V: ToSql + Clone + Sync + Send + 'static> SqlValue<V> for &V {
    fn into_param(self) -> Param {
        Box::new(self.clone())
    }
}

impl SqlValue<String> for &str {
    fn into_param(self) -> Param {
        Box::new(self.to_string())
    }
}

impl SqlValue<Option<String>> for &str {
    fn into_param(self) -> Param {
        Box::new(Some(self.to_string()))
    }
}

impl SqlValue<Vec<String>> for &[&str] {
    fn into_param(self) -> Param {
        Box::new(self.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }
}

impl<const N: usize> SqlValue<Vec<String>> for [&str; N] {
    fn into_param(self) -> Param {
        Box::new(self.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }
}

impl<const N: usize> SqlValue<Option<Vec<String>>> for [&str; N] {
    fn into_param(self) -> Param {
        Box::new(Some(self.iter().map(|s| s.to_string()).collect::<Vec<_>>()))
    }
}

impl SqlValue<Vec<String>> for Vec<&str> {
    fn into_param(self) -> Param {
        Box::new(self.into_iter().map(str::to_string).collect::<Vec<_>>())
    }
}

impl<V: ToSql + Sync + Send + 'static, const N: usize> SqlValue<Vec<V>> for [V; N] {
    fn into_param(self) -> Param {
        Box::new(Vec::from(self))
    }
}
