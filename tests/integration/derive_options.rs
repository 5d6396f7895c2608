//! The options `#[derive(Table)]` declares beyond columns and plain
//! constraints (issue 10): index NULLS NOT DISTINCT, storage parameters and
//! comments; a named, deferrable, commented primary key; MATCH FULL and
//! comments on foreign keys, unique and check constraints; identity and
//! serial sequence options. The models are created through `schema-diff`
//! (a plan from the empty schema to the models, rendered and applied), read
//! back (no difference, no false positive), and `pg_catalog` is asked
//! whether each option really holds, and the server is made to act on
//! some of them (MATCH FULL, NULLS NOT DISTINCT, the sequences).

use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::normalize::normalize;
use schema_diff::plan::{plan, PlanOptions};
use schema_diff::scratch::ScratchDb;
use strata::schema::{Deferrable, Schema, SequenceOptions};
use strata::{Registry, Table};
use strata_testing::{run, TestDb};
use strata_tests::{admin, assert_schemas_eq};

use crate::diff_golden::{apply_plan, connect_fast};

// clippy reads the field `tenant` named in two `unique(...)` lists as a
// repeated attribute.
#[allow(clippy::duplicated_attributes)]
#[derive(Table)]
#[table(schema = "derive_opts", name = "accounts")]
#[table(primary_key(
    id,
    name = "accounts_pk",
    deferrable = "initially_deferred",
    comment = "the account's key"
))]
#[table(unique(tenant, id, name = "accounts_tenant_id_key"))]
#[table(unique(
    tenant,
    handle,
    nulls = "not_distinct",
    deferrable = "initially_immediate",
    comment = "one handle per tenant, NULL included"
))]
#[table(index(
    columns(email),
    name = "accounts_email_uidx",
    unique,
    nulls = "not_distinct",
    with(fillfactor = 70, deduplicate_items = "off"),
    comment = "lookups by email"
))]
#[table(index(
    columns(tags),
    method = "gin",
    with(fastupdate = false, gin_pending_list_limit = 128)
))]
#[table(index(
    columns(opened),
    method = "brin",
    with(pages_per_range = 16, autosummarize = true)
))]
#[table(check(
    name = "accounts_balance_check",
    expr = "balance >= 0",
    comment = "no overdraft"
))]
pub struct Account {
    #[column(
        identity = "always",
        sequence(start = 1000, increment = 10, max = 1000000, cache = 5)
    )]
    pub id: i64,
    pub tenant: Option<i32>,
    pub handle: Option<String>,
    pub email: Option<String>,
    pub tags: Vec<String>,
    pub opened: i64,
    pub balance: i64,
}

#[derive(Table)]
#[table(schema = "derive_opts", name = "transfers")]
#[table(foreign_key(
    columns(tenant, account_id),
    references = "accounts(tenant, id)",
    match = "full",
    on_delete = "cascade",
    comment = "the account debited"
))]
pub struct Transfer {
    #[column(
        primary_key,
        sql_type = "serial",
        sequence(start = 50, increment = -1, min = 1, max = 50)
    )]
    pub id: i32,
    pub tenant: Option<i32>,
    pub account_id: Option<i64>,
    #[column(identity = "by_default", sequence(max = 3, cycle))]
    pub round: i16,
}

#[derive(Table, Debug, Clone, PartialEq)]
#[table(schema = "derive_opts", name = "notes")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    #[column(collation = "C")]
    pub title: String,
    #[column(generated = "lower(title)")]
    pub title_key: String,
    #[column(sql_type = "varchar(20)[]", collation = "POSIX")]
    pub labels: Option<Vec<String>>,
    pub price: i64,
    pub qty: i32,
    #[column(generated = "price * qty")]
    pub total: i64,
}

fn registry() -> Registry {
    Registry::new()
        .with::<Account>()
        .with::<Transfer>()
        .with::<Note>()
}

