//! Joins between two models: [`Select::join`](crate::Select::join) and
//! [`Select::left_join`](crate::Select::left_join) with a typed condition
//! (`|a, b| a.lesson_id.on(b.lesson_id)`: the two columns' Rust types must
//! match, up to `Option`), or [`Select::join_related`](crate::Select::join_related)
//! and [`Select::left_join_related`](crate::Select::left_join_related) with
//! the condition taken from the foreign key the models declare between the
//! two tables. Rows read as `(A, B)` for an inner join and `(A, Option<B>)`
//! for a left join; filters and ordering apply to either side
//! ([`Join::filter`], [`Join::filter_joined`], ...).
//!
//! The statement names the tables `a` and `b` and qualifies every column,
//! so the two models may share column names, and a model may be joined with
//! itself.
//!
//! Start reading at [`Join::all`].

use std::fmt::Write as _;
use std::marker::PhantomData;

use postgres_types::ToSql;
use tokio_postgres::Row;

use crate::column::Column;
use crate::conn::Conn;
use crate::error::{Error, ErrorKind, Result};
use crate::exact::RawValue;
use crate::filter::{and_nodes, column, ExprSql, Filter, Node, Order, SubqueryNode};
use crate::ident::Qualified;
use crate::table::Table;

/// Column types that can be joined: the same Rust type, up to `Option`.
#[diagnostic::on_unimplemented(
    message = "a column of Rust type `{Self}` cannot be joined with one of type `{W}`",
    note = "join conditions compare columns of the same Rust type (one side may be an `Option` of it)"
)]
pub trait JoinKey<W> {}
impl<V> JoinKey<V> for V {}
impl<V> JoinKey<Option<V>> for V {}
impl<V> JoinKey<V> for Option<V> {}

/// A join condition between tables `A` and `B`: pairs of equal columns.
pub struct On<A, B> {
    pairs: Vec<(&'static str, &'static str)>,
    _tables: PhantomData<fn() -> (A, B)>,
}

impl<A, B> std::fmt::Debug for On<A, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.pairs).finish()
    }
}

impl<A, B> On<A, B> {
    pub(crate) fn pairs(self) -> Vec<(&'static str, &'static str)> {
        self.pairs
    }

    /// Both conditions (a join on several columns).
    pub fn and(mut self, other: On<A, B>) -> On<A, B> {
        self.pairs.extend(other.pairs);
        self
    }
}

impl<A, V> Column<A, V> {
    /// The join condition `a.this = b.other`.
    pub fn on<B, W>(self, other: Column<B, W>) -> On<A, B>
    where
        V: JoinKey<W>,
    {
        On {
            pairs: vec![(self.name(), other.name())],
            _tables: PhantomData,
        }
    }
}

/// An inner join: both sides are there.
#[derive(Debug)]
pub struct Inner;

/// A left join: the right side may be missing.
#[derive(Debug)]
pub struct Left;

/// What a join kind reads its right side as.
pub trait JoinKind {
    /// `B` or `Option<B>`.
    type Right<B>;
    #[doc(hidden)]
    const SQL: &'static str;
    #[doc(hidden)]
    fn read<B: Table>(row: &Row, positions: &[usize]) -> Result<Self::Right<B>>;
}

impl JoinKind for Inner {
    type Right<B> = B;
    const SQL: &'static str = "JOIN";
    fn read<B: Table>(row: &Row, positions: &[usize]) -> Result<B> {
        B::decode(row, positions)
    }
}

