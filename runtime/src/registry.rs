//! The [`Registry`]: collects an application's models into one
//! [`Schema`](crate::schema::Schema).
//!
//! Registration is explicit (`Registry::new().register::<Job>()`); every
//! `#[derive(Table)]` is also collected automatically at link time, so
//! [`Registry::linked`] gathers every model of the binary. Building the schema
//! checks what a single model cannot see: two models claiming one table, enum
//! types defined twice with different labels, foreign keys that point at a
//! table or column no model defines, and names PostgreSQL keeps in one
//! namespace per schema (a table, an index or the index behind a key named
//! alike; an enum type named like a table). Every message names both sides.
//!
//! Objects that are SQL by nature (views, functions, triggers, policies,
//! extensions, domains, grants) are added as [`Definition`]s: a name and
//! the SQL that creates them ([`Registry::definition`]). schema-diff runs
//! that SQL on a scratch database next to the tables and compares what the
//! server stores, so the text may be written in any form PostgreSQL
//! accepts.
//!
//! A model's partitions ([`Table::partitions`]) join the tables; what a
//! model declares on its table as SQL ([`Table::definitions`]: exclusion
//! constraints, row-level security, policies, grants) and the views of
//! `#[derive(View)]` ([`Registry::register_view`]) join the definitions,
//! in that order and before those added with [`Registry::definition`].

use std::collections::BTreeMap;
use std::fmt;

use crate::schema::{Definition, EnumType, Schema, Table as TableDef};
use crate::table::{Table, View};

/// One model as seen by the registry.
#[derive(Clone, Copy, Debug)]
pub struct ModelEntry {
    /// The Rust type's path, for messages.
    pub rust_name: &'static str,
    /// Builds the table's description.
    pub definition: fn() -> TableDef,
    /// The enum types the table uses.
    pub enum_types: fn() -> Vec<EnumType>,
    /// The table's partitions ([`Table::partitions`]).
    pub partitions: fn() -> Vec<TableDef>,
    /// The definitions the model declares on its table
    /// ([`Table::definitions`]).
    pub definitions: fn() -> Vec<Definition>,
}

impl ModelEntry {
    /// The entry of model `T`.
    pub fn of<T: Table>() -> ModelEntry {
        ModelEntry {
            rust_name: std::any::type_name::<T>(),
            definition: T::definition,
            enum_types: T::enum_types,
            partitions: T::partitions,
            definitions: T::definitions,
        }
    }
}

inventory::collect!(ModelEntry);

/// One view (`#[derive(View)]`) as seen by the registry.
#[derive(Clone, Copy, Debug)]
pub struct ViewEntry {
    /// The Rust type's path, for messages.
    pub rust_name: &'static str,
    /// Its `CREATE VIEW`, as a definition.
    pub definition: fn() -> Definition,
}

impl ViewEntry {
    /// The entry of view `V`.
    pub fn of<V: View>() -> ViewEntry {
        ViewEntry {
            rust_name: std::any::type_name::<V>(),
            definition: V::definition,
        }
    }
}

inventory::collect!(ViewEntry);

