//! `#[derive(Table)]` and `#[derive(PgEnum)]` at run time: the generated
//! definitions equal the schema written out by hand (the DGS legacy tables),
//! the registry finds every model, the constants agree with the fields, and
//! enum columns survive binary COPY in and out.

use strata::schema::{
    Check, Column, Deferrable, EnumType, FkAction, ForeignKey, Identity, Index, IndexElement,
    IndexKey, IndexMethod, NullsOrder, PrimaryKey, Schema, SortOrder, SqlType, Table as TableDef,
    TypeName, Unique,
};
use strata::{Composite, ErrorKind, PgEnum, PgType, Registry, Table, ToSql};
use strata_testing::{run, TestDb};

#[derive(Table, Debug, Clone, PartialEq)]
#[table(name = "dgs_jobs")]
#[table(index(columns(status, created_at desc)))]
#[table(index(
    columns(idempotency_key),
    name = "dgs_jobs_idempotency_key_key",
    unique,
    where = "idempotency_key IS NOT NULL"
))]
pub struct DgsJob {
    #[column(primary_key)]
    pub job_id: String,
    pub request: serde_json::Value,
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
    pub events: serde_json::Value,
    #[column(default = "'{}'::jsonb")]
    pub artifacts: serde_json::Value,
    pub result: Option<serde_json::Value>,
    pub error: Option<serde_json::Value>,
    #[column(sql_type = "numeric(12,6)")]
    pub cost_usd: Option<rust_decimal::Decimal>,
    pub lesson_id: Option<String>,
    pub idempotency_key: Option<String>,
    #[column(default = "0")]
    pub attempts: i32,
    #[column(default = "false")]
    pub cancel_requested: bool,
}

#[derive(Table, Debug, Clone, PartialEq)]
#[table(name = "dgs_lessons")]
pub struct DgsLesson {
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
    pub lesson: serde_json::Value,
    #[column(references = "dgs_jobs(job_id)", on_delete = "set null", index)]
    pub job_id: Option<String>,
    #[column(default = "1")]
    pub version: i32,
    pub created_at: String,
    pub updated_at: Option<String>,
}

// gin index declared at table level (the column-level `index` is btree).
#[derive(Table)]
#[table(name = "dgs_lessons_gin", index(columns(tags), method = "gin"))]
pub struct DgsLessonTags {
    #[column(primary_key)]
    pub lesson_id: String,
    pub tags: Vec<String>,
}

#[derive(PgEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[pg_enum(schema = "app")]
pub enum EnrollmentState {
    Invited,
    Active,
    #[pg_enum(rename = "left")]
    Departed,
}

#[derive(Table, Debug, Clone, PartialEq)]
#[table(schema = "app", primary_key(course_id, student_id))]
#[table(foreign_key(
    columns(course_id),
    references = "courses(id)",
    on_delete = "cascade",
    deferrable = "initially_deferred"
))]
#[table(check(name = "enrollment_grade_range", expr = "grade BETWEEN 0 AND 100"))]
#[table(unique(student_id, position))]
pub struct Enrollment {
    pub course_id: i64,
    pub student_id: i64,
    pub position: i32,
    pub state: EnrollmentState,
    pub previous: Option<EnrollmentState>,
    pub grade: Option<i16>,
}

#[derive(Table)]
#[table(schema = "app")]
pub struct Course {
    #[column(primary_key, sql_type = "bigserial")]
    pub id: i64,
    #[column(
        name = "course_title",
        comment = "Shown in listings",
        renamed_from = "title"
    )]
    pub r#type: String,
    #[column(check = "seats > 0")]
    pub seats: i32,
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn dgs_lessons_definition_matches_the_legacy_schema() {
    let mut want = TableDef::new("public", "dgs_lessons");
    let col = |name: &str, ty: SqlType, nullable: bool, default: Option<&str>| Column {
        default: default.map(s),
        ..Column::new(name, ty, nullable)
    };
    want.columns = vec![
        col("lesson_id", SqlType::Text, false, None),
        col("topic", SqlType::Text, false, None),
        col("title", SqlType::Text, false, None),
        col(
            "tags",
            SqlType::Text.array_of(),
            false,
            Some("'{}'::text[]"),
        ),
        col("age_range", SqlType::Text, true, None),
        col("language", SqlType::Text, false, Some("'en'")),
        col("lesson", SqlType::Jsonb, false, None),
        col("job_id", SqlType::Text, true, None),
        col("version", SqlType::Integer, false, Some("1")),
        col("created_at", SqlType::Text, false, None),
        col("updated_at", SqlType::Text, true, None),
    ];
    want.primary_key = Some(PrimaryKey {
        comment: Default::default(),
        deferrable: Default::default(),
        name: s("dgs_lessons_pkey"),
        columns: vec![s("lesson_id")],
        include: Vec::new(),
        with: Vec::new(),
    });
    want.indexes = vec![
        Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: s("dgs_lessons_job_id_idx"),
            unique: false,
            method: IndexMethod::Btree,
            elements: vec![IndexElement::column("job_id")],
            include: vec![],
            predicate: None,
        },
        Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: s("dgs_lessons_topic_idx"),
            unique: false,
            method: IndexMethod::Btree,
            elements: vec![IndexElement::column("topic")],
            include: vec![],
            predicate: None,
        },
    ];
    want.foreign_keys = vec![ForeignKey {
        not_valid: false,
        comment: Default::default(),
        match_full: Default::default(),
        name: s("dgs_lessons_job_id_fkey"),
        columns: vec![s("job_id")],
        ref_schema: s("public"),
        ref_table: s("dgs_jobs"),
        ref_columns: vec![s("job_id")],
        on_delete: FkAction::SetNull,
        on_update: FkAction::NoAction,
        deferrable: Deferrable::NotDeferrable,
    }];
    assert_eq!(DgsLesson::definition(), want);
}

