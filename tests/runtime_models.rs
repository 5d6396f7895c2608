//! Models of the runtime tests (and of the `ui/query` trybuild cases), with
//! the SQL that creates their tables.
//!
//! The tables are the DGS legacy tables (`dgs_jobs`, `dgs_lessons`,
//! `llm_call_audit`, exactly as `/work/shared/dgs/LEGACY_SCHEMA.md` gives
//! them), a table with a column of every supported type, a composite-key
//! table, an identity-key table with defaults, and a table whose schema,
//! table and column names all need quoting.
//!
//! The `Table` impls are written out by `model!` below, a stand-in for
//! `#[derive(Table)]` until the derive lands on main: it produces what the
//! derive's contract (`strata::table`) asks for and nothing more.

use std::net::IpAddr;

use serde_json::Value;
use strata::schema;
use strata::{Column, Composite};

/// Whether a field type is nullable in SQL (`Option<_>`).
pub trait Nullable {
    /// True for `Option<_>`.
    const NULLABLE: bool;
}
impl<T> Nullable for Option<T> {
    const NULLABLE: bool = true;
}
macro_rules! not_null {
    ($($t:ty),*) => {$(impl Nullable for $t { const NULLABLE: bool = false; })*};
}
not_null!(
    String,
    i16,
    i32,
    i64,
    f32,
    f64,
    bool,
    Vec<u8>,
    Vec<i32>,
    Vec<i64>,
    Vec<f64>,
    Vec<String>,
    Value,
    IpAddr,
    chrono::DateTime<chrono::Utc>,
    chrono::NaiveDate,
    chrono::NaiveDateTime,
    chrono::NaiveTime,
    time::OffsetDateTime,
    time::Date,
    uuid::Uuid,
    rust_decimal::Decimal
);

/// True when `list` holds `x` (usable in constants).
pub const fn contains(list: &[usize], x: usize) -> bool {
    let mut i = 0;
    while i < list.len() {
        if list[i] == x {
            return true;
        }
        i += 1;
    }
    false
}

/// Writes a model struct, its `<Model>Columns` handles and its
/// `impl strata::Table` (the derive's output, by hand).
macro_rules! model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident ($cols:ident) in $schema:literal . $table:literal,
            key $keyty:ty = |$s:ident| $keyexpr:expr, [$($key:ident),*]
        {
            $( $field:ident : $ty:ty = $col:literal $([$gen:ident])? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $(#[allow(missing_docs)] pub $field: $ty,)*
        }

        #[doc = concat!("Column handles of [`", stringify!($name), "`].")]
        #[derive(Debug)]
        pub struct $cols {
            $(#[allow(missing_docs)] pub $field: Column<$name, $ty>,)*
        }

        const _: () = {
            #[allow(non_camel_case_types, dead_code)]
            enum Idx { $($field),* }
            const KEY: &[usize] = &[$(Idx::$key as usize),*];

            impl strata::Table for $name {
                type Columns = $cols;
                type Key = $keyty;
                const SCHEMA: &'static str = $schema;
                const NAME: &'static str = $table;
                const COLUMNS: &'static [strata::ColumnInfo] = &[$(
                    strata::ColumnInfo {
                        name: $col,
                        field: stringify!($field),
                        rust_type: stringify!($ty),
                        generated: model!(@gen $($gen)?),
                        primary_key: $crate::runtime_models::contains(KEY, Idx::$field as usize),
                    },
                )*];
                const PRIMARY_KEY: &'static [usize] = KEY;

                fn columns() -> &'static $cols {
                    static COLUMNS: $cols = $cols {
                        $($field: Column::new($col, Idx::$field as usize),)*
                    };
                    &COLUMNS
                }

                fn definition() -> schema::Table {
                    let mut t = schema::Table::new($schema, $table);
                    $(
                        let mut c = schema::Column::new(
                            $col,
                            <$ty as strata::PgType>::sql_type(),
                            <$ty as $crate::runtime_models::Nullable>::NULLABLE,
                        );
                        if model!(@gen $($gen)?) {
                            c.identity = Some(schema::Identity::ByDefault);
                        }
                        t.columns.push(c);
                    )*
                    let key: Vec<String> = vec![$(Self::COLUMNS[Idx::$key as usize].name.to_string()),*];
                    if !key.is_empty() {
                        t.primary_key = Some(schema::PrimaryKey {
                            name: schema::default_pkey_name($table),
                            columns: key,
                        });
                    }
                    t
                }

                fn decode(
                    row: &strata::Row,
                    positions: &[usize],
                ) -> Result<Self, strata::Error> {
                    Ok($name {
                        $($field: {
                            let Some(&pos) = positions.get(Idx::$field as usize) else {
                                return Err(strata::Error::new(
                                    strata::ErrorKind::Invalid,
                                    concat!("no position given for column ", $col),
                                ));
                            };
                            strata::__private::decode_column::<$ty>(
                                row,
                                pos,
                                $table,
                                $col,
                                stringify!($ty),
                            )?
                        },)*
                    })
                }

                fn param(&self, i: usize) -> &(dyn strata::ToSql + Sync) {
                    $(if i == Idx::$field as usize {
                        return &self.$field;
                    })*
                    &strata::table::NULL_PARAM
                }

                fn key(&self) -> $keyty {
                    let $s = self;
                    $keyexpr
                }
            }
        };
    };
    (@gen generated) => { true };
    (@gen) => { false };
}

