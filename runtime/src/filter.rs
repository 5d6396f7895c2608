//! The filter language: typed conditions and ordering, as values.
//!
//! A [`Filter<T>`] is a condition on rows of table `T`, built from the typed
//! column handles ([`Column<T, V>`]): `c.status.eq("queued")`,
//! `c.attempts.lt(3)`, `c.tags.contains(vec!["math".to_string()])`,
//! `c.request.json_eq("kind", "lesson")`, combined with
//! [`and`](Filter::and), [`or`](Filter::or), [`not`](Filter::not) (or `&`, `|`,
//! `!`). The value must have the column's Rust type ([`SqlValue<V>`]) and a
//! filter only combines with filters of the same table, so a wrong type or
//! another table's column is a compile error; operators that need a text,
//! array or JSON column say so through the marker traits [`TextColumn`],
//! [`ArrayColumn`] and [`JsonColumn`]. An [`Order<T>`] is one `ORDER BY`
//! item (`c.created_at.desc()`).
//!
//! Nothing here runs or knows a connection: a filter is a tree (`Node`) that
//! renders itself as SQL text with numbered bind parameters; the statement
//! builders ([`crate::select`], [`crate::write`]) put it in a statement.
//! Values always travel as bind parameters (an `IN` list as one array
//! parameter, `ParamArray`); column names are quoted by [`crate::ident`].
//!
//! Start reading at [`Column::eq`], then `Node::render`.

use std::fmt::Write as _;
use std::marker::PhantomData;

use bytes::{BufMut, BytesMut};
use postgres_types::{to_sql_checked, IsNull, Kind, ToSql, Type};

use crate::column::{Column, Param, SqlValue};
use crate::ident::Ident;

/// A condition on rows of table `T`.
pub struct Filter<T> {
    node: Node,
    _table: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Filter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut sql = String::new();
        let mut params = Vec::new();
        self.node.render(&mut sql, &mut params);
        f.debug_struct("Filter")
            .field("sql", &sql)
            .field("params", &params)
            .finish()
    }
}

/// A column or an aggregate over one, as the projections, `HAVING` and
/// `ORDER BY` write it; names are the SQL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExprSql {
    /// `col`.
    Col(&'static str),
    /// `count(*)`.
    CountStar,
    /// `func([DISTINCT] col)[::cast]`.
    Agg {
        func: &'static str,
        distinct: bool,
        col: &'static str,
        cast: Option<&'static str>,
    },
}

impl ExprSql {
    /// Appends the expression to `sql`.
    pub(crate) fn render(&self, sql: &mut String) {
        self.render_q(sql, None)
    }

    /// Appends the expression to `sql`, its column qualified by `q` (a
    /// table alias) when given.
    pub(crate) fn render_q(&self, sql: &mut String, q: Option<&str>) {
        match self {
            ExprSql::Col(col) => column(sql, q, col),
            ExprSql::CountStar => sql.push_str("count(*)"),
            ExprSql::Agg {
                func,
                distinct,
                col,
                cast,
            } => {
                let _ = write!(sql, "{func}({}", if *distinct { "DISTINCT " } else { "" });
                column(sql, q, col);
                sql.push(')');
                if let Some(cast) = cast {
                    let _ = write!(sql, "::{cast}");
                }
            }
        }
    }
}

/// Appends column `col`, qualified by `q` when given.
pub(crate) fn column(sql: &mut String, q: Option<&str>, col: &str) {
    if let Some(q) = q {
        let _ = write!(sql, "{}.", Ident(q));
    }
    let _ = write!(sql, "{}", Ident(col));
}

/// A correlated `EXISTS` (see [`Node::Exists`]).
pub(crate) struct ExistsNode {
    /// The outer table, qualified and quoted.
    pub(crate) outer: String,
    /// The inner table, qualified and quoted.
    pub(crate) inner: String,
    /// Equal columns: (outer, inner).
    pub(crate) pairs: Vec<(&'static str, &'static str)>,
    pub(crate) filter: Node,
    pub(crate) negated: bool,
}

/// An uncorrelated subquery (see [`Node::InSelect`]).
pub(crate) struct SubqueryNode {
    /// The table, qualified and quoted.
    pub(crate) table: String,
    pub(crate) expr: ExprSql,
    pub(crate) filter: Option<Node>,
}

