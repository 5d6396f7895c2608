//! Loading one side of a comparison into a canonical [`Schema`]
//! ([`Source`]): a database is introspected; the models (given to the
//! project, or printed by the configured command) and JSON files are
//! normalized in a scratch database; the migrations are replayed into a
//! scratch database and introspected; a `.sql` file is parsed (a syntax
//! error names its line and column), run in a scratch database and
//! introspected. With `schemas` configured, models and JSON files may
//! declare nothing outside them (`Project::within_schemas`). A leading
//! byte-order mark is ignored in every file. Scratch databases live on the project's
//! scratch server, so nothing here writes to the configured database. The
//! version table and `ignore_tables` are left out on both sides. Start at
//! [`Source`].

use std::path::PathBuf;

use strata::ident::Qualified;
use strata::schema::Schema;

use super::Project;
use crate::config::{CommandSpec, ModelsCommand, CONFIG_FILE};
use crate::error::{ConfigError, Error, HistoryError, SourceError};
use crate::introspect::{introspect, IntrospectOptions};
use crate::migrations::{History, State, Target};
use crate::normalize::normalize_on;
use crate::runner::{connect, RunOptions, Runner};
use crate::scratch::ScratchDb;
use strata::ConnectOptions;

/// A side of a comparison.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Source {
    /// A database, by URL.
    Url(Box<ConnectOptions>),
    /// The configured database.
    Database,
    /// The models.
    Models,
    /// The migrations, replayed into a scratch database (all heads).
    Migrations,
    /// A fresh database: nothing but the `public` schema.
    Empty,
    /// A schema JSON file.
    Json(PathBuf),
    /// An SQL file, run in a scratch database.
    Sql(PathBuf),
}

impl Source {
    /// Parses `postgres://...`, `database`, `models`, `migrations`, `empty`,
    /// a `.json` or a `.sql` path.
    pub fn parse(text: &str) -> Result<Source, Error> {
        let t = text.trim();
        if t.starts_with("postgres://") || t.starts_with("postgresql://") {
            return Ok(Source::Url(Box::new(crate::config::tool_defaults(
                &ConnectOptions::parse(t)
                    .map_err(|source| crate::error::ConfigError::Connection { source })?,
            ))));
        }
        match t {
            "database" => return Ok(Source::Database),
            "models" => return Ok(Source::Models),
            "migrations" => return Ok(Source::Migrations),
            "empty" => return Ok(Source::Empty),
            _ => {}
        }
        let path = PathBuf::from(t);
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => Ok(Source::Json(path)),
            Some("sql") => Ok(Source::Sql(path)),
            // Text that looks like connection settings is not quoted: it
            // may hold a password.
            _ => Err(SourceError::Unknown {
                text: if t.contains("://") || t.contains('=') || t.contains('@') {
                    "(connection settings)".to_string()
                } else {
                    t.to_string()
                },
            }
            .into()),
        }
    }

    /// The database a URL or `database` side stands for.
    pub(super) async fn database_of(
        &self,
        project: &Project,
    ) -> Result<Option<ConnectOptions>, Error> {
        Ok(match self {
            Source::Url(c) => Some((**c).clone()),
            Source::Database => Some(project.database().await?),
            _ => None,
        })
    }

    /// A database side (read as it is, not normalized): its schemas are
    /// the configured ones plus those the other side uses, so the other
    /// side is loaded first.
    pub(super) fn is_database(&self) -> bool {
        matches!(
            self,
            Source::Url(_) | Source::Database | Source::Migrations | Source::Sql(_)
        )
    }
}

/// The scratch databases of one command, dropped at its end.
#[derive(Default)]
pub(super) struct Scratch {
    dbs: Vec<ScratchDb>,
}

impl Scratch {
    /// A new scratch database on the project's scratch server.
    async fn create(&mut self, project: &Project) -> Result<&ScratchDb, Error> {
        let server = project.scratch_server().await?;
        let db = ScratchDb::create(&server)
            .await
            .map_err(|e| SourceError::ScratchServer {
                server: server.to_string(),
                source: Box::new(e),
            })?;
        self.dbs.push(db);
        self.dbs.last().ok_or_else(|| unreachable_scratch().into())
    }

    /// Drops them all (best effort).
    pub(super) async fn drop_all(self) {
        for db in self.dbs {
            let _ = db.drop_db().await;
        }
    }
}

/// A database just pushed is there; this error is never built.
fn unreachable_scratch() -> SourceError {
    SourceError::Unknown {
        text: "scratch".to_string(),
    }
}

