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

/// The owners' keys as PostgreSQL encodes them (as the loaded key column's
/// type), each with the position of the first owner holding it.
struct KeyIndex {
    ty: Type,
    /// Key bytes → the first owner with that key.
    positions: HashMap<Vec<u8>, usize>,
    /// Per owner, the first owner with the same key (`None`: a NULL key).
    first: Vec<Option<usize>>,
}

impl KeyIndex {
    fn new<T: Table>(owners: &[T], col: usize, ty: &Type) -> Result<KeyIndex> {
        let mut positions = HashMap::with_capacity(owners.len());
        let mut first = Vec::with_capacity(owners.len());
        for (i, owner) in owners.iter().enumerate() {
            first
                .push(encoded(owner.param(col), ty)?.map(|key| *positions.entry(key).or_insert(i)));
        }
        Ok(KeyIndex {
            ty: ty.clone(),
            positions,
            first,
        })
    }
}

/// Runs `SELECT <R's columns> FROM R WHERE col = ANY($1)` with the keys of
/// `owners` (column `owner_col`), and returns each row with the position in
/// `owners` of the first owner whose key equals the row's `col` (`None` for
/// a NULL key), and the owners' index. The loaded key is looked up as the
/// bytes the server sent, borrowed from the row: no allocation per row.
async fn rows_by_key<R: Table, O: Table>(
    conn: Conn<'_>,
    col: usize,
    owners: &[O],
    owner_col: usize,
) -> Result<(Vec<(Option<usize>, R)>, Option<KeyIndex>)> {
    let sqls = sql_for::<R>();
    let name = R::COLUMNS.get(col).map(|c| c.name).unwrap_or("");
    let sql = format!("{} WHERE {} = ANY($1)", sqls.select, Ident(name));
    let array = RefArray(owners.iter().map(|o| o.param(owner_col)).collect());
    let pos = sqls.positions.get(col).copied().unwrap_or(col);
    // Built on the first row, once the key column's type is known; rebuilt
    // if a retry after a schema change reads another type.
    let mut index: Option<KeyIndex> = None;
    let rows = conn
        .fetch_all(&sql, &[&array], |row| {
            let Some(ty) = row.columns().get(pos).map(|c| c.type_()) else {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!("relation loading: the key column {name} is missing from the row"),
                ));
            };
            let index = match index.take() {
                Some(known) if known.ty == *ty => index.insert(known),
                _ => index.insert(KeyIndex::new(owners, owner_col, ty)?),
            };
            let owner = match row.try_get::<_, RawValue<'_>>(pos) {
                Ok(RawValue(Some(bytes))) => index.positions.get(bytes).copied(),
                _ => None,
            };
            Ok((owner, R::decode(row, &sqls.positions)?))
        })
        .await?;
    Ok((rows, index))
}

/// See [`Executor::load_children`](crate::Executor::load_children).
pub(crate) async fn children<P: Table, C: Table>(
    conn: Conn<'_>,
    parents: &[P],
) -> Result<Vec<Vec<C>>> {
    let (c_col, p_col) = key_columns::<C, P>()?;
    let mut out: Vec<Vec<C>> = parents.iter().map(|_| Vec::new()).collect();
    if parents.is_empty() {
        return Ok(out);
    }
    // A parent listed twice gets its children once (at its first place).
    let (rows, _) = rows_by_key::<C, P>(conn, c_col, parents, p_col).await?;
    for (owner, child) in rows {
        if let Some(list) = owner.and_then(|i| out.get_mut(i)) {
            list.push(child);
        }
    }
    Ok(out)
}

/// See [`Executor::load_parents`](crate::Executor::load_parents).
pub(crate) async fn parents<C: Table, P: Table + Clone>(
    conn: Conn<'_>,
    children: &[C],
) -> Result<Vec<Option<P>>> {
    let (c_col, p_col) = key_columns::<C, P>()?;
    let mut out: Vec<Option<P>> = children.iter().map(|_| None).collect();
    if children.is_empty() {
        return Ok(out);
    }
    // Each loaded parent goes to the first child with its key...
    let (rows, index) = rows_by_key::<P, C>(conn, p_col, children, c_col).await?;
    for (owner, parent) in rows {
        if let Some(slot) = owner.and_then(|i| out.get_mut(i)) {
            *slot = Some(parent);
        }
    }
    // ... and the later children with that key get a clone of it.
    if let Some(index) = index {
        for (i, first) in index.first.iter().enumerate() {
            if let Some(f) = first.filter(|&f| f != i) {
                out[i] = out.get(f).cloned().flatten();
            }
        }
    }
    Ok(out)
}
