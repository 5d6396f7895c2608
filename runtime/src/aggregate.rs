//! Typed expressions over a table's columns for projections and aggregates:
//! [`Expr<T, R>`] is an SQL expression over table `T` whose value reads as
//! Rust type `R` — a column (`c.status.expr()`), [`count()`],
//! `c.x.count()`, `c.x.count_distinct()`, `c.x.sum()`, `c.x.avg()`,
//! `c.x.min()`, `c.x.max()`. The result types follow PostgreSQL's: `sum` of
//! an `i32` column is an `i64` (`bigint`), `avg` of integers an `f64`,
//! `sum`/`min`/`max` are `None` over no rows. A [`Projection`] is one
//! expression or a tuple of up to eight, read into the matching Rust tuple;
//! [`Select::project`](crate::Select::project) runs it, with `GROUP BY`,
//! `HAVING` (comparisons of an `Expr`) and ordering by an `Expr`.
//!
//! Wrong types do not compile: `sum` of a text column has no
//! [`Summable`] impl, and a `HAVING` value must have the expression's type.
//!
//! Start reading at [`Expr`], then [`Projection`].

use std::marker::PhantomData;

use postgres_types::FromSql;
use tokio_postgres::Row;

use crate::column::{Column, SqlValue};
use crate::error::{Error, Result};
use crate::filter::{ExprSql, Filter, Node, Order};
use crate::row::FromRow;

/// An SQL expression over table `T` whose value reads as Rust type `R`.
pub struct Expr<T, R> {
    pub(crate) sql: ExprSql,
    _marker: PhantomData<fn() -> (T, R)>,
}

impl<T, R> Clone for Expr<T, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, R> Copy for Expr<T, R> {}

impl<T, R> std::fmt::Debug for Expr<T, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.sql.render(&mut s);
        f.write_str(&s)
    }
}

impl<T, R> Expr<T, R> {
    const fn new(sql: ExprSql) -> Expr<T, R> {
        Expr {
            sql,
            _marker: PhantomData,
        }
    }

    fn cmp<X: SqlValue<R>>(self, op: &'static str, value: X) -> Filter<T> {
        Filter::from_node(Node::ExprCmp(self.sql, op, value.into_param()))
    }

    /// `expr = value` (in `HAVING`).
    pub fn eq<X: SqlValue<R>>(self, value: X) -> Filter<T> {
        self.cmp("=", value)
    }

    /// `expr <> value`.
    pub fn ne<X: SqlValue<R>>(self, value: X) -> Filter<T> {
        self.cmp("<>", value)
    }

    /// `expr < value`.
    pub fn lt<X: SqlValue<R>>(self, value: X) -> Filter<T> {
        self.cmp("<", value)
    }

    /// `expr <= value`.
    pub fn le<X: SqlValue<R>>(self, value: X) -> Filter<T> {
        self.cmp("<=", value)
    }

    /// `expr > value`.
    pub fn gt<X: SqlValue<R>>(self, value: X) -> Filter<T> {
        self.cmp(">", value)
    }

    /// `expr >= value`.
    pub fn ge<X: SqlValue<R>>(self, value: X) -> Filter<T> {
        self.cmp(">=", value)
    }

    /// `ORDER BY expr`.
    pub fn asc(self) -> Order<T> {
        Order::of(self.sql, false)
    }

    /// `ORDER BY expr DESC`.
    pub fn desc(self) -> Order<T> {
        Order::of(self.sql, true)
    }
}

/// `count(*)`: the number of rows (of each group).
pub fn count<T>() -> Expr<T, i64> {
    Expr::new(ExprSql::CountStar)
}

fn agg<T, R>(
    func: &'static str,
    distinct: bool,
    col: &'static str,
    cast: Option<&'static str>,
) -> Expr<T, R> {
    Expr::new(ExprSql::Agg {
        func,
        distinct,
        col,
        cast,
    })
}

/// A column type `sum` applies to, and what the sum reads as.
#[diagnostic::on_unimplemented(
    message = "`sum` does not apply to a column of Rust type `{Self}`",
    note = "sum applies to integer, floating point and numeric (Decimal) columns"
)]
pub trait Summable {
    /// The Rust type of the sum.
    type Sum;
    /// The cast that makes PostgreSQL's result that type, if any.
    const CAST: Option<&'static str>;
}

/// A column type `avg` applies to, and what the average reads as.
#[diagnostic::on_unimplemented(
    message = "`avg` does not apply to a column of Rust type `{Self}`",
    note = "avg applies to integer, floating point and numeric (Decimal) columns"
)]
pub trait Averageable {
    /// The Rust type of the average.
    type Avg;
    /// The cast that makes PostgreSQL's result that type, if any.
    const CAST: Option<&'static str>;
}

