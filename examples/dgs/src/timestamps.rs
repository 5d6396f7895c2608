//! The legacy text timestamps of `dgs_jobs` and `dgs_lessons`.
//!
//! The old code stored `now()::text` from a server running with
//! `TimeZone = UTC`, so every stored timestamp is exactly PostgreSQL's own
//! `timestamptz` output: `2025-01-01 08:30:00.1234+00` (microseconds with
//! trailing zeros trimmed, no fraction at all when it is zero, offset `+00`).
//! The repositories write new rows in the same format ([`format()`]), so old
//! and new rows sort the same way as text, and a later `text → timestamptz`
//! migration (and its `timestamptz → text` downgrade under UTC) reproduces
//! every value byte for byte. [`parse`] reads them back.

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};

/// Formats `t` (truncated to microseconds, PostgreSQL's precision) the way
/// PostgreSQL prints a `timestamptz` under `TimeZone = UTC`.
pub fn format(t: DateTime<Utc>) -> String {
    let t = t.trunc_subsecs(6);
    let mut out = t.format("%Y-%m-%d %H:%M:%S").to_string();
    let micros = t.timestamp_subsec_micros();
    if micros != 0 {
        let frac = format!("{micros:06}");
        out.push('.');
        out.push_str(frac.trim_end_matches('0'));
    }
    out.push_str("+00");
    out
}

/// The current time in the legacy format.
pub fn now() -> String {
    format(Utc::now())
}

/// Reads a legacy timestamp (`YYYY-MM-DD HH:MM:SS[.ffffff]+00`, or any
/// `+HH`/`+HH:MM` offset); `None` when `text` is not one.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    // Split off the numeric offset at the last sign after the time.
    let split = text.rfind(['+', '-']).filter(|&i| i > 10)?;
    let (local, offset) = text.split_at(split);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits = &offset[1..];
    let (hh, mm) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None => (digits, "00"),
    };
    let two_digits = |s: &str| -> Option<i64> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let seconds = sign * (two_digits(hh)? * 3600 + two_digits(mm)? * 60);
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M:%S%.f").ok()?;
    Some(
        naive
            .checked_sub_signed(chrono::Duration::seconds(seconds))?
            .and_utc(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn formats_like_postgres() {
        let t = Utc.with_ymd_and_hms(2025, 1, 1, 8, 30, 0).unwrap();
        assert_eq!(format(t), "2025-01-01 08:30:00+00");
        let t2 = t + chrono::Duration::microseconds(123_400);
        assert_eq!(format(t2), "2025-01-01 08:30:00.1234+00");
        let t3 = t + chrono::Duration::nanoseconds(5_000_999);
        assert_eq!(format(t3), "2025-01-01 08:30:00.005+00");
    }

    #[test]
    fn parses_what_it_formats() {
        for text in [
            "2025-01-01 08:30:00+00",
            "2025-12-31 23:59:59.999999+00",
            "2026-02-28 00:00:00.5+00",
        ] {
            let t = parse(text).unwrap();
            assert_eq!(format(t), text);
        }
        assert_eq!(
            parse("2025-01-01 09:30:00+01:00"),
            parse("2025-01-01 08:30:00+00")
        );
        assert_eq!(parse("not a time"), None);
        assert_eq!(parse("2025-01-01 08:30:00+99999999999"), None);
        assert_eq!(parse("+262143-12-31 23:59:59-14"), None);
        assert_eq!(parse("2025-01-01 08:30:00"), None);
    }
}
