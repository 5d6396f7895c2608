//! Normalization: turns a desired schema (from models or a JSON file) into
//! exactly what [`crate::introspect`] would read back from a database that
//! holds it, so that `diff` compares like with like.
//!
//! Two paths give the same result:
//!
//! - **The fast path**, [`normalize_on`] (module `fast.rs`), which every
//!   command uses: what is deterministic (types, identifiers, implied NOT
//!   NULLs, key and index structure) is normalized in Rust; only what only
//!   the server can print (defaults, CHECKs, index expressions and
//!   predicates, types the models do not define) is asked of the server the
//!   comparison is made against, once per distinct part, as temporary
//!   objects in a transaction that is always rolled back, and cached on
//!   disk ([`crate::cache`]). It creates no database and needs only
//!   `TEMPORARY` (and the right to create the models' enum types when the
//!   database lacks them, rolled back too).
//! - **The reference**, [`normalize`]: rather than re-implementing
//!   PostgreSQL's printing rules at all, it creates the whole desired
//!   schema with [`strata_model::ddl::create::schema_ddl`] in a
//!   [`ScratchDb`] on the same server, introspects it, and carries the
//!   model-only hints (`renamed_from` of tables and columns) back onto the
//!   result. Tests compare the fast path with it on random schemas
//!   (`diff_props::fast_normalization_equals_the_reference`), on model
//!   spellings, the DGS models and every supported kind
//!   (`tests/integration/normalize_fast.rs`).
//!
//! Both sides of a diff are therefore produced by one reader from one
//! server, so identical schemas are `==` and the diff never has to know about
//! spellings. Start reading at [`normalize_on`].
//!
//! Invariants:
//! - `normalize_on(m)` equals `normalize(m)`, which equals [`introspect`] of a
//!   database created with `schema_ddl(m)` (`tests/integration/ddl.rs` checks
//!   it for a schema covering every type, default, constraint and index kind,
//!   written both as JSON and as derive models).
//! - A scratch database serves one normalization: [`normalize`] refuses one
//!   that already holds tables or enum types in the desired schemas.
//!   Extensions or domains the models need but do not describe must be
//!   created in it first.
//! - Model errors PostgreSQL would report in other terms (a default on an
//!   identity column, a serial on a non-integer type or with a default) are
//!   rejected before anything runs, in the model's terms.
//!
//! [`apply_schema`] is the piece that runs DDL: in one transaction (nothing
//! stays when a statement fails), or with [`apply_schema_batched`] in batches
//! of one transaction each, for schemas too large for one transaction's locks
//! (scratch databases, benchmarks). When PostgreSQL rejects something it
//! replays the failed batch statement by statement inside a transaction it
//! rolls back, probing
//! the failing object piece by piece (column type, identity, default, each
//! constraint, index expression, predicate) so the error names exactly what
//! was rejected: `table public.t, column x: default "nw()": function nw() does
//! not exist`.

use std::collections::HashMap;

use strata::schema::{Column, Identity, Index, IndexKey, Schema, Table};
use strata_model::ddl::create::{
    add_check, add_primary_key, add_unique, column_def, create_index, create_table,
    schema_ddl_statements, to_script, DdlObject, DdlOptions, DdlStatement,
};
use tokio_postgres::Client;

use crate::error::{Error, NormalizeError};
use crate::introspect::{introspect, IntrospectOptions};
use crate::scratch::{db_message, ScratchDb};

mod fast;
mod reconcile;

pub use fast::{deterministic, normalize_on, NormalizeStats};
pub use reconcile::{differs_in_expressions, reconcile};

/// How many statements [`normalize`] sends per batch (one transaction each):
/// small enough to stay far below the server's lock table
/// (`max_locks_per_transaction` x connections: a table with a key, a unique
/// constraint and an identity takes about six locks), large enough to need
/// few round trips.
pub const NORMALIZE_BATCH: usize = 200;

