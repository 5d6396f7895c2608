//! Matching: which current object a desired one is. Tables by (schema, name),
//! columns and constraints by name; `renamed_from` hints on desired tables
//! and columns become renames (`Differ::find_table_renames`,
//! `Differ::find_column_renames`) when the old name exists and the new one
//! does not; constraints and indexes whose definition is unchanged under a
//! new name are renames (`match_named`). The current tables as seen under
//! their new names are built here too (`Differ::cur_table_view`). Start
//! reading at `Differ::find_table_renames`.
//!
//! A `renamed_from` hint makes a `RENAME`, never drop + add, when the old
//! name exists and the new one does not. When both exist the hint is taken
//! as already applied (the old name may have been reused since), with a
//! note: renaming again would make the migrations never converge. Without a
//! hint, a dropped and an added column of the same table and type, or a
//! dropped and an added table of the same schema with the same columns, give
//! a note suggesting the hint (rendered as a `-- note:` comment); they are
//! never paired by similarity alone.

use std::collections::{BTreeMap, BTreeSet};

use strata::ident::Ident;
use strata::schema::{Check, ForeignKey, Index, IndexKey, Table, Unique};

use super::{col_ref, tname, Differ, Name, Op};

impl<'a> Differ<'a> {
    pub(super) fn find_table_renames(&mut self) {
        let mut claimed = BTreeSet::new();
        for t in &self.des.tables {
            let Some(old) = t.renamed_from.as_deref() else {
                continue;
            };
            if old == t.name || self.cur_table(&t.schema, old).is_none() {
                // Already renamed (the hint stays in the model): nothing to do.
                continue;
            }
            let new = tname(t);
            let old_name = Name::new(t.schema.clone(), old);
            if self.cur_table(&t.schema, &t.name).is_some() {
                self.notes.push(format!(
                    "table {new} has renamed_from = \"{old}\", but both {old_name} and {new} exist: the hint is ignored (drop {new} in an earlier migration first)"
                ));
                continue;
            }
            if !claimed.insert(old_name.clone()) {
                self.notes.push(format!(
                    "more than one table has renamed_from = \"{old}\": only the first is renamed"
                ));
                continue;
            }
            self.table_renames.insert(old_name.clone(), t.name.clone());
            self.renamed_to.insert(new, old_name);
        }
    }

    /// The name a current table has after the renames.
    pub(super) fn new_table_name(&self, t: &Name) -> Name {
        match self.table_renames.get(t) {
            Some(n) => Name::new(t.schema.clone(), n.clone()),
            None => t.clone(),
        }
    }

    /// The current table is dropped (no desired table takes it over).
    pub(super) fn doomed_table(&self, t: &Table) -> bool {
        !self.table_renames.contains_key(&tname(t)) && self.des_table(&t.schema, &t.name).is_none()
    }

