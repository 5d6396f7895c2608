//! The examples of macros/docs/attributes.md, compiled.
use strata::{PgEnum, Table};

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

fn main() {
    use strata::PgType;
    let labels = <pg_enum::Mood as PgType>::enum_type().map(|e| e.labels);
    assert_eq!(labels, Some(vec!["HAPPY".to_string(), "blue".to_string()]));
    let def = <index_and_foreign_key::Job as Table>::definition();
    assert_eq!(def.indexes[0].name, "jobs_listing_idx");
    assert_eq!(def.foreign_keys[0].name, "jobs_member_fkey");
    assert!(def.foreign_keys[0].match_full);
    assert_eq!(def.indexes[0].with, ["deduplicate_items=false", "fillfactor=70"]);
    assert_eq!(<generated_and_collation::Note as Table>::COLUMNS.iter().filter(|c| c.generated).count(), 2);
    let events = <storage_and_sequences::Event as Table>::definition();
    assert_eq!(events.indexes.len(), 2);
    assert_eq!(events.columns[0].sequence.as_ref().and_then(|o| o.start), Some(1000));
    assert_eq!(<intro::Job as Table>::definition().indexes.len(), 3);
    let _ = (intro::JobState::Queued, intro::JobState::InProgress, intro::JobState::Done);
    let _ = (pg_enum::Mood::Happy, pg_enum::Mood::Sad);
}