/// The tree of a filter; column names are the SQL names.
pub(crate) enum Node {
    /// `TRUE` / `FALSE`.
    Const(bool),
    /// `col <op> $n`.
    Cmp(&'static str, &'static str, Param),
    /// `<aggregate> <op> $n` (in `HAVING`).
    ExprCmp(ExprSql, &'static str, Param),
    /// `col IS [NOT] NULL`.
    Null(&'static str, bool),
    /// `col = ANY($n)`.
    In(&'static str, ParamArray),
    /// `col ->> $k::text = $v` (and `#>>` for a path).
    JsonEq(&'static str, Param, Param, bool),
    /// `[NOT] EXISTS (SELECT 1 FROM inner WHERE inner.x = outer.y ... AND
    /// filter)`.
    Exists(Box<ExistsNode>),
    /// `col [NOT] IN (SELECT expr FROM table [WHERE filter])`.
    InSelect(&'static str, Box<SubqueryNode>, bool),
    /// All must hold.
    And(Vec<Node>),
    /// One must hold.
    Or(Vec<Node>),
    /// Must not hold.
    Not(Box<Node>),
}

impl Node {
    /// Appends the condition to `sql`, numbering parameters after those
    /// already in `params`, and moves its values into `params`.
    pub(crate) fn render<'a>(&'a self, sql: &mut String, params: &mut Vec<&'a (dyn ToSql + Sync)>) {
        self.render_q(sql, params, None)
    }

    /// [`Node::render`] with every column qualified by `q` when given.
    pub(crate) fn render_q<'a>(
        &'a self,
        sql: &mut String,
        params: &mut Vec<&'a (dyn ToSql + Sync)>,
        q: Option<&str>,
    ) {
        match self {
            Node::Const(true) => sql.push_str("TRUE"),
            Node::Const(false) => sql.push_str("FALSE"),
            Node::Cmp(col, op, value) => {
                params.push(&**value);
                column(sql, q, col);
                let _ = write!(sql, " {op} ${}", params.len());
            }
            Node::ExprCmp(expr, op, value) => {
                params.push(&**value);
                expr.render_q(sql, q);
                let _ = write!(sql, " {op} ${}", params.len());
            }
            Node::Null(col, negated) => {
                column(sql, q, col);
                let _ = write!(sql, " IS {}NULL", if *negated { "NOT " } else { "" });
            }
            Node::In(col, values) => {
                params.push(values);
                column(sql, q, col);
                let _ = write!(sql, " = ANY(${})", params.len());
            }
            Node::JsonEq(col, key, value, path) => {
                params.push(&**key);
                let k = params.len();
                params.push(&**value);
                let v = params.len();
                sql.push('(');
                column(sql, q, col);
                if *path {
                    let _ = write!(sql, " #>> ${k}::text[]) = ${v}::text");
                } else {
                    let _ = write!(sql, " ->> ${k}::text) = ${v}::text");
                }
            }
            Node::Exists(e) => {
                let _ = write!(
                    sql,
                    "{}EXISTS (SELECT 1 FROM {} AS strata_sub WHERE ",
                    if e.negated { "NOT " } else { "" },
                    e.inner
                );
                for (outer, inner) in &e.pairs {
                    let _ = write!(sql, "{}.", e.outer);
                    column(sql, None, outer);
                    sql.push_str(" = ");
                    column(sql, Some("strata_sub"), inner);
                    sql.push_str(" AND ");
                }
                e.filter.render_q(sql, params, Some("strata_sub"));
                sql.push(')');
            }
            Node::InSelect(col, sub, negated) => {
                column(sql, q, col);
                let _ = write!(sql, " {}IN (SELECT ", if *negated { "NOT " } else { "" });
                sub.expr.render(sql);
                let _ = write!(sql, " FROM {}", sub.table);
                if let Some(filter) = &sub.filter {
                    sql.push_str(" WHERE ");
                    filter.render(sql, params);
                }
                sql.push(')');
            }
            Node::And(nodes) | Node::Or(nodes) => {
                let joiner = if matches!(self, Node::And(_)) {
                    " AND "
                } else {
                    " OR "
                };
                if nodes.is_empty() {
                    sql.push_str(if matches!(self, Node::And(_)) {
                        "TRUE"
                    } else {
                        "FALSE"
                    });
                    return;
                }
                sql.push('(');
                for (i, n) in nodes.iter().enumerate() {
                    if i > 0 {
                        sql.push_str(joiner);
                    }
                    n.render_q(sql, params, q);
                }
                sql.push(')');
            }
            Node::Not(inner) => {
                sql.push_str("NOT (");
                inner.render_q(sql, params, q);
                sql.push(')');
            }
        }
    }
}

impl<T> Filter<T> {
    pub(crate) fn from_node(node: Node) -> Filter<T> {
        Filter {
            node,
            _table: PhantomData,
        }
    }

    pub(crate) fn into_node(self) -> Node {
        self.node
    }

    /// A filter every row passes (`TRUE`).
    pub fn always() -> Filter<T> {
        Filter::from_node(Node::Const(true))
    }

    /// A filter no row passes (`FALSE`).
    pub fn never() -> Filter<T> {
        Filter::from_node(Node::Const(false))
    }

    /// Both must hold.
    pub fn and(self, other: Filter<T>) -> Filter<T> {
        Filter::from_node(match (self.node, other.node) {
            (Node::And(mut a), Node::And(b)) => {
                a.extend(b);
                Node::And(a)
            }
            (Node::And(mut a), b) => {
                a.push(b);
                Node::And(a)
            }
            (a, b) => Node::And(vec![a, b]),
        })
    }

    /// One of the two must hold.
    pub fn or(self, other: Filter<T>) -> Filter<T> {
        Filter::from_node(match (self.node, other.node) {
            (Node::Or(mut a), Node::Or(b)) => {
                a.extend(b);
                Node::Or(a)
            }
            (Node::Or(mut a), b) => {
                a.push(b);
                Node::Or(a)
            }
            (a, b) => Node::Or(vec![a, b]),
        })
    }

    /// The negation.
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Filter<T> {
        Filter::from_node(Node::Not(Box::new(self.node)))
    }

    /// All of `filters` hold (`TRUE` when there are none).
    pub fn all(filters: impl IntoIterator<Item = Filter<T>>) -> Filter<T> {
        Filter::from_node(Node::And(filters.into_iter().map(|f| f.node).collect()))
    }

    /// At least one of `filters` holds (`FALSE` when there are none).
    pub fn any(filters: impl IntoIterator<Item = Filter<T>>) -> Filter<T> {
        Filter::from_node(Node::Or(filters.into_iter().map(|f| f.node).collect()))
    }
}

/// `prev AND next`: how builders combine repeated `filter` calls (`prev` is
/// the condition so far, if any).
pub(crate) fn and_nodes<T>(prev: Option<Node>, next: Filter<T>) -> Node {
    match prev {
        None => next.into_node(),
        Some(p) => Filter::<T>::from_node(p).and(next).into_node(),
    }
}

impl<T> std::ops::BitAnd for Filter<T> {
    type Output = Filter<T>;
    fn bitand(self, rhs: Filter<T>) -> Filter<T> {
        self.and(rhs)
    }
}

impl<T> std::ops::BitOr for Filter<T> {
    type Output = Filter<T>;
    fn bitor(self, rhs: Filter<T>) -> Filter<T> {
        self.or(rhs)
    }
}

impl<T> std::ops::Not for Filter<T> {
    type Output = Filter<T>;
    fn not(self) -> Filter<T> {
        Filter::not(self)
    }
}

/// Columns whose Rust type is text (`String`, `Option<String>`): they take
/// `LIKE` and `ILIKE`.
#[diagnostic::on_unimplemented(
    message = "`like`/`ilike` need a text column, and this column's Rust type is `{Self}`",
    label = "not a text column"
)]
pub trait TextColumn {}
impl TextColumn for String {}
impl TextColumn for Option<String> {}

/// Columns whose Rust type is an array (`Vec<E>`, `Option<Vec<E>>`): they
/// take `@>` ([`Column::contains`]) and `&&` ([`Column::overlaps`]).
#[diagnostic::on_unimplemented(
    message = "`contains`/`overlaps` need an array column, and this column's Rust type is `{Self}`",
    label = "not an array column"
)]
pub trait ArrayColumn {}
impl<E> ArrayColumn for Vec<E> {}
impl<E> ArrayColumn for Option<Vec<E>> {}