/// A column type with an order, for `min` and `max`.
#[diagnostic::on_unimplemented(
    message = "`min`/`max` do not apply to a column of Rust type `{Self}`",
    note = "min and max apply to numbers, text, numeric and date/time columns"
)]
pub trait Ordered {
    /// The Rust type of a value (without `Option`).
    type Value;
}

macro_rules! summable {
    ($($t:ty => $sum:ty, $cast:expr;)*) => {$(
        impl Summable for $t {
            type Sum = $sum;
            const CAST: Option<&'static str> = $cast;
        }
        impl Summable for Option<$t> {
            type Sum = $sum;
            const CAST: Option<&'static str> = $cast;
        }
    )*};
}

summable! {
    i16 => i64, None;
    i32 => i64, None;
    // sum(bigint) is numeric; as bigint a sum beyond i64 is an error.
    i64 => i64, Some("bigint");
    f32 => f32, None;
    f64 => f64, None;
}

macro_rules! averageable {
    ($($t:ty => $avg:ty, $cast:expr;)*) => {$(
        impl Averageable for $t {
            type Avg = $avg;
            const CAST: Option<&'static str> = $cast;
        }
        impl Averageable for Option<$t> {
            type Avg = $avg;
            const CAST: Option<&'static str> = $cast;
        }
    )*};
}

averageable! {
    i16 => f64, Some("double precision");
    i32 => f64, Some("double precision");
    i64 => f64, Some("double precision");
    f32 => f64, Some("double precision");
    f64 => f64, None;
}

macro_rules! ordered {
    ($($t:ty),* $(,)?) => {$(
        impl Ordered for $t {
            type Value = $t;
        }
        impl Ordered for Option<$t> {
            type Value = $t;
        }
    )*};
}

ordered!(i16, i32, i64, f32, f64, String);

#[cfg(feature = "decimal")]
summable! { rust_decimal::Decimal => rust_decimal::Decimal, None; }
#[cfg(feature = "decimal")]
averageable! { rust_decimal::Decimal => rust_decimal::Decimal, None; }
#[cfg(feature = "decimal")]
ordered!(rust_decimal::Decimal);
#[cfg(feature = "chrono")]
ordered!(
    chrono::DateTime<chrono::Utc>,
    chrono::NaiveDateTime,
    chrono::NaiveDate,
    chrono::NaiveTime
);
#[cfg(feature = "time")]
ordered!(
    time::OffsetDateTime,
    time::PrimitiveDateTime,
    time::Date,
    time::Time
);

impl<T, V> Column<T, V> {
    /// The column as an expression (to project it, or to compare it in
    /// `HAVING`).
    pub fn expr(self) -> Expr<T, V> {
        Expr::new(ExprSql::Col(self.name()))
    }

    /// `count(col)`: the rows where the column is not NULL.
    pub fn count(self) -> Expr<T, i64> {
        agg("count", false, self.name(), None)
    }

    /// `count(DISTINCT col)`.
    pub fn count_distinct(self) -> Expr<T, i64> {
        agg("count", true, self.name(), None)
    }

    /// `sum(col)`; `None` over no rows (or only NULLs).
    pub fn sum(self) -> Expr<T, Option<V::Sum>>
    where
        V: Summable,
    {
        agg("sum", false, self.name(), V::CAST)
    }

    /// `avg(col)`; `None` over no rows (or only NULLs).
    pub fn avg(self) -> Expr<T, Option<V::Avg>>
    where
        V: Averageable,
    {
        agg("avg", false, self.name(), V::CAST)
    }

    /// `min(col)`; `None` over no rows (or only NULLs).
    pub fn min(self) -> Expr<T, Option<V::Value>>
    where
        V: Ordered,
    {
        agg("min", false, self.name(), None)
    }

    /// `max(col)`; `None` over no rows (or only NULLs).
    pub fn max(self) -> Expr<T, Option<V::Value>>
    where
        V: Ordered,
    {
        agg("max", false, self.name(), None)
    }
}

/// One item of a projection: an [`Expr`] or a [`Column`].
pub trait ProjectionItem<T> {
    /// What it reads as.
    type Output;
    /// Its SQL.
    #[doc(hidden)]
    fn expr_sql(&self) -> ExprSqlRef;
    /// Reads it from column `pos` of `row`.
    #[doc(hidden)]
    fn read(row: &Row, pos: usize, table: &str, text: &str) -> Result<Self::Output>;
}