impl Project {
    /// The schemas to read: the configured ones plus those `other` uses.
    pub(super) fn schemas_for(&self, other: Option<&Schema>) -> Vec<String> {
        let mut out = self.config.schemas.clone();
        if let Some(o) = other {
            for s in &o.schemas {
                if !out.contains(s) {
                    out.push(s.clone());
                }
            }
        }
        out
    }

    /// Introspects a database, leaving out the version table, the ignored
    /// tables (patterns expanded against the catalog first) and the objects
    /// of the ignored kinds.
    pub(super) async fn read_database(
        &self,
        conn: &ConnectOptions,
        schemas: &[String],
    ) -> Result<Schema, Error> {
        let client = connect(conn).await?;
        // No schemas configured: every schema of this database that is not
        // PostgreSQL's own, besides those asked for.
        let mut schemas = schemas.to_vec();
        if self.config.schemas.is_empty() {
            let rows = client
                .query(
                    "SELECT n.nspname::text FROM pg_catalog.pg_namespace n \
                     WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' \
                       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d \
                                       WHERE d.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass \
                                         AND d.objid = n.oid AND d.deptype = 'e')",
                    &[],
                )
                .await?;
            for r in &rows {
                let s: String = r.try_get(0)?;
                if !schemas.contains(&s) {
                    schemas.push(s);
                }
            }
        }
        let schemas = schemas.as_slice();
        let names = client
            .query(
                "SELECT n.nspname::text, c.relname::text FROM pg_catalog.pg_class c \
                 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1)",
                &[&schemas],
            )
            .await?;
        let mut exclude = Vec::new();
        for row in &names {
            let (s, t): (String, String) = (row.try_get(0)?, row.try_get(1)?);
            if self.config.is_ignored(&s, &t) {
                exclude.push(quoted_name(&s, &t));
            }
        }
        let vt = &self.config.version_table;
        let vt_name = quoted_name(&vt.schema, &vt.name);
        if !exclude.contains(&vt_name) {
            exclude.push(vt_name);
        }
        let mut schema = introspect(
            &client,
            &IntrospectOptions {
                schemas: schemas.to_vec(),
                exclude_tables: exclude,
            },
        )
        .await?;
        schema.objects.retain(|o| !self.config.ignores_object(o));
        Ok(schema)
    }

