//! Expansion snapshots (the generated code, formatted) and data-driven tests
//! of the error messages. `UPDATE_EXPECT=1 cargo test -p strata-macros`
//! rewrites the snapshots.

use expect_test::{expect, Expect};
use proc_macro2::TokenStream;

use crate::expand::{derive_pg_enum, derive_table};

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
                enum_types : < Job as ::strata::Table > ::enum_types, }
            }
        "#]],
    );
}