/// Returns `desired` as PostgreSQL prints it: created in `scratch` (which
/// must not yet hold tables or enum types in the desired schemas; create a
/// fresh [`ScratchDb`] per call) and introspected back, with the
/// `renamed_from` hints of the input kept. Extensions or other objects the
/// models need but do not describe (e.g. a domain type) can be created in the
/// scratch database beforehand.
///
/// A part of `desired` that PostgreSQL rejects is reported as
/// [`NormalizeError::Rejected`], naming the table, column, constraint or index and the
/// expression or type at fault.
pub async fn normalize(desired: &Schema, scratch: &ScratchDb) -> Result<Schema, Error> {
    let mut desired = desired.clone().canonical();
    validate(&desired)?;
    let definitions = parse_definitions(&desired.definitions)?;
    let client = scratch.connect().await?;
    ensure_empty(&client, &desired.schemas, scratch.name()).await?;
    run_definitions(&client, &definitions, Pass::BeforeTables).await?;
    apply_schema_batched(&client, &desired, &DdlOptions::plain(), NORMALIZE_BATCH).await?;
    run_definitions(&client, &definitions, Pass::AfterTables).await?;
    if !definitions.is_empty() {
        // Schemas the definitions created hold objects of the models too.
        for s in created_schemas(&client).await? {
            if !desired.schemas.contains(&s) {
                desired.schemas.push(s);
            }
        }
    }
    let mut out = introspect(
        &client,
        &IntrospectOptions {
            schemas: desired.schemas.clone(),
            exclude_tables: Vec::new(),
        },
    )
    .await?;
    carry_hints(&desired, &mut out);
    // Objects given in their stored form (a JSON schema) are not created:
    // they stay as given.
    for o in &desired.objects {
        if !out.objects.iter().any(|x| x.key() == o.key()) {
            out.objects.push(o.clone());
        }
    }
    out.canonicalize();
    Ok(out)
}

/// The statements of each definition, parsed, and whether the definition
/// runs before the tables (every statement creates something tables may
/// use: an extension, a type, a sequence, a routine, a schema).
struct ParsedDefinition {
    name: String,
    statements: Vec<crate::sql::Parsed>,
    before_tables: bool,
}

/// When a definition runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    BeforeTables,
    AfterTables,
}

fn parse_definitions(
    definitions: &[strata::schema::Definition],
) -> Result<Vec<ParsedDefinition>, Error> {
    let mut out = Vec::new();
    for d in definitions {
        let object = format!("definition {:?}", d.name);
        crate::sql::validate_definition(&d.sql).map_err(|message| NormalizeError::Rejected {
            object: object.clone(),
            message,
        })?;
        let statements =
            crate::sql::parse_statements(&d.sql).map_err(|e| NormalizeError::Rejected {
                object: object.clone(),
                message: format!("line {}, column {}: {}", e.line, e.column, e.message),
            })?;
        let before_tables = statements
            .iter()
            .all(crate::sql::Parsed::creates_what_tables_use);
        out.push(ParsedDefinition {
            name: d.name.clone(),
            statements,
            before_tables,
        });
    }
    Ok(out)
}

/// Runs the definitions of one pass, in their order, one statement at a
/// time (routine bodies unchecked, as a migration creates them), so a
/// rejected statement is named by the definition and the line in it.
async fn run_definitions(
    client: &Client,
    definitions: &[ParsedDefinition],
    pass: Pass,
) -> Result<(), Error> {
    let mine: Vec<&ParsedDefinition> = definitions
        .iter()
        .filter(|d| d.before_tables == (pass == Pass::BeforeTables))
        .collect();
    if mine.is_empty() {
        return Ok(());
    }
    client
        .batch_execute("SET check_function_bodies = off")
        .await?;
    for d in mine {
        for st in &d.statements {
            if let Err(e) = client.batch_execute(&st.text).await {
                let line = e
                    .as_db_error()
                    .and_then(|db| match db.position() {
                        Some(tokio_postgres::error::ErrorPosition::Original(p)) => {
                            let at = (*p as usize).saturating_sub(1);
                            let before: String = st.text.chars().take(at).collect();
                            Some(st.line + before.matches('\n').count())
                        }
                        _ => None,
                    })
                    .unwrap_or(st.line);
                return Err(NormalizeError::Rejected {
                    object: format!("definition {:?}, line {line}", d.name),
                    message: db_message(&e),
                }
                .into());
            }
        }
    }
    client.batch_execute("RESET check_function_bodies").await?;
    Ok(())
}