#[test]
fn the_definitions_carry_the_options() {
    let a = Account::definition();
    let pk = a.primary_key.as_ref().expect("a primary key");
    assert_eq!(
        (pk.name.as_str(), pk.deferrable, pk.comment.as_deref()),
        (
            "accounts_pk",
            Deferrable::InitiallyDeferred,
            Some("the account's key")
        )
    );
    let ix = &a.indexes[0];
    assert_eq!(ix.name, "accounts_email_uidx");
    assert!(ix.unique && ix.nulls_not_distinct);
    assert_eq!(ix.with, ["fillfactor=70", "deduplicate_items=off"]);
    assert_eq!(
        a.column("id").and_then(|c| c.sequence.clone()),
        Some(SequenceOptions {
            start: Some(1000),
            increment: Some(10),
            max: Some(1_000_000),
            cache: Some(5),
            ..SequenceOptions::default()
        })
    );
    let n = Note::definition();
    let title = n.column("title").expect("title");
    assert_eq!(
        title
            .collation
            .as_ref()
            .map(|c| (c.schema.as_str(), c.name.as_str())),
        Some(("pg_catalog", "C"))
    );
    assert_eq!(
        n.column("total").and_then(|c| c.generated.as_deref()),
        Some("price * qty")
    );
    let generated: Vec<&str> = Note::COLUMNS
        .iter()
        .filter(|c| c.generated)
        .map(|c| c.name)
        .collect();
    assert_eq!(generated, ["title_key", "total"]);
    let t = Transfer::definition();
    assert!(t.foreign_keys[0].match_full);
    // `max = 50` is the start and `min = 1` is not the default of a
    // descending sequence: both kept; `start = 50` equals the default
    // start of a descending sequence (its max): left out.
    assert_eq!(
        t.column("id").and_then(|c| c.sequence.clone()),
        Some(SequenceOptions {
            increment: Some(-1),
            min: Some(1),
            max: Some(50),
            ..SequenceOptions::default()
        })
    );
}

