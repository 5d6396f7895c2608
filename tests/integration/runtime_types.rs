//! Every supported type through insert, get, insert many, COPY in and COPY
//! out: NULLs,
//! empty arrays, unicode, extreme numbers, infinities and NaN, nested
//! jsonb, chrono/time/uuid/decimal; and bad data turning into decode errors
//! that name table, column, Rust type and SQL type (never a panic).

use std::net::IpAddr;

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::json;
use strata::{ErrorKind, Executor};
use strata_testing::run;
use strata_tests::runtime_models::*;

fn extreme() -> AllTypes {
    AllTypes {
        id: 0,
        small: i16::MIN,
        int: i32::MAX,
        big: i64::MIN,
        real: f32::MAX,
        double: f64::NEG_INFINITY,
        flag: true,
        text: "héllo wörld — 日本語 — 🦀 — עברית — e\u{301} — \"quotes\" 'and' \\backslash\\ {braces}, commas".into(),
        bytes: (0..=255u8).collect(),
        doc: json!({
            "nested": {"deeper": {"deepest": [1, [2, [3, {"four": null}]], {}, []]}},
            "ünïcödé 键": "値 🌋",
            "numbers": [0, -1, 1.5e300, 18446744073709551615u64, -9223372036854775808i64],
            "empty": {"obj": {}, "arr": [], "str": ""},
            "bools": [true, false, null],
            "escapes": "line\nbreak\ttab\"quote\\"
        }),
        ip: "2001:db8::ff00:42:8329".parse().unwrap(),
        ints: vec![i32::MIN, 0, i32::MAX],
        bigs: vec![i64::MIN, -1, i64::MAX],
        doubles: vec![f64::INFINITY, f64::MIN_POSITIVE, -0.0, f64::MAX],
        texts: vec!["".into(), "a,b".into(), "{x}".into(), "\"q\"".into(), "NULL".into(), "🦀".into()],
        maybe_int: Some(i32::MIN),
        maybe_text: Some(String::new()),
        maybe_doc: Some(json!(null)),
        maybe_texts: Some(vec![]),
        at: Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap()
            + chrono::Duration::microseconds(999_999),
        day: NaiveDate::from_ymd_opt(-4000, 1, 1).unwrap(),
        local: NaiveDate::from_ymd_opt(1, 1, 1)
            .unwrap()
            .and_hms_micro_opt(0, 0, 0, 1)
            .unwrap(),
        clock: chrono::NaiveTime::from_hms_micro_opt(23, 59, 59, 999_999).unwrap(),
        t_at: time::macros::datetime!(1970-01-01 00:00:00.000001 UTC),
        t_day: time::macros::date!(2000 - 02 - 29),
        uid: uuid::Uuid::from_u128(u128::MAX),
        maybe_uid: Some(uuid::Uuid::nil()),
        amount: rust_decimal::Decimal::MAX,
        maybe_amount: Some("-999999.999999".parse().unwrap()),
    }
}

fn plain_with_nulls() -> AllTypes {
    AllTypes {
        id: 0,
        small: i16::MAX,
        int: i32::MIN,
        big: i64::MAX,
        real: f32::MIN,
        double: f64::INFINITY,
        flag: false,
        text: String::new(),
        bytes: vec![],
        doc: json!({}),
        ip: IpAddr::from([127, 0, 0, 1]),
        ints: vec![],
        bigs: vec![],
        doubles: vec![],
        texts: vec![],
        maybe_int: None,
        maybe_text: None,
        maybe_doc: None,
        maybe_texts: None,
        at: Utc.timestamp_opt(0, 0).unwrap(),
        day: NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(),
        local: NaiveDate::from_ymd_opt(200_000, 12, 31)
            .unwrap()
            .and_hms_opt(23, 59, 59)
            .unwrap(),
        clock: chrono::NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
        t_at: time::macros::datetime!(2262-04-11 23:47:16.854775 UTC),
        t_day: time::macros::date!(-4000 - 01 - 01),
        uid: uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef),
        maybe_uid: None,
        amount: rust_decimal::Decimal::MIN,
        maybe_amount: None,
    }
}