/// Columns whose Rust type is JSON (`serde_json::Value`,
/// `strata::Json<T>`, or an `Option` of them): they take
/// [`Column::json_eq`], [`Column::json_path_eq`] and
/// [`Column::json_contains`].
#[diagnostic::on_unimplemented(
    message = "JSON operators need a json/jsonb column, and this column's Rust type is `{Self}`",
    label = "not a JSON column"
)]
pub trait JsonColumn {}
impl JsonColumn for serde_json::Value {}
impl JsonColumn for Option<serde_json::Value> {}
impl<J> JsonColumn for postgres_types::Json<J> {}
impl<J> JsonColumn for Option<postgres_types::Json<J>> {}

impl<T, V> Column<T, V> {
    fn cmp<X: SqlValue<V>>(self, op: &'static str, value: X) -> Filter<T> {
        Filter::from_node(Node::Cmp(self.name(), op, value.into_param()))
    }

    /// `column = value`. For an `Option<_>` column pass the plain value;
    /// `= NULL` matches nothing in SQL, so test for NULL with
    /// [`is_null`](Column::is_null).
    pub fn eq<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("=", value)
    }

    /// `column <> value`.
    pub fn ne<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("<>", value)
    }

    /// `column < value`.
    pub fn lt<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("<", value)
    }

    /// `column <= value`.
    pub fn le<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("<=", value)
    }

    /// `column > value`.
    pub fn gt<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp(">", value)
    }

    /// `column >= value`.
    pub fn ge<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp(">=", value)
    }

    /// `column = ANY($1)`: the column equals one of `values` (no row
    /// matches an empty list). One array parameter, whatever the number of
    /// values, so the statement is prepared once.
    pub fn in_<X: SqlValue<V>>(self, values: impl IntoIterator<Item = X>) -> Filter<T> {
        let values = values.into_iter().map(SqlValue::into_param).collect();
        Filter::from_node(Node::In(self.name(), ParamArray(values)))
    }

    /// `column IS NULL`.
    pub fn is_null(self) -> Filter<T> {
        Filter::from_node(Node::Null(self.name(), false))
    }

    /// `column IS NOT NULL`.
    pub fn is_not_null(self) -> Filter<T> {
        Filter::from_node(Node::Null(self.name(), true))
    }

    /// `column LIKE pattern` (`%` and `_` are wildcards).
    pub fn like<X: SqlValue<V>>(self, pattern: X) -> Filter<T>
    where
        V: TextColumn,
    {
        self.cmp("LIKE", pattern)
    }

    /// `column ILIKE pattern` (case-insensitive `LIKE`).
    pub fn ilike<X: SqlValue<V>>(self, pattern: X) -> Filter<T>
    where
        V: TextColumn,
    {
        self.cmp("ILIKE", pattern)
    }

    /// `column @> value`: the array column holds every element of `value`.
    pub fn contains<X: SqlValue<V>>(self, value: X) -> Filter<T>
    where
        V: ArrayColumn,
    {
        self.cmp("@>", value)
    }

    /// `column && value`: the array column shares an element with `value`.
    pub fn overlaps<X: SqlValue<V>>(self, value: X) -> Filter<T>
    where
        V: ArrayColumn,
    {
        self.cmp("&&", value)
    }

    /// `column ->> key = value`: the JSON object's field `key`, as text,
    /// equals `value`.
    pub fn json_eq(self, key: &str, value: impl Into<String>) -> Filter<T>
    where
        V: JsonColumn,
    {
        Filter::from_node(Node::JsonEq(
            self.name(),
            Box::new(key.to_string()),
            Box::new(value.into()),
            false,
        ))
    }

    /// `column #>> path = value`: the field at `path` (object keys or array
    /// indexes, outermost first), as text, equals `value`.
    pub fn json_path_eq(self, path: &[&str], value: impl Into<String>) -> Filter<T>
    where
        V: JsonColumn,
    {
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        Filter::from_node(Node::JsonEq(
            self.name(),
            Box::new(path),
            Box::new(value.into()),
            true,
        ))
    }

    /// `column @> value`: the JSON document contains `value` (jsonb
    /// containment).
    pub fn json_contains(self, value: serde_json::Value) -> Filter<T>
    where
        V: JsonColumn,
    {
        Filter::from_node(Node::Cmp(self.name(), "@>", Box::new(value)))
    }

    /// Ascending order on this column.
    pub fn asc(self) -> Order<T> {
        Order::new(self.name(), false)
    }

    /// Descending order on this column.
    pub fn desc(self) -> Order<T> {
        Order::new(self.name(), true)
    }
}