/// The user schemas of the scratch database other than `public`: those the
/// models' definitions created.
async fn created_schemas(client: &Client) -> Result<Vec<String>, Error> {
    let rows = client
        .query(
            "SELECT nspname::text FROM pg_catalog.pg_namespace \
             WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' \
               AND nspname <> 'public' ORDER BY 1",
            &[],
        )
        .await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// The objects the models' definitions create, as the server stores them:
/// `models` (tables and definitions) created in a scratch database on
/// `server`, read back, the scratch database dropped; cached on disk by the schema and the
/// server's namespace (read on `client`), so an unchanged model costs one
/// query. `desired` (the models normalized by [`normalize_on`]) comes back
/// with the objects added and no definitions. Called by the
/// commands after [`normalize_on`] (which normalizes the tables without
/// creating a database) when the models declare definitions.
pub async fn normalize_definitions(
    server: &strata::ConnectOptions,
    client: &Client,
    models: &Schema,
    mut desired: Schema,
    cache: &mut crate::cache::Cache,
) -> Result<Schema, Error> {
    if models.definitions.is_empty() {
        desired.definitions.clear();
        return Ok(desired);
    }
    let models = models.clone().canonical();
    let key = crate::cache::key(&["definitions 1", &models.to_json()]);
    if cache.is_enabled() {
        let ns = crate::cache::Namespace::read(client).await?;
        cache.load_parts(&ns);
    }
    let cached: Option<Vec<strata::schema::DbObject>> = cache
        .part(&key)
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    let objects = match cached {
        Some(objects) => objects,
        None => {
            let scratch = ScratchDb::create(server).await.map_err(|e| {
                Error::from(NormalizeError::Rejected {
                    object: "the models' definitions".into(),
                    message: format!(
                        "they are read back from a scratch database, which could not be created \
                         (set scratch_url to a server where the role may create databases): {e}"
                    ),
                })
            })?;
            let result = normalize(&models, &scratch).await;
            let _ = scratch.drop_db().await;
            let objects = result?.objects;
            if let Ok(v) = serde_json::to_value(&objects) {
                cache.put_part(key, v);
                cache.save();
            }
            objects
        }
    };
    desired.definitions.clear();
    for o in objects {
        if !desired.objects.iter().any(|x| x.key() == o.key()) {
            desired.objects.push(o);
        }
    }
    desired.canonicalize();
    Ok(desired)
}

/// Model errors PostgreSQL would not report, or would report in terms the
/// model does not use.
fn validate(schema: &Schema) -> Result<(), Error> {
    for t in &schema.tables {
        for c in &t.columns {
            if let (Some(Identity::Always | Identity::ByDefault), Some(d)) =
                (c.identity, &c.default)
            {
                return Err(Error::from(NormalizeError::Rejected {
                    object: format!(
                        "table {}.{}, column {}: default {d:?}",
                        t.schema, t.name, c.name
                    ),
                    message: "an identity column takes its values from its sequence and cannot have a default".into(),
                }));
            }
            if c.identity == Some(Identity::Serial) {
                let object = format!("table {}.{}, column {}", t.schema, t.name, c.name);
                if !c.ty.is_integer() {
                    return Err(Error::from(NormalizeError::Rejected {
                        object,
                        message: format!("serial needs smallint, integer or bigint, not {}", c.ty),
                    }));
                }
                if let Some(d) = &c.default {
                    return Err(Error::from(NormalizeError::Rejected {
                        object: format!("{object}: default {d:?}"),
                        message: "a serial column takes its default from its sequence; drop the default or the serial".into(),
                    }));
                }
            }
        }
    }
    Ok(())
}

async fn ensure_empty(client: &Client, schemas: &[String], db: &str) -> Result<(), Error> {
    let row = client
        .query_one(
            "SELECT (SELECT count(*) FROM pg_catalog.pg_class c \
                     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
                     WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[]) \
                       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x \
                                       WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
                                         AND x.objid = c.oid AND x.deptype = 'e')) \
                  + (SELECT count(*) FROM pg_catalog.pg_type t \
                     JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
                     WHERE t.typtype = 'e' AND n.nspname = ANY ($1::text[]) \
                       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x \
                                       WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass \
                                         AND x.objid = t.oid AND x.deptype = 'e'))",
            &[&schemas],
        )
        .await?;
    let n: i64 = row.try_get(0)?;
    if n > 0 {
        return Err(NormalizeError::ScratchNotEmpty {
            database: db.to_string(),
            count: n,
            schemas: schemas.to_vec(),
        }
        .into());
    }
    Ok(())
}

/// Copies `renamed_from` of tables and columns from `desired` onto the
/// matching tables and columns of `out`.
fn carry_hints(desired: &Schema, out: &mut Schema) {
    let by_name: HashMap<(&str, &str), &Table> = desired
        .tables
        .iter()
        .map(|t| ((t.schema.as_str(), t.name.as_str()), t))
        .collect();
    for t in &mut out.tables {
        let Some(d) = by_name.get(&(t.schema.as_str(), t.name.as_str())) else {
            continue;
        };
        t.renamed_from.clone_from(&d.renamed_from);
        for c in &mut t.columns {
            if let Some(dc) = d.column(&c.name) {
                c.renamed_from.clone_from(&dc.renamed_from);
            }
        }
    }
}