impl JoinKind for Left {
    type Right<B> = Option<B>;
    const SQL: &'static str = "LEFT JOIN";
    fn read<B: Table>(row: &Row, positions: &[usize]) -> Result<Option<B>> {
        // No match: every column of the right side is NULL, its primary key
        // (NOT NULL) included.
        let missing = match B::PRIMARY_KEY.first() {
            Some(&k) => positions
                .get(k)
                .is_some_and(|&p| matches!(row.try_get::<_, RawValue<'_>>(p), Ok(RawValue(None)))),
            None => positions
                .iter()
                .all(|&p| matches!(row.try_get::<_, RawValue<'_>>(p), Ok(RawValue(None)))),
        };
        if missing {
            Ok(None)
        } else {
            B::decode(row, positions).map(Some)
        }
    }
}

/// The types a [`Join`] is about (it owns none of them).
type Kinds<A, B, K> = PhantomData<fn() -> (A, B, K)>;

/// A join of `A` with `B`; made by [`Select::join`](crate::Select::join)
/// and its siblings.
pub struct Join<'e, A, B, K> {
    conn: Conn<'e>,
    on: std::result::Result<Vec<(&'static str, &'static str)>, String>,
    left: Option<Node>,
    right: Option<Node>,
    order: Vec<String>,
    limit: Option<i64>,
    offset: Option<i64>,
    _kinds: Kinds<A, B, K>,
}

impl<A, B, K> std::fmt::Debug for Join<'_, A, B, K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Join")
            .field("on", &self.on)
            .finish_non_exhaustive()
    }
}

/// The column pairs of the one foreign key between `A` and `B` (either
/// way), or why there is none to use.
pub(crate) fn related<A: Table, B: Table>(
) -> std::result::Result<Vec<(&'static str, &'static str)>, String> {
    let a = A::definition();
    let b = B::definition();
    let a_name = Qualified(A::SCHEMA, A::NAME).to_string();
    let b_name = Qualified(B::SCHEMA, B::NAME).to_string();
    // Column names as 'static: the models' own.
    let static_name = |cols: &'static [crate::table::ColumnInfo], name: &str| {
        cols.iter().find(|c| c.name == name).map(|c| c.name)
    };
    let mut found = Vec::new();
    for fk in &a.foreign_keys {
        if fk.ref_schema == B::SCHEMA && fk.ref_table == B::NAME {
            let pairs: Option<Vec<_>> = fk
                .columns
                .iter()
                .zip(&fk.ref_columns)
                .map(|(x, y)| Some((static_name(A::COLUMNS, x)?, static_name(B::COLUMNS, y)?)))
                .collect();
            found.extend(pairs);
        }
    }
    for fk in &b.foreign_keys {
        if fk.ref_schema == A::SCHEMA && fk.ref_table == A::NAME {
            let pairs: Option<Vec<_>> = fk
                .columns
                .iter()
                .zip(&fk.ref_columns)
                .map(|(y, x)| Some((static_name(A::COLUMNS, x)?, static_name(B::COLUMNS, y)?)))
                .collect();
            found.extend(pairs);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!(
            "no foreign key between {a_name} and {b_name} is declared in the models; \
             join with an explicit condition (join(|a, b| a.x.on(b.y)))"
        )),
        n => Err(format!(
            "{n} foreign keys between {a_name} and {b_name}: say which with an explicit \
             condition (join(|a, b| a.x.on(b.y)))"
        )),
    }
}

impl<'e, A: Table, B: Table, K: JoinKind> Join<'e, A, B, K> {
    pub(crate) fn new(
        conn: Conn<'e>,
        on: std::result::Result<Vec<(&'static str, &'static str)>, String>,
        left: Option<Node>,
    ) -> Join<'e, A, B, K> {
        Join {
            conn,
            on,
            left,
            right: None,
            order: Vec::new(),
            limit: None,
            offset: None,
            _kinds: PhantomData,
        }
    }

    /// Appends an order of the left side (from the select it came from).
    pub(crate) fn order_rendered(mut self, order: &Order<A>) -> Join<'e, A, B, K> {
        let mut s = String::new();
        order.render_q(&mut s, Some("a"));
        self.order.push(s);
        self
    }

    /// Keeps the rows whose left side (`A`) matches.
    pub fn filter(mut self, f: impl FnOnce(&A::Columns) -> Filter<A>) -> Join<'e, A, B, K> {
        self.left = Some(and_nodes(self.left.take(), f(A::columns())));
        self
    }

    /// Keeps the rows whose right side (`B`) matches (for a left join, a
    /// missing right side matches only `is_null` conditions).
    pub fn filter_joined(mut self, f: impl FnOnce(&B::Columns) -> Filter<B>) -> Join<'e, A, B, K> {
        self.right = Some(and_nodes(self.right.take(), f(B::columns())));
        self
    }

    /// Orders by a column of the left side.
    pub fn order_by(mut self, f: impl FnOnce(&A::Columns) -> Order<A>) -> Join<'e, A, B, K> {
        let mut s = String::new();
        f(A::columns()).render_q(&mut s, Some("a"));
        self.order.push(s);
        self
    }

    /// Orders by a column of the right side.
    pub fn order_by_joined(mut self, f: impl FnOnce(&B::Columns) -> Order<B>) -> Join<'e, A, B, K> {
        let mut s = String::new();
        f(B::columns()).render_q(&mut s, Some("b"));
        self.order.push(s);
        self
    }

    /// `LIMIT n`.
    pub fn limit(mut self, n: i64) -> Join<'e, A, B, K> {
        self.limit = Some(n);
        self
    }

    /// `OFFSET n`.
    pub fn offset(mut self, n: i64) -> Join<'e, A, B, K> {
        self.offset = Some(n);
        self
    }

    fn render(&self) -> Result<(String, Vec<&(dyn ToSql + Sync)>)> {
        let pairs = self
            .on
            .as_ref()
            .map_err(|why| Error::new(ErrorKind::Invalid, why.clone()))?;
        let mut sql = String::from("SELECT ");
        for (i, c) in A::COLUMNS.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            column(&mut sql, Some("a"), c.name);
        }
        for c in B::COLUMNS {
            sql.push_str(", ");
            column(&mut sql, Some("b"), c.name);
        }
        let _ = write!(
            sql,
            " FROM {} AS a {} {} AS b ON ",
            Qualified(A::SCHEMA, A::NAME),
            K::SQL,
            Qualified(B::SCHEMA, B::NAME)
        );
        for (i, (x, y)) in pairs.iter().enumerate() {
            if i > 0 {
                sql.push_str(" AND ");
            }
            column(&mut sql, Some("a"), x);
            sql.push_str(" = ");
            column(&mut sql, Some("b"), y);
        }
        let mut params = Vec::new();
        match (&self.left, &self.right) {
            (None, None) => {}
            (Some(l), None) => {
                sql.push_str(" WHERE ");
                l.render_q(&mut sql, &mut params, Some("a"));
            }
            (None, Some(r)) => {
                sql.push_str(" WHERE ");
                r.render_q(&mut sql, &mut params, Some("b"));
            }
            (Some(l), Some(r)) => {
                sql.push_str(" WHERE (");
                l.render_q(&mut sql, &mut params, Some("a"));
                sql.push_str(") AND (");
                r.render_q(&mut sql, &mut params, Some("b"));
                sql.push(')');
            }
        }
        for (i, o) in self.order.iter().enumerate() {
            sql.push_str(if i == 0 { " ORDER BY " } else { ", " });
            sql.push_str(o);
        }
        if let Some(limit) = &self.limit {
            params.push(limit);
            let _ = write!(sql, " LIMIT ${}", params.len());
        }
        if let Some(offset) = &self.offset {
            params.push(offset);
            let _ = write!(sql, " OFFSET ${}", params.len());
        }
        Ok((sql, params))
    }

    /// Every joined row: `(A, B)` for an inner join, `(A, Option<B>)` for a
    /// left join.
    pub async fn all(self) -> Result<Vec<(A, K::Right<B>)>> {
        let (sql, params) = self.render()?;
        let left: Vec<usize> = (0..A::COLUMNS.len()).collect();
        let right: Vec<usize> = (A::COLUMNS.len()..A::COLUMNS.len() + B::COLUMNS.len()).collect();
        self.conn
            .fetch_all(&sql, &params, |row| {
                Ok((A::decode(row, &left)?, K::read::<B>(row, &right)?))
            })
            .await
    }

    /// The first joined row, if any.
    pub async fn first(mut self) -> Result<Option<(A, K::Right<B>)>> {
        self.limit = Some(1);
        Ok(self.all().await?.into_iter().next())
    }
}