    /// The desired schema: the models given to the project, else what the
    /// configured command prints.
    pub(super) async fn models(&self) -> Result<Schema, Error> {
        if let Some(m) = &self.models {
            self.within_schemas(m, "the models")?;
            return Ok(m.clone());
        }
        let Some(cmd) = &self.config.models else {
            return Err(ConfigError::NoModels {
                file: self
                    .config
                    .file
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| CONFIG_FILE.to_string()),
            }
            .into());
        };
        let m = run_models(cmd).await?;
        self.within_schemas(&m, "the models")?;
        Ok(m)
    }

    /// Refuses a desired schema (the models, a JSON file) that declares
    /// tables, enum types or objects (extensions aside: they belong to the
    /// database) outside the configured schemas, naming them: the database
    /// side reads only the configured schemas, so they could never match.
    /// No configured schemas: everything is in.
    pub(super) fn within_schemas(&self, desired: &Schema, what: &str) -> Result<(), Error> {
        let configured = &self.config.schemas;
        if configured.is_empty() {
            return Ok(());
        }
        let outside = |schema: &str| !configured.iter().any(|c| c == schema);
        let mut names: Vec<String> = Vec::new();
        for t in desired.tables.iter().filter(|t| outside(&t.schema)) {
            names.push(format!("table {}.{}", t.schema, t.name));
        }
        for e in desired.enums.iter().filter(|e| outside(&e.schema)) {
            names.push(format!("type {}.{}", e.schema, e.name));
        }
        for o in desired.objects.iter().filter(|o| {
            // Extensions belong to the database, global default
            // privileges (no schema) to no schema.
            o.kind != strata::schema::ObjectKind::Extension
                && !o.schema.is_empty()
                && outside(&o.schema)
        }) {
            names.push(format!("{} {}.{}", o.kind.as_str(), o.schema, o.name));
        }
        if names.is_empty() {
            return Ok(());
        }
        Err(SourceError::OutsideSchemas {
            what: what.to_string(),
            names,
            configured: configured.clone(),
        }
        .into())
    }

    /// Refuses a desired schema that names roles (as owners, grantees or in
    /// default privileges: its objects' `role` dependencies) the server of
    /// `conn` does not have, naming them all, before any SQL is planned.
    pub(super) async fn roles_exist(
        &self,
        conn: &ConnectOptions,
        desired: &Schema,
    ) -> Result<(), Error> {
        let mut roles: Vec<String> = desired
            .objects
            .iter()
            .flat_map(|o| &o.depends_on)
            .filter(|d| d.kind == "role")
            .map(|d| d.name.clone())
            .collect();
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Ok(());
        }
        let client = connect(conn).await?;
        let rows = client
            .query(
                "SELECT r FROM pg_catalog.unnest($1::text[]) AS r \
                 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles o WHERE o.rolname = r)",
                &[&roles],
            )
            .await?;
        let missing = rows
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<Vec<String>, _>>()?;
        if missing.is_empty() {
            Ok(())
        } else {
            Err(SourceError::MissingRoles { roles: missing }.into())
        }
    }

    /// The server the models are normalized on: the scratch server when one
    /// is configured, else `at` (the database the comparison is made
    /// against, so the versions cannot skew), else the project's database
    /// (a throwaway one when nothing is configured).
    pub(super) async fn normalization_server(
        &self,
        at: Option<&ConnectOptions>,
    ) -> Result<ConnectOptions, Error> {
        if let Some(s) = &self.config.scratch {
            return Ok(s.clone());
        }
        if let Some(a) = at {
            return Ok(a.clone());
        }
        self.database().await
    }

    /// Normalizes a desired schema (ignored tables left out) on `server`:
    /// the fast path, which creates no database (temporary objects in a
    /// transaction that is rolled back) and uses the project's cache.
    pub(super) async fn normalized(
        &self,
        server: &ConnectOptions,
        desired: Schema,
    ) -> Result<Schema, Error> {
        let desired = self.managed(desired);
        validate_schema(&desired)?;
        self.normalized_valid(server, desired).await
    }

    /// `desired` without the ignored tables.
    fn managed(&self, mut desired: Schema) -> Schema {
        desired
            .tables
            .retain(|t| !self.config.is_ignored(&t.schema, &t.name));
        desired
    }

    /// [`Self::normalized`] of a schema already left without its ignored
    /// tables and checked by [`validate_schema`].
    async fn normalized_valid(
        &self,
        server: &ConnectOptions,
        desired: Schema,
    ) -> Result<Schema, Error> {
        let client = connect(server).await?;
        let mut cache = self.cache.lock().await;
        let (schema, stats) = normalize_on(&client, &desired, &mut cache).await?;
        let mut schema = crate::normalize::normalize_definitions(
            self.config.scratch.as_ref().unwrap_or(server),
            &client,
            &desired,
            schema,
            &mut cache,
        )
        .await?;
        // `ignore_kinds`: what the definitions create of those kinds too.
        schema.objects.retain(|o| !self.config.ignores_object(o));
        self.report(&super::Progress::Normalized { stats });
        Ok(schema)
    }

    /// Gives `desired` the current side's text of the expressions that
    /// differ only in how PostgreSQL prints them
    /// ([`crate::normalize::reconcile`]), asking `server`.
    /// `server`: the one to ask, else the normalization server (found
    /// only when an expression differs).
    pub(super) async fn reconciled(
        &self,
        server: Option<&ConnectOptions>,
        current: &Schema,
        desired: &mut Schema,
    ) -> Result<(), Error> {
        if !crate::normalize::differs_in_expressions(current, desired) {
            return Ok(());
        }
        // Both sides' texts go into probe tables: each must be one
        // expression on PostgreSQL's parser (a side read from a JSON file
        // is text like any other).
        validate_expressions(current)?;
        validate_expressions(desired)?;
        let server = match server {
            Some(s) => s.clone(),
            None => self.normalization_server(None).await?,
        };
        let client = connect(&server).await?;
        let mut cache = self.cache.lock().await;
        crate::normalize::reconcile(&client, current, desired, &mut cache).await?;
        Ok(())
    }

    /// Restores `prefix` (the schema of the state `at`) in a fresh scratch
    /// database, records `at` as applied, runs the migrations from there to
    /// `goal`, and reads the result.
    pub(super) async fn replayed_from(
        &self,
        scratch: &mut Scratch,
        history: &History,
        prefix: &Schema,
        at: &Target,
        goal: &Target,
        schemas: &[String],
    ) -> Result<Schema, Error> {
        let conn = scratch.create(self).await?.options().clone();
        let client = connect(&conn).await?;
        crate::normalize::apply_schema(
            &client,
            prefix,
            &strata_model::ddl::create::DdlOptions::plain(),
        )
        .await?;
        drop(client);
        let runner = Runner::new(
            history,
            conn.clone(),
            self.config.version_table.clone(),
            RunOptions::default(),
        );
        runner.stamp(at, false).await?;
        let mut quiet = |_: &crate::runner::Event<'_>| {};
        runner.upgrade(goal, &mut quiet).await?;
        self.read_database(&conn, schemas).await
    }

    /// Replays the history up to `goal` into a fresh scratch database and
    /// reads the result.
    pub(super) async fn replayed(
        &self,
        scratch: &mut Scratch,
        history: &History,
        goal: &Target,
        schemas: &[String],
    ) -> Result<Schema, Error> {
        let conn = scratch.create(self).await?.options().clone();
        let runner = Runner::new(
            history,
            conn.clone(),
            self.config.version_table.clone(),
            RunOptions::default(),
        );
        let mut quiet = |_: &crate::runner::Event<'_>| {};
        runner
            .upgrade(goal, &mut quiet)
            .await
            .map_err(|e| SourceError::Replay {
                dir: history.dir().to_path_buf(),
                source: Box::new(e),
            })?;
        self.read_database(&conn, schemas).await
    }

    /// Loads one side of a comparison; `other` is the other side when it is
    /// already loaded (a database side reads its schemas too).
    pub(super) async fn load(
        &self,
        scratch: &mut Scratch,
        source: &Source,
        other: Option<&Schema>,
        at: Option<&ConnectOptions>,
    ) -> Result<Schema, Error> {
        match source {
            Source::Url(conn) => {
                let schemas = self.schemas_for(other);
                self.read_database(conn, &schemas).await
            }
            Source::Database => {
                let conn = self.database().await?;
                let schemas = self.schemas_for(other);
                self.read_database(&conn, &schemas).await
            }
            Source::Models => {
                let m = self.models().await?;
                let server = self.normalization_server(at).await?;
                self.normalized(&server, m).await
            }
            Source::Json(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| SourceError::Read {
                    path: path.clone(),
                    source: e,
                })?;
                let s =
                    Schema::from_json(without_bom(&text)).map_err(|e| SourceError::JsonFile {
                        path: path.clone(),
                        source: e,
                    })?;
                self.within_schemas(&s, &path.display().to_string())?;
                // Checked before any server is asked, naming the file.
                let s = self.managed(s);
                validate_schema(&s).map_err(|e| SourceError::JsonRejected {
                    path: path.clone(),
                    source: Box::new(e),
                })?;
                let server = self.normalization_server(at).await?;
                self.normalized_valid(&server, s).await
            }
            Source::Migrations => {
                let history = History::load(&self.config.migrations_dir)?;
                let schemas = self.schemas_for(other);
                let heads = Target::parse("heads")?;
                self.replayed(scratch, &history, &heads, &schemas).await
            }
            Source::Sql(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| SourceError::Read {
                    path: path.clone(),
                    source: e,
                })?;
                let text = without_bom(&text);
                // PostgreSQL's parser first: a syntax error names the file,
                // line and column, and nothing runs.
                crate::sql::parse_statements(text).map_err(|e| SourceError::SqlSyntax {
                    path: path.clone(),
                    line: e.line,
                    column: e.column,
                    message: e.message,
                })?;
                let conn = scratch.create(self).await?.options().clone();
                let client = connect(&conn).await?;
                client
                    .batch_execute(text)
                    .await
                    .map_err(|e| SourceError::SqlFile {
                        path: path.clone(),
                        source: e.into(),
                    })?;
                drop(client);
                let schemas = self.schemas_for(other);
                self.read_database(&conn, &schemas).await
            }
            // Empty in the configured schemas (public when none are): the
            // other side reads those, and nothing outside them is dropped.
            Source::Empty => Ok(Schema {
                schemas: if self.config.schemas.is_empty() {
                    vec!["public".to_string()]
                } else {
                    self.config.schemas.clone()
                },
                ..Schema::empty()
            }),
        }
    }
}