/// One `ORDER BY` item of a query on table `T`.
pub struct Order<T> {
    expr: ExprSql,
    desc: bool,
    nulls: Option<bool>,
    _table: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Order<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.render(&mut s);
        f.write_str(&s)
    }
}

impl<T> Order<T> {
    fn new(column: &'static str, desc: bool) -> Order<T> {
        Order::of(ExprSql::Col(column), desc)
    }

    /// An order on any expression (an aggregate).
    pub(crate) fn of(expr: ExprSql, desc: bool) -> Order<T> {
        Order {
            expr,
            desc,
            nulls: None,
            _table: PhantomData,
        }
    }

    /// `NULLS FIRST`.
    pub fn nulls_first(mut self) -> Order<T> {
        self.nulls = Some(true);
        self
    }

    /// `NULLS LAST`.
    pub fn nulls_last(mut self) -> Order<T> {
        self.nulls = Some(false);
        self
    }

    /// Appends `column [DESC] [NULLS FIRST|LAST]` to `sql`.
    pub(crate) fn render(&self, sql: &mut String) {
        self.render_q(sql, None)
    }

    /// [`Order::render`] with the column qualified by `q` when given.
    pub(crate) fn render_q(&self, sql: &mut String, q: Option<&str>) {
        self.expr.render_q(sql, q);
        if self.desc {
            sql.push_str(" DESC");
        }
        match self.nulls {
            Some(true) => sql.push_str(" NULLS FIRST"),
            Some(false) => sql.push_str(" NULLS LAST"),
            None => {}
        }
    }
}