/// The SQL of a projection item (opaque).
#[derive(Clone, Copy, Debug)]
pub struct ExprSqlRef(pub(crate) ExprSql);

fn read_value<R: for<'a> FromSql<'a>>(row: &Row, pos: usize, table: &str, text: &str) -> Result<R> {
    row.try_get::<_, R>(pos).map_err(|e| {
        let sql_type = row
            .columns()
            .get(pos)
            .map(|c| c.type_().name().to_string())
            .unwrap_or_default();
        Error::decode(table, text, std::any::type_name::<R>(), &sql_type, e)
    })
}

impl<T, R: for<'a> FromSql<'a>> ProjectionItem<T> for Expr<T, R> {
    type Output = R;
    fn expr_sql(&self) -> ExprSqlRef {
        ExprSqlRef(self.sql)
    }
    fn read(row: &Row, pos: usize, table: &str, text: &str) -> Result<R> {
        read_value(row, pos, table, text)
    }
}

impl<T, V: for<'a> FromSql<'a>> ProjectionItem<T> for Column<T, V> {
    type Output = V;
    fn expr_sql(&self) -> ExprSqlRef {
        ExprSqlRef(ExprSql::Col(self.name()))
    }
    fn read(row: &Row, pos: usize, table: &str, text: &str) -> Result<V> {
        read_value(row, pos, table, text)
    }
}

/// What a projection selects: one [`ProjectionItem`] or a tuple of up to
/// eight, read into the matching Rust value or tuple.
pub trait Projection<T> {
    /// The Rust value of one result row.
    type Output;
    /// The items' SQL, in order.
    #[doc(hidden)]
    fn items(&self) -> Vec<ExprSqlRef>;
    /// Reads one result row (`texts`: each item's SQL, for errors).
    #[doc(hidden)]
    fn read(row: &Row, table: &str, texts: &[String]) -> Result<Self::Output>;
}

fn text_at(texts: &[String], i: usize) -> &str {
    texts.get(i).map(String::as_str).unwrap_or("?")
}

impl<T, R: for<'a> FromSql<'a>> Projection<T> for Expr<T, R> {
    type Output = R;
    fn items(&self) -> Vec<ExprSqlRef> {
        vec![ExprSqlRef(self.sql)]
    }
    fn read(row: &Row, table: &str, texts: &[String]) -> Result<R> {
        read_value(row, 0, table, text_at(texts, 0))
    }
}

impl<T, V: for<'a> FromSql<'a>> Projection<T> for Column<T, V> {
    type Output = V;
    fn items(&self) -> Vec<ExprSqlRef> {
        vec![ExprSqlRef(ExprSql::Col(self.name()))]
    }
    fn read(row: &Row, table: &str, texts: &[String]) -> Result<V> {
        read_value(row, 0, table, text_at(texts, 0))
    }
}

macro_rules! tuple_projection {
    ($($name:ident $idx:tt),+) => {
        impl<T, $($name: ProjectionItem<T>),+> Projection<T> for ($($name,)+) {
            type Output = ($($name::Output,)+);
            fn items(&self) -> Vec<ExprSqlRef> {
                vec![$(self.$idx.expr_sql()),+]
            }
            fn read(row: &Row, table: &str, texts: &[String]) -> Result<Self::Output> {
                Ok(($($name::read(row, $idx, table, text_at(texts, $idx))?,)+))
            }
        }
    };
}

tuple_projection!(A 0);
tuple_projection!(A 0, B 1);
tuple_projection!(A 0, B 1, C 2);
tuple_projection!(A 0, B 1, C 2, D 3);
tuple_projection!(A 0, B 1, C 2, D 3, E 4);
tuple_projection!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_projection!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_projection!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

/// A projection whose rows read into the struct `R` (a
/// `#[derive(FromRow)]`): its output is exactly `R::Fields`, one item per
/// field, in field order, each of the field's type. Implemented for every
/// such projection; see [`Projected::into_struct`](crate::select::Projected::into_struct).
#[diagnostic::on_unimplemented(
    message = "this projection does not read into `{R}`",
    label = "the projection's items do not match the fields of `{R}`",
    note = "a projection read into `{R}` needs one item per field of `{R}`, in field order, each of the field's Rust type (a struct of one field takes a 1-tuple: `(count(),)`)"
)]
pub trait ProjectsInto<T, R>: Projection<T> {}

impl<T, R: FromRow, P: Projection<T, Output = R::Fields>> ProjectsInto<T, R> for P {}
