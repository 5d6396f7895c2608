//! Models of the runtime tests (and of the `ui/query` trybuild cases), with
//! the SQL that creates their tables.
//!
//! The tables are the DGS legacy tables (`dgs_jobs`, `dgs_lessons`,
//! `llm_call_audit`, exactly as `/work/shared/dgs/LEGACY_SCHEMA.md` gives
//! them), a table with a column of every supported type, a composite-key
//! table, an identity-key table with defaults, and a table whose schema,
//! table and column names all need quoting.
//!
//! The models use `#[derive(Table)]`, except [`Event`] (a table without a
//! primary key, which the derive refuses), whose `Table` impl is written out.

use std::net::IpAddr;

use serde_json::Value;
use strata::Table;

/// A row of `dgs_jobs` (the DGS legacy table).
#[derive(Table, Clone, Debug, PartialEq)]
#[table(name = "dgs_jobs")]
#[table(index(columns(status, created_at desc)))]
#[table(index(
    columns(idempotency_key),
    name = "dgs_jobs_idempotency_key_key",
    unique,
    where = "idempotency_key IS NOT NULL"
))]
#[allow(missing_docs)]
pub struct Job {
    #[column(primary_key)]
    pub job_id: String,
    pub request: Value,
    pub status: String,
    pub phase: String,
    pub subphase: Option<String>,
    pub created_at: String,
    pub updated_at: Option<String>,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    pub total_steps: Option<i32>,
    pub completed_steps: Option<i32>,
    pub progress: Option<f64>,
    pub message: Option<String>,
    #[column(default = "'[]'::jsonb")]
    pub events: Value,
    #[column(default = "'{}'::jsonb")]
    pub artifacts: Value,
    pub result: Option<Value>,
    pub error: Option<Value>,
    #[column(sql_type = "numeric(12,6)")]
    pub cost_usd: Option<rust_decimal::Decimal>,
    pub lesson_id: Option<String>,
    pub idempotency_key: Option<String>,
    #[column(default = "0")]
    pub attempts: i32,
    #[column(default = "false")]
    pub cancel_requested: bool,
}

impl Job {
    /// A queued job with the given id, created at `created_at`.
    pub fn queued(job_id: &str, created_at: &str) -> Job {
        Job {
            job_id: job_id.to_string(),
            request: serde_json::json!({"topic": "fractions", "age": [8, 10]}),
            status: "queued".to_string(),
            phase: "pending".to_string(),
            subphase: None,
            created_at: created_at.to_string(),
            updated_at: None,
            started_at: None,
            finished_at: None,
            total_steps: Some(5),
            completed_steps: Some(0),
            progress: Some(0.0),
            message: None,
            events: serde_json::json!([]),
            artifacts: serde_json::json!({}),
            result: None,
            error: None,
            cost_usd: None,
            lesson_id: None,
            idempotency_key: None,
            attempts: 0,
            cancel_requested: false,
        }
    }
}

/// A row of `dgs_lessons` (the DGS legacy table).
#[derive(Table, Clone, Debug, PartialEq)]
#[table(name = "dgs_lessons")]
#[table(index(columns(tags), method = "gin"))]
#[allow(missing_docs)]
pub struct Lesson {
    #[column(primary_key)]
    pub lesson_id: String,
    #[column(index)]
    pub topic: String,
    pub title: String,
    #[column(default = "'{}'::text[]")]
    pub tags: Vec<String>,
    pub age_range: Option<String>,
    #[column(default = "'en'")]
    pub language: String,
    pub lesson: Value,
    #[column(references = "dgs_jobs(job_id)", on_delete = "set null", index)]
    pub job_id: Option<String>,
    #[column(default = "1")]
    pub version: i32,
    pub created_at: String,
    pub updated_at: Option<String>,
}