/// `stored` equals `sent` except for the database-assigned id.
fn assert_same(stored: &AllTypes, sent: &AllTypes) {
    let mut expected = sent.clone();
    expected.id = stored.id;
    assert_eq!(stored, &expected);
}

#[test]
fn every_type_round_trips_through_insert_and_get() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        for sent in [extreme(), plain_with_nulls()] {
            let stored = s.insert(&sent).await.unwrap();
            assert!(stored.id > 0);
            assert_same(&stored, &sent);
            let got = s.get::<AllTypes>(stored.id).await.unwrap();
            assert_same(&got, &sent);
        }
    });
}

#[test]
fn every_type_round_trips_through_insert_many_and_copy() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let rows = vec![extreme(), plain_with_nulls()];
        let stored = s.insert_many(&rows).await.unwrap();
        assert_same(&stored[0], &rows[0]);
        assert_same(&stored[1], &rows[1]);
        assert_eq!(s.copy_in(&rows).await.unwrap(), 2);
        let copied = s
            .select::<AllTypes>()
            .filter(|c| c.id.gt(2))
            .order_by(|c| c.id.asc())
            .all()
            .await
            .unwrap();
        assert_eq!(copied.len(), 2);
        assert_same(&copied[0], &rows[0]);
        assert_same(&copied[1], &rows[1]);
    });
}

#[test]
fn nan_and_negative_zero_survive() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let mut row = plain_with_nulls();
        row.double = f64::NAN;
        row.real = f32::NAN;
        row.doubles = vec![f64::NAN, -0.0];
        let stored = s.insert(&row).await.unwrap();
        assert!(stored.double.is_nan());
        assert!(stored.real.is_nan());
        assert!(stored.doubles[0].is_nan());
        assert!(stored.doubles[1] == 0.0 && stored.doubles[1].is_sign_negative());
        // NaN compares equal to itself in PostgreSQL.
        let found = s
            .select::<AllTypes>()
            .filter(|c| c.double.eq(f64::NAN))
            .count()
            .await
            .unwrap();
        assert_eq!(found, 1);
    });
}

#[test]
fn filters_bind_every_type() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let a = s.insert(&extreme()).await.unwrap();
        let b = s.insert(&plain_with_nulls()).await.unwrap();
        let one = |rows: Vec<AllTypes>| {
            assert_eq!(rows.len(), 1, "exactly one row matches");
            rows[0].id
        };
        let q = || s.select::<AllTypes>();
        assert_eq!(
            one(q().filter(|c| c.small.eq(i16::MIN)).all().await.unwrap()),
            a.id
        );
        assert_eq!(
            one(q().filter(|c| c.big.eq(i64::MAX)).all().await.unwrap()),
            b.id
        );
        assert_eq!(
            one(q().filter(|c| c.real.eq(f32::MAX)).all().await.unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.double.eq(f64::INFINITY))
                .all()
                .await
                .unwrap()),
            b.id
        );
        assert_eq!(
            one(q().filter(|c| c.flag.eq(true)).all().await.unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.bytes.eq(Vec::<u8>::new()))
                .all()
                .await
                .unwrap()),
            b.id
        );
        assert_eq!(
            one(q().filter(|c| c.doc.eq(json!({}))).all().await.unwrap()),
            b.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.ip.eq(IpAddr::from([127, 0, 0, 1])))
                .all()
                .await
                .unwrap()),
            b.id
        );
        assert_eq!(
            one(q().filter(|c| c.ints.eq(vec![])).all().await.unwrap()),
            b.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.maybe_int.eq(i32::MIN))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.maybe_texts.eq(vec![]))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.at.gt(Utc.timestamp_opt(0, 0).unwrap()))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.day.lt(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.t_day.eq(time::macros::date!(2000 - 02 - 29)))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.uid.eq(uuid::Uuid::from_u128(u128::MAX)))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q().filter(|c| c.maybe_uid.is_null()).all().await.unwrap()),
            b.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.amount.eq(rust_decimal::Decimal::MIN))
                .all()
                .await
                .unwrap()),
            b.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c
                    .uid
                    .in_([uuid::Uuid::nil(), uuid::Uuid::from_u128(u128::MAX)]))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q().filter(|c| c.text.like("%🦀%")).all().await.unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.texts.contains(["🦀"]))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c
                    .doc
                    .json_path_eq(&["nested", "deeper", "deepest", "0"], "1"))
                .all()
                .await
                .unwrap()),
            a.id
        );
        assert_eq!(
            one(q()
                .filter(|c| c.doc.json_eq("ünïcödé 键", "値 🌋"))
                .all()
                .await
                .unwrap()),
            a.id
        );
    });
}

