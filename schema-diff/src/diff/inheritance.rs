//! What a table gets from its parents: the columns and CHECK constraints
//! of the tables it inherits from (`INHERITS`) or is a partition of, read
//! through the parents' own parents. Pure.
//!
//! The model lists only what a table defines itself (`attislocal`,
//! `conislocal`); PostgreSQL also keeps a column or check that is both
//! local and inherited (`ALTER TABLE child INHERIT parent` over columns the
//! child already had, or `CREATE TABLE child (x ...) INHERITS (parent)`
//! with a column the parent has). Whether such a column is also local is
//! PostgreSQL's bookkeeping, not something a migration can change without
//! re-creating the table, so the differ treats "local and inherited" and
//! "inherited" alike, and uses the lists here to know what a child gains
//! or loses when a parent relationship is added or removed:
//!
//! - `INHERIT` / `ATTACH PARTITION` need the child to have every column of
//!   the parent (same type, NOT NULL where the parent has it) and every
//!   inheritable CHECK: the differ adds what is missing first.
//! - `NO INHERIT` / `DETACH PARTITION` leave the inherited columns and
//!   checks in the child as its own: the differ compares them with the
//!   desired table like any local column (and drops what is not wanted).

use std::collections::BTreeSet;

use super::routine_users::descendants;
use super::{Name, Op, Validated};

use super::op::PartitionCopies;
use super::partition_indexes::{adopts_key, key_columns};
use strata::ident::{quote_literal, Qualified};
use strata::schema::{
    default_index_name, default_pkey_name, default_unique_name, Check, Column, ForeignKey,
    Identity, Index, IndexKey, PrimaryKey, Schema, Table, TableRef, Unique,
};

/// How deep parent chains are followed (a cycle cannot be created in
/// PostgreSQL; this only bounds a hand-written model).
pub(super) const MAX_DEPTH: usize = 32;

/// The direct parents of `t`: its partitioned table, then its `INHERITS`
/// parents in order.
pub(super) fn parents(t: &Table) -> Vec<TableRef> {
    let mut out: Vec<TableRef> = t.partition_of.iter().map(|p| p.parent.clone()).collect();
    out.extend(t.inherits.iter().cloned());
    out
}

/// Every column `t` inherits in `s`, with the direct parent it comes
/// through (a column two parents share is listed for each).
pub(crate) fn inherited_columns(s: &Schema, t: &Table) -> Vec<(TableRef, Column)> {
    let mut out = Vec::new();
    for p in parents(t) {
        if let Some(pt) = s.table(&p.schema, &p.name) {
            for c in all_columns(s, pt, 1) {
                out.push((p.clone(), c));
            }
        }
    }
    out
}

/// The columns of parent `t` as its partitions and children get them:
/// inherited ones first (as PostgreSQL orders them), then its own; one per
/// name. A serial column of `t` comes as what `CREATE TABLE ... PARTITION
/// OF` / `INHERITS` copies: a plain column defaulting to the `nextval` of
/// `t`'s sequence (see [`serial_default`]).
fn all_columns(s: &Schema, t: &Table, depth: usize) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    if depth < MAX_DEPTH {
        for p in parents(t) {
            if let Some(pt) = s.table(&p.schema, &p.name) {
                for c in all_columns(s, pt, depth + 1) {
                    if !out.iter().any(|o| o.name == c.name) {
                        out.push(c);
                    }
                }
            }
        }
    }
    for c in &t.columns {
        if !out.iter().any(|o| o.name == c.name) {
            let mut c = c.clone();
            if c.identity == Some(Identity::Serial) {
                c.identity = None;
                c.sequence = None;
                c.default = Some(serial_default(&t.schema, &t.name, &c.name));
            }
            out.push(c);
        }
    }
    out
}

/// The default of a serial column `column` of `schema.table` as the server
/// prints it: `nextval('public.t_id_seq'::regclass)`. Partitions and
/// children hold it too (their own copy of the parent's default, which
/// stays when they leave the parent). The model does not keep a serial's
/// sequence name: it is PostgreSQL's choice for a new serial
/// (`<table>_<column>_seq`, see `serial_sequence_name`).
pub(super) fn serial_default(schema: &str, table: &str, column: &str) -> String {
    let sequence = strata_model::ddl::alter::serial_sequence_name(table, column);
    format!(
        "nextval({}::regclass)",
        quote_literal(&Qualified(schema, &sequence).to_string())
    )
}