model! {
    /// A row of `dgs_jobs` (the DGS legacy table).
    pub struct Job (JobColumns) in "public"."dgs_jobs",
        key String = |s| s.job_id.clone(), [job_id]
    {
        job_id: String = "job_id",
        request: Value = "request",
        status: String = "status",
        phase: String = "phase",
        subphase: Option<String> = "subphase",
        created_at: String = "created_at",
        updated_at: Option<String> = "updated_at",
        started_at: Option<String> = "started_at",
        finished_at: Option<String> = "finished_at",
        total_steps: Option<i32> = "total_steps",
        completed_steps: Option<i32> = "completed_steps",
        progress: Option<f64> = "progress",
        message: Option<String> = "message",
        events: Value = "events",
        artifacts: Value = "artifacts",
        result: Option<Value> = "result",
        error: Option<Value> = "error",
        cost_usd: Option<rust_decimal::Decimal> = "cost_usd",
        lesson_id: Option<String> = "lesson_id",
        idempotency_key: Option<String> = "idempotency_key",
        attempts: i32 = "attempts",
        cancel_requested: bool = "cancel_requested",
    }
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

model! {
    /// A row of `dgs_lessons` (the DGS legacy table).
    pub struct Lesson (LessonColumns) in "public"."dgs_lessons",
        key String = |s| s.lesson_id.clone(), [lesson_id]
    {
        lesson_id: String = "lesson_id",
        topic: String = "topic",
        title: String = "title",
        tags: Vec<String> = "tags",
        age_range: Option<String> = "age_range",
        language: String = "language",
        lesson: Value = "lesson",
        job_id: Option<String> = "job_id",
        version: i32 = "version",
        created_at: String = "created_at",
        updated_at: Option<String> = "updated_at",
    }
}

model! {
    /// A row of `llm_call_audit` (the DGS legacy table).
    pub struct Audit (AuditColumns) in "public"."llm_call_audit",
        key String = |s| s.id.clone(), [id]
    {
        id: String = "id",
        timestamp_request: chrono::DateTime<chrono::Utc> = "timestamp_request",
        timestamp_response: Option<chrono::DateTime<chrono::Utc>> = "timestamp_response",
        duration_ms: Option<i32> = "duration_ms",
        job_id: Option<String> = "job_id",
        phase: Option<String> = "phase",
        agent: Option<String> = "agent",
        provider: String = "provider",
        model: String = "model",
        request_messages: Value = "request_messages",
        request_params: Option<Value> = "request_params",
        response_content: Option<String> = "response_content",
        response_raw: Option<Value> = "response_raw",
        prompt_tokens: Option<i32> = "prompt_tokens",
        completion_tokens: Option<i32> = "completion_tokens",
        total_tokens: Option<i32> = "total_tokens",
        cost_usd: Option<rust_decimal::Decimal> = "cost_usd",
        status: String = "status",
        error_message: Option<String> = "error_message",
        request_hash: Option<String> = "request_hash",
    }
}

model! {
    /// One column of every supported type (and a nullable twin of most).
    pub struct AllTypes (AllTypesColumns) in "public"."all_types",
        key i64 = |s| s.id, [id]
    {
        id: i64 = "id" [generated],
        small: i16 = "small",
        int: i32 = "int",
        big: i64 = "big",
        real: f32 = "real",
        double: f64 = "double",
        flag: bool = "flag",
        text: String = "text",
        bytes: Vec<u8> = "bytes",
        doc: Value = "doc",
        ip: IpAddr = "ip",
        ints: Vec<i32> = "ints",
        bigs: Vec<i64> = "bigs",
        doubles: Vec<f64> = "doubles",
        texts: Vec<String> = "texts",
        maybe_int: Option<i32> = "maybe_int",
        maybe_text: Option<String> = "maybe_text",
        maybe_doc: Option<Value> = "maybe_doc",
        maybe_texts: Option<Vec<String>> = "maybe_texts",
        at: chrono::DateTime<chrono::Utc> = "at",
        day: chrono::NaiveDate = "day",
        local: chrono::NaiveDateTime = "local",
        clock: chrono::NaiveTime = "clock",
        t_at: time::OffsetDateTime = "t_at",
        t_day: time::Date = "t_day",
        uid: uuid::Uuid = "uid",
        maybe_uid: Option<uuid::Uuid> = "maybe_uid",
        amount: rust_decimal::Decimal = "amount",
        maybe_amount: Option<rust_decimal::Decimal> = "maybe_amount",
    }
}

model! {
    /// A composite primary key: (org_id, user_name).
    pub struct Member (MemberColumns) in "public"."members",
        key Composite<(i32, String)> = |s| Composite((s.org_id, s.user_name.clone())), [org_id, user_name]
    {
        org_id: i32 = "org_id",
        user_name: String = "user_name",
        role: String = "role",
        joined: i32 = "joined",
    }
}

model! {
    /// An identity key and columns with database defaults.
    pub struct Counter (CounterColumns) in "public"."counters",
        key i64 = |s| s.id, [id]
    {
        id: i64 = "id" [generated],
        name: String = "name",
        hits: i64 = "hits",
        note: Option<String> = "note",
    }
}

model! {
    /// Names that all need quoting: a schema and table with capitals and a
    /// space, reserved words, a quote character.
    pub struct Odd (OddColumns) in "My Schema"."User Table",
        key i32 = |s| s.order, [order]
    {
        order: i32 = "order",
        select: String = "Select",
        with_space: Option<String> = "with space",
        quote: String = "quo\"te",
    }
}

model! {
    /// A table without a primary key.
    pub struct Event (EventColumns) in "public"."events",
        key i32 = |s| s.n, []
    {
        n: i32 = "n",
        what: String = "what",
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
    pub db: strata::testing::TestDb,
}

impl Fixture {
    /// Creates the database and the tables.
    pub async fn new() -> Fixture {
        Fixture::with_pool_size(10).await
    }

    /// Like [`Fixture::new`], with a pool of `size` connections.
    pub async fn with_pool_size(size: usize) -> Fixture {
        use strata::Executor;
        let db = strata::testing::TestDb::new()
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