#[test]
fn a_text_with_a_nul_byte_is_an_error_not_a_panic() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let mut row = plain_with_nulls();
        row.text = "a\0b".into();
        let err = s.insert(&row).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue, "{err}");
        assert_eq!(err.column(), Some("text"), "{err}");
        assert!(err.to_string().contains("text"), "{err}");
        assert!(err.to_string().contains("NUL"), "{err}");
        assert_eq!(s.select::<AllTypes>().count().await.unwrap(), 0);
        // The builders name it too.
        let stored = s.insert(&plain_with_nulls()).await.unwrap();
        let err = s
            .update_columns::<AllTypes>()
            .set(|c| c.text, "x\0y")
            .filter(|c| c.id.eq(stored.id))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue, "{err}");
        assert_eq!(err.column(), Some("text"), "{err}");
    });
}

#[test]
fn bad_data_is_a_decode_error_naming_table_column_and_types() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        s.insert(&Member {
            org_id: 1,
            user_name: "ann".into(),
            role: "r".into(),
            joined: 1,
        })
        .await
        .unwrap();

        // A NULL where the field is not an Option.
        let err = s
            .query_as::<Member>(
                "SELECT org_id, user_name, NULL::text AS role, joined FROM members",
                &[],
            )
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert_eq!(err.table(), Some("members"));
        assert_eq!(err.column(), Some("role"));
        let msg = err.to_string();
        assert!(
            msg.contains("members.role") && msg.contains("String") && msg.contains("text"),
            "{msg}"
        );

        // A value of another SQL type.
        let err = s
            .query_as::<Member>(
                "SELECT org_id, user_name, role, 'x'::text AS joined FROM members",
                &[],
            )
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        let msg = err.to_string();
        assert!(
            msg.contains("members.joined") && msg.contains("i32") && msg.contains("text"),
            "{msg}"
        );

        // The table changed behind the model's back: reads and writes fail
        // with errors, never panics.
        s.batch_execute("ALTER TABLE members ALTER COLUMN joined TYPE bigint")
            .await
            .unwrap();
        // The cached statement's result type changed: the server refuses it
        // (0A000 cached plan must not change result type) or it decodes into
        // an error; either way no panic. Drop the cache by using a new
        // connection from a fresh pool.
        let pool = strata::Pool::connect(fx.db.url()).await.unwrap();
        let s2 = pool.session().await.unwrap();
        let err = s2.get::<Member>((1, "ann")).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert!(
            err.to_string().contains("bigint") || err.to_string().contains("int8"),
            "{err}"
        );
        let err = s2
            .insert(&Member {
                org_id: 2,
                user_name: "bob".into(),
                role: "r".into(),
                joined: 2,
            })
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains("joined") || err.to_string().contains("parameter"),
            "{err}"
        );
        // The old connection holds a stale plan: an error, never a panic.
        assert!(s.get::<Member>((1, "ann")).await.is_err());
    });
}