/// Whether column `column` of table `t` in `s` is NOT NULL: `None` when
/// the table has no such column (of its own or from a parent). A column
/// is NOT NULL when the table declares it so, lists it in
/// `local_not_null`, or a parent has it NOT NULL.
pub(super) fn not_null_in(s: &Schema, t: &TableRef, column: &str) -> Option<bool> {
    fn walk(s: &Schema, t: &TableRef, column: &str, depth: usize) -> Option<bool> {
        let table = s.table(&t.schema, &t.name)?;
        let mut found = table.column(column).map(|c| !c.nullable);
        if table.local_not_null.iter().any(|c| c == column) {
            found = Some(true);
        }
        if depth < MAX_DEPTH {
            for p in parents(table) {
                if let Some(nn) = walk(s, &p, column, depth + 1) {
                    found = Some(found.unwrap_or(false) || nn);
                }
            }
        }
        found
    }
    walk(s, t, column, 0)
}

/// Every CHECK `t` inherits in `s`, with the direct parent it comes
/// through.
pub(super) fn inherited_checks(s: &Schema, t: &Table) -> Vec<(TableRef, Check)> {
    let mut out = Vec::new();
    for p in parents(t) {
        if let Some(pt) = s.table(&p.schema, &p.name) {
            for c in all_checks(s, pt, 1) {
                out.push((p.clone(), c));
            }
        }
    }
    out
}

fn all_checks(s: &Schema, t: &Table, depth: usize) -> Vec<Check> {
    let mut out: Vec<Check> = Vec::new();
    if depth < MAX_DEPTH {
        for p in parents(t) {
            if let Some(pt) = s.table(&p.schema, &p.name) {
                for c in all_checks(s, pt, depth + 1) {
                    if !out.iter().any(|o| o.name == c.name) {
                        out.push(c);
                    }
                }
            }
        }
    }
    // A NO INHERIT check stays with its table.
    for c in t.checks.iter().filter(|c| !c.no_inherit) {
        if !out.iter().any(|o| o.name == c.name) {
            out.push(c.clone());
        }
    }
    out
}

/// A parent's column as the child must hold it before `INHERIT` or
/// `ATTACH PARTITION`: the same type, collation, NOT NULL and generation
/// expression and default; not an identity (PostgreSQL does not inherit
/// one; a serial comes as its `nextval` default, see `all_columns`), no
/// comment.
pub(super) fn as_child_column(c: &Column) -> Column {
    let mut out = c.clone();
    if out.identity.is_some() {
        out.identity = None;
        out.sequence = None;
        if out
            .default
            .as_deref()
            .is_some_and(|d| d.contains("nextval("))
        {
            out.default = None;
        }
    }
    out.comment = None;
    out.renamed_from = None;
    out
}

/// What one table inherits on either side of a diff, split by whether the
/// parent it comes through is kept (a parent of the table in both
/// schemas), goes, or is new.
pub(super) struct Inherited {
    /// Columns inherited in the current schema through a kept parent.
    pub cur_kept_columns: BTreeSet<String>,
    /// Columns inherited in the desired schema through a kept parent.
    pub des_kept_columns: BTreeSet<String>,
    /// Columns inherited only through parents that go: once the table
    /// leaves them, they are its own.
    pub freed_columns: Vec<Column>,
    /// Columns only new parents bring, as the table must hold them before
    /// it joins them.
    pub required_columns: Vec<Column>,
    /// The definitions of the columns inherited through kept parents, in
    /// the current and the desired schema.
    cur_kept_defs: Vec<Column>,
    des_kept_defs: Vec<Column>,
    cur_kept_checks: BTreeSet<String>,
    des_kept_checks: BTreeSet<String>,
    freed_checks: Vec<Check>,
    required_checks: Vec<Check>,
}