/// A row of `llm_call_audit` (the DGS legacy table).
#[derive(Table, Clone, Debug, PartialEq)]
#[table(name = "llm_call_audit")]
#[table(index(columns(timestamp_request desc)))]
#[allow(missing_docs)]
pub struct Audit {
    #[column(primary_key)]
    pub id: String,
    pub timestamp_request: chrono::DateTime<chrono::Utc>,
    pub timestamp_response: Option<chrono::DateTime<chrono::Utc>>,
    pub duration_ms: Option<i32>,
    #[column(index)]
    pub job_id: Option<String>,
    pub phase: Option<String>,
    pub agent: Option<String>,
    pub provider: String,
    pub model: String,
    pub request_messages: Value,
    pub request_params: Option<Value>,
    pub response_content: Option<String>,
    pub response_raw: Option<Value>,
    pub prompt_tokens: Option<i32>,
    pub completion_tokens: Option<i32>,
    pub total_tokens: Option<i32>,
    #[column(sql_type = "numeric(12,6)")]
    pub cost_usd: Option<rust_decimal::Decimal>,
    #[column(default = "'ok'", check = "status IN ('ok', 'error', 'timeout')")]
    pub status: String,
    pub error_message: Option<String>,
    pub request_hash: Option<String>,
}

/// One column of every supported type (and a nullable twin of most).
#[derive(Table, Clone, Debug, PartialEq)]
#[table(name = "all_types")]
#[allow(missing_docs)]
pub struct AllTypes {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    pub small: i16,
    pub int: i32,
    pub big: i64,
    pub real: f32,
    pub double: f64,
    pub flag: bool,
    pub text: String,
    pub bytes: Vec<u8>,
    pub doc: Value,
    pub ip: IpAddr,
    pub ints: Vec<i32>,
    pub bigs: Vec<i64>,
    pub doubles: Vec<f64>,
    pub texts: Vec<String>,
    pub maybe_int: Option<i32>,
    pub maybe_text: Option<String>,
    pub maybe_doc: Option<Value>,
    pub maybe_texts: Option<Vec<String>>,
    pub at: chrono::DateTime<chrono::Utc>,
    pub day: chrono::NaiveDate,
    pub local: chrono::NaiveDateTime,
    pub clock: chrono::NaiveTime,
    pub t_at: time::OffsetDateTime,
    pub t_day: time::Date,
    pub uid: uuid::Uuid,
    pub maybe_uid: Option<uuid::Uuid>,
    pub amount: rust_decimal::Decimal,
    #[column(sql_type = "numeric(12,6)")]
    pub maybe_amount: Option<rust_decimal::Decimal>,
}

/// A composite primary key: (org_id, user_name).
#[derive(Table, Clone, Debug, PartialEq)]
#[table(name = "members", primary_key(org_id, user_name))]
#[allow(missing_docs)]
pub struct Member {
    pub org_id: i32,
    pub user_name: String,
    pub role: String,
    pub joined: i32,
}

/// An identity key and columns with database defaults.
#[derive(Table, Clone, Debug, PartialEq)]
#[table(name = "counters")]
#[allow(missing_docs)]
pub struct Counter {
    #[column(primary_key, identity = "by_default")]
    pub id: i64,
    #[column(default = "'anonymous'")]
    pub name: String,
    #[column(default = "0")]
    pub hits: i64,
    #[column(default = "'from default'")]
    pub note: Option<String>,
}

/// Names that all need quoting: a schema and table with capitals and a
/// space, reserved words, a quote character.
#[derive(Table, Clone, Debug, PartialEq)]
#[table(schema = "My Schema", name = "User Table")]
#[allow(missing_docs)]
pub struct Odd {
    #[column(primary_key)]
    pub order: i32,
    #[column(name = "Select")]
    pub select: String,
    #[column(name = "with space")]
    pub with_space: Option<String>,
    #[column(name = "quo\"te")]
    pub quote: String,
}

/// A table without a primary key. The derive refuses such a model, so this
/// one implements `Table` by hand (which the trait allows): keyed operations
/// on it must fail with a clear error.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub struct Event {
    pub n: i32,
    pub what: String,
}