/// An error found while building a registry's schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryError {
    /// One line per problem.
    pub problems: Vec<String>,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the registered models are inconsistent:")?;
        for p in &self.problems {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RegistryError {}

/// A set of models.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    entries: Vec<ModelEntry>,
    views: Vec<ViewEntry>,
    definitions: Vec<Definition>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Every `#[derive(Table)]` model and `#[derive(View)]` view linked
    /// into this binary.
    pub fn linked() -> Registry {
        let mut entries: Vec<ModelEntry> =
            inventory::iter::<ModelEntry>.into_iter().copied().collect();
        entries.sort_by_key(|e| e.rust_name);
        let mut views: Vec<ViewEntry> = inventory::iter::<ViewEntry>.into_iter().copied().collect();
        views.sort_by_key(|e| e.rust_name);
        Registry {
            entries,
            views,
            definitions: Vec::new(),
        }
    }

    /// Adds view `V` (`#[derive(View)]`): its `CREATE VIEW` becomes a
    /// definition, after the models' own.
    pub fn register_view<V: View>(&mut self) -> &mut Registry {
        self.views.push(ViewEntry::of::<V>());
        self
    }

    /// Adds view `V` (builder style).
    pub fn with_view<V: View>(mut self) -> Registry {
        self.register_view::<V>();
        self
    }

    /// Adds model `T`.
    pub fn register<T: Table>(&mut self) -> &mut Registry {
        self.entries.push(ModelEntry::of::<T>());
        self
    }

    /// Adds model `T` (builder style).
    pub fn with<T: Table>(mut self) -> Registry {
        self.register::<T>();
        self
    }

    /// Adds a model entry.
    pub fn add(&mut self, entry: ModelEntry) -> &mut Registry {
        self.entries.push(entry);
        self
    }

    /// Adds SQL that creates objects the models manage beyond their tables
    /// (a view, a function, a trigger, a policy, an extension, a grant,
    /// ...), under a name of the models' own, unique among the definitions
    /// (it names the definition in errors). Definitions run in the order
    /// they are added; extensions, types, sequences and routines before the
    /// tables, everything else after them.
    ///
    /// ```
    /// let mut models = strata::Registry::new();
    /// models.definition(
    ///     "active_jobs",
    ///     "CREATE VIEW active_jobs AS SELECT job_id FROM dgs_jobs WHERE status = 'running';",
    /// );
    /// ```
    pub fn definition(&mut self, name: &str, sql: &str) -> &mut Registry {
        self.definitions.push(Definition::new(name, sql));
        self
    }

    /// Adds a definition (builder style); see [`Registry::definition`].
    pub fn with_definition(mut self, name: &str, sql: &str) -> Registry {
        self.definition(name, sql);
        self
    }

    /// The Rust names of the registered models, in registration order.
    pub fn model_names(&self) -> Vec<&'static str> {
        self.entries.iter().map(|e| e.rust_name).collect()
    }

    /// The schema of all registered models, in canonical order, after the
    /// cross-model checks.
    pub fn schema(&self) -> Result<Schema, RegistryError> {
        let mut problems = Vec::new();
        let mut tables: BTreeMap<(String, String), (TableDef, &'static str)> = BTreeMap::new();
        let mut enums: BTreeMap<(String, String), (EnumType, &'static str)> = BTreeMap::new();
        let mut definitions: Vec<Definition> = Vec::new();
        for entry in &self.entries {
            let def = (entry.definition)();
            let key = (def.schema.clone(), def.name.clone());
            if let Some((_, other)) = tables.get(&key) {
                if *other != entry.rust_name {
                    problems.push(format!(
                        "table {}.{} is defined twice: by {} and by {}",
                        key.0, key.1, other, entry.rust_name
                    ));
                }
                continue;
            }
            for p in (entry.partitions)() {
                let pkey = (p.schema.clone(), p.name.clone());
                match tables.get(&pkey) {
                    Some((_, other)) => problems.push(format!(
                        "table {}.{} is defined twice: by {} and as a partition of {}.{} by {}",
                        pkey.0, pkey.1, other, key.0, key.1, entry.rust_name
                    )),
                    None => {
                        tables.insert(pkey, (p, entry.rust_name));
                    }
                }
            }
            definitions.extend((entry.definitions)());
            for e in (entry.enum_types)() {
                let ekey = (e.schema.clone(), e.name.clone());
                match enums.get(&ekey) {
                    Some((existing, other)) if existing.labels != e.labels => problems.push(format!(
                        "enum type {}.{} is defined twice with different labels: [{}] (used by {}) and [{}] (used by {})",
                        ekey.0,
                        ekey.1,
                        existing.labels.join(", "),
                        other,
                        e.labels.join(", "),
                        entry.rust_name
                    )),
                    Some(_) => {}
                    None => {
                        enums.insert(ekey, (e, entry.rust_name));
                    }
                }
            }
            tables.insert(key, (def, entry.rust_name));
        }
        for (def, rust_name) in tables.values() {
            for fk in &def.foreign_keys {
                let target = tables.get(&(fk.ref_schema.clone(), fk.ref_table.clone()));
                let Some((target_def, target_rust)) = target else {
                    problems.push(format!(
                        "foreign key {} of {}.{} ({}) references {}.{}({}), which no registered model defines",
                        fk.name,
                        def.schema,
                        def.name,
                        rust_name,
                        fk.ref_schema,
                        fk.ref_table,
                        fk.ref_columns.join(", ")
                    ));
                    continue;
                };
                for ref_col in &fk.ref_columns {
                    if target_def.column(ref_col).is_none() {
                        problems.push(format!(
                            "foreign key {} of {}.{} ({}) references column {}.{}.{}, which {} does not have",
                            fk.name, def.schema, def.name, rust_name, fk.ref_schema, fk.ref_table, ref_col, target_rust
                        ));
                    }
                }
            }
        }
        relation_names(&tables, &enums, &mut problems);
        let mut seen_views = std::collections::BTreeSet::new();
        for v in &self.views {
            if seen_views.insert(v.rust_name) {
                definitions.push((v.definition)());
            }
        }
        definitions.extend(self.definitions.iter().cloned());
        let mut names = std::collections::BTreeSet::new();
        for d in &definitions {
            if d.name.trim().is_empty() {
                problems.push("a definition has an empty name".to_string());
            } else if !names.insert(d.name.as_str()) {
                problems.push(format!("definition {:?} is added twice", d.name));
            }
            if d.sql.trim().is_empty() {
                problems.push(format!("definition {:?} has no SQL", d.name));
            }
        }
        if !problems.is_empty() {
            return Err(RegistryError { problems });
        }
        Ok(Schema {
            definitions,
            schemas: Vec::new(),
            enums: enums.into_values().map(|(e, _)| e).collect(),
            tables: tables.into_values().map(|(t, _)| t).collect(),
            objects: Vec::new(),
        }
        .canonical())
    }

    /// The schema as JSON: what a model exporter binary prints for
    /// `schema-diff` (see [`crate::export_models`]).
    pub fn to_json(&self) -> Result<String, RegistryError> {
        Ok(self.schema()?.to_json())
    }
}

type Models = BTreeMap<(String, String), (TableDef, &'static str)>;
type Enums = BTreeMap<(String, String), (EnumType, &'static str)>;

/// Names PostgreSQL keeps in one namespace per schema, which no single model
/// can check: relations (tables, indexes, and the indexes behind primary keys
/// and unique constraints), and types (enum types, and the row type every
/// table has). A clash would make the DDL fail half-way.
fn relation_names(tables: &Models, enums: &Enums, problems: &mut Vec<String>) {
    let mut relations: BTreeMap<(&str, &str), (String, &str)> = BTreeMap::new();
    for (def, rust_name) in tables.values() {
        let schema = def.schema.as_str();
        let of = format!("of table {}.{}", def.schema, def.name);
        let mut named: Vec<(&str, String)> = vec![(
            def.name.as_str(),
            format!("table {}.{}", def.schema, def.name),
        )];
        if let Some(pk) = &def.primary_key {
            named.push((pk.name.as_str(), format!("the primary key {of}")));
        }
        for u in &def.uniques {
            named.push((
                u.name.as_str(),
                format!("unique constraint {} {of}", u.name),
            ));
        }
        for ix in &def.indexes {
            named.push((ix.name.as_str(), format!("index {} {of}", ix.name)));
        }
        for (name, what) in named {
            match relations.get(&(schema, name)) {
                Some((first, first_rust)) => problems.push(format!(
                    "{schema}.{name} names both {first} ({first_rust}) and {what} ({rust_name}); tables and indexes share one namespace per schema, so rename one"
                )),
                None => {
                    relations.insert((schema, name), (what, rust_name));
                }
            }
        }
    }
    for ((schema, name), (_, used_by)) in enums {
        if let Some((_, table_rust)) = tables.get(&(schema.clone(), name.clone())) {
            problems.push(format!(
                "enum type {schema}.{name} (used by {used_by}) has the name of table {schema}.{name} ({table_rust}), whose row type takes that name; rename one"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Column, Index, IndexElement, PrimaryKey, SqlType};

    fn table(name: &str, index: &str) -> TableDef {
        let mut t = TableDef::new("public", name);
        t.columns.push(Column::new("id", SqlType::Integer, false));
        t.primary_key = Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: format!("{name}_pkey"),
            columns: vec!["id".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        t.indexes.push(Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: index.into(),
            unique: false,
            method: Default::default(),
            elements: vec![IndexElement::column("id")],
            include: vec![],
            predicate: None,
        });
        t
    }

    fn entry(rust_name: &'static str, definition: fn() -> TableDef) -> ModelEntry {
        ModelEntry {
            rust_name,
            definition,
            enum_types: Vec::new,
            partitions: Vec::new,
            definitions: Vec::new,
        }
    }

    #[test]
    fn definitions_are_kept_in_order_and_checked() {
        let r = Registry::new()
            .with_definition("views", "CREATE VIEW v AS SELECT 1 AS one;")
            .with_definition(
                "audit",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
            );
        let s = r.schema().unwrap();
        let names: Vec<&str> = s.definitions.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["views", "audit"]);
        assert!(r.to_json().unwrap().contains("\"definitions\""));

        let err = Registry::new()
            .with_definition("v", "CREATE VIEW v AS SELECT 1;")
            .with_definition("v", "CREATE VIEW w AS SELECT 1;")
            .with_definition(" ", "SELECT 1;")
            .with_definition("empty", "  ")
            .schema()
            .unwrap_err();
        assert_eq!(
            err.problems,
            [
                "definition \"v\" is added twice",
                "a definition has an empty name",
                "definition \"empty\" has no SQL"
            ]
        );
    }

    #[test]
    fn partitions_and_model_definitions_join_the_schema() {
        let mut r = Registry::new();
        r.add(ModelEntry {
            rust_name: "app::P",
            definition: || table("p", "p_idx"),
            enum_types: Vec::new,
            partitions: || {
                let mut t = TableDef::new("public", "p_1");
                t.partition_of = Some(crate::schema::PartitionOf {
                    parent: crate::schema::TableRef {
                        schema: "public".into(),
                        name: "p".into(),
                    },
                    bound: "DEFAULT".into(),
                });
                vec![t]
            },
            definitions: || {
                vec![Definition::new(
                    "public.p: grant 1",
                    "GRANT SELECT ON TABLE public.p TO PUBLIC;",
                )]
            },
        });
        r.definition("later", "CREATE VIEW v AS SELECT 1;");
        let s = r.schema().unwrap();
        let tables: Vec<&str> = s.tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(tables, ["p", "p_1"]);
        let defs: Vec<&str> = s.definitions.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(defs, ["public.p: grant 1", "later"]);

        // A partition is a table: another model may not take its name.
        r.add(entry("app::Q", || table("p_1", "q_idx")));
        assert_eq!(
            r.schema().unwrap_err().problems,
            ["table public.p_1 is defined twice: by app::P and by app::Q"]
        );
    }

    #[test]
    fn relation_names_clash_across_models() {
        let mut r = Registry::new();
        r.add(entry("app::A", || table("a", "by_id")));
        r.add(entry("app::B", || table("b", "by_id")));
        // An index named like another model's table and primary key.
        r.add(entry("app::C", || table("c", "a")));
        r.add(entry("app::D", || table("d", "b_pkey")));
        r.add(ModelEntry {
            rust_name: "app::E",
            definition: || table("mood", "e_idx"),
            enum_types: || {
                vec![EnumType {
                    schema: "public".into(),
                    name: "mood".into(),
                    labels: vec!["x".into()],
                    comment: None,
                }]
            },
            partitions: Vec::new,
            definitions: Vec::new,
        });
        let err = r.schema().unwrap_err();
        assert_eq!(
            err.problems,
            vec![
                "public.by_id names both index by_id of table public.a (app::A) and index by_id of table public.b (app::B); tables and indexes share one namespace per schema, so rename one",
                "public.a names both table public.a (app::A) and index a of table public.c (app::C); tables and indexes share one namespace per schema, so rename one",
                "public.b_pkey names both the primary key of table public.b (app::B) and index b_pkey of table public.d (app::D); tables and indexes share one namespace per schema, so rename one",
                "enum type public.mood (used by app::E) has the name of table public.mood (app::E), whose row type takes that name; rename one",
            ]
        );
        // The same names in different schemas do not clash.
        let mut ok = Registry::new();
        ok.add(entry("app::A", || table("a", "by_id")));
        ok.add(entry("app::B", || {
            let mut t = table("b", "by_id");
            t.schema = "other".into();
            t
        }));
        assert_eq!(ok.schema().unwrap().tables.len(), 2);
    }
}