impl Inherited {
    /// For current table `ct` (in `cur`) becoming desired table `dt` (in
    /// `des`); `detached`: `ct` is a partition that is detached (see
    /// `Differ::detached`).
    pub(super) fn of(
        cur: &Schema,
        ct: &Table,
        des: &Schema,
        dt: &Table,
        detached: bool,
    ) -> Inherited {
        // A partition whose bound changes, or whose parent is re-created,
        // is detached and attached again: its parent is not kept
        // meanwhile.
        let kept = |p: &TableRef| {
            let partition = |t: &Table| t.partition_of.as_ref().is_some_and(|x| &x.parent == p);
            (partition(ct) && !detached) || (ct.inherits.contains(p) && dt.inherits.contains(p))
        };
        let split = |list: Vec<(TableRef, Column)>| {
            let kept_names: BTreeSet<String> = list
                .iter()
                .filter(|(p, _)| kept(p))
                .map(|(_, c)| c.name.clone())
                .collect();
            let mut other: Vec<Column> = Vec::new();
            for (p, c) in list {
                if !kept(&p)
                    && !kept_names.contains(&c.name)
                    && !other.iter().any(|o| o.name == c.name)
                {
                    other.push(as_child_column(&c));
                }
            }
            (kept_names, other)
        };
        let kept_defs = |list: &[(TableRef, Column)]| {
            let mut out: Vec<Column> = Vec::new();
            for (p, c) in list {
                if kept(p) && !out.iter().any(|o| o.name == c.name) {
                    out.push(c.clone());
                }
            }
            out
        };
        let (cur_inh, des_inh) = (inherited_columns(cur, ct), inherited_columns(des, dt));
        let (cur_kept_defs, des_kept_defs) = (kept_defs(&cur_inh), kept_defs(&des_inh));
        let (cur_kept_columns, mut freed_columns) = split(cur_inh);
        let (des_kept_columns, mut required_columns) = split(des_inh);
        // A table's own default on a column from a parent stays with it
        // when it leaves that parent (DETACH, NO INHERIT), and is what it
        // brings when it joins one (ATTACH, INHERIT): neither statement
        // touches a table's defaults.
        let own = |columns: &mut Vec<Column>, t: &Table| {
            for c in columns.iter_mut() {
                if let Some(d) = t.local_defaults.get(&c.name) {
                    c.default.clone_from(d);
                }
            }
        };
        own(&mut freed_columns, ct);
        own(&mut required_columns, dt);
        let split_checks = |list: Vec<(TableRef, Check)>| {
            let kept_names: BTreeSet<String> = list
                .iter()
                .filter(|(p, _)| kept(p))
                .map(|(_, c)| c.name.clone())
                .collect();
            let mut other: Vec<Check> = Vec::new();
            for (p, mut c) in list {
                if !kept(&p)
                    && !kept_names.contains(&c.name)
                    && !other.iter().any(|o| o.name == c.name)
                {
                    c.comment = None;
                    other.push(c);
                }
            }
            (kept_names, other)
        };
        let (cur_kept_checks, freed_checks) = split_checks(inherited_checks(cur, ct));
        let (des_kept_checks, required_checks) = split_checks(inherited_checks(des, dt));
        Inherited {
            cur_kept_defs,
            des_kept_defs,
            cur_kept_columns,
            des_kept_columns,
            freed_columns,
            required_columns,
            cur_kept_checks,
            des_kept_checks,
            freed_checks,
            required_checks,
        }
    }

    /// Column `cc` of the table as it is once its kept parents changed:
    /// PostgreSQL applies a parent's new type, collation, default and NOT
    /// NULL to the column in its children (and refuses to change the type
    /// of an inherited column in the child itself).
    pub(super) fn after_parents(&self, cc: &Column) -> Column {
        let mut out = cc.clone();
        let find = |l: &[Column]| l.iter().find(|c| c.name == cc.name).cloned();
        if let (Some(a), Some(b)) = (find(&self.cur_kept_defs), find(&self.des_kept_defs)) {
            if a.ty != b.ty {
                out.ty = b.ty.clone();
            }
            if a.collation != b.collation || a.ty != b.ty {
                out.collation = b.collation.clone();
            }
            if a.default != b.default {
                out.default = b.default.clone();
            }
            if a.nullable != b.nullable {
                out.nullable = b.nullable;
            }
        }
        out
    }

    /// The definition of column `name` inherited through a kept parent in
    /// the current schema, as the table holds it.
    pub(super) fn cur_kept_def(&self, name: &str) -> Option<Column> {
        self.cur_kept_defs
            .iter()
            .find(|c| c.name == name)
            .map(as_child_column)
    }