/// Issue 15: an unconstrained `numeric` beyond what `Decimal` holds, and an
/// array whose lower bound is not 1, are decode errors naming the column,
/// never a rounded number or renumbered elements.
#[test]
fn values_the_rust_type_cannot_hold_exactly_are_decode_errors() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let stored = s.insert(&plain_with_nulls()).await.unwrap();
        // Exact values still read back.
        s.execute(
            "UPDATE all_types SET amount = 12345678901234567.0123456789 WHERE id = $1",
            &[&stored.id],
        )
        .await
        .unwrap();
        let back = s.get::<AllTypes>(stored.id).await.unwrap();
        assert_eq!(back.amount.to_string(), "12345678901234567.0123456789");

        for value in ["1e-40", "12345678901234567890.123456789012", "1e40"] {
            s.execute(
                &format!("UPDATE all_types SET amount = {value} WHERE id = $1"),
                &[&stored.id],
            )
            .await
            .unwrap();
            let err = s.get::<AllTypes>(stored.id).await.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Decode, "{value}: {err}");
            assert_eq!(err.column(), Some("amount"), "{value}: {err}");
            let text = err.to_string();
            assert!(
                text.contains("rounded") || text.contains("exceeds maximum"),
                "{value}: {err}"
            );
        }
        s.execute(
            "UPDATE all_types SET amount = 1 WHERE id = $1",
            &[&stored.id],
        )
        .await
        .unwrap();

        // Timestamps outside what chrono represents are errors too.
        s.execute(
            "UPDATE all_types SET at = 'infinity' WHERE id = $1",
            &[&stored.id],
        )
        .await
        .unwrap();
        let err = s.get::<AllTypes>(stored.id).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        assert_eq!(err.column(), Some("at"), "{err}");
        s.execute(
            "UPDATE all_types SET at = now() WHERE id = $1",
            &[&stored.id],
        )
        .await
        .unwrap();

        s.execute(
            "UPDATE all_types SET ints = '[5:7]={1,2,3}' WHERE id = $1",
            &[&stored.id],
        )
        .await
        .unwrap();
        let err = s.get::<AllTypes>(stored.id).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        assert_eq!(err.column(), Some("ints"), "{err}");
        assert!(err.to_string().contains("[5:7]"), "{err}");
    });
}

/// COPY out reads every type back as it went in (NULLs included), and a
/// value its Rust type cannot hold exactly is a decode error naming the
/// column there too.
#[test]
fn every_type_round_trips_through_copy_in_and_copy_out() {
    use futures_util::{StreamExt, TryStreamExt};
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let rows = vec![extreme(), plain_with_nulls()];
        assert_eq!(s.copy_in(&rows).await.unwrap(), 2);
        let mut back: Vec<AllTypes> = s
            .copy_out::<AllTypes>()
            .await
            .unwrap()
            .try_collect()
            .await
            .unwrap();
        back.sort_by_key(|r| r.id);
        assert_eq!(back.len(), 2);
        assert_same(&back[0], &rows[0]);
        assert_same(&back[1], &rows[1]);

        s.execute(
            "UPDATE all_types SET amount = 1e-40, ints = '[5:7]={1,2,3}' WHERE id = $1",
            &[&back[1].id],
        )
        .await
        .unwrap();
        let results: Vec<strata::Result<AllTypes>> = s
            .copy_out::<AllTypes>()
            .await
            .unwrap()
            .collect::<Vec<_>>()
            .await;
        let errors: Vec<&strata::Error> = results.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errors.len(), 1, "{results:?}");
        assert_eq!(errors[0].kind(), ErrorKind::Decode, "{}", errors[0]);
        assert_eq!(errors[0].column(), Some("ints"), "{}", errors[0]);
        assert!(errors[0].to_string().contains("[5:7]"), "{}", errors[0]);
        s.execute(
            "UPDATE all_types SET ints = '{}' WHERE id = $1",
            &[&back[1].id],
        )
        .await
        .unwrap();
        let err = s
            .copy_out::<AllTypes>()
            .await
            .unwrap()
            .try_collect::<Vec<_>>()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        assert_eq!(err.column(), Some("amount"), "{err}");
        assert!(err.to_string().contains("rounded"), "{err}");
    });
}
