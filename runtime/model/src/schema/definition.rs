//! Definitions: SQL the models declare for objects that are SQL by nature
//! (a view, a function, a trigger, a policy, an extension, a grant, ...).
//! A [`Definition`] is what a person writes; normalization runs it on a
//! scratch database next to the models' tables and reads back the
//! [`DbObject`](super::DbObject)s the server stores, which are what the
//! diff compares. A normalized [`Schema`](super::Schema) holds no
//! definitions.

use serde::{Deserialize, Serialize};

/// SQL that creates one or more objects, under a name of the models' own
/// (used in error messages: `definition "active_users": ...`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// The name the models give it; unique among the definitions.
    pub name: String,
    /// The statements, each ending in `;` (the last one may omit it).
    pub sql: String,
}

impl Definition {
    /// A definition named `name` running `sql`.
    pub fn new(name: impl Into<String>, sql: impl Into<String>) -> Definition {
        Definition {
            name: name.into(),
            sql: sql.into(),
        }
    }
}