    /// Column `name` comes from a kept parent on one side or the other.
    pub(super) fn kept_column(&self, name: &str) -> bool {
        self.cur_kept_columns.contains(name) || self.des_kept_columns.contains(name)
    }

    /// The CHECKs to compare: the current table's own (`view`) and those
    /// it keeps from parents that go, against the desired table's own and
    /// those new parents require; a check one side has as its own and the
    /// other inherits through a kept parent is left out of both. The third
    /// list is `before`'s checks (names as they are when drops run) with
    /// the freed ones.
    pub(super) fn checks(
        &self,
        view: &Table,
        dt: &Table,
        before: &Table,
    ) -> (Vec<Check>, Vec<Check>, Vec<Check>) {
        let kept = |n: &str| self.cur_kept_checks.contains(n) || self.des_kept_checks.contains(n);
        let freed: Vec<&Check> = self
            .freed_checks
            .iter()
            .filter(|c| !view.checks.iter().any(|v| v.name == c.name))
            .collect();
        let in_cur =
            |n: &str| view.checks.iter().any(|c| c.name == n) || freed.iter().any(|c| c.name == n);
        let in_des = |n: &str| {
            dt.checks.iter().any(|c| c.name == n)
                || self.required_checks.iter().any(|c| c.name == n)
        };
        let mut cur: Vec<Check> = view
            .checks
            .iter()
            .chain(freed.iter().copied())
            .filter(|c| in_des(&c.name) || !kept(&c.name))
            .cloned()
            .collect();
        let mut des: Vec<Check> = dt
            .checks
            .iter()
            .filter(|c| in_cur(&c.name) || !kept(&c.name))
            .cloned()
            .collect();
        for c in &self.required_checks {
            if !des.iter().any(|d| d.name == c.name) {
                des.push(c.clone());
            }
        }
        cur.sort_by(|a, b| a.name.cmp(&b.name));
        des.sort_by(|a, b| a.name.cmp(&b.name));
        let mut before_checks = before.checks.clone();
        before_checks.extend(freed.iter().map(|c| (*c).clone()));
        (cur, des, before_checks)
    }
}

/// Some child table that inherits `schema.table` (`INHERITS`) now and after
/// the migration has `column` of its own in `desired`: the parent's column
/// is then dropped `ONLY` (the plan), so that child keeps its values (a
/// plain drop would take the child's inherited column and its data with
/// it); the other children that inherit it get their copy as their own and
/// drop it themselves (the differ).
pub fn children_keep(
    current: &Schema,
    desired: &Schema,
    schema: &str,
    table: &str,
    column: &str,
) -> bool {
    let parent = TableRef {
        schema: schema.to_string(),
        name: table.to_string(),
    };
    desired.tables.iter().any(|d| {
        d.inherits.contains(&parent)
            && d.column(column).is_some()
            && current
                .table(&d.schema, &d.name)
                .is_some_and(|c| c.inherits.contains(&parent))
    })
}

