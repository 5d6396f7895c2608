//! Expansion snapshots (the generated code, formatted) and data-driven tests
//! of the error messages. `UPDATE_EXPECT=1 cargo test -p strata-macros`
//! rewrites the snapshots.

use expect_test::{expect, Expect};
use proc_macro2::TokenStream;

use crate::expand::{derive_from_row, derive_pg_enum, derive_table, derive_view};

fn pretty(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(e) => format!("unparsable output ({e}):\n{tokens}"),
    }
}

fn check_table(input: &str, expect: Expect) {
    let input: TokenStream = input.parse().unwrap();
    expect.assert_eq(&pretty(derive_table(input)));
}

fn check_enum(input: &str, expect: Expect) {
    let input: TokenStream = input.parse().unwrap();
    expect.assert_eq(&pretty(derive_pg_enum(input)));
}

/// The messages of the `compile_error!`s in an expansion, one per line.
fn messages(output: TokenStream) -> String {
    let file: syn::File = match syn::parse2(output) {
        Ok(f) => f,
        Err(e) => return format!("unparsable output: {e}"),
    };
    let mut out = Vec::new();
    for item in file.items {
        if let syn::Item::Macro(m) = item {
            if m.mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "compile_error")
            {
                if let Ok(lit) = m.mac.parse_body::<syn::LitStr>() {
                    out.push(lit.value());
                }
            }
        }
    }
    out.join("\n")
}

fn table_errors(input: &str) -> String {
    messages(derive_table(input.parse().unwrap()))
}

fn enum_errors(input: &str) -> String {
    messages(derive_pg_enum(input.parse().unwrap()))
}

#[test]
fn simple_table() {
    check_table(
        r#"
        #[table(name = "jobs")]
        pub struct Job {
            #[column(primary_key, identity = "always")]
            pub id: i64,
            pub title: String,
            #[column(default = "now()", sql_type = "timestamptz")]
            pub created_at: chrono::DateTime<chrono::Utc>,
            pub note: Option<String>,
        }
        "#,
        expect![[r#"
            /// Typed column handles of [`Job`] (table `public.jobs`), from `<Job as strata::Table>::columns()`.
            #[derive(Clone, Copy, Debug)]
            pub struct JobColumns {
                /// The column `id`.
                pub id: ::strata::Column<Job, i64>,
                /// The column `title`.
                pub title: ::strata::Column<Job, String>,
                /// The column `created_at`.
                pub created_at: ::strata::Column<Job, chrono::DateTime<chrono::Utc>>,
                /// The column `note`.
                pub note: ::strata::Column<Job, Option<String>>,
            }
            #[automatically_derived]
            impl ::strata::Table for Job {
                type Columns = JobColumns;
                type Key = i64;
                const SCHEMA: &'static str = "public";
                const NAME: &'static str = "jobs";
                const COLUMNS: &'static [::strata::ColumnInfo] = &[
                    ::strata::ColumnInfo {
                        name: "id",
                        field: "id",
                        rust_type: "i64",
                        generated: true,
                        primary_key: true,
                    },
                    ::strata::ColumnInfo {
                        name: "title",
                        field: "title",
                        rust_type: "String",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "created_at",
                        field: "created_at",
                        rust_type: "chrono::DateTime<chrono::Utc>",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "note",
                        field: "note",
                        rust_type: "Option<String>",
                        generated: false,
                        primary_key: false,
                    },
                ];
                const PRIMARY_KEY: &'static [usize] = &[0usize];
                fn columns() -> &'static Self::Columns {
                    static HANDLES: JobColumns = JobColumns {
                        id: ::strata::Column::new("id", 0usize),
                        title: ::strata::Column::new("title", 1usize),
                        created_at: ::strata::Column::new("created_at", 2usize),
                        note: ::strata::Column::new("note", 3usize),
                    };
                    &HANDLES
                }
                fn definition() -> ::strata::schema::Table {
                    ::strata::schema::Table {
                        columns: ::std::vec::Vec::from([
                            ::strata::schema::Column {
                                identity: ::core::option::Option::Some(
                                    ::strata::schema::Identity::Always,
                                ),
                                ..::strata::schema::Column::new(
                                    "id",
                                    <i64 as ::strata::PgType>::sql_type(),
                                    false,
                                )
                            },
                            ::strata::schema::Column::new(
                                "title",
                                <String as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column {
                                default: ::core::option::Option::Some(
                                    ::std::string::String::from("now()"),
                                ),
                                ..::strata::schema::Column::new(
                                    "created_at",
                                    ::strata::schema::SqlType::TimestampTz(
                                        ::core::option::Option::None,
                                    ),
                                    false,
                                )
                            },
                            ::strata::schema::Column::new(
                                "note",
                                <Option<String> as ::strata::PgType>::sql_type(),
                                true,
                            ),
                        ]),
                        primary_key: ::core::option::Option::Some(::strata::schema::PrimaryKey {
                            name: ::std::string::String::from("jobs_pkey"),
                            columns: ::std::vec::Vec::from([::std::string::String::from("id")]),
                            include: ::std::vec::Vec::new(),
                            with: ::std::vec::Vec::new(),
                            deferrable: ::strata::schema::Deferrable::NotDeferrable,
                            comment: ::core::option::Option::None,
                        }),
                        ..::strata::schema::Table::new("public", "jobs")
                    }
                }
                fn enum_types() -> ::std::vec::Vec<::strata::schema::EnumType> {
                    ::strata::__private::enum_types([
                        <i64 as ::strata::PgType>::enum_type(),
                        <String as ::strata::PgType>::enum_type(),
                        <Option<String> as ::strata::PgType>::enum_type(),
                    ])
                }
                fn decode(
                    __row: &::strata::__private::Row,
                    __positions: &[usize],
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    let &[__p0, __p1, __p2, __p3, ..] = __positions else {
                        return ::core::result::Result::Err(
                            ::strata::__private::positions_error(
                                Self::NAME,
                                4usize,
                                __positions.len(),
                            ),
                        );
                    };
                    ::core::result::Result::Ok(Job {
                        id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, __p0, Self::NAME, "id", "i64")?,
                        title: ::strata::__private::decode_column::<
                            String,
                        >(__row, __p1, Self::NAME, "title", "String")?,
                        created_at: ::strata::__private::decode_column::<
                            chrono::DateTime<chrono::Utc>,
                        >(__row, __p2, Self::NAME, "created_at", "chrono::DateTime<chrono::Utc>")?,
                        note: ::strata::__private::decode_column::<
                            Option<String>,
                        >(__row, __p3, Self::NAME, "note", "Option<String>")?,
                    })
                }
                fn decode_copy(
                    __row: &::strata::CopyRow<'_>,
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    ::core::result::Result::Ok(Job {
                        id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, 0usize, Self::NAME, "id", "i64")?,
                        title: ::strata::__private::decode_column::<
                            String,
                        >(__row, 1usize, Self::NAME, "title", "String")?,
                        created_at: ::strata::__private::decode_column::<
                            chrono::DateTime<chrono::Utc>,
                        >(__row, 2usize, Self::NAME, "created_at", "chrono::DateTime<chrono::Utc>")?,
                        note: ::strata::__private::decode_column::<
                            Option<String>,
                        >(__row, 3usize, Self::NAME, "note", "Option<String>")?,
                    })
                }
                fn param(
                    &self,
                    __i: usize,
                ) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                    match __i {
                        0usize => &self.id,
                        1usize => &self.title,
                        2usize => &self.created_at,
                        3usize => &self.note,
                        _ => &::strata::table::NULL_PARAM,
                    }
                }
                fn key(&self) -> Self::Key {
                    ::core::clone::Clone::clone(&self.id)
                }
            }
            ::strata::__private::inventory::submit! {
                ::strata::registry::ModelEntry { rust_name : ::core::concat!(::core::module_path!(),
                "::", ::core::stringify!(Job)), definition : < Job as ::strata::Table > ::definition,
                enum_types : < Job as ::strata::Table > ::enum_types, partitions : < Job as
                ::strata::Table > ::partitions, definitions : < Job as ::strata::Table >
                ::definitions, }
            }
        "#]],
    );
}