/// Runs the DDL of `schema` (see [`strata_model::ddl::create::schema_ddl`]) on
/// `client`, which must not be inside a transaction, as one transaction: a
/// statement PostgreSQL rejects is reported as [`NormalizeError::Rejected`] naming the
/// object, and nothing stays. A schema of thousands of tables can exceed the
/// server's lock table in one transaction; use [`apply_schema_batched`].
pub async fn apply_schema(
    client: &Client,
    schema: &Schema,
    opts: &DdlOptions,
) -> Result<(), Error> {
    apply_schema_batched(client, schema, opts, usize::MAX).await
}

/// [`apply_schema`] in batches of `batch` statements, each its own
/// transaction: on a rejected statement its batch is rolled back, earlier
/// batches stay.
pub async fn apply_schema_batched(
    client: &Client,
    schema: &Schema,
    opts: &DdlOptions,
    batch: usize,
) -> Result<(), Error> {
    let statements = schema_ddl_statements(schema, opts);
    for chunk in statements.chunks(batch.max(1)) {
        let sql: Vec<&str> = chunk.iter().map(|s| s.sql.as_str()).collect();
        // A multi-statement simple query is one implicit transaction: on
        // error nothing of the batch stays.
        if let Err(e) = client.batch_execute(&to_script(&sql)).await {
            return Err(diagnose(client, schema, chunk, e).await);
        }
    }
    Ok(())
}

/// Replays `chunk` one statement at a time in a transaction that is rolled
/// back, and names what PostgreSQL rejects.
async fn diagnose(
    client: &Client,
    schema: &Schema,
    chunk: &[DdlStatement],
    original: tokio_postgres::Error,
) -> Error {
    if client.batch_execute("BEGIN").await.is_err() {
        return original.into();
    }
    let mut found = None;
    for st in chunk {
        if let Err(e) = attempt(client, &st.sql).await {
            found = Some(match e {
                Attempt::Failed(e) => describe(client, schema, st, e).await,
                Attempt::Broken(e) => e.into(),
            });
            break;
        }
    }
    let _ = client.batch_execute("ROLLBACK").await;
    found.unwrap_or_else(|| original.into())
}

enum Attempt {
    /// The statement failed; the transaction is back where it was.
    Failed(tokio_postgres::Error),
    /// The savepoint machinery itself failed.
    Broken(tokio_postgres::Error),
}

/// Runs `sql` inside the current transaction; on failure rolls back to
/// before it.
async fn attempt(client: &Client, sql: &str) -> Result<(), Attempt> {
    client
        .batch_execute("SAVEPOINT strata_probe")
        .await
        .map_err(Attempt::Broken)?;
    match client.batch_execute(sql).await {
        Ok(()) => {
            client
                .batch_execute("RELEASE SAVEPOINT strata_probe")
                .await
                .map_err(Attempt::Broken)?;
            Ok(())
        }
        Err(e) => {
            client
                .batch_execute("ROLLBACK TO SAVEPOINT strata_probe")
                .await
                .map_err(Attempt::Broken)?;
            Err(Attempt::Failed(e))
        }
    }
}

/// Runs `sql` and undoes it whatever happens: `Ok(None)` when it worked,
/// `Ok(Some(error))` when PostgreSQL rejected it.
async fn probe(client: &Client, sql: &str) -> Result<Option<tokio_postgres::Error>, Error> {
    client.batch_execute("SAVEPOINT strata_probe").await?;
    let r = client.batch_execute(sql).await;
    client
        .batch_execute("ROLLBACK TO SAVEPOINT strata_probe")
        .await?;
    Ok(r.err())
}

fn rejected(object: String, e: &tokio_postgres::Error) -> Error {
    NormalizeError::Rejected {
        object,
        message: db_message(e),
    }
    .into()
}

/// Names the part of `st`'s object that PostgreSQL rejects.
async fn describe(
    client: &Client,
    schema: &Schema,
    st: &DdlStatement,
    e: tokio_postgres::Error,
) -> Error {
    let found = match &st.object {
        DdlObject::Table { schema: s, name } => match schema.table(s, name) {
            Some(t) => describe_table(client, t).await,
            None => Ok(None),
        },
        DdlObject::Index {
            schema: s,
            table,
            name,
        } => match schema
            .table(s, table)
            .and_then(|t| t.indexes.iter().find(|i| &i.name == name).map(|i| (t, i)))
        {
            Some((t, ix)) => describe_index(client, t, ix).await,
            None => Ok(None),
        },
        DdlObject::Constraint {
            schema: s,
            table,
            name,
        } => Ok(schema.table(s, table).map(|t| {
            rejected(
                format!("table {s}.{table}, {}", constraint_label(t, name)),
                &e,
            )
        })),
        _ => Ok(None),
    };
    match found {
        Ok(Some(err)) => err,
        Ok(None) => rejected(st.object.to_string(), &e),
        Err(probe_failure) => probe_failure,
    }
}