/// When partition `ct` is detached (`DETACH PARTITION`: it becomes a table
/// of its own, a partition of another parent, or its parent's again under a
/// new bound or after the parent is re-created), adds to `t` (`ct` as the
/// differ sees it) what the partition keeps of its ancestors': their
/// primary key, unique constraints and indexes under the names PostgreSQL
/// gave the copies (`<partition>_pkey`, `<partition>_<columns>_key`,
/// `<partition>_<columns>_idx`), and their foreign keys under their own
/// names (`map_fk` points a copied foreign key at its referenced table's
/// name after the renames). The differ then compares them with the desired
/// table like its own, so the copies it does not want are dropped right
/// after the `DETACH` (before its columns change and before it is attached
/// elsewhere). A copy that `ATTACH PARTITION` will adopt is left out: one
/// whose equivalent (same kind and definition, any name) a new ancestor
/// has in `des` becomes that ancestor's again, which the model does not
/// list (a foreign key only when validated, as PostgreSQL requires);
/// `adopting` (the new ancestors', see [`Adopting::of`]) loses what they
/// adopt. (A name PostgreSQL had to make unique with a number is not
/// foreseen.)
pub(super) fn add_detached_keys(
    cur: &Schema,
    ct: &Table,
    map_fk: &dyn Fn(&mut ForeignKey),
    adopting: &mut Adopting,
    t: &mut Table,
) {
    for (level, pt) in ancestors(cur, ct).into_iter().enumerate() {
        if let (None, Some(pk)) = (&t.primary_key, &pt.primary_key) {
            if !adopting.primary_key(pk) {
                let mut pk = pk.clone();
                pk.name = default_pkey_name(&ct.name);
                pk.comment = None;
                t.primary_key = Some(pk);
            }
        }
        for u in &pt.uniques {
            let mut u = u.clone();
            u.name = default_unique_name(&ct.name, &u.columns);
            u.comment = None;
            if !t.uniques.iter().any(|x| x.name == u.name) && !adopting.unique(&u) {
                t.uniques.push(u);
            }
        }
        for ix in &pt.indexes {
            // What the detach leaves of a parent's index that adopted a
            // key of the partition is the key's own index.
            if level == 0
                && ct
                    .attached_indexes
                    .get(&ix.name)
                    .is_some_and(|own| adopts_key(ct, own))
            {
                continue;
            }
            let mut ix = ix.clone();
            ix.name = copy_index_name(&ct.name, &ix);
            ix.comment = None;
            if !t.indexes.iter().any(|x| x.name == ix.name) && !adopting.index(&ix) {
                t.indexes.push(ix);
            }
        }
        for fk in &pt.foreign_keys {
            if !t.foreign_keys.iter().any(|x| x.name == fk.name) {
                let mut fk = fk.clone();
                fk.comment = None;
                map_fk(&mut fk);
                if !adopting.foreign_key(&fk) {
                    t.foreign_keys.push(fk);
                }
            }
        }
    }
    t.canonicalize();
}

/// The ancestors of `t` in `s`, nearest first.
fn ancestors<'s>(s: &'s Schema, t: &Table) -> Vec<&'s Table> {
    let mut out = Vec::new();
    let mut next = t.partition_of.as_ref().map(|p| p.parent.clone());
    while let Some(p) = next.take() {
        let Some(pt) = s.table(&p.schema, &p.name) else {
            break;
        };
        out.push(pt);
        if out.len() < MAX_DEPTH {
            next = pt.partition_of.as_ref().map(|x| x.parent.clone());
        }
    }
    out
}

/// What the ancestors of a partition in the desired schema have that
/// `ATTACH PARTITION` matches against the partition's own keys and
/// indexes (by definition, not by name). Each is taken once: PostgreSQL
/// adopts one index or constraint of the partition per ancestor's; what
/// nothing takes, the attach creates ([`Adopting::creates`]).
#[derive(Clone)]
pub(super) struct Adopting {
    primary_keys: Vec<PrimaryKey>,
    uniques: Vec<Unique>,
    indexes: Vec<Index>,
    foreign_keys: Vec<ForeignKey>,
}

impl Adopting {
    /// The keys, indexes and foreign keys of `dt`'s ancestors in `des`,
    /// without names and comments (none when `dt` is no partition).
    pub(super) fn of(des: &Schema, dt: &Table) -> Adopting {
        let mut out = Adopting {
            primary_keys: Vec::new(),
            uniques: Vec::new(),
            indexes: Vec::new(),
            foreign_keys: Vec::new(),
        };
        for pt in ancestors(des, dt) {
            out.primary_keys.extend(pt.primary_key.iter().map(bare_pk));
            out.uniques.extend(pt.uniques.iter().map(bare_unique));
            out.indexes.extend(pt.indexes.iter().map(bare_index));
            out.foreign_keys.extend(pt.foreign_keys.iter().cloned());
        }
        out
    }

    /// What attaching `dt` creates in it: what its own keys, indexes and
    /// foreign keys (and the copies already taken) do not stand for, under
    /// the names PostgreSQL gives the copies.
    pub(super) fn creates(mut self, dt: &Table) -> PartitionCopies {
        // A key an ancestor's key does not take can back an ancestor's
        // unique index on its columns.
        if let Some(pk) = &dt.primary_key {
            if !self.primary_key(pk) {
                self.key_index(&pk.columns, false);
            }
        }
        for u in &dt.uniques {
            if !self.unique(u) {
                self.key_index(&u.columns, u.nulls_not_distinct);
            }
        }
        for ix in &dt.indexes {
            self.index(ix);
        }
        for fk in &dt.foreign_keys {
            self.foreign_key(fk);
        }
        let mut out = PartitionCopies::default();
        out.constraints
            .extend(self.foreign_keys.iter().map(|fk| fk.name.clone()));
        out.constraints.extend(
            self.uniques
                .iter()
                .map(|u| default_unique_name(&dt.name, &u.columns)),
        );
        if !self.primary_keys.is_empty() {
            out.constraints.push(default_pkey_name(&dt.name));
        }
        out.indexes
            .extend(self.indexes.iter().map(|ix| copy_index_name(&dt.name, ix)));
        out
    }