#[test]
fn dgs_lessons() {
    check_table(
        r#"
        #[table(name = "dgs_lessons", index(columns(tags), method = "gin"))]
        pub struct DgsLesson {
            #[column(primary_key)]
            pub lesson_id: String,
            #[column(index)]
            pub topic: String,
            #[column(default = "'{}'::text[]")]
            pub tags: Vec<String>,
            #[column(references = "dgs_jobs(job_id)", on_delete = "set null", index)]
            pub job_id: Option<String>,
            #[column(default = "1")]
            pub version: i32,
        }
        "#,
        expect![[r#"
            /// Typed column handles of [`DgsLesson`] (table `public.dgs_lessons`), from `<DgsLesson as strata::Table>::columns()`.
            #[derive(Clone, Copy, Debug)]
            pub struct DgsLessonColumns {
                /// The column `lesson_id`.
                pub lesson_id: ::strata::Column<DgsLesson, String>,
                /// The column `topic`.
                pub topic: ::strata::Column<DgsLesson, String>,
                /// The column `tags`.
                pub tags: ::strata::Column<DgsLesson, Vec<String>>,
                /// The column `job_id`.
                pub job_id: ::strata::Column<DgsLesson, Option<String>>,
                /// The column `version`.
                pub version: ::strata::Column<DgsLesson, i32>,
            }
            #[automatically_derived]
            impl ::strata::Table for DgsLesson {
                type Columns = DgsLessonColumns;
                type Key = String;
                const SCHEMA: &'static str = "public";
                const NAME: &'static str = "dgs_lessons";
                const COLUMNS: &'static [::strata::ColumnInfo] = &[
                    ::strata::ColumnInfo {
                        name: "lesson_id",
                        field: "lesson_id",
                        rust_type: "String",
                        generated: false,
                        primary_key: true,
                    },
                    ::strata::ColumnInfo {
                        name: "topic",
                        field: "topic",
                        rust_type: "String",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "tags",
                        field: "tags",
                        rust_type: "Vec<String>",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "job_id",
                        field: "job_id",
                        rust_type: "Option<String>",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "version",
                        field: "version",
                        rust_type: "i32",
                        generated: false,
                        primary_key: false,
                    },
                ];
                const PRIMARY_KEY: &'static [usize] = &[0usize];
                fn columns() -> &'static Self::Columns {
                    static HANDLES: DgsLessonColumns = DgsLessonColumns {
                        lesson_id: ::strata::Column::new("lesson_id", 0usize),
                        topic: ::strata::Column::new("topic", 1usize),
                        tags: ::strata::Column::new("tags", 2usize),
                        job_id: ::strata::Column::new("job_id", 3usize),
                        version: ::strata::Column::new("version", 4usize),
                    };
                    &HANDLES
                }
                fn definition() -> ::strata::schema::Table {
                    ::strata::schema::Table {
                        columns: ::std::vec::Vec::from([
                            ::strata::schema::Column::new(
                                "lesson_id",
                                <String as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "topic",
                                <String as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column {
                                default: ::core::option::Option::Some(
                                    ::std::string::String::from("'{}'::text[]"),
                                ),
                                ..::strata::schema::Column::new(
                                    "tags",
                                    <Vec<String> as ::strata::PgType>::sql_type(),
                                    false,
                                )
                            },
                            ::strata::schema::Column::new(
                                "job_id",
                                <Option<String> as ::strata::PgType>::sql_type(),
                                true,
                            ),
                            ::strata::schema::Column {
                                default: ::core::option::Option::Some(
                                    ::std::string::String::from("1"),
                                ),
                                ..::strata::schema::Column::new(
                                    "version",
                                    <i32 as ::strata::PgType>::sql_type(),
                                    false,
                                )
                            },
                        ]),
                        primary_key: ::core::option::Option::Some(::strata::schema::PrimaryKey {
                            name: ::std::string::String::from("dgs_lessons_pkey"),
                            columns: ::std::vec::Vec::from([
                                ::std::string::String::from("lesson_id"),
                            ]),
                            include: ::std::vec::Vec::new(),
                            with: ::std::vec::Vec::new(),
                            deferrable: ::strata::schema::Deferrable::NotDeferrable,
                            comment: ::core::option::Option::None,
                        }),
                        indexes: ::std::vec::Vec::from([
                            ::strata::schema::Index {
                                name: ::std::string::String::from("dgs_lessons_job_id_idx"),
                                unique: false,
                                method: ::strata::schema::IndexMethod::Btree,
                                elements: ::std::vec::Vec::from([
                                    ::strata::schema::IndexElement {
                                        key: ::strata::schema::IndexKey::Column(
                                            ::std::string::String::from("job_id"),
                                        ),
                                        order: ::strata::schema::SortOrder::Asc,
                                        nulls: ::core::option::Option::None,
                                        opclass: ::core::option::Option::None,
                                        collation: ::core::option::Option::None,
                                    },
                                ]),
                                include: ::std::vec::Vec::new(),
                                predicate: ::core::option::Option::None,
                                nulls_not_distinct: false,
                                with: ::std::vec::Vec::new(),
                                comment: ::core::option::Option::None,
                            },
                            ::strata::schema::Index {
                                name: ::std::string::String::from("dgs_lessons_tags_idx"),
                                unique: false,
                                method: ::strata::schema::IndexMethod::Gin,
                                elements: ::std::vec::Vec::from([
                                    ::strata::schema::IndexElement {
                                        key: ::strata::schema::IndexKey::Column(
                                            ::std::string::String::from("tags"),
                                        ),
                                        order: ::strata::schema::SortOrder::Asc,
                                        nulls: ::core::option::Option::None,
                                        opclass: ::core::option::Option::None,
                                        collation: ::core::option::Option::None,
                                    },
                                ]),
                                include: ::std::vec::Vec::new(),
                                predicate: ::core::option::Option::None,
                                nulls_not_distinct: false,
                                with: ::std::vec::Vec::new(),
                                comment: ::core::option::Option::None,
                            },
                            ::strata::schema::Index {
                                name: ::std::string::String::from("dgs_lessons_topic_idx"),
                                unique: false,
                                method: ::strata::schema::IndexMethod::Btree,
                                elements: ::std::vec::Vec::from([
                                    ::strata::schema::IndexElement {
                                        key: ::strata::schema::IndexKey::Column(
                                            ::std::string::String::from("topic"),
                                        ),
                                        order: ::strata::schema::SortOrder::Asc,
                                        nulls: ::core::option::Option::None,
                                        opclass: ::core::option::Option::None,
                                        collation: ::core::option::Option::None,
                                    },
                                ]),
                                include: ::std::vec::Vec::new(),
                                predicate: ::core::option::Option::None,
                                nulls_not_distinct: false,
                                with: ::std::vec::Vec::new(),
                                comment: ::core::option::Option::None,
                            },
                        ]),
                        foreign_keys: ::std::vec::Vec::from([
                            ::strata::schema::ForeignKey {
                                name: ::std::string::String::from("dgs_lessons_job_id_fkey"),
                                columns: ::std::vec::Vec::from([
                                    ::std::string::String::from("job_id"),
                                ]),
                                ref_schema: ::std::string::String::from("public"),
                                ref_table: ::std::string::String::from("dgs_jobs"),
                                ref_columns: ::std::vec::Vec::from([
                                    ::std::string::String::from("job_id"),
                                ]),
                                on_delete: ::strata::schema::FkAction::SetNull,
                                on_update: ::strata::schema::FkAction::NoAction,
                                deferrable: ::strata::schema::Deferrable::NotDeferrable,
                                match_full: false,
                                comment: ::core::option::Option::None,
                                not_valid: false,
                            },
                        ]),
                        ..::strata::schema::Table::new("public", "dgs_lessons")
                    }
                }
                fn enum_types() -> ::std::vec::Vec<::strata::schema::EnumType> {
                    ::strata::__private::enum_types([
                        <String as ::strata::PgType>::enum_type(),
                        <String as ::strata::PgType>::enum_type(),
                        <Vec<String> as ::strata::PgType>::enum_type(),
                        <Option<String> as ::strata::PgType>::enum_type(),
                        <i32 as ::strata::PgType>::enum_type(),
                    ])
                }
                fn decode(
                    __row: &::strata::__private::Row,
                    __positions: &[usize],
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    let &[__p0, __p1, __p2, __p3, __p4, ..] = __positions else {
                        return ::core::result::Result::Err(
                            ::strata::__private::positions_error(
                                Self::NAME,
                                5usize,
                                __positions.len(),
                            ),
                        );
                    };
                    ::core::result::Result::Ok(DgsLesson {
                        lesson_id: ::strata::__private::decode_column::<
                            String,
                        >(__row, __p0, Self::NAME, "lesson_id", "String")?,
                        topic: ::strata::__private::decode_column::<
                            String,
                        >(__row, __p1, Self::NAME, "topic", "String")?,
                        tags: ::strata::__private::decode_column::<
                            Vec<String>,
                        >(__row, __p2, Self::NAME, "tags", "Vec<String>")?,
                        job_id: ::strata::__private::decode_column::<
                            Option<String>,
                        >(__row, __p3, Self::NAME, "job_id", "Option<String>")?,
                        version: ::strata::__private::decode_column::<
                            i32,
                        >(__row, __p4, Self::NAME, "version", "i32")?,
                    })
                }
                fn decode_copy(
                    __row: &::strata::CopyRow<'_>,
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    ::core::result::Result::Ok(DgsLesson {
                        lesson_id: ::strata::__private::decode_column::<
                            String,
                        >(__row, 0usize, Self::NAME, "lesson_id", "String")?,
                        topic: ::strata::__private::decode_column::<
                            String,
                        >(__row, 1usize, Self::NAME, "topic", "String")?,
                        tags: ::strata::__private::decode_column::<
                            Vec<String>,
                        >(__row, 2usize, Self::NAME, "tags", "Vec<String>")?,
                        job_id: ::strata::__private::decode_column::<
                            Option<String>,
                        >(__row, 3usize, Self::NAME, "job_id", "Option<String>")?,
                        version: ::strata::__private::decode_column::<
                            i32,
                        >(__row, 4usize, Self::NAME, "version", "i32")?,
                    })
                }
                fn param(
                    &self,
                    __i: usize,
                ) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                    match __i {
                        0usize => &self.lesson_id,
                        1usize => &self.topic,
                        2usize => &self.tags,
                        3usize => &self.job_id,
                        4usize => &self.version,
                        _ => &::strata::table::NULL_PARAM,
                    }
                }
                fn key(&self) -> Self::Key {
                    ::core::clone::Clone::clone(&self.lesson_id)
                }
            }
            ::strata::__private::inventory::submit! {
                ::strata::registry::ModelEntry { rust_name : ::core::concat!(::core::module_path!(),
                "::", ::core::stringify!(DgsLesson)), definition : < DgsLesson as ::strata::Table >
                ::definition, enum_types : < DgsLesson as ::strata::Table > ::enum_types, partitions
                : < DgsLesson as ::strata::Table > ::partitions, definitions : < DgsLesson as
                ::strata::Table > ::definitions, }
            }
        "#]],
    );
}

#[test]
fn composite_key() {
    check_table(
        r#"
        #[table(schema = "app", primary_key(course_id, student_id))]
        #[table(unique(student_id, seat, name = "enrollment_seat_key"))]
        #[table(check(name = "enrollment_seat_positive", expr = "seat > 0"))]
        pub(crate) struct Enrollment {
            course_id: i64,
            student_id: i64,
            #[column(sql_type = "smallint", comment = "1-based")]
            seat: i16,
            state: State,
        }
        "#,
        expect![[r#"
            /// Typed column handles of [`Enrollment`] (table `app.enrollment`), from `<Enrollment as strata::Table>::columns()`.
            #[derive(Clone, Copy, Debug)]
            pub(crate) struct EnrollmentColumns {
                /// The column `course_id`.
                pub course_id: ::strata::Column<Enrollment, i64>,
                /// The column `student_id`.
                pub student_id: ::strata::Column<Enrollment, i64>,
                /// The column `seat`.
                pub seat: ::strata::Column<Enrollment, i16>,
                /// The column `state`.
                pub state: ::strata::Column<Enrollment, State>,
            }
            #[automatically_derived]
            impl ::strata::Table for Enrollment {
                type Columns = EnrollmentColumns;
                type Key = ::strata::Composite<(i64, i64)>;
                const SCHEMA: &'static str = "app";
                const NAME: &'static str = "enrollment";
                const COLUMNS: &'static [::strata::ColumnInfo] = &[
                    ::strata::ColumnInfo {
                        name: "course_id",
                        field: "course_id",
                        rust_type: "i64",
                        generated: false,
                        primary_key: true,
                    },
                    ::strata::ColumnInfo {
                        name: "student_id",
                        field: "student_id",
                        rust_type: "i64",
                        generated: false,
                        primary_key: true,
                    },
                    ::strata::ColumnInfo {
                        name: "seat",
                        field: "seat",
                        rust_type: "i16",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "state",
                        field: "state",
                        rust_type: "State",
                        generated: false,
                        primary_key: false,
                    },
                ];
                const PRIMARY_KEY: &'static [usize] = &[0usize, 1usize];
                fn columns() -> &'static Self::Columns {
                    static HANDLES: EnrollmentColumns = EnrollmentColumns {
                        course_id: ::strata::Column::new("course_id", 0usize),
                        student_id: ::strata::Column::new("student_id", 1usize),
                        seat: ::strata::Column::new("seat", 2usize),
                        state: ::strata::Column::new("state", 3usize),
                    };
                    &HANDLES
                }
                fn definition() -> ::strata::schema::Table {
                    ::strata::schema::Table {
                        columns: ::std::vec::Vec::from([
                            ::strata::schema::Column::new(
                                "course_id",
                                <i64 as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "student_id",
                                <i64 as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column {
                                comment: ::core::option::Option::Some(
                                    ::std::string::String::from("1-based"),
                                ),
                                ..::strata::schema::Column::new(
                                    "seat",
                                    ::strata::schema::SqlType::SmallInt,
                                    false,
                                )
                            },
                            ::strata::schema::Column::new(
                                "state",
                                <State as ::strata::PgType>::sql_type(),
                                false,
                            ),
                        ]),
                        primary_key: ::core::option::Option::Some(::strata::schema::PrimaryKey {
                            name: ::std::string::String::from("enrollment_pkey"),
                            columns: ::std::vec::Vec::from([
                                ::std::string::String::from("course_id"),
                                ::std::string::String::from("student_id"),
                            ]),
                            include: ::std::vec::Vec::new(),
                            with: ::std::vec::Vec::new(),
                            deferrable: ::strata::schema::Deferrable::NotDeferrable,
                            comment: ::core::option::Option::None,
                        }),
                        uniques: ::std::vec::Vec::from([
                            ::strata::schema::Unique {
                                name: ::std::string::String::from("enrollment_seat_key"),
                                columns: ::std::vec::Vec::from([
                                    ::std::string::String::from("student_id"),
                                    ::std::string::String::from("seat"),
                                ]),
                                include: ::std::vec::Vec::new(),
                                with: ::std::vec::Vec::new(),
                                nulls_not_distinct: false,
                                deferrable: ::strata::schema::Deferrable::NotDeferrable,
                                comment: ::core::option::Option::None,
                            },
                        ]),
                        checks: ::std::vec::Vec::from([
                            ::strata::schema::Check {
                                name: ::std::string::String::from("enrollment_seat_positive"),
                                expression: ::std::string::String::from("seat > 0"),
                                comment: ::core::option::Option::None,
                                no_inherit: false,
                                not_valid: false,
                            },
                        ]),
                        ..::strata::schema::Table::new("app", "enrollment")
                    }
                }
                fn enum_types() -> ::std::vec::Vec<::strata::schema::EnumType> {
                    ::strata::__private::enum_types([
                        <i64 as ::strata::PgType>::enum_type(),
                        <i64 as ::strata::PgType>::enum_type(),
                        <State as ::strata::PgType>::enum_type(),
                    ])
                }
                fn decode(
                    __row: &::strata::__private::Row,
                    __positions: &[usize],
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    let &[__p0, __p1, __p2, __p3, ..] = __positions else {
                        return ::core::result::Result::Err(
                            ::strata::__private::positions_error(
                                Self::NAME,
                                4usize,
                                __positions.len(),
                            ),
                        );
                    };
                    ::core::result::Result::Ok(Enrollment {
                        course_id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, __p0, Self::NAME, "course_id", "i64")?,
                        student_id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, __p1, Self::NAME, "student_id", "i64")?,
                        seat: ::strata::__private::decode_column::<
                            i16,
                        >(__row, __p2, Self::NAME, "seat", "i16")?,
                        state: ::strata::__private::decode_column::<
                            State,
                        >(__row, __p3, Self::NAME, "state", "State")?,
                    })
                }
                fn decode_copy(
                    __row: &::strata::CopyRow<'_>,
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    ::core::result::Result::Ok(Enrollment {
                        course_id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, 0usize, Self::NAME, "course_id", "i64")?,
                        student_id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, 1usize, Self::NAME, "student_id", "i64")?,
                        seat: ::strata::__private::decode_column::<
                            i16,
                        >(__row, 2usize, Self::NAME, "seat", "i16")?,
                        state: ::strata::__private::decode_column::<
                            State,
                        >(__row, 3usize, Self::NAME, "state", "State")?,
                    })
                }
                fn param(
                    &self,
                    __i: usize,
                ) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                    match __i {
                        0usize => &self.course_id,
                        1usize => &self.student_id,
                        2usize => &self.seat,
                        3usize => &self.state,
                        _ => &::strata::table::NULL_PARAM,
                    }
                }
                fn key(&self) -> Self::Key {
                    ::strata::Composite((
                        ::core::clone::Clone::clone(&self.course_id),
                        ::core::clone::Clone::clone(&self.student_id),
                    ))
                }
            }
            ::strata::__private::inventory::submit! {
                ::strata::registry::ModelEntry { rust_name : ::core::concat!(::core::module_path!(),
                "::", ::core::stringify!(Enrollment)), definition : < Enrollment as ::strata::Table >
                ::definition, enum_types : < Enrollment as ::strata::Table > ::enum_types, partitions
                : < Enrollment as ::strata::Table > ::partitions, definitions : < Enrollment as
                ::strata::Table > ::definitions, }
            }
        "#]],
    );
}