    /// The current table that becomes desired table `t`, if any.
    pub(super) fn matching_current(&self, t: &Table) -> Option<&'a Table> {
        if let Some(old) = self.renamed_to.get(&tname(t)) {
            return self.cur_table(&old.schema, &old.name);
        }
        let cur = self.cur_table(&t.schema, &t.name)?;
        // A current table that is renamed away is not this one.
        if self.table_renames.contains_key(&tname(t)) {
            return None;
        }
        Some(cur)
    }

    pub(super) fn find_column_renames(&mut self) {
        for dt in &self.des.tables {
            let Some(ct) = self.matching_current(dt) else {
                continue;
            };
            let table = tname(dt);
            let mut map = BTreeMap::new();
            for c in &dt.columns {
                let Some(old) = c.renamed_from.as_deref() else {
                    continue;
                };
                if old == c.name || ct.column(old).is_none() {
                    continue;
                }
                if ct.column(&c.name).is_some() {
                    // Either the rename already ran and the old name was
                    // reused, or the new name is taken by another column:
                    // taken as applied (renaming again would never end).
                    self.notes.push(format!(
                        "column {} has renamed_from = \"{old}\", but both {} and {} exist: taken as already renamed (if it is not, drop {} in an earlier migration first)",
                        col_ref(&table, &c.name),
                        Ident(old),
                        Ident(&c.name),
                        Ident(&c.name)
                    ));
                    continue;
                }
                if map.contains_key(old) {
                    self.notes.push(format!(
                        "more than one column of {table} has renamed_from = \"{old}\": only the first is renamed"
                    ));
                    continue;
                }
                map.insert(old.to_string(), c.name.clone());
            }
            if !map.is_empty() {
                self.column_renames.insert(table, map);
            }
        }
    }

    pub(super) fn new_column_name(&self, table: &Name, column: &str) -> String {
        self.column_renames
            .get(table)
            .and_then(|m| m.get(column))
            .cloned()
            .unwrap_or_else(|| column.to_string())
    }

    /// The name a current column is compared under: its new name when
    /// renamed, else its name.
    pub(super) fn view_column_name(&self, table: &Name, column: &str) -> String {
        self.new_column_name(table, column)
    }

    /// A current table under its new name, columns still under their old
    /// names, foreign keys pointing at the referenced tables' new names: the
    /// shape of the table while the drops of phases 1–6 run.
    pub(super) fn cur_table_renamed(&self, t: &Table) -> Table {
        let mut t = t.clone();
        let n = self.new_table_name(&tname(&t));
        t.name = n.name;
        for fk in &mut t.foreign_keys {
            let r = self.new_table_name(&Name::new(fk.ref_schema.clone(), fk.ref_table.clone()));
            fk.ref_table = r.name;
        }
        t
    }

    /// [`Self::cur_table_renamed`] with the column renames applied too: what
    /// the current table is compared with the desired one as.
    pub(super) fn cur_table_view(&self, t: &Table) -> Table {
        let mut t = self.cur_table_renamed(t);
        let name = tname(&t);
        let rn = |c: &mut String| *c = self.view_column_name(&name, c);
        for c in &mut t.columns {
            rn(&mut c.name);
        }
        if let Some(pk) = &mut t.primary_key {
            pk.columns.iter_mut().for_each(rn);
        }
        for u in &mut t.uniques {
            u.columns.iter_mut().for_each(rn);
        }
        for ix in &mut t.indexes {
            for el in &mut ix.elements {
                if let IndexKey::Column(c) = &mut el.key {
                    rn(c);
                }
            }
            ix.include.iter_mut().for_each(rn);
        }
        for fk in &mut t.foreign_keys {
            fk.columns.iter_mut().for_each(rn);
            let r = Name::new(fk.ref_schema.clone(), fk.ref_table.clone());
            for c in &mut fk.ref_columns {
                *c = self.view_column_name(&r, c);
            }
        }
        t
    }
}

/// The indexes are the same, their storage parameters compared as a set
/// (kept in the order they were written, which PostgreSQL keeps too).
pub(super) fn same_index(a: &Index, b: &Index) -> bool {
    a == b
        || (a.with != b.with && a.with.len() == b.with.len() && {
            let (mut x, mut y) = (a.clone(), b.clone());
            x.with.sort();
            y.with.sort();
            x == y
        })
}

/// The tables are equal, `renamed_from` hints aside.
pub(super) fn same_table(a: &Table, b: &Table) -> bool {
    a.columns.len() == b.columns.len()
        && a.columns.iter().zip(&b.columns).all(|(x, y)| {
            x.name == y.name
                && x.ty == y.ty
                && x.nullable == y.nullable
                && x.default == y.default
                && x.identity == y.identity
                && x.sequence == y.sequence
                && x.generated == y.generated
                && x.collation == y.collation
                && x.storage == y.storage
                && x.compression == y.compression
                && x.statistics == y.statistics
                && x.options.iter().collect::<BTreeSet<_>>()
                    == y.options.iter().collect::<BTreeSet<_>>()
                && x.comment == y.comment
        })
        && a.primary_key == b.primary_key
        && a.uniques == b.uniques
        && a.indexes.len() == b.indexes.len()
        && a.indexes
            .iter()
            .zip(&b.indexes)
            .all(|(x, y)| same_index(x, y))
        && a.foreign_keys == b.foreign_keys
        && a.checks == b.checks
        && a.partition_by == b.partition_by
        && a.partition_of == b.partition_of
        && a.local_not_null == b.local_not_null
        && a.inherits == b.inherits
        && a.unlogged == b.unlogged
        && a.of_type == b.of_type
        && a.with.iter().collect::<BTreeSet<_>>() == b.with.iter().collect::<BTreeSet<_>>()
        && a.replica_identity == b.replica_identity
        && a.cluster_on == b.cluster_on
        && a.comment == b.comment
}