    fn primary_key(&mut self, pk: &PrimaryKey) -> bool {
        take(&mut self.primary_keys, &bare_pk(pk))
    }

    fn unique(&mut self, u: &Unique) -> bool {
        take(&mut self.uniques, &bare_unique(u))
    }

    fn index(&mut self, ix: &Index) -> bool {
        take(&mut self.indexes, &bare_index(ix))
    }

    /// Takes a unique index whose key a constraint on `columns` can back.
    fn key_index(&mut self, columns: &[String], nulls_not_distinct: bool) -> bool {
        take_where(&mut self.indexes, |ix| {
            ix.nulls_not_distinct == nulls_not_distinct
                && key_columns(ix)
                    .is_some_and(|c| c.iter().copied().eq(columns.iter().map(String::as_str)))
        })
    }

    /// The foreign keys keep their names: a copy is named as its
    /// original.
    fn foreign_key(&mut self, fk: &ForeignKey) -> bool {
        if fk.not_valid {
            return false;
        }
        let fk = bare_fk(fk);
        take_where(&mut self.foreign_keys, |y| bare_fk(y) == fk)
    }
}

/// The name PostgreSQL gives partition `table`'s copy of index `ix`
/// (`<table>_<columns>_idx`, INCLUDE columns too; an expression counts as
/// the function it calls, else `expr`), before any number it adds when
/// that name is taken.
pub(super) fn copy_index_name(table: &str, ix: &Index) -> String {
    let names: Vec<&str> = ix
        .elements
        .iter()
        .map(|e| match &e.key {
            IndexKey::Column(c) => c.as_str(),
            IndexKey::Expression(e) => expression_column_name(e),
        })
        .chain(ix.include.iter().map(String::as_str))
        .collect();
    default_index_name(table, &names)
}

/// Removes `x` from `list`; whether it was there.
fn take<T: PartialEq>(list: &mut Vec<T>, x: &T) -> bool {
    take_where(list, |y| y == x)
}

/// Removes the first item of `list` that `pred` holds for; whether there
/// was one.
fn take_where<T>(list: &mut Vec<T>, pred: impl Fn(&T) -> bool) -> bool {
    match list.iter().position(pred) {
        Some(i) => {
            list.remove(i);
            true
        }
        None => false,
    }
}

fn bare_pk(k: &PrimaryKey) -> PrimaryKey {
    PrimaryKey {
        name: String::new(),
        comment: None,
        ..k.clone()
    }
}

fn bare_unique(u: &Unique) -> Unique {
    Unique {
        name: String::new(),
        comment: None,
        ..u.clone()
    }
}

fn bare_index(ix: &Index) -> Index {
    Index {
        name: String::new(),
        comment: None,
        ..ix.clone()
    }
}

fn bare_fk(fk: &ForeignKey) -> ForeignKey {
    ForeignKey {
        name: String::new(),
        comment: None,
        ..fk.clone()
    }
}

/// The name PostgreSQL gives an index column on expression `e` (and so
/// uses in an index's generated name): a function call's function name,
/// otherwise `expr`.
fn expression_column_name(e: &str) -> &str {
    let end = e
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(e.len());
    let (call, rest) = e.split_at(end);
    match (rest.starts_with('('), call.rsplit('.').next()) {
        (true, Some(name)) if !name.is_empty() => name,
        _ => "expr",
    }
}