#[test]
fn dgs_jobs_indexes() {
    let def = DgsJob::definition();
    let names: Vec<&str> = def.indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "dgs_jobs_idempotency_key_key",
            "dgs_jobs_status_created_at_idx"
        ]
    );
    let partial = &def.indexes[0];
    assert!(partial.unique);
    assert_eq!(
        partial.predicate.as_deref(),
        Some("idempotency_key IS NOT NULL")
    );
    assert_eq!(
        def.indexes[1].elements[1],
        IndexElement {
            collation: None,
            key: IndexKey::Column(s("created_at")),
            order: SortOrder::Desc,
            nulls: None,
            opclass: None,
        }
    );
    assert_eq!(
        def.column("cost_usd").map(|c| &c.ty),
        Some(&SqlType::Numeric(Some((12, 6))))
    );
    assert_eq!(DgsJob::COLUMNS.len(), 22);
    let gin = &DgsLessonTags::definition().indexes[0];
    assert_eq!(
        (gin.name.as_str(), gin.method),
        ("dgs_lessons_gin_tags_idx", IndexMethod::Gin)
    );
    let _ = NullsOrder::First;
}

#[test]
fn composite_key_enum_columns_and_table_constraints() {
    let def = Enrollment::definition();
    assert_eq!(
        (def.schema.as_str(), def.name.as_str()),
        ("app", "enrollment")
    );
    assert_eq!(
        def.primary_key,
        Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: s("enrollment_pkey"),
            columns: vec![s("course_id"), s("student_id")],
            include: Vec::new(),
            with: Vec::new(),
        })
    );
    assert_eq!(Enrollment::PRIMARY_KEY, &[0, 1]);
    let state_type = SqlType::Named(TypeName {
        schema: s("app"),
        name: s("enrollment_state"),
    });
    assert_eq!(
        def.column("state").map(|c| (&c.ty, c.nullable)),
        Some((&state_type, false))
    );
    assert_eq!(def.column("previous").map(|c| c.nullable), Some(true));
    assert_eq!(
        def.foreign_keys,
        vec![ForeignKey {
            not_valid: false,
            comment: Default::default(),
            match_full: Default::default(),
            name: s("enrollment_course_id_fkey"),
            columns: vec![s("course_id")],
            ref_schema: s("app"),
            ref_table: s("courses"),
            ref_columns: vec![s("id")],
            on_delete: FkAction::Cascade,
            on_update: FkAction::NoAction,
            deferrable: Deferrable::InitiallyDeferred,
        }]
    );
    assert_eq!(
        def.checks,
        vec![Check {
            no_inherit: false,
            not_valid: false,
            comment: Default::default(),
            name: s("enrollment_grade_range"),
            expression: s("grade BETWEEN 0 AND 100"),
        }]
    );
    assert_eq!(
        def.uniques,
        vec![Unique {
            comment: Default::default(),
            deferrable: Default::default(),
            nulls_not_distinct: Default::default(),
            name: s("enrollment_student_id_position_key"),
            columns: vec![s("student_id"), s("position")],
            include: Vec::new(),
            with: Vec::new(),
        }]
    );
    let labels = vec![s("invited"), s("active"), s("left")];
    assert_eq!(
        Enrollment::enum_types(),
        vec![EnumType {
            schema: s("app"),
            name: s("enrollment_state"),
            labels,
            comment: None,
        }]
    );
    assert_eq!(<Option<EnrollmentState> as PgType>::sql_type(), state_type);
    let row = Enrollment {
        course_id: 7,
        student_id: 9,
        position: 1,
        state: EnrollmentState::Active,
        previous: None,
        grade: Some(90),
    };
    let key: Composite<(i64, i64)> = row.key();
    assert_eq!(key, Composite((7, 9)));
    assert_eq!(Enrollment::columns().student_id.name(), "student_id");
    assert_eq!(Enrollment::columns().grade.index(), 5);
}