/// `primary key X`, `unique X`, `check X: expression "..."`, `foreign key X`.
fn constraint_label(t: &Table, name: &str) -> String {
    if t.primary_key.as_ref().is_some_and(|p| p.name == name) {
        format!("primary key {name}")
    } else if t.uniques.iter().any(|u| u.name == name) {
        format!("unique constraint {name}")
    } else if let Some(c) = t.checks.iter().find(|c| c.name == name) {
        format!("check {name}: expression {:?}", c.expression)
    } else if t.foreign_keys.iter().any(|f| f.name == name) {
        format!("foreign key {name}")
    } else {
        format!("constraint {name}")
    }
}

fn probe_table(t: &Table) -> Table {
    let mut p = Table::new("pg_temp", "strata_probe");
    p.columns.clone_from(&t.columns);
    p
}

async fn describe_table(client: &Client, t: &Table) -> Result<Option<Error>, Error> {
    let here = format!("table {}.{}", t.schema, t.name);
    for c in &t.columns {
        let bare = Column::new(c.name.clone(), c.ty.clone(), true);
        let sql = format!("CREATE TABLE pg_temp.strata_probe ({})", column_def(&bare));
        if let Some(e) = probe(client, &sql).await? {
            return Ok(Some(rejected(
                format!("{here}, column {}: type \"{}\"", c.name, c.ty),
                &e,
            )));
        }
        if c.identity.is_some() {
            let mut p = Column::new(c.name.clone(), c.ty.clone(), true);
            p.identity = c.identity;
            let sql = format!("CREATE TABLE pg_temp.strata_probe ({})", column_def(&p));
            if let Some(e) = probe(client, &sql).await? {
                return Ok(Some(rejected(
                    format!("{here}, column {}: identity", c.name),
                    &e,
                )));
            }
        }
        if let Some(d) = &c.default {
            let sql = format!("CREATE TABLE pg_temp.strata_probe ({})", column_def(c));
            if let Some(e) = probe(client, &sql).await? {
                return Ok(Some(rejected(
                    format!("{here}, column {}: default {d:?}", c.name),
                    &e,
                )));
            }
        }
    }
    let p = probe_table(t);
    // The columns together, then each constraint on top.
    client.batch_execute("SAVEPOINT strata_table").await?;
    let result = async {
        if let Err(e) = client.batch_execute(&create_table(&p)).await {
            return Ok(Some(rejected(here.clone(), &e)));
        }
        let mut clauses = Vec::new();
        if let Some(pk) = &t.primary_key {
            clauses.push((constraint_label(t, &pk.name), add_primary_key(&p, pk)));
        }
        for u in &t.uniques {
            clauses.push((constraint_label(t, &u.name), add_unique(&p, u)));
        }
        for c in &t.checks {
            clauses.push((constraint_label(t, &c.name), add_check(&p, c)));
        }
        for (label, sql) in clauses {
            if let Some(e) = probe(client, &sql).await? {
                return Ok(Some(rejected(format!("{here}, {label}"), &e)));
            }
        }
        Ok::<_, Error>(None)
    }
    .await;
    client
        .batch_execute("ROLLBACK TO SAVEPOINT strata_table")
        .await?;
    result
}

async fn describe_index(client: &Client, t: &Table, ix: &Index) -> Result<Option<Error>, Error> {
    let here = format!("table {}.{}, index {}", t.schema, t.name, ix.name);
    let mut probe_ix = ix.clone();
    probe_ix.name = "strata_probe_idx".into();
    for el in &ix.elements {
        let mut one = probe_ix.clone();
        one.elements = vec![el.clone()];
        one.include.clear();
        one.predicate = None;
        if let Some(e) = probe(client, &create_index(t, &one, false, false)).await? {
            let what = match &el.key {
                IndexKey::Column(c) => format!("column {c}"),
                IndexKey::Expression(x) => format!("expression {x:?}"),
            };
            return Ok(Some(rejected(format!("{here}: {what}"), &e)));
        }
    }
    if let Some(pred) = &ix.predicate {
        let mut without = probe_ix.clone();
        without.predicate = None;
        if probe(client, &create_index(t, &without, false, false))
            .await?
            .is_none()
        {
            if let Some(e) = probe(client, &create_index(t, &probe_ix, false, false)).await? {
                return Ok(Some(rejected(format!("{here}: predicate {pred:?}"), &e)));
            }
        }
    }
    Ok(None)
}