/// Column handles of [`Event`].
#[derive(Debug)]
#[allow(missing_docs)]
pub struct EventColumns {
    pub n: strata::Column<Event, i32>,
    pub what: strata::Column<Event, String>,
}

impl strata::Table for Event {
    type Columns = EventColumns;
    type Key = i32;
    const SCHEMA: &'static str = "public";
    const NAME: &'static str = "events";
    const COLUMNS: &'static [strata::ColumnInfo] = &[
        strata::ColumnInfo {
            name: "n",
            field: "n",
            rust_type: "i32",
            generated: false,
            primary_key: false,
        },
        strata::ColumnInfo {
            name: "what",
            field: "what",
            rust_type: "String",
            generated: false,
            primary_key: false,
        },
    ];
    const PRIMARY_KEY: &'static [usize] = &[];

    fn columns() -> &'static EventColumns {
        static COLUMNS: EventColumns = EventColumns {
            n: strata::Column::new("n", 0),
            what: strata::Column::new("what", 1),
        };
        &COLUMNS
    }

    fn definition() -> strata::schema::Table {
        let mut t = strata::schema::Table::new("public", "events");
        t.columns.push(strata::schema::Column::new(
            "n",
            strata::schema::SqlType::Integer,
            false,
        ));
        t.columns.push(strata::schema::Column::new(
            "what",
            strata::schema::SqlType::Text,
            false,
        ));
        t
    }

    fn decode(row: &strata::Row, positions: &[usize]) -> Result<Event, strata::Error> {
        let (Some(&n), Some(&what)) = (positions.first(), positions.get(1)) else {
            return Err(strata::Error::new(
                strata::ErrorKind::Invalid,
                "events: two column positions needed",
            ));
        };
        Ok(Event {
            n: strata::__private::decode_column(row, n, "events", "n", "i32")?,
            what: strata::__private::decode_column(row, what, "events", "what", "String")?,
        })
    }

    fn param(&self, i: usize) -> &(dyn strata::ToSql + Sync) {
        match i {
            0 => &self.n,
            1 => &self.what,
            _ => &strata::table::NULL_PARAM,
        }
    }

    fn key(&self) -> i32 {
        self.n
    }
}

/// The DGS legacy tables, as `/work/shared/dgs/LEGACY_SCHEMA.md` specifies
/// them.
pub const DGS_SQL: &str = r#"
CREATE TABLE dgs_jobs (
    job_id text NOT NULL PRIMARY KEY,
    request jsonb NOT NULL,
    status text NOT NULL,
    phase text NOT NULL,
    subphase text,
    created_at text NOT NULL,
    updated_at text,
    started_at text,
    finished_at text,
    total_steps integer,
    completed_steps integer,
    progress double precision,
    message text,
    events jsonb NOT NULL DEFAULT '[]'::jsonb,
    artifacts jsonb NOT NULL DEFAULT '{}'::jsonb,
    result jsonb,
    error jsonb,
    cost_usd numeric(12,6),
    lesson_id text,
    idempotency_key text,
    attempts integer NOT NULL DEFAULT 0,
    cancel_requested boolean NOT NULL DEFAULT false
);
CREATE INDEX dgs_jobs_status_created_at_idx ON dgs_jobs (status, created_at DESC);
CREATE UNIQUE INDEX dgs_jobs_idempotency_key_key ON dgs_jobs (idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE TABLE dgs_lessons (
    lesson_id text NOT NULL PRIMARY KEY,
    topic text NOT NULL,
    title text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}'::text[],
    age_range text,
    language text NOT NULL DEFAULT 'en',
    lesson jsonb NOT NULL,
    job_id text REFERENCES dgs_jobs(job_id) ON DELETE SET NULL,
    version integer NOT NULL DEFAULT 1,
    created_at text NOT NULL,
    updated_at text
);
CREATE INDEX dgs_lessons_topic_idx ON dgs_lessons (topic);
CREATE INDEX dgs_lessons_tags_idx ON dgs_lessons USING gin (tags);
CREATE INDEX dgs_lessons_job_id_idx ON dgs_lessons (job_id);