#[test]
fn pg_enum() {
    check_enum(
        r#"
        #[pg_enum(schema = "app", rename_all = "kebab-case")]
        pub enum JobState {
            Queued,
            InProgress,
            #[pg_enum(rename = "done")]
            Finished,
        }
        "#,
        expect![[r##"
            #[automatically_derived]
            impl ::strata::PgType for JobState {
                fn sql_type() -> ::strata::schema::SqlType {
                    ::strata::schema::SqlType::Named(::strata::schema::TypeName {
                        schema: ::std::string::String::from("app"),
                        name: ::std::string::String::from("job_state"),
                    })
                }
                fn enum_type() -> ::core::option::Option<::strata::schema::EnumType> {
                    ::core::option::Option::Some(::strata::schema::EnumType {
                        schema: ::std::string::String::from("app"),
                        name: ::std::string::String::from("job_state"),
                        labels: ::std::vec::Vec::from([
                            ::std::string::String::from("queued"),
                            ::std::string::String::from("in-progress"),
                            ::std::string::String::from("done"),
                        ]),
                        comment: ::core::option::Option::None,
                    })
                }
            }
            #[automatically_derived]
            impl ::strata::__private::ToSql for JobState {
                fn to_sql(
                    &self,
                    _ty: &::strata::__private::Type,
                    out: &mut ::strata::__private::BytesMut,
                ) -> ::core::result::Result<
                    ::strata::__private::IsNull,
                    ::std::boxed::Box<
                        dyn ::std::error::Error + ::core::marker::Sync + ::core::marker::Send,
                    >,
                > {
                    let label: &str = match self {
                        Self::Queued => "queued",
                        Self::InProgress => "in-progress",
                        Self::Finished => "done",
                    };
                    out.extend_from_slice(label.as_bytes());
                    ::core::result::Result::Ok(::strata::__private::IsNull::No)
                }
                fn accepts(ty: &::strata::__private::Type) -> bool {
                    ::strata::__private::is_enum_type(ty, "app", "job_state")
                }
                ::strata::__private::to_sql_checked!();
            }
            #[automatically_derived]
            impl<'a> ::strata::__private::FromSql<'a> for JobState {
                fn from_sql(
                    _ty: &::strata::__private::Type,
                    raw: &'a [u8],
                ) -> ::core::result::Result<
                    Self,
                    ::std::boxed::Box<
                        dyn ::std::error::Error + ::core::marker::Sync + ::core::marker::Send,
                    >,
                > {
                    match raw {
                        b"queued" => ::core::result::Result::Ok(Self::Queued),
                        b"in-progress" => ::core::result::Result::Ok(Self::InProgress),
                        b"done" => ::core::result::Result::Ok(Self::Finished),
                        _ => {
                            ::core::result::Result::Err(
                                ::strata::__private::unknown_label(raw, "app.job_state", "JobState"),
                            )
                        }
                    }
                }
                fn accepts(ty: &::strata::__private::Type) -> bool {
                    ::strata::__private::is_enum_type(ty, "app", "job_state")
                }
            }
        "##]],
    );
}

/// The body of `definition()` in the expansion of `input`, formatted (or
/// the messages of its errors).
fn definition(input: &str) -> String {
    let output = derive_table(input.parse().unwrap());
    let errors = messages(output.clone());
    if !errors.is_empty() {
        return format!("errors:\n{errors}");
    }
    let expanded = pretty(output);
    let mut lines = expanded
        .lines()
        .skip_while(|l| !l.contains("fn definition()"));
    let Some(first) = lines.next() else {
        return expanded;
    };
    let indent = first.len() - first.trim_start().len();
    let mut out = vec![first.trim_start()];
    for line in lines {
        out.push(line.get(indent..).unwrap_or(line));
        if line.len() - line.trim_start().len() == indent && line.trim() == "}" {
            break;
        }
    }
    out.join("\n")
}

/// Every kind of model value the macro writes into `definition()`: SQL
/// types with modifiers, identity and serial, defaults, comments, renames,
/// every constraint, index elements with orders, NULLS orders (a default one
/// dropped), expressions, operator classes, `include` and `where`.
#[test]
fn definition_of_every_model_value() {
    let got = definition(
        r#"
        #[table(name = "orders", schema = "shop", comment = "Orders", renamed_from = "old_orders")]
        #[table(index(
            columns(placed_at desc nulls_first, status nulls_first, "lower(note)" nulls_last, number desc nulls_last),
            name = "orders_mix_idx",
            include(total),
            where = "status <> 'gone'",
        ))]
        #[table(index(columns(customer_id, placed_at), unique))]
        #[table(index(columns(doc opclass = "jsonb_path_ops"), method = "gin"))]
        #[table(unique(customer_id, number))]
        #[table(foreign_key(
            columns(customer_id),
            references = "crm.customers(id)",
            on_delete = "restrict",
            on_update = "cascade",
            deferrable = "initially_deferred",
            name = "orders_customer_fk",
        ))]
        #[table(check(name = "orders_total_positive", expr = "total >= 0"))]
        pub struct Order {
            #[column(primary_key, sql_type = "bigserial")]
            id: i64,
            #[column(identity = "by_default")]
            number: i32,
            customer_id: i64,
            #[column(sql_type = "numeric(12, 2)", check = "total < 1000000")]
            total: rust_decimal::Decimal,
            #[column(sql_type = "varchar(32)", default = "'new'", unique, index)]
            status: String,
            #[column(name = "placed", sql_type = "timestamp(3) with time zone", not_null)]
            placed_at: chrono::DateTime<chrono::Utc>,
            #[column(sql_type = "text[]", renamed_from = "labels", comment = "free tags")]
            tags: Vec<String>,
            #[column(sql_type = "crm.mood")]
            mood: Mood,
            #[column(sql_type = "jsonb")]
            doc: serde_json::Value,
            #[column(sql_type = "character(2)")]
            country: String,
            #[column(sql_type = "time")]
            opens: chrono::NaiveTime,
            #[column(identity = "always")]
            seq: i16,
            note: Option<String>,
            #[column(references = "notes(id)", on_delete = "set null", on_update = "set default")]
            note_id: Option<i64>,
        }
        "#,
    );
    expect![[r#"
        fn definition() -> ::strata::schema::Table {
            ::strata::schema::Table {
                columns: ::std::vec::Vec::from([
                    ::strata::schema::Column {
                        identity: ::core::option::Option::Some(
                            ::strata::schema::Identity::Serial,
                        ),
                        ..::strata::schema::Column::new(
                            "id",
                            ::strata::schema::SqlType::BigInt,
                            false,
                        )
                    },
                    ::strata::schema::Column {
                        identity: ::core::option::Option::Some(
                            ::strata::schema::Identity::ByDefault,
                        ),
                        ..::strata::schema::Column::new(
                            "number",
                            <i32 as ::strata::PgType>::sql_type(),
                            false,
                        )
                    },
                    ::strata::schema::Column::new(
                        "customer_id",
                        <i64 as ::strata::PgType>::sql_type(),
                        false,
                    ),
                    ::strata::schema::Column::new(
                        "total",
                        ::strata::schema::SqlType::Numeric(
                            ::core::option::Option::Some((12u16, 2u16)),
                        ),
                        false,
                    ),
                    ::strata::schema::Column {
                        default: ::core::option::Option::Some(
                            ::std::string::String::from("'new'"),
                        ),
                        ..::strata::schema::Column::new(
                            "status",
                            ::strata::schema::SqlType::Varchar(
                                ::core::option::Option::Some(32u32),
                            ),
                            false,
                        )
                    },
                    ::strata::schema::Column::new(
                        "placed",
                        ::strata::schema::SqlType::TimestampTz(
                            ::core::option::Option::Some(3),
                        ),
                        false,
                    ),
                    ::strata::schema::Column {
                        comment: ::core::option::Option::Some(
                            ::std::string::String::from("free tags"),
                        ),
                        renamed_from: ::core::option::Option::Some(
                            ::std::string::String::from("labels"),
                        ),
                        ..::strata::schema::Column::new(
                            "tags",
                            ::strata::schema::SqlType::Text.array_of(),
                            false,
                        )
                    },
                    ::strata::schema::Column::new(
                        "mood",
                        ::strata::schema::SqlType::Named(::strata::schema::TypeName {
                            schema: ::std::string::String::from("crm"),
                            name: ::std::string::String::from("mood"),
                        }),
                        false,
                    ),
                    ::strata::schema::Column::new(
                        "doc",
                        ::strata::schema::SqlType::Jsonb,
                        false,
                    ),
                    ::strata::schema::Column::new(
                        "country",
                        ::strata::schema::SqlType::Char(::core::option::Option::Some(2u32)),
                        false,
                    ),
                    ::strata::schema::Column::new(
                        "opens",
                        ::strata::schema::SqlType::Time(::core::option::Option::None),
                        false,
                    ),
                    ::strata::schema::Column {
                        identity: ::core::option::Option::Some(
                            ::strata::schema::Identity::Always,
                        ),
                        ..::strata::schema::Column::new(
                            "seq",
                            <i16 as ::strata::PgType>::sql_type(),
                            false,
                        )
                    },
                    ::strata::schema::Column::new(
                        "note",
                        <Option<String> as ::strata::PgType>::sql_type(),
                        true,
                    ),
                    ::strata::schema::Column::new(
                        "note_id",
                        <Option<i64> as ::strata::PgType>::sql_type(),
                        true,
                    ),
                ]),
                primary_key: ::core::option::Option::Some(::strata::schema::PrimaryKey {
                    name: ::std::string::String::from("orders_pkey"),
                    columns: ::std::vec::Vec::from([::std::string::String::from("id")]),
                    include: ::std::vec::Vec::new(),
                    with: ::std::vec::Vec::new(),
                    deferrable: ::strata::schema::Deferrable::NotDeferrable,
                    comment: ::core::option::Option::None,
                }),
                uniques: ::std::vec::Vec::from([
                    ::strata::schema::Unique {
                        name: ::std::string::String::from("orders_customer_id_number_key"),
                        columns: ::std::vec::Vec::from([
                            ::std::string::String::from("customer_id"),
                            ::std::string::String::from("number"),
                        ]),
                        include: ::std::vec::Vec::new(),
                        with: ::std::vec::Vec::new(),
                        nulls_not_distinct: false,
                        deferrable: ::strata::schema::Deferrable::NotDeferrable,
                        comment: ::core::option::Option::None,
                    },
                    ::strata::schema::Unique {
                        name: ::std::string::String::from("orders_status_key"),
                        columns: ::std::vec::Vec::from([
                            ::std::string::String::from("status"),
                        ]),
                        include: ::std::vec::Vec::new(),
                        with: ::std::vec::Vec::new(),
                        nulls_not_distinct: false,
                        deferrable: ::strata::schema::Deferrable::NotDeferrable,
                        comment: ::core::option::Option::None,
                    },
                ]),
                indexes: ::std::vec::Vec::from([
                    ::strata::schema::Index {
                        name: ::std::string::String::from("orders_customer_id_placed_idx"),
                        unique: true,
                        method: ::strata::schema::IndexMethod::Btree,
                        elements: ::std::vec::Vec::from([
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("customer_id"),
                                ),
                                order: ::strata::schema::SortOrder::Asc,
                                nulls: ::core::option::Option::None,
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("placed"),
                                ),
                                order: ::strata::schema::SortOrder::Asc,
                                nulls: ::core::option::Option::None,
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                        ]),
                        include: ::std::vec::Vec::new(),
                        predicate: ::core::option::Option::None,
                        nulls_not_distinct: false,
                        with: ::std::vec::Vec::new(),
                        comment: ::core::option::Option::None,
                    },
                    ::strata::schema::Index {
                        name: ::std::string::String::from("orders_doc_idx"),
                        unique: false,
                        method: ::strata::schema::IndexMethod::Gin,
                        elements: ::std::vec::Vec::from([
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("doc"),
                                ),
                                order: ::strata::schema::SortOrder::Asc,
                                nulls: ::core::option::Option::None,
                                opclass: ::core::option::Option::Some(
                                    ::std::string::String::from("jsonb_path_ops"),
                                ),
                                collation: ::core::option::Option::None,
                            },
                        ]),
                        include: ::std::vec::Vec::new(),
                        predicate: ::core::option::Option::None,
                        nulls_not_distinct: false,
                        with: ::std::vec::Vec::new(),
                        comment: ::core::option::Option::None,
                    },
                    ::strata::schema::Index {
                        name: ::std::string::String::from("orders_mix_idx"),
                        unique: false,
                        method: ::strata::schema::IndexMethod::Btree,
                        elements: ::std::vec::Vec::from([
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("placed"),
                                ),
                                order: ::strata::schema::SortOrder::Desc,
                                nulls: ::core::option::Option::None,
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("status"),
                                ),
                                order: ::strata::schema::SortOrder::Asc,
                                nulls: ::core::option::Option::Some(
                                    ::strata::schema::NullsOrder::First,
                                ),
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Expression(
                                    ::std::string::String::from("lower(note)"),
                                ),
                                order: ::strata::schema::SortOrder::Asc,
                                nulls: ::core::option::Option::None,
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("number"),
                                ),
                                order: ::strata::schema::SortOrder::Desc,
                                nulls: ::core::option::Option::Some(
                                    ::strata::schema::NullsOrder::Last,
                                ),
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                        ]),
                        include: ::std::vec::Vec::from([
                            ::std::string::String::from("total"),
                        ]),
                        predicate: ::core::option::Option::Some(
                            ::std::string::String::from("status <> 'gone'"),
                        ),
                        nulls_not_distinct: false,
                        with: ::std::vec::Vec::new(),
                        comment: ::core::option::Option::None,
                    },
                    ::strata::schema::Index {
                        name: ::std::string::String::from("orders_status_idx"),
                        unique: false,
                        method: ::strata::schema::IndexMethod::Btree,
                        elements: ::std::vec::Vec::from([
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("status"),
                                ),
                                order: ::strata::schema::SortOrder::Asc,
                                nulls: ::core::option::Option::None,
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                        ]),
                        include: ::std::vec::Vec::new(),
                        predicate: ::core::option::Option::None,
                        nulls_not_distinct: false,
                        with: ::std::vec::Vec::new(),
                        comment: ::core::option::Option::None,
                    },
                ]),
                foreign_keys: ::std::vec::Vec::from([
                    ::strata::schema::ForeignKey {
                        name: ::std::string::String::from("orders_customer_fk"),
                        columns: ::std::vec::Vec::from([
                            ::std::string::String::from("customer_id"),
                        ]),
                        ref_schema: ::std::string::String::from("crm"),
                        ref_table: ::std::string::String::from("customers"),
                        ref_columns: ::std::vec::Vec::from([
                            ::std::string::String::from("id"),
                        ]),
                        on_delete: ::strata::schema::FkAction::Restrict,
                        on_update: ::strata::schema::FkAction::Cascade,
                        deferrable: ::strata::schema::Deferrable::InitiallyDeferred,
                        match_full: false,
                        comment: ::core::option::Option::None,
                        not_valid: false,
                    },
                    ::strata::schema::ForeignKey {
                        name: ::std::string::String::from("orders_note_id_fkey"),
                        columns: ::std::vec::Vec::from([
                            ::std::string::String::from("note_id"),
                        ]),
                        ref_schema: ::std::string::String::from("shop"),
                        ref_table: ::std::string::String::from("notes"),
                        ref_columns: ::std::vec::Vec::from([
                            ::std::string::String::from("id"),
                        ]),
                        on_delete: ::strata::schema::FkAction::SetNull,
                        on_update: ::strata::schema::FkAction::SetDefault,
                        deferrable: ::strata::schema::Deferrable::NotDeferrable,
                        match_full: false,
                        comment: ::core::option::Option::None,
                        not_valid: false,
                    },
                ]),
                checks: ::std::vec::Vec::from([
                    ::strata::schema::Check {
                        name: ::std::string::String::from("orders_total_check"),
                        expression: ::std::string::String::from("total < 1000000"),
                        comment: ::core::option::Option::None,
                        no_inherit: false,
                        not_valid: false,
                    },
                    ::strata::schema::Check {
                        name: ::std::string::String::from("orders_total_positive"),
                        expression: ::std::string::String::from("total >= 0"),
                        comment: ::core::option::Option::None,
                        no_inherit: false,
                        not_valid: false,
                    },
                ]),
                comment: ::core::option::Option::Some(::std::string::String::from("Orders")),
                renamed_from: ::core::option::Option::Some(
                    ::std::string::String::from("old_orders"),
                ),
                ..::strata::schema::Table::new("shop", "orders")
            }
        }"#]]
    .assert_eq(&got);
}