/// A partition's or child's own defaults on the columns it gets from its
/// parents ([`Table::local_defaults`]), set after a new child is created
/// and changed where the target's differ. A parent's `SET DEFAULT` /
/// `DROP DEFAULT` reaches its children (and runs first, `diff.rs` orders
/// a child's after its parent's): a child that keeps a default of its own
/// gets it again after, and an op placed before the parent's, whose way
/// back sets the child's own default again once the parent's is undone.
pub(super) fn child_defaults(cur: &Schema, des: &Schema, ops: &mut Vec<super::Op>) {
    use super::{Name, Op};
    let created: BTreeSet<(&str, &str)> = ops
        .iter()
        .filter_map(|op| match op {
            Op::CreateTable { table } => Some((table.schema.as_str(), table.name.as_str())),
            _ => None,
        })
        .collect();
    // The default a parent's change in this plan gives its children.
    let parent_change = |p: &TableRef, column: &str| -> Option<Option<String>> {
        ops.iter().find_map(|op| match op {
            Op::AlterDefault {
                table,
                column: c,
                to,
                ..
            } if table.schema == p.schema && table.name == p.name && c == column => {
                Some(to.clone())
            }
            _ => None,
        })
    };
    let mut extra = Vec::new();
    for t in &des.tables {
        if t.local_defaults.is_empty()
            && cur
                .table(&t.schema, &t.name)
                .is_none_or(|c| c.local_defaults.is_empty() && c.inherits.is_empty())
        {
            continue;
        }
        let name = Name::new(t.schema.clone(), t.name.clone());
        let inherited = inherited_columns(des, t);
        let from_parent = |column: &str| {
            inherited
                .iter()
                .find(|(_, c)| c.name == column)
                .map(|(p, c)| (p, c.default.clone()))
        };
        if created.contains(&(t.schema.as_str(), t.name.as_str())) {
            for (column, default) in &t.local_defaults {
                if let Some((_, parents)) = from_parent(column) {
                    extra.push(Op::AlterDefault {
                        table: name.clone(),
                        column: column.clone(),
                        from: parents,
                        to: default.clone(),
                    });
                }
            }
            continue;
        }
        let Some(c) = cur.table(&t.schema, &t.name) else {
            continue;
        };
        let same_parents = c.partition_of.as_ref().map(|p| &p.parent)
            == t.partition_of.as_ref().map(|p| &p.parent)
            && c.inherits == t.inherits;
        if !same_parents {
            continue;
        }
        // A column the table has of its own as well as from a parent
        // (`attislocal`: `INHERIT` leaves the joining table's columns so)
        // has its own default as a column; where the target has it only
        // from the parent, that default is the one to compare. A column the
        // target has of its own is compared as a column, not here.
        let local_inherited = c
            .columns
            .iter()
            .filter(|cc| t.column(&cc.name).is_none() && from_parent(&cc.name).is_some())
            .map(|cc| &cc.name);
        let columns: BTreeSet<&String> = c
            .local_defaults
            .keys()
            .chain(t.local_defaults.keys())
            .chain(local_inherited)
            .collect();
        for column in columns {
            if t.column(column).is_some() {
                continue;
            }
            let Some((parent, parents)) = from_parent(column) else {
                continue;
            };
            let own_before = c
                .local_defaults
                .get(column)
                .or_else(|| c.column(column).map(|cc| &cc.default));
            let clobbered = parent_change(parent, column);
            let before = match (&clobbered, own_before) {
                (Some(to), _) => to.clone(),
                (None, Some(own)) => own.clone(),
                (None, None) => parents.clone(),
            };
            let want = t
                .local_defaults
                .get(column)
                .cloned()
                .unwrap_or_else(|| parents.clone());
            if let (Some(_), Some(own)) = (&clobbered, own_before) {
                extra.push(Op::AlterDefault {
                    table: name.clone(),
                    column: column.clone(),
                    from: own.clone(),
                    to: own.clone(),
                });
            }
            if before != want {
                extra.push(Op::AlterDefault {
                    table: name.clone(),
                    column: column.clone(),
                    from: before,
                    to: want,
                });
            }
        }
    }
    ops.extend(extra);
}