/// `text` without a leading UTF-8 byte-order mark (some editors write one;
/// it is neither SQL nor JSON).
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// `"schema"."table"`, as `exclude_tables` accepts it.
fn quoted_name(schema: &str, table: &str) -> String {
    Qualified(schema, table).to_string()
}

/// Runs the models command and reads its JSON.
async fn run_models(cmd: &ModelsCommand) -> Result<Schema, Error> {
    let mut command = match &cmd.command {
        CommandSpec::Shell(s) => {
            let mut c = tokio::process::Command::new("sh");
            c.arg("-c").arg(s);
            c
        }
        CommandSpec::Argv(v) => {
            let Some((program, args)) = v.split_first() else {
                return Err(SourceError::EmptyModelsCommand.into());
            };
            let mut c = tokio::process::Command::new(program);
            c.args(args);
            c
        }
    };
    command
        .current_dir(&cmd.dir)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    let output = command
        .output()
        .await
        .map_err(|e| SourceError::ModelsCommandStart {
            command: cmd.command.to_string(),
            dir: cmd.dir.clone(),
            source: e,
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(SourceError::ModelsCommandFailed {
            command: cmd.command.to_string(),
            status: output.status.to_string(),
            stderr: tail.join("\n"),
        }
        .into());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Schema::from_json(without_bom(&text)).map_err(|e| {
        SourceError::ModelsCommandOutput {
            command: cmd.command.to_string(),
            source: e,
        }
        .into()
    })
}

/// The target that reaches `state` (its heads), for replays.
pub(super) fn target_of(history: &History, state: &State) -> Result<Target, Error> {
    let heads = history.state_heads(state);
    match heads.as_slice() {
        [] => Target::parse("base"),
        [one] => Target::parse(one),
        _ => {
            let all: State = history
                .migrations()
                .iter()
                .map(|m| m.revision.clone())
                .collect();
            if &all == state {
                Target::parse("heads")
            } else {
                Err(HistoryError::ReplaySeveralHeads { heads }.into())
            }
        }
    }
}

/// Checks every expression of `schema` that is SQL text (defaults, CHECKs,
/// index expressions and predicates) with [`crate::sql::validate_expression`]
/// before any SQL is built from it: a model or JSON file cannot smuggle in
/// statements.
pub(crate) fn validate_expressions(schema: &Schema) -> Result<(), SourceError> {
    // Each distinct expression is parsed once: models repeat their
    // defaults and checks across tables, and a parse is the costly part of
    // a large `check` (thousands of them at 1,000 tables).
    let mut valid: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut expression = |x| -> Result<(), String> {
        if !valid.contains(x) {
            crate::sql::validate_expression(x)?;
            valid.insert(x);
        }
        Ok(())
    };
    for t in &schema.tables {
        let bad = |what: &'static str, name: &str, reason: String| -> SourceError {
            SourceError::BadExpression {
                table: format!("{}.{}", t.schema, t.name),
                what,
                name: name.to_string(),
                reason,
            }
        };
        for c in &t.columns {
            if let Some(d) = &c.default {
                expression(d).map_err(|r| bad("the default of column", &c.name, r))?;
            }
            if let Some(g) = &c.generated {
                expression(g)
                    .map_err(|r| bad("the generation expression of column", &c.name, r))?;
            }
        }
        for (column, default) in &t.local_defaults {
            if let Some(d) = default {
                expression(d).map_err(|r| bad("the own default of inherited column", column, r))?;
            }
        }
        if let Some(k) = &t.partition_by {
            crate::sql::validate_clause("CREATE TABLE strata_check (x int) PARTITION BY ", k, "")
                .map_err(|r| bad("the partition key", &t.name, r))?;
        }
        if let Some(p) = &t.partition_of {
            crate::sql::validate_clause(
                "CREATE TABLE strata_check PARTITION OF strata_parent ",
                &p.bound,
                "",
            )
            .map_err(|r| bad("the partition bound", &t.name, r))?;
        }
        for c in &t.checks {
            expression(&c.expression).map_err(|r| bad("CHECK", &c.name, r))?;
        }
        for i in &t.indexes {
            for e in &i.elements {
                if let strata::schema::IndexKey::Expression(x) = &e.key {
                    expression(x).map_err(|r| bad("index", &i.name, r))?;
                }
            }
            if let Some(p) = &i.predicate {
                expression(p).map_err(|r| bad("the predicate of index", &i.name, r))?;
            }
        }
    }
    Ok(())
}

/// [`validate_expressions`], and every object's SQL text with
/// [`crate::plan::validate_object`]: what a model or JSON schema gives
/// before a plan is built from it.
pub(crate) fn validate_schema(schema: &Schema) -> Result<(), SourceError> {
    validate_expressions(schema)?;
    for o in &schema.objects {
        let bad = |what: &'static str, reason: String| -> SourceError {
            SourceError::BadExpression {
                table: format!("{}.{}", o.schema, o.name),
                what,
                name: o.kind.as_str().to_string(),
                reason,
            }
        };
        crate::plan::validate_object(o).map_err(|r| bad("the SQL of", r))?;
    }
    Ok(())
}
