//! DDL: the only place that writes SQL text for schema objects.
//!
//! [`create`] renders the statements that create objects (schemas, enum
//! types, tables, indexes, constraints, comments) and the complete DDL of a
//! schema in dependency order, plain or idempotent (`IF NOT EXISTS`); start
//! at [`create::schema_ddl`]. [`table_objects`] writes what a model declares
//! on its table as definitions (exclusion constraints, row-level security,
//! policies, grants). [`alter`] renders the statements that change or
//! drop existing objects, used by `schema-diff`'s migration plans. Every
//! builder returns one statement without a trailing semicolon.

pub mod alter;
pub mod create;
pub mod table_objects;

pub use create::{
    add_check, add_foreign_key, add_primary_key, add_unique, alter_owned_sequence, column_def,
    comment_on_column, comment_on_constraint, comment_on_index, comment_on_table, comment_on_type,
    constraint_and_index_comments, create_enum, create_enum_if_not_exists, create_index,
    create_schema, create_schema_if_not_exists, create_table, create_table_if_not_exists,
    foreign_key_clause, schema_ddl, schema_ddl_statements, storage_params_sql, to_script,
    DdlObject, DdlOptions, DdlStatement,
};
