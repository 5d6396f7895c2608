//! The examples of macros/docs/attributes.md, compiled.
use strata::{PgEnum, Table, View};

mod intro {
    use super::*;

    #[derive(PgEnum, Debug)]
    #[pg_enum(schema = "app")]
    pub enum JobState { Queued, InProgress, Done }

    #[derive(Table)]
    #[table(name = "jobs", schema = "app")]
    #[table(index(columns(state, created_at desc)))]
    #[table(index(columns(idempotency_key), name = "jobs_idempotency_key_key", unique,
                  where = "idempotency_key IS NOT NULL"))]
    pub struct Job {
        #[column(primary_key, identity = "always")]
        pub id: i64,
        pub state: JobState,
        #[column(sql_type = "timestamptz", default = "now()")]
        pub created_at: chrono::DateTime<chrono::Utc>,
        pub idempotency_key: Option<String>,
        #[column(references = "users(id)", on_delete = "set null", index)]
        pub owner_id: Option<i64>,
    }
}

mod index_and_foreign_key {
    use super::*;

    #[derive(Table)]
    #[table(index(
        columns(status, created_at desc nulls_last, "lower(title)" desc, slug opclass = "text_pattern_ops"),
        name = "jobs_listing_idx",
        unique,
        method = "btree",
        where = "deleted_at IS NULL",
        include(owner_id),
        nulls = "not_distinct",
        with(fillfactor = 70, deduplicate_items = false),
        comment = "the listing page",
    ))]
    #[table(foreign_key(
        columns(owner_id, team_id),
        references = "app.members(user_id, team_id)",
        on_delete = "cascade",
        on_update = "no action",
        deferrable = "initially_deferred",
        match = "full",
        name = "jobs_member_fkey",
        comment = "the member who owns the job",
    ))]
    pub struct Job {
        #[column(primary_key)]
        pub id: i64,
        pub status: String,
        pub created_at: String,
        pub title: String,
        pub slug: String,
        pub deleted_at: Option<String>,
        pub owner_id: i64,
        pub team_id: i64,
    }
}

mod storage_and_sequences {
    use super::*;

    #[derive(Table)]
    #[table(index(columns(tags), method = "gin", with(fastupdate = false, gin_pending_list_limit = 128)))]
    #[table(index(columns(created_at), method = "brin", with(pages_per_range = 16, autosummarize = true)))]
    pub struct Event {
        #[column(primary_key, identity = "always", sequence(start = 1000, increment = 10, max = 1000000, cache = 20))]
        pub id: i64,
        #[column(sql_type = "serial", sequence(start = 50, increment = -1, min = 1, max = 50))]
        pub countdown: i32,
        #[column(identity = "by_default", sequence(max = 3, cycle))]
        pub round: i16,
        pub tags: Vec<String>,
        pub created_at: i64,
    }
}

mod generated_and_collation {
    use super::*;

    #[derive(Table)]
    pub struct Note {
        #[column(primary_key)]
        pub id: i64,
        #[column(collation = "C")]
        pub title: String,
        #[column(generated = "lower(title)")]
        pub title_key: String,        // computed by PostgreSQL, read back on insert
        pub price: i64,
        pub qty: i32,
        #[column(generated = "price * qty")]
        pub total: i64,
    }
}

mod pg_enum {
    use super::*;

    #[derive(PgEnum, Clone, Copy, Debug, PartialEq, Eq)]
    #[pg_enum(name = "job_mood", schema = "app", rename_all = "UPPERCASE", comment = "How it went")]
    pub enum Mood {
        Happy,                       // label "HAPPY"
        #[pg_enum(rename = "blue")]
        Sad,                         // label "blue"
    }
}

mod partitioning {
    use super::*;

    #[derive(Table)]
    #[table(name = "events", partition_by = "range (day)", primary_key(id, day))]
    #[table(partition(name = "events_2024", values = "FROM ('2024-01-01') TO ('2025-01-01')"))]
    #[table(partition(name = "events_2025", values = "FROM ('2025-01-01') TO ('2026-01-01')"))]
    #[table(partition(name = "events_other", default))]
    pub struct Event {
        pub id: i64,
        pub day: chrono::NaiveDate,
        pub kind: String,
    }