/// Which partitions and children have validated their copy of an
/// ancestor's `NOT VALID` CHECK ([`Table::validated_checks`]): after the
/// plan's other ops, those of the start where the CHECK stays as it is and
/// they stay under it, none where the plan adds it; an
/// [`Op::SetValidatedCopies`] validates those the target has besides (one
/// validated stays so; the way back of a validation adds the CHECK back
/// `NOT VALID` and validates what was).
pub(super) fn validated_copies<'a>(
    cur: &Schema,
    des: &Schema,
    ops: impl IntoIterator<Item = &'a Op>,
) -> Vec<Op> {
    let any = |s: &Schema| s.tables.iter().any(|t| !t.validated_checks.is_empty());
    if !any(cur) && !any(des) {
        return Vec::new();
    }
    let mut made: BTreeSet<Name> = BTreeSet::new();
    let mut touched: BTreeSet<(Name, String)> = BTreeSet::new();
    for op in ops {
        match op {
            Op::CreateTable { table } | Op::DropTable { table } => {
                made.insert(Name::new(table.schema.clone(), table.name.clone()));
            }
            Op::AttachPartition { table, .. }
            | Op::DetachPartition { table, .. }
            | Op::AlterInherit { table, .. } => {
                made.insert(table.clone());
            }
            Op::AddCheck { table, check } | Op::DropCheck { table, check } => {
                touched.insert((table.clone(), check.name.clone()));
            }
            Op::ValidateConstraint {
                table, constraint, ..
            } => {
                touched.insert((table.clone(), constraint.name().to_string()));
            }
            Op::RenameConstraint { table, from, to } => {
                touched.insert((table.clone(), from.clone()));
                touched.insert((table.clone(), to.clone()));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for d in &des.tables {
        let table = Name::new(d.schema.clone(), d.name.clone());
        for check in d.checks.iter().filter(|c| c.not_valid && !c.no_inherit) {
            let kept = !made.contains(&table)
                && !touched.contains(&(table.clone(), check.name.clone()))
                && cur
                    .table(&d.schema, &d.name)
                    .is_some_and(|c| c.checks.contains(check));
            let mut after = Vec::new();
            let mut wanted = Vec::new();
            for child in descendants(des, &table) {
                let name = Name::new(child.schema.clone(), child.name.clone());
                let before = cur
                    .table(&child.schema, &child.name)
                    .filter(|c| parents(c) == parents(child) && !made.contains(&name));
                if kept && before.is_some_and(|c| c.validated_checks.contains(&check.name)) {
                    after.push(name.clone());
                }
                if child.validated_checks.contains(&check.name) {
                    wanted.push(name);
                }
            }
            // A copy validated stays so: models cannot state copies, and
            // a partition made after the CHECK has its copy valid (only
            // adding the CHECK again would take that away).
            for a in &after {
                if !wanted.contains(a) {
                    wanted.push(a.clone());
                }
            }
            wanted.sort();
            after.sort();
            if after != wanted {
                out.push(Op::SetValidatedCopies {
                    table: table.clone(),
                    check: check.clone(),
                    from: after,
                    to: wanted,
                    // On the way back, the CHECK the plan adds (or
                    // re-adds) goes, or is validated whole, right after.
                    then_dropped: !kept,
                });
            }
        }
    }
    out
}

/// The `NOT VALID` CHECKs a plan drops or validates whose copies some
/// partitions or children validated: an [`Op::SetValidatedCopies`] that
/// does nothing, to go right before the drop or validation, whose inverse
/// validates the copies again once the way back has added the CHECK back
/// `NOT VALID`.
pub(super) fn dropped_validated_copies<'a>(
    cur: &Schema,
    ops: impl IntoIterator<Item = &'a Op>,
) -> Vec<Op> {
    if !cur.tables.iter().any(|t| !t.validated_checks.is_empty()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for op in ops {
        let (table, check) = match op {
            Op::DropCheck { table, check } if check.not_valid => (table, check),
            // Validated whole (every copy with it): on the way back, the
            // CHECK is added back NOT VALID first.
            Op::ValidateConstraint {
                table,
                constraint: Validated::Check(check),
                valid: true,
            } => (table, check),
            _ => continue,
        };
        let from: Vec<Name> = descendants(cur, table)
            .into_iter()
            .filter(|c| c.validated_checks.contains(&check.name))
            .map(|c| Name::new(c.schema.clone(), c.name.clone()))
            .collect();
        if !from.is_empty() {
            out.push(Op::SetValidatedCopies {
                table: table.clone(),
                check: check.clone(),
                from,
                to: Vec::new(),
                then_dropped: true,
            });
        }
    }
    out
}