impl<T, V> From<Column<T, V>> for Order<T> {
    fn from(c: Column<T, V>) -> Order<T> {
        c.asc()
    }
}

/// A one-dimensional array parameter whose elements are the owned values of
/// an `IN` list; the element type is checked against the column's when the
/// statement binds it.
pub(crate) struct ParamArray(pub(crate) Vec<Param>);

/// An array parameter of borrowed values (the keys of rows at hand).
pub(crate) struct RefArray<'a>(pub(crate) Vec<&'a (dyn ToSql + Sync)>);

impl std::fmt::Debug for RefArray<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl ToSql for RefArray<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        encode_array(self.0.iter().copied(), self.0.len(), ty, out)
    }

    fn accepts(ty: &Type) -> bool {
        matches!(ty.kind(), Kind::Array(_))
    }

    to_sql_checked!();
}

/// Encodes `len` values as a one-dimensional array of `ty`'s element type.
fn encode_array<'v>(
    values: impl Iterator<Item = &'v (dyn ToSql + Sync)>,
    len: usize,
    ty: &Type,
    out: &mut BytesMut,
) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
    let member = match ty.kind() {
        Kind::Array(member) => member,
        _ => return Err(format!("an IN list binds as an array, not as {ty}").into()),
    };
    let len = i32::try_from(len).map_err(|_| "an IN list is too long")?;
    if len == 0 {
        out.put_i32(0); // no dimensions
        out.put_i32(0); // no NULLs
        out.put_u32(member.oid());
        return Ok(IsNull::No);
    }
    out.put_i32(1); // one dimension
    let has_null_at = out.len();
    out.put_i32(0);
    out.put_u32(member.oid());
    out.put_i32(len);
    out.put_i32(1); // lower bound
    let mut has_null = false;
    for value in values {
        let len_at = out.len();
        out.put_i32(0);
        let n = match value.to_sql_checked(member, out)? {
            IsNull::Yes => {
                has_null = true;
                -1
            }
            IsNull::No => i32::try_from(out.len() - len_at - 4)
                .map_err(|_| "an IN list element is too large")?,
        };
        out[len_at..len_at + 4].copy_from_slice(&n.to_be_bytes());
    }
    if has_null {
        out[has_null_at..has_null_at + 4].copy_from_slice(&1i32.to_be_bytes());
    }
    Ok(IsNull::No)
}

impl std::fmt::Debug for ParamArray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl ToSql for ParamArray {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        encode_array(
            self.0.iter().map(|p| &**p as &(dyn ToSql + Sync)),
            self.0.len(),
            ty,
            out,
        )
    }

    fn accepts(ty: &Type) -> bool {
        matches!(ty.kind(), Kind::Array(_))
    }

    to_sql_checked!();
}