CREATE TABLE llm_call_audit (
    id text NOT NULL PRIMARY KEY,
    timestamp_request timestamptz NOT NULL,
    timestamp_response timestamptz,
    duration_ms integer,
    job_id text,
    phase text,
    agent text,
    provider text NOT NULL,
    model text NOT NULL,
    request_messages jsonb NOT NULL,
    request_params jsonb,
    response_content text,
    response_raw jsonb,
    prompt_tokens integer,
    completion_tokens integer,
    total_tokens integer,
    cost_usd numeric(12,6),
    status text NOT NULL DEFAULT 'ok',
    error_message text,
    request_hash text,
    CONSTRAINT llm_call_audit_status_check CHECK (status IN ('ok', 'error', 'timeout'))
);
CREATE INDEX llm_call_audit_job_id_idx ON llm_call_audit (job_id);
CREATE INDEX llm_call_audit_timestamp_request_idx ON llm_call_audit (timestamp_request DESC);
"#;

/// The other test tables.
pub const OTHER_SQL: &str = r#"
CREATE TABLE all_types (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    small smallint NOT NULL,
    int integer NOT NULL,
    big bigint NOT NULL,
    real real NOT NULL,
    double double precision NOT NULL,
    flag boolean NOT NULL,
    text text NOT NULL,
    bytes bytea NOT NULL,
    doc jsonb NOT NULL,
    ip inet NOT NULL,
    ints integer[] NOT NULL,
    bigs bigint[] NOT NULL,
    doubles double precision[] NOT NULL,
    texts text[] NOT NULL,
    maybe_int integer,
    maybe_text text,
    maybe_doc jsonb,
    maybe_texts text[],
    at timestamptz NOT NULL,
    day date NOT NULL,
    local timestamp NOT NULL,
    clock time NOT NULL,
    t_at timestamptz NOT NULL,
    t_day date NOT NULL,
    uid uuid NOT NULL,
    maybe_uid uuid,
    amount numeric NOT NULL,
    maybe_amount numeric(12,6)
);

CREATE TABLE members (
    org_id integer NOT NULL,
    user_name text NOT NULL,
    role text NOT NULL,
    joined integer NOT NULL,
    PRIMARY KEY (org_id, user_name)
);

CREATE TABLE counters (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name text NOT NULL DEFAULT 'anonymous',
    hits bigint NOT NULL DEFAULT 0,
    note text DEFAULT 'from default'
);

CREATE SCHEMA "My Schema";
CREATE TABLE "My Schema"."User Table" (
    "order" integer PRIMARY KEY,
    "Select" text NOT NULL,
    "with space" text,
    "quo""te" text NOT NULL
);

CREATE TABLE events (
    n integer NOT NULL,
    what text NOT NULL
);
"#;

/// A fresh database holding every test table, and a pool on it.
pub struct Fixture {
    /// A pool of up to 10 connections to the database.
    pub pool: strata::Pool,
    /// The database (dropped last).
    pub db: strata_testing::TestDb,
}

impl Fixture {
    /// Creates the database and the tables.
    pub async fn new() -> Fixture {
        Fixture::with_pool_size(10).await
    }

    /// Like [`Fixture::new`], with a pool of `size` connections.
    pub async fn with_pool_size(size: usize) -> Fixture {
        use strata::Executor;
        let db = strata_testing::TestDb::new()
            .await
            .expect("create a test database");
        let pool = strata::Pool::builder(db.url())
            .expect("parse the test database URL")
            .max_size(size)
            .build()
            .expect("build the pool");
        {
            let session = pool.session().await.expect("connect");
            session
                .batch_execute(DGS_SQL)
                .await
                .expect("create the DGS tables");
            session
                .batch_execute(OTHER_SQL)
                .await
                .expect("create the other tables");
        }
        Fixture { pool, db }
    }

    /// A session of the pool.
    pub async fn session(&self) -> strata::Session {
        self.pool.session().await.expect("a pooled session")
    }
}