/// An uncorrelated subquery selecting one column of `U` whose Rust type is
/// `V`, for [`Column::in_select`]; made by [`subquery`].
pub struct Subquery<U, V> {
    col: &'static str,
    filter: Option<Node>,
    _marker: PhantomData<fn() -> (U, V)>,
}

impl<U, V> std::fmt::Debug for Subquery<U, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subquery")
            .field("column", &self.col)
            .finish_non_exhaustive()
    }
}

/// `SELECT col FROM U`, to filter another table with
/// [`Column::in_select`]:
/// `.filter(|j| j.job_id.in_select(subquery::<Lesson, _>(|l| l.job_id).filter(|l| l.topic.eq("plants"))))`.
pub fn subquery<U: Table, V>(f: impl FnOnce(&U::Columns) -> Column<U, V>) -> Subquery<U, V> {
    Subquery {
        col: f(U::columns()).name(),
        filter: None,
        _marker: PhantomData,
    }
}

impl<U: Table, V> Subquery<U, V> {
    /// Keeps the subquery's rows matching `f` (several calls combine with
    /// `AND`).
    pub fn filter(mut self, f: impl FnOnce(&U::Columns) -> Filter<U>) -> Subquery<U, V> {
        self.filter = Some(and_nodes(self.filter.take(), f(U::columns())));
        self
    }

    fn node(self) -> Box<SubqueryNode> {
        Box::new(SubqueryNode {
            table: Qualified(U::SCHEMA, U::NAME).to_string(),
            expr: ExprSql::Col(self.col),
            filter: self.filter,
        })
    }
}

impl<T, V> Column<T, V> {
    /// `column IN (SELECT ...)`; the subquery's column must have the same
    /// Rust type (up to `Option`).
    pub fn in_select<U: Table, W>(self, sub: Subquery<U, W>) -> Filter<T>
    where
        V: JoinKey<W>,
    {
        Filter::from_node(Node::InSelect(self.name(), sub.node(), false))
    }

    /// `column NOT IN (SELECT ...)` (no row matches when the subquery
    /// yields a NULL, as in SQL).
    pub fn not_in_select<U: Table, W>(self, sub: Subquery<U, W>) -> Filter<T>
    where
        V: JoinKey<W>,
    {
        Filter::from_node(Node::InSelect(self.name(), sub.node(), true))
    }
}