/// One row of a catalog query, as text.
async fn row(client: &tokio_postgres::Client, sql: &str) -> Vec<Option<String>> {
    let r = client
        .query_one(sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    (0..r.len())
        .map(|i| r.get::<_, Option<String>>(i))
        .collect()
}

fn s(v: &[&str]) -> Vec<Option<String>> {
    v.iter().map(|x| Some(x.to_string())).collect()
}

#[test]
fn created_through_schema_diff_they_read_back_and_hold_in_the_catalog() {
    run(async {
        let models = registry().schema().expect("a consistent registry");
        let scratch = ScratchDb::create(&admin())
            .await
            .expect("a scratch database");
        let desired = normalize(&models, &scratch)
            .await
            .expect("normalized models");
        scratch.drop_db().await.expect("scratch dropped");
        // Normalizing (the models created in a scratch database and read
        // back) keeps every sequence option.
        for (table, column) in [
            ("accounts", "id"),
            ("transfers", "id"),
            ("transfers", "round"),
        ] {
            let options = |s: &Schema| {
                s.table("derive_opts", table)
                    .and_then(|t| t.column(column))
                    .map(|c| c.sequence.clone())
            };
            assert_eq!(options(&desired), options(&models), "{table}.{column}");
            assert!(options(&models).flatten().is_some(), "{table}.{column}");
        }

        let db = TestDb::new().await.expect("test database");
        let client = connect_fast(&db).await.expect("connect");
        let up = plan(&Schema::empty(), &desired, &PlanOptions::default());
        apply_plan(&client, &up, true)
            .await
            .unwrap_or_else(|e| panic!("{e}\n{}", schema_diff::render::render_up(&up)));

        // Read back: the models exactly, and nothing left to do.
        let current = introspect(&client, &IntrospectOptions::schemas(models.schemas.clone()))
            .await
            .expect("introspection");
        assert_schemas_eq(&current, &desired, "the catalog vs the models");
        let again = plan(&current, &desired, &PlanOptions::default());
        assert!(
            again.is_empty(),
            "false positives:\n{}",
            again.summary().join("\n")
        );

        // The catalog holds every option.
        assert_eq!(
            row(
                &client,
                "SELECT i.indisunique::text, i.indnullsnotdistinct::text,
                        array_to_string(c.reloptions, ','),
                        obj_description(c.oid, 'pg_class')
                 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE c.oid = 'derive_opts.accounts_email_uidx'::regclass"
            )
            .await,
            s(&[
                "true",
                "true",
                "fillfactor=70,deduplicate_items=off",
                "lookups by email"
            ])
        );
        assert_eq!(
            row(
                &client,
                "SELECT string_agg(o, ',' ORDER BY o) FROM pg_class, unnest(reloptions) o
                 WHERE relname IN ('accounts_tags_idx', 'accounts_opened_idx')
                   AND relnamespace = 'derive_opts'::regnamespace"
            )
            .await,
            s(&[
                "autosummarize=true,fastupdate=false,gin_pending_list_limit=128,pages_per_range=16"
            ])
        );
        let constraint = |name: &str| {
            format!(
                "SELECT contype::text, condeferrable::text, condeferred::text,
                        confmatchtype::text, obj_description(oid, 'pg_constraint'),
                        (SELECT indnullsnotdistinct::text FROM pg_index WHERE indexrelid = conindid)
                 FROM pg_constraint
                 WHERE conname = '{name}' AND connamespace = 'derive_opts'::regnamespace"
            )
        };
        assert_eq!(
            row(&client, &constraint("accounts_pk")).await,
            s(&["p", "true", "true", " ", "the account's key", "false"])
        );
        assert_eq!(
            row(&client, &constraint("accounts_tenant_handle_key")).await,
            s(&[
                "u",
                "true",
                "false",
                " ",
                "one handle per tenant, NULL included",
                "true"
            ])
        );
        assert_eq!(
            row(&client, &constraint("accounts_balance_check")).await[..5],
            s(&["c", "false", "false", " ", "no overdraft"])[..]
        );
        assert_eq!(
            row(&client, &constraint("transfers_tenant_account_id_fkey")).await[..5],
            s(&["f", "false", "false", "f", "the account debited"])[..]
        );
        let sequence = |table: &str, column: &str| {
            format!(
                "SELECT format_type(seqtypid, NULL), seqstart::text, seqincrement::text,
                        seqmin::text, seqmax::text, seqcache::text, seqcycle::text
                 FROM pg_sequence
                 WHERE seqrelid = pg_get_serial_sequence('derive_opts.{table}', '{column}')::regclass"
            )
        };
        assert_eq!(
            row(&client, &sequence("accounts", "id")).await,
            s(&["bigint", "1000", "10", "1", "1000000", "5", "false"])
        );
        assert_eq!(
            row(&client, &sequence("transfers", "id")).await,
            s(&["integer", "50", "-1", "1", "50", "1", "false"])
        );
        assert_eq!(
            row(&client, &sequence("transfers", "round")).await,
            s(&["smallint", "1", "1", "1", "3", "1", "true"])
        );

        let column = |table: &str, column: &str| {
            format!(
                "SELECT a.attgenerated::text, pg_get_expr(d.adbin, d.adrelid),
                        (SELECT n.nspname || '.' || c.collname FROM pg_collation c
                         JOIN pg_namespace n ON n.oid = c.collnamespace
                         WHERE c.oid = a.attcollation AND a.attcollation <> t.typcollation)
                 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = 'derive_opts.{table}'::regclass AND a.attname = '{column}'"
            )
        };
        assert_eq!(
            row(&client, &column("notes", "title")).await,
            vec![Some(String::new()), None, Some("pg_catalog.C".into())]
        );
        assert_eq!(
            row(&client, &column("notes", "labels")).await,
            vec![Some(String::new()), None, Some("pg_catalog.POSIX".into())]
        );
        assert_eq!(
            row(&client, &column("notes", "total")).await,
            vec![Some("s".into()), Some("(price * qty)".into()), None]
        );

        // And the server acts on them.
        let ids = client
            .query(
                "INSERT INTO derive_opts.accounts (tenant, handle, email, tags, opened, balance)
                 VALUES (1, NULL, 'a@x', '{}', 1, 0), (NULL, NULL, NULL, '{}', 1, 0)
                 RETURNING id",
                &[],
            )
            .await
            .expect("accounts inserted");
        let ids: Vec<i64> = ids.iter().map(|r| r.get(0)).collect();
        assert_eq!(ids, [1000, 1010], "identity START 1000 INCREMENT 10");
        let dup = client
            .execute(
                "INSERT INTO derive_opts.accounts (tenant, handle, email, tags, opened, balance)
                 VALUES (NULL, NULL, 'b@x', '{}', 1, 0)",
                &[],
            )
            .await
            .expect_err("(NULL, NULL) twice under NULLS NOT DISTINCT");
        assert_eq!(
            dup.as_db_error().map(|e| e.constraint()),
            Some(Some("accounts_tenant_handle_key")),
            "{dup:?}"
        );
        let dup = client
            .execute(
                "INSERT INTO derive_opts.accounts (tenant, handle, email, tags, opened, balance)
                 VALUES (2, 'h', NULL, '{}', 1, 0)",
                &[],
            )
            .await
            .expect_err("a second NULL email under the NULLS NOT DISTINCT index");
        assert_eq!(
            dup.as_db_error().map(|e| e.message()),
            Some("duplicate key value violates unique constraint \"accounts_email_uidx\""),
        );
        let partial = client
            .execute(
                "INSERT INTO derive_opts.transfers (tenant, account_id) VALUES (NULL, 1000)",
                &[],
            )
            .await
            .expect_err("MATCH FULL refuses a partly NULL reference");
        assert_eq!(
            partial.as_db_error().map(|e| e.constraint()),
            Some(Some("transfers_tenant_account_id_fkey")),
            "{partial:?}"
        );
        let rows = client
            .query(
                "INSERT INTO derive_opts.transfers (tenant, account_id)
                 VALUES (1, 1000), (NULL, NULL), (1, 1000), (1, 1000)
                 RETURNING id, round",
                &[],
            )
            .await
            .expect("transfers inserted");
        let got: Vec<(i32, i16)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        assert_eq!(
            got,
            [(49, 2), (48, 3), (47, 1), (46, 2)],
            "serial counting down from 50, identity cycling through 1..3 (the refused row used 50 and 1)"
        );

        // The runtime leaves generated columns to the server and reads
        // back what it computed; "B" sorts before "a" under COLLATE "C".
        let pool = strata::Pool::builder(db.url())
            .expect("the test database URL")
            .max_size(1)
            .build()
            .expect("a pool");
        let session = pool.session().await.expect("a session");
        let mut stored = Vec::new();
        for (id, title) in [(1, "a"), (2, "B")] {
            let note = Note {
                id,
                title: title.into(),
                title_key: String::new(),
                labels: Some(vec!["x".into()]),
                price: 7,
                qty: 3,
                total: 0,
            };
            stored.push(
                strata::Executor::insert(&session, &note)
                    .await
                    .expect("a note inserted"),
            );
        }
        assert_eq!(
            (
                stored[0].title_key.as_str(),
                stored[1].title_key.as_str(),
                stored[0].total
            ),
            ("a", "b", 21)
        );
        let order: Vec<String> = client
            .query("SELECT title FROM derive_opts.notes ORDER BY title", &[])
            .await
            .expect("ordered titles")
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(order, ["B", "a"]);
        drop(session);
        drop(pool);

        // The plan's down direction removes it all again.
        apply_plan(&client, &up, false)
            .await
            .unwrap_or_else(|e| panic!("{e}\n{}", schema_diff::render::render_down(&up)));
        let after = introspect(&client, &IntrospectOptions::schemas(models.schemas.clone()))
            .await
            .expect("introspection after down");
        assert!(after.tables.is_empty(), "{}", after.to_json());
    });
}
