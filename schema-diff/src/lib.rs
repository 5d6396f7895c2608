//! schema-diff: introspects PostgreSQL, diffs it with strata models, writes
//! and runs migrations. (Skeleton: the modules land with the diff issue.)
