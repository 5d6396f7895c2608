//! Relation loading from the foreign keys the models declare, as
//! SQLAlchemy's `selectinload`: one extra query per relation, whatever the
//! number of rows at hand (`WHERE fk = ANY($1)` with their keys), then the
//! loaded rows matched to their owners by the key's bytes as PostgreSQL
//! encodes them. [`Executor::load_children`](crate::Executor::load_children)
//! (one-to-many: each parent's children) and
//! [`Executor::load_parents`](crate::Executor::load_parents) (many-to-one:
//! each child's parent). The foreign key must be the only one between the
//! two tables and have one column (otherwise an [`ErrorKind::Invalid`]
//! error says so).
//!
//! Start reading at [`children`].

use std::collections::HashMap;

use bytes::BytesMut;
use postgres_types::{IsNull, ToSql, Type};

use crate::conn::Conn;
use crate::error::{Error, ErrorKind, Result};
use crate::exact::RawValue;
use crate::filter::RefArray;
use crate::ident::Ident;
use crate::join::related;
use crate::table::Table;
use crate::table_sql::sql_for;

/// The one single-column foreign key from `C` to `P`: the positions of the
/// referencing column in `C::COLUMNS` and of the referenced one in
/// `P::COLUMNS`.
fn key_columns<C: Table, P: Table>() -> Result<(usize, usize)> {
    let pairs = related::<C, P>().map_err(|why| Error::new(ErrorKind::Invalid, why))?;
    let [(c, p)] = pairs.as_slice() else {
        return Err(Error::new(
            ErrorKind::Invalid,
            format!(
                "the foreign key between {} and {} has {} columns; relation loading needs one",
                sql_for::<C>().table,
                sql_for::<P>().table,
                pairs.len()
            ),
        ));
    };
    let position = |cols: &[crate::table::ColumnInfo], name: &str| {
        cols.iter().position(|x| x.name == name).unwrap_or(0)
    };
    Ok((position(C::COLUMNS, c), position(P::COLUMNS, p)))
}

/// `value` encoded as `ty` (`None` for NULL).
fn encoded(value: &(dyn ToSql + Sync), ty: &Type) -> Result<Option<Vec<u8>>> {
    let mut buf = BytesMut::new();
    match value.to_sql_checked(ty, &mut buf) {
        Ok(IsNull::Yes) => Ok(None),
        Ok(IsNull::No) => Ok(Some(buf.to_vec())),
        Err(e) => Err(Error::new(
            ErrorKind::Invalid,
            format!("relation loading: a key cannot be compared as {ty}: {e}"),
        )),
    }
}

/// Runs `SELECT <R's columns> FROM R WHERE col = ANY($1)` with `keys`, and
/// returns each row with the bytes of `col` and that column's type.
async fn rows_by_key<R: Table>(
    conn: Conn<'_>,
    col: usize,
    keys: Vec<&(dyn ToSql + Sync)>,
) -> Result<(Vec<(Option<Vec<u8>>, R)>, Option<Type>)> {
    let sqls = sql_for::<R>();
    let name = R::COLUMNS.get(col).map(|c| c.name).unwrap_or("");
    let sql = format!("{} WHERE {} = ANY($1)", sqls.select, Ident(name));
    let array = RefArray(keys);
    let mut ty = None;
    let rows = conn
        .fetch_all(&sql, &[&array], |row| {
            let pos = sqls.positions.get(col).copied().unwrap_or(col);
            if ty.is_none() {
                ty = row.columns().get(pos).map(|c| c.type_().clone());
            }
            let key = match row.try_get::<_, RawValue<'_>>(pos) {
                Ok(RawValue(bytes)) => bytes.map(<[u8]>::to_vec),
                Err(_) => None,
            };
            Ok((key, R::decode(row, &sqls.positions)?))
        })
        .await?;
    Ok((rows, ty))
}

/// See [`Executor::load_children`](crate::Executor::load_children).
pub(crate) async fn children<P: Table, C: Table>(
    conn: Conn<'_>,
    parents: &[P],
) -> Result<Vec<Vec<C>>> {
    let (c_col, p_col) = key_columns::<C, P>()?;
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    let keys = parents.iter().map(|p| p.param(p_col)).collect();
    let (rows, ty) = rows_by_key::<C>(conn, c_col, keys).await?;
    let mut by_key: HashMap<Vec<u8>, Vec<C>> = HashMap::new();
    for (key, child) in rows {
        if let Some(key) = key {
            by_key.entry(key).or_default().push(child);
        }
    }
    let Some(ty) = ty else {
        return Ok(parents.iter().map(|_| Vec::new()).collect());
    };
    let mut out = Vec::with_capacity(parents.len());
    for parent in parents {
        let key = encoded(parent.param(p_col), &ty)?;
        // A parent listed twice gets its children once.
        out.push(key.and_then(|k| by_key.remove(&k)).unwrap_or_default());
    }
    Ok(out)
}

/// See [`Executor::load_parents`](crate::Executor::load_parents).
pub(crate) async fn parents<C: Table, P: Table + Clone>(
    conn: Conn<'_>,
    children: &[C],
) -> Result<Vec<Option<P>>> {
    let (c_col, p_col) = key_columns::<C, P>()?;
    if children.is_empty() {
        return Ok(Vec::new());
    }
    let keys = children.iter().map(|c| c.param(c_col)).collect();
    let (rows, ty) = rows_by_key::<P>(conn, p_col, keys).await?;
    let by_key: HashMap<Vec<u8>, P> = rows
        .into_iter()
        .filter_map(|(key, parent)| Some((key?, parent)))
        .collect();
    let Some(ty) = ty else {
        return Ok(children.iter().map(|_| None).collect());
    };
    children
        .iter()
        .map(|child| Ok(encoded(child.param(c_col), &ty)?.and_then(|k| by_key.get(&k).cloned())))
        .collect()
}