    #[derive(Table)]
    #[table(name = "readings", partition_by = "hash (sensor)", primary_key(sensor, at))]
    #[table(partition(name = "readings_0", values = "WITH (MODULUS 2, REMAINDER 0)"))]
    #[table(partition(name = "readings_1", values = "WITH (MODULUS 2, REMAINDER 1)"))]
    pub struct Reading { pub sensor: i32, pub at: i64, pub value: f64 }
}

mod exclusion {
    use super::*;

    #[derive(Table)]
    #[table(name = "bookings")]
    #[table(exclude(
        name = "bookings_no_overlap",
        method = "gist",
        elements = "room_id WITH =, during WITH &&",
        where = "NOT cancelled",
        deferrable = "initially_deferred",
    ))]
    pub struct Booking {
        #[column(primary_key)]
        pub id: i64,
        pub room_id: i32,
        #[column(sql_type = "tstzrange")]
        pub during: String,
        pub cancelled: bool,
    }
}

mod row_security {
    use super::*;

    #[derive(Table)]
    #[table(name = "documents", row_level_security(force))]
    #[table(policy(name = "own rows", for = "select", to = "app_user", using = "owner = current_user"))]
    #[table(policy(name = "own inserts", for = "insert", to = "app_user", with_check = "owner = current_user"))]
    #[table(policy(name = "no secrets", restrictive, using = "NOT secret"))]
    #[table(grant(privileges = "select, insert", to = "app_user"))]
    #[table(grant(privileges = "update", columns(title), to = "app_user, auditor"))]
    pub struct Document {
        #[column(primary_key)]
        pub id: i64,
        pub owner: String,
        pub title: String,
        pub secret: bool,
    }
}

mod view {
    use super::*;

    #[derive(View, Debug)]
    #[view(
        schema = "app",
        name = "active_jobs",
        sql = "SELECT id, status, attempts * 2 FROM app.jobs WHERE status <> 'done'"
    )]
    pub struct ActiveJob {
        pub id: i64,
        pub status: String,
        #[view(rename = "doubled_attempts")]
        pub doubled: i32,
    }

    pub async fn busy<E: strata::Executor>(db: &E) -> strata::Result<Vec<ActiveJob>> {
        db.select::<ActiveJob>().filter(|c| c.doubled.gt(2)).all().await
    }
}

fn main() {
    use strata::PgType;
    let labels = <pg_enum::Mood as PgType>::enum_type().map(|e| e.labels);
    assert_eq!(labels, Some(vec!["HAPPY".to_string(), "blue".to_string()]));
    let def = <index_and_foreign_key::Job as Table>::definition();
    assert_eq!(def.indexes[0].name, "jobs_listing_idx");
    assert_eq!(def.foreign_keys[0].name, "jobs_member_fkey");
    assert!(def.foreign_keys[0].match_full);
    assert_eq!(def.indexes[0].with, ["fillfactor=70", "deduplicate_items=false"]);
    assert_eq!(<generated_and_collation::Note as Table>::COLUMNS.iter().filter(|c| c.generated).count(), 2);
    let events = <storage_and_sequences::Event as Table>::definition();
    assert_eq!(events.indexes.len(), 2);
    assert_eq!(events.columns[0].sequence.as_ref().and_then(|o| o.start), Some(1000));
    assert_eq!(<intro::Job as Table>::definition().indexes.len(), 3);
    let _ = (intro::JobState::Queued, intro::JobState::InProgress, intro::JobState::Done);
    let _ = (pg_enum::Mood::Happy, pg_enum::Mood::Sad);
    assert_eq!(<partitioning::Event as Table>::partitions().len(), 3);
    assert_eq!(<partitioning::Reading as Table>::definition().partition_by.as_deref(), Some("HASH (sensor)"));
    assert_eq!(<exclusion::Booking as Table>::definitions().len(), 1);
    assert_eq!(<row_security::Document as Table>::definitions().len(), 6);
    assert!(<view::ActiveJob as View>::definition().sql.starts_with("CREATE VIEW app.active_jobs (id, status, doubled_attempts) AS SELECT"));
    let _ = view::busy::<strata::Session>;
}