#[test]
fn serial_renames_comments_and_raw_identifiers() {
    let def = Course::definition();
    assert_eq!(def.name, "course");
    let id = def.column("id").unwrap();
    assert_eq!(
        (&id.ty, id.identity),
        (&SqlType::BigInt, Some(Identity::Serial))
    );
    let title = def.column("course_title").unwrap();
    assert_eq!(title.comment.as_deref(), Some("Shown in listings"));
    assert_eq!(title.renamed_from.as_deref(), Some("title"));
    assert_eq!(
        def.checks,
        vec![Check {
            no_inherit: false,
            not_valid: false,
            comment: Default::default(),
            name: s("course_seats_check"),
            expression: s("seats > 0"),
        }]
    );
    assert!(Course::COLUMNS[0].generated);
    assert_eq!(Course::COLUMNS[1].field, "type");
    assert_eq!(Course::columns().r#type.name(), "course_title");
}

#[test]
fn the_registry_links_every_model_and_checks_references() {
    let linked = Registry::linked();
    let names = linked.model_names();
    for model in [
        "DgsJob",
        "DgsLesson",
        "Enrollment",
        "Course",
        "DgsLessonTags",
    ] {
        assert!(
            names
                .iter()
                .any(|n| n.ends_with(&format!("::derive::{model}"))),
            "{model} not in {names:?}"
        );
    }
    // `Enrollment` references `app.courses`, which no model defines
    // (`Course` is `app.course`): the registry says so.
    let err = linked.schema().unwrap_err().to_string();
    assert!(err.contains("references app.courses(id)"), "{err}");
    let schema: Schema = Registry::new()
        .with::<DgsJob>()
        .with::<DgsLesson>()
        .schema()
        .unwrap();
    assert_eq!(schema.tables.len(), 2);
}

/// The values of `row`'s columns, as bind parameters in column order.
fn params<T: Table>(row: &T) -> Vec<&(dyn ToSql + Sync)> {
    (0..T::COLUMNS.len()).map(|i| row.param(i)).collect()
}

#[test]
fn rows_and_enums_round_trip_through_postgres() {
    run(async {
        let db = TestDb::new().await.expect("test database");
        let client = db.connect().await.expect("connect");
        client
            .batch_execute(
                "CREATE SCHEMA app;
                 CREATE TYPE app.enrollment_state AS ENUM ('invited', 'active', 'left', 'expelled');
                 CREATE TABLE app.enrollment (
                     course_id bigint, student_id bigint, position integer,
                     state app.enrollment_state NOT NULL, previous app.enrollment_state,
                     grade smallint, PRIMARY KEY (course_id, student_id));
                 CREATE TABLE dgs_lessons (
                     lesson_id text PRIMARY KEY, topic text NOT NULL, title text NOT NULL,
                     tags text[] NOT NULL DEFAULT '{}'::text[], age_range text,
                     language text NOT NULL DEFAULT 'en', lesson jsonb NOT NULL, job_id text,
                     version integer NOT NULL DEFAULT 1, created_at text NOT NULL,
                     updated_at text);",
            )
            .await
            .expect("create tables");

        // Insert through `param`, read back in another column order through
        // `decode` with positions.
        let row = Enrollment {
            course_id: 7,
            student_id: 9,
            position: 1,
            state: EnrollmentState::Departed,
            previous: Some(EnrollmentState::Invited),
            grade: None,
        };
        client
            .execute(
                "INSERT INTO app.enrollment VALUES ($1, $2, $3, $4, $5, $6)",
                &params(&row),
            )
            .await
            .expect("insert");
        let r = client
            .query_one(
                "SELECT grade, previous, state::text AS label, state, position, student_id, course_id \
                 FROM app.enrollment",
                &[],
            )
            .await
            .expect("select");
        assert_eq!(
            r.get::<_, String>("label"),
            "left",
            "the renamed variant's label"
        );
        let back = Enrollment::decode(&r, &[6, 5, 4, 3, 1, 0]).expect("decode");
        assert_eq!(back, row);

        // Too few positions: an error, not an index panic.
        let err = Enrollment::decode(&r, &[0, 1]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert_eq!(
            err.to_string(),
            "cannot decode a row of enrollment: 2 column positions given, 6 needed"
        );

        // A label the Rust enum lacks: a decode error naming label and type.
        client
            .execute("UPDATE app.enrollment SET state = 'expelled'", &[])
            .await
            .expect("update");
        let r = client
            .query_one(
                "SELECT course_id, student_id, position, state, previous, grade FROM app.enrollment",
                &[],
            )
            .await
            .expect("select");
        let err = Enrollment::decode(&r, &[0, 1, 2, 3, 4, 5]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        let msg = err.to_string();
        assert!(
            msg.contains("unknown label \"expelled\" of enum type app.enrollment_state"),
            "{msg}"
        );

        // Only the enum type of that schema and name is accepted.
        let r = client
            .query_one("SELECT 'active'::text", &[])
            .await
            .expect("select");
        assert!(r.try_get::<_, EnrollmentState>(0).is_err());
        let wrong = client
            .execute("SELECT $1::text", &[&EnrollmentState::Active])
            .await;
        assert!(wrong.is_err(), "an enum value bound to a text parameter");

        // Arrays, JSON and NULLs of the DGS lessons table.
        let lesson = DgsLesson {
            lesson_id: s("l1"),
            topic: s("fractions"),
            title: s("Halves"),
            tags: vec![s("math"), s("grade-3")],
            age_range: None,
            language: s("en"),
            lesson: serde_json::json!({"steps": [1, 2]}),
            job_id: None,
            version: 1,
            created_at: s("2026-01-01T00:00:00Z"),
            updated_at: Some(s("2026-01-02T00:00:00Z")),
        };
        client
            .execute(
                "INSERT INTO dgs_lessons VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                &params(&lesson),
            )
            .await
            .expect("insert lesson");
        let r = client
            .query_one(
                "SELECT * FROM dgs_lessons WHERE lesson_id = $1",
                &[&lesson.key()],
            )
            .await
            .expect("select lesson");
        let positions: Vec<usize> = (0..DgsLesson::COLUMNS.len()).collect();
        assert_eq!(
            DgsLesson::decode(&r, &positions).expect("decode lesson"),
            lesson
        );

        // A column of the wrong type: a decode error naming table, column
        // and both types.
        let r = client
            .query_one("SELECT 1::bigint AS lesson_id", &[])
            .await
            .expect("select");
        let err = DgsLesson::decode(&r, &[0; 11]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert!(
            err.to_string().starts_with(
                "cannot decode column dgs_lessons.lesson_id (SQL type int8) into Rust type String"
            ),
            "{err}"
        );
    });
}

/// Enum columns (a `#[derive(PgEnum)]`, NULL or not) through binary COPY in
/// and out: the generated `decode_copy` reads the labels back.
#[test]
fn enum_columns_round_trip_through_copy_in_and_out() {
    use futures_util::TryStreamExt;
    use strata::Executor;
    run(async {
        let db = TestDb::new().await.expect("test database");
        let pool = strata::Pool::builder(db.url())
            .expect("the test database URL")
            .max_size(1)
            .build()
            .expect("a pool");
        let s = pool.session().await.expect("a session");
        s.batch_execute(
            "CREATE SCHEMA app;
             CREATE TYPE app.enrollment_state AS ENUM ('invited', 'active', 'left');
             CREATE TABLE app.enrollment (
                 course_id bigint, student_id bigint, position integer NOT NULL,
                 state app.enrollment_state NOT NULL, previous app.enrollment_state,
                 grade smallint, PRIMARY KEY (course_id, student_id));",
        )
        .await
        .expect("create the table");
        let rows: Vec<Enrollment> = (0..300)
            .map(|i| Enrollment {
                course_id: i / 100,
                student_id: i,
                position: i as i32,
                state: [
                    EnrollmentState::Invited,
                    EnrollmentState::Active,
                    EnrollmentState::Departed,
                ][i as usize % 3],
                previous: (i % 2 == 0).then_some(EnrollmentState::Invited),
                grade: (i % 5 != 0).then_some((i % 100) as i16),
            })
            .collect();
        assert_eq!(s.copy_in(&rows).await.expect("copy in"), 300);
        let mut back: Vec<Enrollment> = s
            .copy_out::<Enrollment>()
            .await
            .expect("copy out")
            .try_collect()
            .await
            .expect("every row");
        back.sort_by_key(|e| e.student_id);
        assert_eq!(back, rows);
    });
}
