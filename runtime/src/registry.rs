//! The [`Registry`]: collects an application's models into one
//! [`Schema`](crate::schema::Schema).
//!
//! Registration is explicit (`Registry::new().register::<Job>()`); every
//! `#[derive(Table)]` is also collected automatically at link time, so
//! [`Registry::linked`] gathers every model of the binary. Building the schema
//! checks what a single model cannot see: two models claiming one table, enum
//! types defined twice with different labels, and foreign keys that point at a
//! table or column no model defines. Every message names both sides.

use std::collections::BTreeMap;
use std::fmt;

use crate::schema::{EnumType, Schema, Table as TableDef};
use crate::table::Table;

/// One model as seen by the registry.
#[derive(Clone, Copy, Debug)]
pub struct ModelEntry {
    /// The Rust type's path, for messages.
    pub rust_name: &'static str,
    /// Builds the table's description.
    pub definition: fn() -> TableDef,
    /// The enum types the table uses.
    pub enum_types: fn() -> Vec<EnumType>,
}

impl ModelEntry {
    /// The entry of model `T`.
    pub fn of<T: Table>() -> ModelEntry {
        ModelEntry {
            rust_name: std::any::type_name::<T>(),
            definition: T::definition,
            enum_types: T::enum_types,
        }
    }
}

inventory::collect!(ModelEntry);

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
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Every `#[derive(Table)]` model linked into this binary.
    pub fn linked() -> Registry {
        let mut entries: Vec<ModelEntry> =
            inventory::iter::<ModelEntry>.into_iter().copied().collect();
        entries.sort_by_key(|e| e.rust_name);
        Registry { entries }
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
        if !problems.is_empty() {
            return Err(RegistryError { problems });
        }
        Ok(Schema {
            schemas: Vec::new(),
            enums: enums.into_values().map(|(e, _)| e).collect(),
            tables: tables.into_values().map(|(t, _)| t).collect(),
        }
        .canonical())
    }

    /// The schema as JSON: what a model exporter binary prints for
    /// `schema-diff` (see [`crate::export_models`]).
    pub fn to_json(&self) -> Result<String, RegistryError> {
        Ok(self.schema()?.to_json())
    }
}