pub(super) fn same_columns(a: &Table, b: &Table) -> bool {
    let key = |t: &Table| -> BTreeSet<(String, String)> {
        t.columns
            .iter()
            .map(|c| (c.name.clone(), c.ty.to_string()))
            .collect()
    };
    !a.columns.is_empty() && key(a) == key(b)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ObjKind {
    Unique,
    Index,
    Check,
    ForeignKey,
}

/// Named table objects compared by name, re-created when changed.
pub(super) trait Named: Sized {
    fn with_name(&self, name: &str) -> Self;
    fn drop_op(self, table: Name) -> Op;
    fn add_op(self, table: Name) -> Op;
    /// Its comment (`COMMENT ON CONSTRAINT` / `COMMENT ON INDEX`), compared
    /// apart from the definition: a comment change is not a re-creation.
    fn comment(&self) -> &Option<String>;
    fn comment_mut(&mut self) -> &mut Option<String>;
    /// It is an index (commented with `COMMENT ON INDEX`).
    const INDEX: bool = false;
    /// The same without its comment.
    fn uncommented(&self) -> Self
    where
        Self: Clone,
    {
        let mut c = self.clone();
        *c.comment_mut() = None;
        c
    }
}

impl Named for Unique {
    fn comment(&self) -> &Option<String> {
        &self.comment
    }
    fn comment_mut(&mut self) -> &mut Option<String> {
        &mut self.comment
    }
    fn with_name(&self, name: &str) -> Self {
        Unique {
            name: name.to_string(),
            ..self.clone()
        }
    }
    fn drop_op(self, table: Name) -> Op {
        Op::DropUnique {
            table,
            unique: self,
        }
    }
    fn add_op(self, table: Name) -> Op {
        Op::AddUnique {
            table,
            unique: self,
        }
    }
}

impl Named for Index {
    const INDEX: bool = true;
    /// The same without its comment, its storage parameters in one order
    /// (compared as a set; a new index takes the target's order, as
    /// PostgreSQL keeps the order they were written in).
    fn uncommented(&self) -> Self {
        let mut c = self.clone();
        c.comment = None;
        c.with.sort();
        c
    }
    fn comment(&self) -> &Option<String> {
        &self.comment
    }
    fn comment_mut(&mut self) -> &mut Option<String> {
        &mut self.comment
    }
    fn with_name(&self, name: &str) -> Self {
        Index {
            name: name.to_string(),
            ..self.clone()
        }
    }
    fn drop_op(self, table: Name) -> Op {
        Op::DropIndex { table, index: self }
    }
    fn add_op(self, table: Name) -> Op {
        Op::CreateIndex { table, index: self }
    }
}

impl Named for Check {
    fn comment(&self) -> &Option<String> {
        &self.comment
    }
    fn comment_mut(&mut self) -> &mut Option<String> {
        &mut self.comment
    }
    fn with_name(&self, name: &str) -> Self {
        Check {
            name: name.to_string(),
            ..self.clone()
        }
    }
    fn drop_op(self, table: Name) -> Op {
        Op::DropCheck { table, check: self }
    }
    fn add_op(self, table: Name) -> Op {
        Op::AddCheck { table, check: self }
    }
}

impl Named for ForeignKey {
    fn comment(&self) -> &Option<String> {
        &self.comment
    }
    fn comment_mut(&mut self) -> &mut Option<String> {
        &mut self.comment
    }
    fn with_name(&self, name: &str) -> Self {
        ForeignKey {
            name: name.to_string(),
            ..self.clone()
        }
    }
    fn drop_op(self, table: Name) -> Op {
        Op::DropForeignKey { table, fk: self }
    }
    fn add_op(self, table: Name) -> Op {
        Op::AddForeignKey { table, fk: self }
    }
}

pub(super) struct Matched<T> {
    pub(super) dropped: Vec<T>,
    pub(super) added: Vec<T>,
    pub(super) renamed: Vec<(String, String)>,
}

/// Matches objects by name; an unmatched current object whose definition
/// equals an unmatched desired one's (names aside) is a rename.
pub(super) fn match_named<T: Clone + PartialEq + Named>(
    cur: &[T],
    des: &[T],
    name: fn(&T) -> &String,
) -> Matched<T> {
    let mut dropped = Vec::new();
    let mut added = Vec::new();
    let mut only_cur: Vec<&T> = Vec::new();
    let mut only_des: Vec<&T> = Vec::new();
    for c in cur {
        match des.iter().find(|d| name(d) == name(c)) {
            Some(d) if d == c => {}
            Some(d) => {
                dropped.push(c.clone());
                added.push(d.clone());
            }
            None => only_cur.push(c),
        }
    }
    for d in des {
        if !cur.iter().any(|c| name(c) == name(d)) {
            only_des.push(d);
        }
    }
    let mut renamed = Vec::new();
    for c in only_cur {
        let pos = only_des.iter().position(|d| c.with_name(name(d)) == **d);
        match pos {
            Some(i) => {
                let d = only_des.remove(i);
                renamed.push((name(c).clone(), name(d).clone()));
            }
            None => dropped.push(c.clone()),
        }
    }
    added.extend(only_des.into_iter().cloned());
    Matched {
        dropped,
        added,
        renamed,
    }
}