/// The options of issue 10 in `definition()`: a unique index with NULLS
/// NOT DISTINCT, storage parameters (kept as written, in order) and a
/// comment; a named, deferrable, commented primary key given by
/// `#[table(primary_key(...))]` with options only; MATCH FULL; comments on
/// unique, check and foreign key constraints; sequence options in canonical
/// form (`min = 1`, the default of an ascending sequence, left out).
#[test]
fn definition_of_constraint_and_sequence_options() {
    let got = definition(
        r#"
        #[table(primary_key(name = "t_key", deferrable = "initially_deferred", comment = "the key"))]
        #[table(index(columns(a), unique, nulls = "not_distinct", with(fillfactor = 70, deduplicate_items = "off"), comment = "one per a"))]
        #[table(unique(b, comment = "b once", deferrable = "initially_immediate"))]
        #[table(check(name = "t_b_check", expr = "b > 0", comment = "positive"))]
        #[table(foreign_key(columns(a, b), references = "u(x, y)", match = "full", comment = "to u"))]
        pub struct T {
            #[column(primary_key, identity = "always", sequence(start = 100, increment = 5, min = 1, max = 1000, cache = 20, cycle))]
            id: i32,
            a: Option<i64>,
            b: Option<i64>,
            #[column(sql_type = "bigserial", sequence(increment = -1))]
            c: i64,
        }
        "#,
    );
    expect![[r#"
        fn definition() -> ::strata::schema::Table {
            ::strata::schema::Table {
                columns: ::std::vec::Vec::from([
                    ::strata::schema::Column {
                        identity: ::core::option::Option::Some(
                            ::strata::schema::Identity::Always,
                        ),
                        sequence: ::core::option::Option::Some(::strata::schema::SequenceOptions {
                            start: ::core::option::Option::Some(100i64),
                            increment: ::core::option::Option::Some(5i64),
                            min: ::core::option::Option::None,
                            max: ::core::option::Option::Some(1000i64),
                            cache: ::core::option::Option::Some(20i64),
                            cycle: true,
                            name: ::core::option::Option::None,
                        }),
                        ..::strata::schema::Column::new(
                            "id",
                            <i32 as ::strata::PgType>::sql_type(),
                            false,
                        )
                    },
                    ::strata::schema::Column::new(
                        "a",
                        <Option<i64> as ::strata::PgType>::sql_type(),
                        true,
                    ),
                    ::strata::schema::Column::new(
                        "b",
                        <Option<i64> as ::strata::PgType>::sql_type(),
                        true,
                    ),
                    ::strata::schema::Column {
                        identity: ::core::option::Option::Some(
                            ::strata::schema::Identity::Serial,
                        ),
                        sequence: ::core::option::Option::Some(::strata::schema::SequenceOptions {
                            start: ::core::option::Option::None,
                            increment: ::core::option::Option::Some(-1i64),
                            min: ::core::option::Option::None,
                            max: ::core::option::Option::None,
                            cache: ::core::option::Option::None,
                            cycle: false,
                            name: ::core::option::Option::None,
                        }),
                        ..::strata::schema::Column::new(
                            "c",
                            ::strata::schema::SqlType::BigInt,
                            false,
                        )
                    },
                ]),
                primary_key: ::core::option::Option::Some(::strata::schema::PrimaryKey {
                    name: ::std::string::String::from("t_key"),
                    columns: ::std::vec::Vec::from([::std::string::String::from("id")]),
                    include: ::std::vec::Vec::new(),
                    with: ::std::vec::Vec::new(),
                    deferrable: ::strata::schema::Deferrable::InitiallyDeferred,
                    comment: ::core::option::Option::Some(
                        ::std::string::String::from("the key"),
                    ),
                }),
                uniques: ::std::vec::Vec::from([
                    ::strata::schema::Unique {
                        name: ::std::string::String::from("t_b_key"),
                        columns: ::std::vec::Vec::from([::std::string::String::from("b")]),
                        include: ::std::vec::Vec::new(),
                        with: ::std::vec::Vec::new(),
                        nulls_not_distinct: false,
                        deferrable: ::strata::schema::Deferrable::InitiallyImmediate,
                        comment: ::core::option::Option::Some(
                            ::std::string::String::from("b once"),
                        ),
                    },
                ]),
                indexes: ::std::vec::Vec::from([
                    ::strata::schema::Index {
                        name: ::std::string::String::from("t_a_idx"),
                        unique: true,
                        method: ::strata::schema::IndexMethod::Btree,
                        elements: ::std::vec::Vec::from([
                            ::strata::schema::IndexElement {
                                key: ::strata::schema::IndexKey::Column(
                                    ::std::string::String::from("a"),
                                ),
                                order: ::strata::schema::SortOrder::Asc,
                                nulls: ::core::option::Option::None,
                                opclass: ::core::option::Option::None,
                                collation: ::core::option::Option::None,
                            },
                        ]),
                        include: ::std::vec::Vec::new(),
                        predicate: ::core::option::Option::None,
                        nulls_not_distinct: true,
                        with: ::std::vec::Vec::from([
                            ::std::string::String::from("fillfactor=70"),
                            ::std::string::String::from("deduplicate_items=off"),
                        ]),
                        comment: ::core::option::Option::Some(
                            ::std::string::String::from("one per a"),
                        ),
                    },
                ]),
                foreign_keys: ::std::vec::Vec::from([
                    ::strata::schema::ForeignKey {
                        name: ::std::string::String::from("t_a_b_fkey"),
                        columns: ::std::vec::Vec::from([
                            ::std::string::String::from("a"),
                            ::std::string::String::from("b"),
                        ]),
                        ref_schema: ::std::string::String::from("public"),
                        ref_table: ::std::string::String::from("u"),
                        ref_columns: ::std::vec::Vec::from([
                            ::std::string::String::from("x"),
                            ::std::string::String::from("y"),
                        ]),
                        on_delete: ::strata::schema::FkAction::NoAction,
                        on_update: ::strata::schema::FkAction::NoAction,
                        deferrable: ::strata::schema::Deferrable::NotDeferrable,
                        match_full: true,
                        comment: ::core::option::Option::Some(
                            ::std::string::String::from("to u"),
                        ),
                        not_valid: false,
                    },
                ]),
                checks: ::std::vec::Vec::from([
                    ::strata::schema::Check {
                        name: ::std::string::String::from("t_b_check"),
                        expression: ::std::string::String::from("b > 0"),
                        comment: ::core::option::Option::Some(
                            ::std::string::String::from("positive"),
                        ),
                        no_inherit: false,
                        not_valid: false,
                    },
                ]),
                ..::strata::schema::Table::new("public", "t")
            }
        }"#]]
    .assert_eq(&got);
}

/// Each case: a derive input, and the messages it must produce (empty when
/// it must expand without errors).
#[test]
fn table_error_messages() {
    let pk = "#[column(primary_key)] id: i64,";
    let cases: Vec<(String, &str)> = vec![
        (format!("struct T {{ {pk} }}"), ""),
        (
            format!("#[table(name = \"a\", name = \"b\")] struct T {{ {pk} }}"),
            "duplicate `name` in `#[table(...)]`: give it once",
        ),
        (
            format!("#[table(name)] struct T {{ {pk} }}"),
            "`name` needs a value: `name = \"...\"`",
        ),
        (
            format!("#[table(name = \"a\" \"b\")] struct T {{ {pk} }}"),
            "unexpected tokens after `name = \"...\"` (items are separated by `,`)",
        ),
        (
            format!("#[table(name = \"\")] struct T {{ {pk} }}"),
            "invalid `name`: the name is empty",
        ),
        (
            format!("#[table(, name = \"a\")] struct T {{ {pk} }}"),
            "unexpected `,`: expected an item before it",
        ),
        (
            format!("#[table = \"x\"] struct T {{ {pk} }}"),
            "expected `#[table(...)]`",
        ),
        (
            format!("#[table(unique)] struct T {{ {pk} }}"),
            "`unique` takes a list: `unique(field_a, field_b, name = \"...\")`",
        ),
        (
            format!("#[table(unique(id, id))] struct T {{ {pk} }}"),
            "field `id` appears twice in `unique(...)`",
        ),
        (
            format!("#[table(index(name = \"i\"))] struct T {{ {pk} }}"),
            "`index(...)` needs `columns(...)`: write `index(columns(field_a, field_b desc))`",
        ),
        (
            format!("#[table(index(columns()))] struct T {{ {pk} }}"),
            "`columns()` is empty: an index needs at least one field or expression",
        ),
        (
            format!("#[table(index(columns(id asc desc nulls_first nulls_last)))] struct T {{ {pk} }}"),
            "`desc` after `asc`: an index element has one sort order\n`nulls_last` after `nulls_first`: an index element has one NULLS order",
        ),
        (
            format!("#[table(index(columns(id), unique, method = \"hash\"))] struct T {{ {pk} }}"),
            "a `hash` index cannot be `unique`: PostgreSQL supports unique indexes only with btree",
        ),
        (
            format!("#[table(index(columns(id opclass = \"a b\")))] struct T {{ {pk} }}"),
            "invalid `opclass`: `a b` is not an operator class name (letters, digits and `_`, optionally `schema.name`)",
        ),
        (
            format!("#[table(index(columns(\"lower(x\"), name = \"i\"))] struct T {{ {pk} }}"),
            "invalid index expression: the `(` at character 6 is never closed",
        ),
        (
            format!("#[table(index(columns(id), where = \"x; y\"))] struct T {{ {pk} }}"),
            "invalid `where = \"x; y\"`: `;` at character 2: write one SQL expression, not statements",
        ),
        (
            format!("#[table(check(name = \"c\"))] struct T {{ {pk} }}"),
            "`check(...)` needs `expr = \"...\"`: the boolean SQL expression to check",
        ),
        (
            format!("#[table(foreign_key(columns(id)))] struct T {{ {pk} }}"),
            "`foreign_key(...)` needs `columns(...)` and `references = \"table(x, y)\"`",
        ),
        (
            format!("#[table(foreign_key(columns(id), references = \"u(id)\", deferrable = \"yes\"))] struct T {{ {pk} }}"),
            "invalid `deferrable = \"yes\"`: expected `not_deferrable`, `initially_immediate` or `initially_deferred`",
        ),
        (
            format!("#[table(foreign_key(columns(id), references = \"U(id)\"))] struct T {{ {pk} }}"),
            "invalid `references = \"U(id)\"`: unquoted `U` would be folded to `u` by PostgreSQL; write it in lower case, or as `\"U\"` to keep the case",
        ),
        (
            "#[table(primary_key(id))] struct T { id: i64, #[column(name = \"id\")] other: i64 }".into(),
            "duplicate SQL column name `id`: field `id` already maps to it; give one of them another `#[column(name = \"...\")]`",
        ),
        (
            "#[table(primary_key(ident))] struct T { #[column(name = \"ident\")] id: i64 }".into(),
            "unknown field `ident` in `primary_key(...)`: `T` has no such field; `ident` is the SQL name of field `id`, and these lists name Rust fields",
        ),
        (
            format!("#[table(unique(id), unique(id))] struct T {{ {pk} }}"),
            "the name `t_id_key` is used twice, by a `unique(...)` and by a `unique(...)`; give one of them another `name = \"...\"`",
        ),
        (
            format!("#[table(check(name = \"t_pkey\", expr = \"true\"))] struct T {{ {pk} }}"),
            "the name `t_pkey` is used twice, by the primary key and by a `check(...)`; give one of them another `name = \"...\"`",
        ),
        (
            "struct T { #[column(primary_key, identity = \"serial\")] id: i64 }".into(),
            "invalid `identity = \"serial\"`: serial is a column type here; write `sql_type = \"serial\"` (or `bigserial`, `smallserial`) instead",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sql_type = \"bigserial\")] id: i64 }".into(),
            "`identity` together with a serial `sql_type`: field `id` is already generated by its sequence; keep one of the two",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", default = \"1\")] id: i64 }".into(),
            "`default` on field `id`, an identity/serial column: its values come from a sequence; remove `default`",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(sql_type = \"serial\")] n: Option<i32> }".into(),
            "field `n` is an identity/serial column, which PostgreSQL makes NOT NULL; its type cannot be `Option<i32>`",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sql_type = \"text\")] id: i64 }".into(),
            "`identity` needs an integer column, but field `id` has SQL type `text`; use `i16`, `i32` or `i64` (smallint, integer, bigint)",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\")] id: std::primitive::i32 }".into(),
            "",
        ),
        (
            "struct T { #[column(primary_key, references = \"u(a, b)\")] id: i64 }".into(),
            "`references = \"u(a, b)\"` names 2 columns, but a field is one column; for a composite foreign key use `#[table(foreign_key(columns(a, b), references = \"...\"))]`",
        ),
        (
            "struct T { #[column(primary_key, check = \"\")] id: i64 }".into(),
            "invalid `check = \"\"`: the expression is empty",
        ),
        (
            "struct T { #[column(primary_key, sql_type = \"text\", sql_type = \"int\")] id: i64 }".into(),
            "duplicate `sql_type` in `#[column(...)]`: give it once",
        ),
        (
            "struct T { #[column(primary_key, unique(id))] id: i64 }".into(),
            "`unique` is a flag and takes no value: write `unique` alone",
        ),
        (
            "struct T { #[column(primary_key, nam = \"x\")] id: i64 }".into(),
            "unknown key `nam` in `#[column(...)]`; did you mean `name`? (expected `name`, `primary_key`, `sql_type`, `default`, `unique`, `index`, `references`, `on_delete`, `on_update`, `identity`, `sequence`, `generated`, `collation`, `check`, `comment`, `renamed_from` or `not_null`)",
        ),
        // Index options, constraint options and sequences (issue 10).
        (
            "#[table(index(columns(a), nulls = \"not_distinct\"))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "`nulls = \"not_distinct\"` on an index that is not `unique`: NULLS NOT DISTINCT only changes which rows a unique index lets conflict; add `unique`, or remove `nulls`",
        ),
        (
            "#[table(index(columns(a), unique, nulls = \"none\"))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "invalid `nulls = \"none\"`: expected \"distinct\" (the default) or \"not_distinct\"",
        ),
        (
            "#[table(index(columns(a), with(filfactor = 70)))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "invalid storage parameter in `with(...)`: a btree index has no storage parameter `filfactor` (it takes fillfactor, deduplicate_items); did you mean `fillfactor`?",
        ),
        (
            "#[table(index(columns(a), method = \"gin\", with(fillfactor = 70)))] struct T { #[column(primary_key)] id: i64, a: Vec<i32> }".into(),
            "invalid storage parameter in `with(...)`: a gin index has no storage parameter `fillfactor` (it takes fastupdate, gin_pending_list_limit)",
        ),
        (
            "#[table(index(columns(a), with(fillfactor = 5)))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "invalid storage parameter in `with(...)`: `fillfactor` takes an integer from 10 to 100, not \"5\"",
        ),
        (
            "#[table(index(columns(a), with(deduplicate_items = \"maybe\")))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "invalid storage parameter in `with(...)`: `deduplicate_items` takes one of true, false, on, off, yes, no, 1, 0, not \"maybe\"",
        ),
        (
            "#[table(index(columns(a), with(fillfactor = 7.5, fillfactor)))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "expected an integer, `true`/`false` or a string: `fillfactor = 70`, `fillfactor = true` or `fillfactor = \"...\"`\nthe storage parameter `fillfactor` needs a value: `fillfactor = ...`, with an integer, `true`/`false` or a string",
        ),
        (
            "#[table(index(columns(a), with()))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "`with()` is empty: give storage parameters, as in `with(fillfactor = 70)`, or remove it",
        ),
        (
            "#[table(index(columns(a), coment = \"x\"))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "unknown key `coment` in `index(...)`; did you mean `comment`? (expected `columns`, `name`, `unique`, `method`, `where`, `include`, `nulls`, `with` or `comment`)",
        ),
        (
            "#[table(unique(a, coment = \"x\"))] struct T { #[column(primary_key)] id: i64, a: i32 }".into(),
            "unknown option `coment` in `unique(...)` (did you mean `comment`?): expected field names and optionally `name = \"...\"`, `nulls = \"not_distinct\"`, `deferrable = \"...\"` or `comment = \"...\"`",
        ),
        (
            "#[table(primary_key(id, deferable = \"initially_deferred\"))] struct T { id: i64 }".into(),
            "unknown option `deferable` in `primary_key(...)` (did you mean `deferrable`?): expected field names and optionally `name = \"...\"`, `deferrable = \"...\"` or `comment = \"...\"`",
        ),
        (
            "#[table(primary_key(deferrable = \"later\"))] struct T { #[column(primary_key)] id: i64 }".into(),
            "invalid `deferrable = \"later\"`: expected `not_deferrable`, `initially_immediate` or `initially_deferred`",
        ),
        (
            "#[table(primary_key(comment = \"k\"))] struct T { id: i64 }".into(),
            "`primary_key(...)` names no field: list the key's fields, as in `primary_key(a, b, deferrable = \"...\")`, or mark the key field with `#[column(primary_key)]`",
        ),
        (
            "#[table(primary_key(comment = \"k\", deferrable = \"initially_deferred\", name = \"t_key\"))] struct T { #[column(primary_key)] id: i64 }".into(),
            "",
        ),
        (
            "#[table(foreign_key(columns(a), references = \"u(id)\", match = \"partial\"))] struct T { #[column(primary_key)] id: i64, a: i64 }".into(),
            "invalid `match = \"partial\"`: PostgreSQL does not implement MATCH PARTIAL; write `match = \"full\"` or `match = \"simple\"` (the default)",
        ),
        (
            "#[table(foreign_key(columns(a), references = \"u(id)\", match = \"ful\"))] struct T { #[column(primary_key)] id: i64, a: i64 }".into(),
            "invalid `match = \"ful\"`: expected \"full\" (MATCH FULL: all referencing columns NULL, or none) or \"simple\" (the default)",
        ),
        (
            "#[table(check(name = \"c\", expr = \"a > 0\", coment = \"x\"))] struct T { #[column(primary_key)] id: i64, a: i64 }".into(),
            "unknown key `coment` in `check(...)`; did you mean `comment`? (expected `name`, `expr` or `comment`)",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(sequence(start = 5))] a: i64 }".into(),
            "`sequence(...)` on field `a`, which has no sequence: add `identity = \"always\"` (or `\"by_default\"`), or make it a serial column with `sql_type = \"serial\"` (`bigserial`, `smallserial`)",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sequence(stat = 5))] id: i64 }".into(),
            "unknown key `stat` in `sequence(...)`; did you mean `start`? (expected `start`, `increment`, `min`, `max`, `cache` or `cycle`)",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sequence(increment = 0))] id: i64 }".into(),
            "`increment = 0`: a sequence must move; use a positive (ascending) or negative (descending) increment",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sequence(max = 40000))] id: i16 }".into(),
            "`max = 40000` is out of range for a sequence of type smallint (-32768 to 32767)",
        ),
        (
            "struct T { #[column(primary_key, sql_type = \"serial\", sequence(min = 10, max = 10))] id: i32 }".into(),
            "the sequence's `min` (10) must be less than its `max` (10)",
        ),
        (
            "struct T { #[column(primary_key, identity = \"by_default\", sequence(start = 0))] id: i64 }".into(),
            "`start = 0` is outside the sequence's range, `min` 1 to `max` 9223372036854775807; change `start`, or widen the range with `min`/`max`",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sequence(cache = 0, cycle = true))] id: i64 }".into(),
            "`cycle` is a flag and takes no value: write `cycle` alone\n`cache = 0`: the cache holds at least 1 value",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sequence(start = 99999999999999999999))] id: i64 }".into(),
            "`start = 99999999999999999999` is out of range: a sequence holds 64-bit integers (-9223372036854775808 to 9223372036854775807)",
        ),
        (
            "struct T { #[column(primary_key, identity = \"always\", sequence(increment = -1, min = -9223372036854775808, start = -1, cache = 10, cycle))] id: i64 }".into(),
            "",
        ),
        // Generated columns and collations.
        (
            "struct T { #[column(primary_key, identity = \"always\", generated = \"1\")] id: i64 }".into(),
            "`generated` on field `id`, an identity/serial column: a column takes its values from a sequence or computes them, not both; keep one",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(generated = \"id * 2\", default = \"0\")] twice: i64 }".into(),
            "`default` on field `twice`, a generated column: its value is always computed from `generated`; remove `default`",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(generated = \"(id\")] twice: i64 }".into(),
            "invalid `generated = \"(id\"`: the `(` at character 1 is never closed",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(collation = \"C\")] n: Option<i64> }".into(),
            "`collation` on field `n` of type `Option<i64>`, which PostgreSQL does not collate: only text types (`text`, `varchar`, `char`, their arrays, domains over them) take a collation; remove `collation`",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(sql_type = \"jsonb\", collation = \"C\")] n: String }".into(),
            "`collation` on field `n` of SQL type `jsonb`, which PostgreSQL does not collate: only text types (`text`, `varchar`, `char`, their arrays, domains over them) take a collation; remove `collation`",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(collation = \"\\\"german\\\"\")] n: String }".into(),
            "invalid `collation = \"\\\"german\\\"\"`: a quoted collation name needs its schema: `schema.\"name\"` (or an unquoted name of pg_catalog, `C`)",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(collation = \"App.\\\"german\\\"\")] n: String }".into(),
            "invalid `collation = \"App.\\\"german\\\"\"`: the unquoted schema `App` would be folded to lower case by PostgreSQL; write it in lower case or in double quotes",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(collation = \"\")] n: String }".into(),
            "invalid `collation = \"\"`: the name is empty",
        ),
        (
            "struct T { #[column(primary_key)] id: i64, #[column(collation = \"en_US.utf8\", generated = \"lower(s)\")] n: String, s: String, #[column(collation = \"app.\\\"German\\\"\")] g: Option<Vec<String>> }".into(),
            "",
        ),
        (
            format!("struct ThisStructNameIsMuchTooLongForAPostgresIdentifierOfSixtyThree {{ {pk} }}"),
            "the default table name is too long: `this_struct_name_is_much_too_long_for_a_postgres_identifier_of_sixty_three` is 74 bytes long; PostgreSQL identifiers are at most 63 bytes (a longer one is silently truncated); set a shorter one with `#[table(name = \"...\")]`",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(table_errors(&input), want, "input: {input}");
    }
}

#[test]
fn pg_enum_error_messages() {
    let cases = [
        ("enum E { A, B }", ""),
        ("enum E<T> { A(T) }", "`#[derive(PgEnum)]` does not support generic parameters: a PostgreSQL enum type maps to one fixed PostgreSQL type\nvariant `A` carries data, but a PostgreSQL enum value is only a label: `#[derive(PgEnum)]` needs variants without fields"),
        ("#[pg_enum(rename = \"x\")] enum E { A }", "unknown key `rename` in `#[pg_enum(...)]` on an enum; `rename` belongs in `#[pg_enum(...)]` on a variant (expected `name`, `schema`, `rename_all` or `comment`)"),
        ("enum E { #[pg_enum(rename_all = \"lowercase\")] A }", "unknown key `rename_all` in `#[pg_enum(...)]` on a variant; `rename_all` belongs in `#[pg_enum(...)]` on an enum (expected `rename`)"),
        ("enum E { #[pg_enum(rename = \"\")] A }", "invalid enum label: the name is empty"),
        ("#[pg_enum(rename_all = \"lowercase\")] enum E { InProgress, Inprogress }", "duplicate label `inprogress`: variants `InProgress` and `Inprogress` both map to it; give one a `#[pg_enum(rename = \"...\")]`"),
        ("#[pg_enum(rename_all = \"verbatim\")] enum E { InProgress, Inprogress }", ""),
        ("union U { a: i32 }", "`#[derive(PgEnum)]` needs an enum whose variants have no fields, not a union"),
    ];
    for (input, want) in cases {
        assert_eq!(enum_errors(input), want, "input: {input}");
    }
}

/// A model with errors still gets its `<Struct>Columns` and key type, so
/// code using them compiles on (no follow-up errors); generic input gets a
/// stub that states the `Table` supertraits.
#[test]
fn fallback_stub() {
    check_table(
        r#"
        pub struct Job {
            #[column(primary_key, sql_type = "nope(")]
            pub id: i64,
            pub r#type: String,
        }
        "#,
        expect![[r#"
            ::core::compile_error! {
                "invalid `sql_type = \"nope(\"`: unknown type `nope` cannot take a modifier"
            }
            /// Typed column handles of [`Job`], from `<Job as strata::Table>::columns()`.
            #[derive(Clone, Copy, Debug)]
            pub struct JobColumns {
                /// The column `id`.
                pub id: ::strata::Column<Job, i64>,
                /// The column `type`.
                pub r#type: ::strata::Column<Job, String>,
            }
            #[automatically_derived]
            impl ::strata::Table for Job
            where
                Self: ::core::marker::Send + ::core::marker::Sync + 'static,
            {
                type Columns = JobColumns;
                type Key = i64;
                const SCHEMA: &'static str = "";
                const NAME: &'static str = "";
                const COLUMNS: &'static [::strata::ColumnInfo] = &[];
                const PRIMARY_KEY: &'static [usize] = &[];
                fn columns() -> &'static Self::Columns {
                    {
                        static HANDLES: JobColumns = JobColumns {
                            id: ::strata::Column::new("id", 0usize),
                            r#type: ::strata::Column::new("type", 1usize),
                        };
                        &HANDLES
                    }
                }
                fn definition() -> ::strata::schema::Table {
                    ::core::unreachable!()
                }
                fn decode(
                    _: &::strata::__private::Row,
                    _: &[usize],
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    ::core::unreachable!()
                }
                fn param(
                    &self,
                    _: usize,
                ) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                    ::core::unreachable!()
                }
                fn key(&self) -> Self::Key {
                    ::core::unreachable!()
                }
            }
        "#]],
    );
}

#[test]
fn from_row() {
    let input: TokenStream = r#"
        struct Totals {
            conversation_id: i32,
            #[row(rename = "count")]
            r#messages: Option<i64>,
        }
    "#
    .parse()
    .unwrap();
    expect![[r##"
        #[automatically_derived]
        impl ::strata::FromRow for Totals {
            type Fields = (i32, Option<i64>);
            const NAME: &'static str = "Totals";
            const FIELDS: &'static [::strata::RowField] = &[
                ::strata::RowField {
                    column: "conversation_id",
                    field: "conversation_id",
                    rust_type: "i32",
                },
                ::strata::RowField {
                    column: "count",
                    field: "messages",
                    rust_type: "Option<i64>",
                },
            ];
            fn decode(
                __row: &::strata::__private::Row,
                __positions: &[usize],
            ) -> ::core::result::Result<Self, ::strata::Error> {
                let &[__p0, __p1, ..] = __positions else {
                    return ::core::result::Result::Err(
                        ::strata::row::positions_error(Self::NAME, 2usize, __positions.len()),
                    );
                };
                ::core::result::Result::Ok(Totals {
                    conversation_id: ::strata::__private::decode_field::<
                        i32,
                    >(__row, __p0, Self::NAME, "conversation_id", "i32")?,
                    r#messages: ::strata::__private::decode_field::<
                        Option<i64>,
                    >(__row, __p1, Self::NAME, "messages", "Option<i64>")?,
                })
            }
        }
    "##]]
    .assert_eq(&pretty(derive_from_row(input)));
}

#[test]
fn from_row_error_messages() {
    let errors = |input: &str| messages(derive_from_row(input.parse().unwrap()));
    expect![[r#"
        `#[derive(FromRow)]` does not support generic parameters: a result row maps to one fixed PostgreSQL type
        `#[row(...)]` belongs on a field (`#[row(rename = "...")]`), not on the struct
        unknown key `renam` in `#[row(...)]` on a field; did you mean `rename`? (expected `rename`)
        `rename` needs a column name, not an empty string
        fields `a` and `b` both read column `a`: give one of them `#[row(rename = "...")]`"#]].assert_eq(&errors(
        r#"#[row(rename = "t")] struct T<X> { #[row(renam = "a", rename = "")] a: X, #[row(rename = "a")] b: i32 }"#,
    ));
    expect!["`#[derive(FromRow)]` needs a struct with named fields (`struct Totals { id: i32, n: i64 }`): a field reads the column of its name; for positional rows use a tuple (`Select::project` reads into one)"].assert_eq(&errors("struct T(i32);"));
    expect!["`#[derive(FromRow)]` needs a struct with named fields, not an enum"]
        .assert_eq(&errors("enum T { A }"));
}

#[test]
fn table_objects() {
    check_table(
        r#"
        #[table(name = "events", partition_by = "range (day)", primary_key(id, day))]
        #[table(partition(name = "events_2024", values = "from ('2024-01-01') to ('2025-01-01')"))]
        #[table(partition(name = "events_other", schema = "archive", default))]
        #[table(row_level_security(force), policy(name = "mine", for = "select", to = "Reader, public", using = "owner = current_user"))]
        #[table(grant(privileges = "SELECT, insert", to = "reader", with_grant_option))]
        #[table(grant(privileges = "update", columns(kind), to = "reader"))]
        pub struct Event {
            pub id: i64,
            pub day: i32,
            pub kind: String,
            pub owner: String,
        }
        "#,
        expect![[r#"
            /// Typed column handles of [`Event`] (table `public.events`), from `<Event as strata::Table>::columns()`.
            #[derive(Clone, Copy, Debug)]
            pub struct EventColumns {
                /// The column `id`.
                pub id: ::strata::Column<Event, i64>,
                /// The column `day`.
                pub day: ::strata::Column<Event, i32>,
                /// The column `kind`.
                pub kind: ::strata::Column<Event, String>,
                /// The column `owner`.
                pub owner: ::strata::Column<Event, String>,
            }
            #[automatically_derived]
            impl ::strata::Table for Event {
                type Columns = EventColumns;
                type Key = ::strata::Composite<(i64, i32)>;
                const SCHEMA: &'static str = "public";
                const NAME: &'static str = "events";
                const COLUMNS: &'static [::strata::ColumnInfo] = &[
                    ::strata::ColumnInfo {
                        name: "id",
                        field: "id",
                        rust_type: "i64",
                        generated: false,
                        primary_key: true,
                    },
                    ::strata::ColumnInfo {
                        name: "day",
                        field: "day",
                        rust_type: "i32",
                        generated: false,
                        primary_key: true,
                    },
                    ::strata::ColumnInfo {
                        name: "kind",
                        field: "kind",
                        rust_type: "String",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "owner",
                        field: "owner",
                        rust_type: "String",
                        generated: false,
                        primary_key: false,
                    },
                ];
                const PRIMARY_KEY: &'static [usize] = &[0usize, 1usize];
                fn columns() -> &'static Self::Columns {
                    static HANDLES: EventColumns = EventColumns {
                        id: ::strata::Column::new("id", 0usize),
                        day: ::strata::Column::new("day", 1usize),
                        kind: ::strata::Column::new("kind", 2usize),
                        owner: ::strata::Column::new("owner", 3usize),
                    };
                    &HANDLES
                }
                fn definition() -> ::strata::schema::Table {
                    ::strata::schema::Table {
                        columns: ::std::vec::Vec::from([
                            ::strata::schema::Column::new(
                                "id",
                                <i64 as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "day",
                                <i32 as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "kind",
                                <String as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "owner",
                                <String as ::strata::PgType>::sql_type(),
                                false,
                            ),
                        ]),
                        primary_key: ::core::option::Option::Some(::strata::schema::PrimaryKey {
                            name: ::std::string::String::from("events_pkey"),
                            columns: ::std::vec::Vec::from([
                                ::std::string::String::from("id"),
                                ::std::string::String::from("day"),
                            ]),
                            include: ::std::vec::Vec::new(),
                            with: ::std::vec::Vec::new(),
                            deferrable: ::strata::schema::Deferrable::NotDeferrable,
                            comment: ::core::option::Option::None,
                        }),
                        partition_by: ::core::option::Option::Some(
                            ::std::string::String::from("RANGE (day)"),
                        ),
                        ..::strata::schema::Table::new("public", "events")
                    }
                }
                fn enum_types() -> ::std::vec::Vec<::strata::schema::EnumType> {
                    ::strata::__private::enum_types([
                        <i64 as ::strata::PgType>::enum_type(),
                        <i32 as ::strata::PgType>::enum_type(),
                        <String as ::strata::PgType>::enum_type(),
                        <String as ::strata::PgType>::enum_type(),
                    ])
                }
                fn partitions() -> ::std::vec::Vec<::strata::schema::Table> {
                    ::std::vec::Vec::from([
                        ::strata::schema::Table {
                            columns: ::std::vec::Vec::new(),
                            partition_of: ::core::option::Option::Some(::strata::schema::PartitionOf {
                                parent: ::strata::schema::TableRef {
                                    schema: ::std::string::String::from("public"),
                                    name: ::std::string::String::from("events"),
                                },
                                bound: ::std::string::String::from(
                                    "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                                ),
                            }),
                            ..::strata::schema::Table::new("public", "events_2024")
                        },
                        ::strata::schema::Table {
                            columns: ::std::vec::Vec::new(),
                            partition_of: ::core::option::Option::Some(::strata::schema::PartitionOf {
                                parent: ::strata::schema::TableRef {
                                    schema: ::std::string::String::from("public"),
                                    name: ::std::string::String::from("events"),
                                },
                                bound: ::std::string::String::from("DEFAULT"),
                            }),
                            ..::strata::schema::Table::new("archive", "events_other")
                        },
                    ])
                }
                fn definitions() -> ::std::vec::Vec<::strata::schema::Definition> {
                    ::std::vec::Vec::from([
                        ::strata::schema::Definition::new(
                            "public.events: row level security",
                            "ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;\nALTER TABLE public.events FORCE ROW LEVEL SECURITY;",
                        ),
                        ::strata::schema::Definition::new(
                            "public.events: policy mine",
                            "CREATE POLICY mine ON public.events FOR SELECT TO \"Reader\", PUBLIC USING (owner = current_user);",
                        ),
                        ::strata::schema::Definition::new(
                            "public.events: grant 1",
                            "GRANT SELECT, INSERT ON TABLE public.events TO reader WITH GRANT OPTION;",
                        ),
                        ::strata::schema::Definition::new(
                            "public.events: grant 2",
                            "GRANT UPDATE (kind) ON TABLE public.events TO reader;",
                        ),
                    ])
                }
                fn decode(
                    __row: &::strata::__private::Row,
                    __positions: &[usize],
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    let &[__p0, __p1, __p2, __p3, ..] = __positions else {
                        return ::core::result::Result::Err(
                            ::strata::__private::positions_error(
                                Self::NAME,
                                4usize,
                                __positions.len(),
                            ),
                        );
                    };
                    ::core::result::Result::Ok(Event {
                        id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, __p0, Self::NAME, "id", "i64")?,
                        day: ::strata::__private::decode_column::<
                            i32,
                        >(__row, __p1, Self::NAME, "day", "i32")?,
                        kind: ::strata::__private::decode_column::<
                            String,
                        >(__row, __p2, Self::NAME, "kind", "String")?,
                        owner: ::strata::__private::decode_column::<
                            String,
                        >(__row, __p3, Self::NAME, "owner", "String")?,
                    })
                }
                fn decode_copy(
                    __row: &::strata::CopyRow<'_>,
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    ::core::result::Result::Ok(Event {
                        id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, 0usize, Self::NAME, "id", "i64")?,
                        day: ::strata::__private::decode_column::<
                            i32,
                        >(__row, 1usize, Self::NAME, "day", "i32")?,
                        kind: ::strata::__private::decode_column::<
                            String,
                        >(__row, 2usize, Self::NAME, "kind", "String")?,
                        owner: ::strata::__private::decode_column::<
                            String,
                        >(__row, 3usize, Self::NAME, "owner", "String")?,
                    })
                }
                fn param(
                    &self,
                    __i: usize,
                ) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                    match __i {
                        0usize => &self.id,
                        1usize => &self.day,
                        2usize => &self.kind,
                        3usize => &self.owner,
                        _ => &::strata::table::NULL_PARAM,
                    }
                }
                fn key(&self) -> Self::Key {
                    ::strata::Composite((
                        ::core::clone::Clone::clone(&self.id),
                        ::core::clone::Clone::clone(&self.day),
                    ))
                }
            }
            ::strata::__private::inventory::submit! {
                ::strata::registry::ModelEntry { rust_name : ::core::concat!(::core::module_path!(),
                "::", ::core::stringify!(Event)), definition : < Event as ::strata::Table >
                ::definition, enum_types : < Event as ::strata::Table > ::enum_types, partitions : <
                Event as ::strata::Table > ::partitions, definitions : < Event as ::strata::Table >
                ::definitions, }
            }
        "#]],
    );
}

#[test]
fn exclusion_definition() {
    check_table(
        r#"
        #[table(name = "bookings")]
        #[table(exclude(name = "no_overlap", method = "GiST", elements = "room WITH =, during WITH &&", where = "not cancelled", deferrable = "initially_deferred"))]
        pub struct Booking {
            #[column(primary_key)]
            pub id: i64,
            pub room: i32,
            #[column(sql_type = "tstzrange")]
            pub during: String,
            pub cancelled: bool,
        }
        "#,
        expect![[r#"
            /// Typed column handles of [`Booking`] (table `public.bookings`), from `<Booking as strata::Table>::columns()`.
            #[derive(Clone, Copy, Debug)]
            pub struct BookingColumns {
                /// The column `id`.
                pub id: ::strata::Column<Booking, i64>,
                /// The column `room`.
                pub room: ::strata::Column<Booking, i32>,
                /// The column `during`.
                pub during: ::strata::Column<Booking, String>,
                /// The column `cancelled`.
                pub cancelled: ::strata::Column<Booking, bool>,
            }
            #[automatically_derived]
            impl ::strata::Table for Booking {
                type Columns = BookingColumns;
                type Key = i64;
                const SCHEMA: &'static str = "public";
                const NAME: &'static str = "bookings";
                const COLUMNS: &'static [::strata::ColumnInfo] = &[
                    ::strata::ColumnInfo {
                        name: "id",
                        field: "id",
                        rust_type: "i64",
                        generated: false,
                        primary_key: true,
                    },
                    ::strata::ColumnInfo {
                        name: "room",
                        field: "room",
                        rust_type: "i32",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "during",
                        field: "during",
                        rust_type: "String",
                        generated: false,
                        primary_key: false,
                    },
                    ::strata::ColumnInfo {
                        name: "cancelled",
                        field: "cancelled",
                        rust_type: "bool",
                        generated: false,
                        primary_key: false,
                    },
                ];
                const PRIMARY_KEY: &'static [usize] = &[0usize];
                fn columns() -> &'static Self::Columns {
                    static HANDLES: BookingColumns = BookingColumns {
                        id: ::strata::Column::new("id", 0usize),
                        room: ::strata::Column::new("room", 1usize),
                        during: ::strata::Column::new("during", 2usize),
                        cancelled: ::strata::Column::new("cancelled", 3usize),
                    };
                    &HANDLES
                }
                fn definition() -> ::strata::schema::Table {
                    ::strata::schema::Table {
                        columns: ::std::vec::Vec::from([
                            ::strata::schema::Column::new(
                                "id",
                                <i64 as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "room",
                                <i32 as ::strata::PgType>::sql_type(),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "during",
                                ::strata::schema::SqlType::Named(::strata::schema::TypeName {
                                    schema: ::std::string::String::from(""),
                                    name: ::std::string::String::from("tstzrange"),
                                }),
                                false,
                            ),
                            ::strata::schema::Column::new(
                                "cancelled",
                                <bool as ::strata::PgType>::sql_type(),
                                false,
                            ),
                        ]),
                        primary_key: ::core::option::Option::Some(::strata::schema::PrimaryKey {
                            name: ::std::string::String::from("bookings_pkey"),
                            columns: ::std::vec::Vec::from([::std::string::String::from("id")]),
                            include: ::std::vec::Vec::new(),
                            with: ::std::vec::Vec::new(),
                            deferrable: ::strata::schema::Deferrable::NotDeferrable,
                            comment: ::core::option::Option::None,
                        }),
                        ..::strata::schema::Table::new("public", "bookings")
                    }
                }
                fn enum_types() -> ::std::vec::Vec<::strata::schema::EnumType> {
                    ::strata::__private::enum_types([
                        <i64 as ::strata::PgType>::enum_type(),
                        <i32 as ::strata::PgType>::enum_type(),
                        <bool as ::strata::PgType>::enum_type(),
                    ])
                }
                fn definitions() -> ::std::vec::Vec<::strata::schema::Definition> {
                    ::std::vec::Vec::from([
                        ::strata::schema::Definition::new(
                            "public.bookings: exclude no_overlap",
                            "ALTER TABLE public.bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (not cancelled) DEFERRABLE INITIALLY DEFERRED;",
                        ),
                    ])
                }
                fn decode(
                    __row: &::strata::__private::Row,
                    __positions: &[usize],
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    let &[__p0, __p1, __p2, __p3, ..] = __positions else {
                        return ::core::result::Result::Err(
                            ::strata::__private::positions_error(
                                Self::NAME,
                                4usize,
                                __positions.len(),
                            ),
                        );
                    };
                    ::core::result::Result::Ok(Booking {
                        id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, __p0, Self::NAME, "id", "i64")?,
                        room: ::strata::__private::decode_column::<
                            i32,
                        >(__row, __p1, Self::NAME, "room", "i32")?,
                        during: ::strata::__private::decode_column::<
                            String,
                        >(__row, __p2, Self::NAME, "during", "String")?,
                        cancelled: ::strata::__private::decode_column::<
                            bool,
                        >(__row, __p3, Self::NAME, "cancelled", "bool")?,
                    })
                }
                fn decode_copy(
                    __row: &::strata::CopyRow<'_>,
                ) -> ::core::result::Result<Self, ::strata::Error> {
                    ::core::result::Result::Ok(Booking {
                        id: ::strata::__private::decode_column::<
                            i64,
                        >(__row, 0usize, Self::NAME, "id", "i64")?,
                        room: ::strata::__private::decode_column::<
                            i32,
                        >(__row, 1usize, Self::NAME, "room", "i32")?,
                        during: ::strata::__private::decode_column::<
                            String,
                        >(__row, 2usize, Self::NAME, "during", "String")?,
                        cancelled: ::strata::__private::decode_column::<
                            bool,
                        >(__row, 3usize, Self::NAME, "cancelled", "bool")?,
                    })
                }
                fn param(
                    &self,
                    __i: usize,
                ) -> &(dyn ::strata::__private::ToSql + ::core::marker::Sync) {
                    match __i {
                        0usize => &self.id,
                        1usize => &self.room,
                        2usize => &self.during,
                        3usize => &self.cancelled,
                        _ => &::strata::table::NULL_PARAM,
                    }
                }
                fn key(&self) -> Self::Key {
                    ::core::clone::Clone::clone(&self.id)
                }
            }
            ::strata::__private::inventory::submit! {
                ::strata::registry::ModelEntry { rust_name : ::core::concat!(::core::module_path!(),
                "::", ::core::stringify!(Booking)), definition : < Booking as ::strata::Table >
                ::definition, enum_types : < Booking as ::strata::Table > ::enum_types, partitions :
                < Booking as ::strata::Table > ::partitions, definitions : < Booking as
                ::strata::Table > ::definitions, }
            }
        "#]],
    );
}

#[test]
fn view() {
    let input: TokenStream = r#"
        #[view(schema = "app", name = "Active Jobs", sql = "SELECT id, status FROM jobs WHERE status <> 'done'")]
        pub struct ActiveJob {
            pub r#id: i64,
            #[view(rename = "status")]
            pub state: Option<String>,
        }
    "#
    .parse()
    .unwrap();
    expect![[r#"
        /// Typed column handles of [`ActiveJob`] (view `app.Active Jobs`), from `<ActiveJob as strata::Selectable>::columns()`.
        #[derive(Clone, Copy, Debug)]
        pub struct ActiveJobColumns {
            /// The column `id`.
            pub r#id: ::strata::Column<ActiveJob, i64>,
            /// The column `status`.
            pub state: ::strata::Column<ActiveJob, Option<String>>,
        }
        #[automatically_derived]
        impl ::strata::Selectable for ActiveJob {
            type Columns = ActiveJobColumns;
            const SCHEMA: &'static str = "app";
            const NAME: &'static str = "Active Jobs";
            const COLUMNS: &'static [::strata::ColumnInfo] = &[
                ::strata::ColumnInfo {
                    name: "id",
                    field: "id",
                    rust_type: "i64",
                    generated: true,
                    primary_key: false,
                },
                ::strata::ColumnInfo {
                    name: "status",
                    field: "state",
                    rust_type: "Option<String>",
                    generated: true,
                    primary_key: false,
                },
            ];
            fn columns() -> &'static Self::Columns {
                static HANDLES: ActiveJobColumns = ActiveJobColumns {
                    r#id: ::strata::Column::new("id", 0usize),
                    state: ::strata::Column::new("status", 1usize),
                };
                &HANDLES
            }
            fn decode(
                __row: &::strata::__private::Row,
                __positions: &[usize],
            ) -> ::core::result::Result<Self, ::strata::Error> {
                let &[__p0, __p1, ..] = __positions else {
                    return ::core::result::Result::Err(
                        ::strata::__private::positions_error(
                            Self::NAME,
                            2usize,
                            __positions.len(),
                        ),
                    );
                };
                ::core::result::Result::Ok(ActiveJob {
                    r#id: ::strata::__private::decode_column::<
                        i64,
                    >(__row, __p0, Self::NAME, "id", "i64")?,
                    state: ::strata::__private::decode_column::<
                        Option<String>,
                    >(__row, __p1, Self::NAME, "status", "Option<String>")?,
                })
            }
        }
        #[automatically_derived]
        impl ::strata::View for ActiveJob {
            fn definition() -> ::strata::schema::Definition {
                ::strata::schema::Definition::new(
                    "app.Active Jobs: view",
                    "CREATE VIEW app.\"Active Jobs\" (id, status) AS SELECT id, status FROM jobs WHERE status <> 'done';",
                )
            }
        }
        ::strata::__private::inventory::submit! {
            ::strata::registry::ViewEntry { rust_name : ::core::concat!(::core::module_path!(),
            "::", ::core::stringify!(ActiveJob)), definition : < ActiveJob as ::strata::View >
            ::definition, }
        }
    "#]].assert_eq(&pretty(derive_view(input)));
}

#[test]
fn view_error_messages() {
    let errors = |input: &str| messages(derive_view(input.parse().unwrap()));
    expect![[r#"
        unknown key `nmae` in `#[view(...)]` on a struct; did you mean `name`? (expected `name`, `schema` or `sql`)
        invalid `sql = "SELECT 1; SELECT 2"`: `;` at character 9: write one query, not statements
        unknown key `name` in `#[view(...)]` on a field; `name` belongs in `#[view(...)]` on a struct (expected `rename`)
        fields `a` and `b` both read column `a`: give one of them `#[view(rename = "...")]`"#]].assert_eq(&errors(
        r#"
        #[view(nmae = "x", sql = "SELECT 1; SELECT 2")]
        pub struct V { a: i32, #[view(rename = "a")] b: i32, #[view(name = "c")] c: i32 }
        "#,
    ));
    expect![[r#"`#[derive(View)]` on `V` needs the view's query: `#[view(sql = "SELECT ...")]`"#]]
        .assert_eq(&errors("#[view(name = \"v\")] pub struct V { a: i32 }"));
    expect!["`#[derive(View)]` does not support generic parameters: a view's row type maps to one fixed PostgreSQL type"].assert_eq(&errors("#[view(sql = \"SELECT 1\")] pub struct V<T> { a: T }"));
}
