//! What PostgreSQL does when a column's type changes: whether `ALTER COLUMN
//! ... TYPE` needs a `USING` clause, whether the table is rewritten, whether
//! values can be lost (a narrowing change) and whether the change can fail on
//! existing rows.
//!
//! The table is PostgreSQL 15's `pg_cast` for the builtin types of the model
//! (contexts `i`mplicit and `a`ssignment; `ALTER COLUMN ... TYPE` applies
//! those without `USING`), plus its automatic I/O conversions: any type
//! converts to a string type at assignment level, a string type converts to
//! any type only explicitly. "No rewrite" is the binary-coercible set
//! (`castmethod = 'b'`) plus the length/precision changes PostgreSQL's
//! support functions (`varchar_support`, `numeric_support`,
//! `timestamp_support`, `time_support`) declare no-ops. `timestamp` ↔
//! `timestamptz` counts as a rewrite: PostgreSQL skips it only when the
//! session's time zone is UTC. The integration test
//! `diff_golden::cast_table_agrees_with_postgres` checks [`conversion`]
//! against a real server for every pair of a type matrix. Start at
//! [`conversion`].
//!
//! In short: `ALTER COLUMN ... TYPE` needs no `USING` when `pg_cast` has an
//! implicit or assignment cast (numeric types among themselves, date/time
//! widenings and `timestamp` ↔ `timestamptz`, `cidr` ↔ `inet`, `json` ↔
//! `jsonb`, `money` ↔ `numeric`, `oid` ↔ integers, modifier changes of one
//! type) or the target is a string type (any type, enums and arrays
//! included, converts to text at assignment level; so `varchar(n)` → `text`
//! and enum → `text` need none); it uses `USING c::new` when an explicit cast
//! exists (from a string type to anything, `integer` ↔ `boolean`, `jsonb` →
//! numbers/boolean), epoch milliseconds for `bigint` ↔ `timestamp[tz]`
//! (no cast exists; a stated assumption, as pg-schema-diff makes it), and
//! `USING c::text::new` otherwise (enum → another
//! enum, `uuid` → `integer`, ...). No rewrite: `varchar` widening or to
//! `text`, `numeric(p,s)` → `numeric(p',s)` with p' ≥ p or unconstrained,
//! time/timestamp precision widening, `cidr` → `inet`, `xml` → text.
//! Narrowing (deletes data, withheld without `allow_drops`): a shorter or
//! newly bounded string (`text`/`varchar(100)` → `varchar(50)`), fewer
//! numeric digits or scale, `bigint` → `integer` → `smallint`, floats or
//! numerics to integers, `double` → `real`, `bigint` → floating point, less
//! time precision, timestamps to `date` or `time`, `timetz` → `time`.

use strata::schema::SqlType;
use strata_model::ddl::alter::Using;

/// What changing a column from one type to another means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// How the values are converted.
    pub using: Using,
    /// The table (and its indexes) is rewritten.
    pub rewrites: bool,
    /// Values can be truncated, rounded or otherwise lose information.
    pub narrowing: bool,
    /// Existing values can make the change fail.
    pub can_fail: bool,
}

/// A type with its modifiers stripped: what `pg_cast` is keyed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    I2,
    I4,
    I8,
    F4,
    F8,
    Num,
    Money,
    Bool,
    Text,
    Varchar,
    Bpchar,
    Bytea,
    Json,
    Jsonb,
    Uuid,
    Date,
    Time,
    TimeTz,
    Ts,
    TsTz,
    Interval,
    Inet,
    Cidr,
    MacAddr,
    Xml,
    TsVector,
    Oid,
    Bit,
    VarBit,
    /// A user-defined type (enum, domain, ...): no builtin casts.
    Named,
    Array,
}

fn kind(t: &SqlType) -> K {
    match t {
        SqlType::SmallInt => K::I2,
        SqlType::Integer => K::I4,
        SqlType::BigInt => K::I8,
        SqlType::Real => K::F4,
        SqlType::DoublePrecision => K::F8,
        SqlType::Numeric(_) => K::Num,
        SqlType::Money => K::Money,
        SqlType::Boolean => K::Bool,
        SqlType::Text => K::Text,
        SqlType::Varchar(_) => K::Varchar,
        SqlType::Char(_) => K::Bpchar,
        SqlType::Bytea => K::Bytea,
        SqlType::Json => K::Json,
        SqlType::Jsonb => K::Jsonb,
        SqlType::Uuid => K::Uuid,
        SqlType::Date => K::Date,
        SqlType::Time(_) => K::Time,
        SqlType::TimeTz(_) => K::TimeTz,
        SqlType::Timestamp(_) => K::Ts,
        SqlType::TimestampTz(_) => K::TsTz,
        SqlType::Interval | SqlType::IntervalOf { .. } => K::Interval,
        SqlType::Inet => K::Inet,
        SqlType::Cidr => K::Cidr,
        SqlType::MacAddr => K::MacAddr,
        SqlType::Xml => K::Xml,
        SqlType::TsVector => K::TsVector,
        SqlType::Oid => K::Oid,
        SqlType::Bit(_) => K::Bit,
        SqlType::VarBit(_) => K::VarBit,
        SqlType::Named(_) => K::Named,
        SqlType::Array(_) => K::Array,
    }
}

fn is_string(k: K) -> bool {
    matches!(k, K::Text | K::Varchar | K::Bpchar)
}

/// `pg_cast` entries with context implicit or assignment between different
/// builtin types (string targets are handled by the I/O rule).
fn builtin_assignment(from: K, to: K) -> bool {
    use K::*;
    matches!(
        (from, to),
        (I2, I4 | I8 | F4 | F8 | Num | Oid)
            | (I4, I2 | I8 | F4 | F8 | Num | Money | Oid)
            | (I8, I2 | I4 | F4 | F8 | Num | Money | Oid)
            | (F4, I2 | I4 | I8 | F8 | Num)
            | (F8, I2 | I4 | I8 | F4 | Num)
            | (Num, I2 | I4 | I8 | F4 | F8 | Money)
            | (Money, Num)
            | (Oid, I4 | I8)
            | (Date, Ts | TsTz)
            | (Time, TimeTz | Interval)
            | (TimeTz, Time)
            | (Ts, Date | Time | TsTz)
            | (TsTz, Date | Time | Ts | TimeTz)
            | (Interval, Time)
            | (Cidr, Inet)
            | (Inet, Cidr)
            | (Json, Jsonb)
            | (Jsonb, Json)
            | (Bit, VarBit)
            | (VarBit, Bit)
    )
}

/// `pg_cast` entries with context explicit only.
fn builtin_explicit(from: K, to: K) -> bool {
    use K::*;
    matches!(
        (from, to),
        (I4, Bool) | (Bool, I4) | (Jsonb, Bool | Num | I2 | I4 | I8 | F4 | F8)
    )
}

/// `ALTER COLUMN ... TYPE` works without `USING`.
fn assignment(from: &SqlType, to: &SqlType) -> bool {
    let (kf, kt) = (kind(from), kind(to));
    if from == to || is_string(kt) {
        return true;
    }
    match (from, to) {
        (SqlType::Array(a), SqlType::Array(b)) => assignment(a, b),
        (SqlType::Named(_), _) | (_, SqlType::Named(_)) => false,
        _ => kf == kt || builtin_assignment(kf, kt),
    }
}

/// `value::to` works (possibly failing on some values).
fn explicit(from: &SqlType, to: &SqlType) -> bool {
    if assignment(from, to) || is_string(kind(from)) {
        return true;
    }
    match (from, to) {
        (SqlType::Array(a), SqlType::Array(b)) => explicit(a, b),
        _ => builtin_explicit(kind(from), kind(to)),
    }
}

/// Precision of a time type: `None` is the maximum, 6.
fn prec(p: Option<u8>) -> u8 {
    p.unwrap_or(6)
}

/// The change needs no rewrite: a binary-coercible cast or a modifier change
/// PostgreSQL proves harmless.
fn binary(from: &SqlType, to: &SqlType) -> bool {
    use SqlType as T;
    match (from, to) {
        _ if from == to => true,
        (T::Varchar(a), T::Varchar(b)) => b.is_none() || (a.is_some() && b >= a),
        (T::Varchar(_), T::Text) | (T::Text, T::Varchar(None)) => true,
        (T::Numeric(Some((p, s))), T::Numeric(b)) => match b {
            None => true,
            Some((p2, s2)) => s2 == s && p2 >= p,
        },
        (T::Timestamp(a), T::Timestamp(b))
        | (T::TimestampTz(a), T::TimestampTz(b))
        | (T::Time(a), T::Time(b))
        | (T::TimeTz(a), T::TimeTz(b)) => {
            b.is_none() || prec(*b) == 6 || (a.is_some() && prec(*b) >= prec(*a))
        }
        (T::Cidr, T::Inet) | (T::Xml, T::Text | T::Varchar(None) | T::Char(None)) => true,
        (T::Integer, T::Oid) | (T::Oid, T::Integer) => true,
        (T::Bit(Some(_)) | T::VarBit(_), T::VarBit(None)) => true,
        (T::VarBit(Some(a)), T::VarBit(Some(b))) => b >= a,
        _ => false,
    }
}

/// Digits left of the decimal point an integer type needs.
fn int_digits(k: K) -> Option<u16> {
    match k {
        K::I2 => Some(5),
        K::I4 => Some(10),
        K::I8 => Some(19),
        _ => None,
    }
}

/// Values can lose information (be truncated, rounded, or lose a part).
fn narrowing(from: &SqlType, to: &SqlType) -> bool {
    use SqlType as T;
    use K::*;
    if from == to {
        return false;
    }
    let (kf, kt) = (kind(from), kind(to));
    match (from, to) {
        (T::Array(a), T::Array(b)) => return narrowing(a, b),
        // A bounded string: only a bounded string at most as long fits.
        (_, T::Varchar(Some(n)) | T::Char(Some(n))) => {
            return !matches!(from, T::Varchar(Some(m)) | T::Char(Some(m)) if m <= n);
        }
        // Bit strings: a bounded one fits only a shorter-or-equal source.
        (_, T::VarBit(Some(n)) | T::Bit(Some(n))) => {
            return !matches!(from, T::VarBit(Some(m)) | T::Bit(Some(m)) if m <= n);
        }
        (T::Numeric(a), T::Numeric(b)) => {
            return match (a, b) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some((p, s)), Some((p2, s2))) => s2 < s || p2 - s2 < p - s,
            };
        }
        (_, T::Numeric(Some((p, s)))) => {
            return match int_digits(kf) {
                Some(d) => p - s < d,
                None => true,
            };
        }
        (T::Timestamp(a), T::Timestamp(b))
        | (T::TimestampTz(a), T::TimestampTz(b))
        | (T::Time(a), T::Time(b))
        | (T::TimeTz(a), T::TimeTz(b)) => return prec(*b) < prec(*a),
        _ => {}
    }
    matches!(
        (kf, kt),
        (I4, I2)
            | (I8, I2 | I4 | F4 | F8)
            | (I4, F4)
            | (F4 | F8, I2 | I4 | I8)
            | (F8, F4)
            | (Num, I2 | I4 | I8 | F4 | F8 | Money)
            | (Ts | TsTz, Date | Time)
            | (TsTz, TimeTz)
            | (TimeTz, Time)
            | (Interval, Time)
    )
}

/// The conversion never fails, whatever the values.
fn never_fails(from: &SqlType, to: &SqlType) -> bool {
    use SqlType as T;
    use K::*;
    if narrowing(from, to) {
        return false;
    }
    if binary(from, to) {
        return true;
    }
    let (kf, kt) = (kind(from), kind(to));
    match (from, to) {
        (T::Array(a), T::Array(b)) => return never_fails(a, b),
        // Output functions do not fail; unbounded strings take anything.
        (_, T::Text | T::Varchar(None) | T::Char(None)) => return true,
        (_, T::Numeric(None)) => return matches!(kf, I2 | I4 | I8 | Num),
        (_, T::Numeric(Some((p, s)))) => return int_digits(kf).is_some_and(|d| p - s >= d),
        _ => {}
    }
    matches!(
        (kf, kt),
        (I2, I4 | I8 | F4 | F8)
            | (I4, I8 | F8)
            | (F4, F8)
            | (Date, Ts | TsTz)
            | (Time, TimeTz | Interval)
            | (Ts, TsTz)
            | (Cidr, Inet)
            | (Varchar | Bpchar, Bpchar)
    )
}

/// What `ALTER COLUMN ... TYPE` from `from` to `to` involves.
pub fn conversion(from: &SqlType, to: &SqlType) -> Conversion {
    // bigint <-> timestamp: no cast exists and the text forms do not parse
    // as each other; the number is read as epoch milliseconds (what
    // JavaScript and Java store, and what pg-schema-diff assumes). Exact
    // that way; the way back drops the microseconds.
    match (kind(from), kind(to)) {
        (K::I8, K::Ts | K::TsTz) => {
            // Fewer than 3 fractional digits round the milliseconds away.
            let precision = match to {
                SqlType::Timestamp(p) | SqlType::TimestampTz(p) => prec(*p),
                _ => 6,
            };
            return Conversion {
                using: Using::FromEpochMillis,
                rewrites: true,
                narrowing: precision < 3,
                can_fail: true,
            };
        }
        (K::Ts | K::TsTz, K::I8) => {
            return Conversion {
                using: Using::ToEpochMillis,
                rewrites: true,
                narrowing: true,
                can_fail: true,
            }
        }
        _ => {}
    }
    let using = if assignment(from, to) {
        Using::Implicit
    } else if explicit(from, to) {
        Using::Cast
    } else {
        Using::ViaText
    };
    Conversion {
        using,
        rewrites: !binary(from, to),
        narrowing: narrowing(from, to),
        can_fail: using != Using::Implicit || !never_fails(from, to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(from: &str, to: &str) -> String {
        let c = conversion(&SqlType::parse(from).unwrap(), &SqlType::parse(to).unwrap());
        let mut flags = vec![format!("{:?}", c.using)];
        if c.rewrites {
            flags.push("rewrites".into());
        }
        if c.narrowing {
            flags.push("narrowing".into());
        }
        if c.can_fail {
            flags.push("can fail".into());
        }
        format!("{from} -> {to}: {}", flags.join(", "))
    }

    #[test]
    fn the_documented_examples() {
        let pairs = [
            ("text", "integer"),
            ("text", "timestamptz"),
            ("text", "jsonb"),
            ("varchar(50)", "varchar(100)"),
            ("varchar(100)", "varchar(50)"),
            ("varchar(32)", "text"),
            ("text", "varchar(10)"),
            ("numeric(8,2)", "numeric(10,2)"),
            ("numeric(10,2)", "numeric(8,2)"),
            ("numeric(10,2)", "numeric(10,1)"),
            ("integer", "bigint"),
            ("bigint", "integer"),
            ("real", "double precision"),
            ("double precision", "real"),
            ("integer", "boolean"),
            ("uuid", "integer"),
            ("public.mood", "text"),
            ("text", "public.mood"),
            ("public.mood", "public.other"),
            ("text[]", "integer[]"),
            ("integer[]", "text[]"),
            ("timestamp", "timestamptz"),
            ("timestamptz", "date"),
            ("timestamp(3)", "timestamp"),
            ("timestamp", "timestamp(3)"),
            ("json", "jsonb"),
            ("integer", "numeric(5,0)"),
            ("integer", "numeric(12,2)"),
            ("cidr", "inet"),
            ("bigint", "timestamp"),
            ("bigint", "timestamptz"),
            ("timestamp(3)", "bigint"),
            ("bigint", "timestamp(0)"),
            ("integer", "timestamp"),
        ];
        let out: Vec<String> = pairs.iter().map(|(a, b)| show(a, b)).collect();
        expect_test::expect![[r#"
            text -> integer: Cast, rewrites, can fail
            text -> timestamptz: Cast, rewrites, can fail
            text -> jsonb: Cast, rewrites, can fail
            varchar(50) -> varchar(100): Implicit
            varchar(100) -> varchar(50): Implicit, rewrites, narrowing, can fail
            varchar(32) -> text: Implicit
            text -> varchar(10): Implicit, rewrites, narrowing, can fail
            numeric(8,2) -> numeric(10,2): Implicit
            numeric(10,2) -> numeric(8,2): Implicit, rewrites, narrowing, can fail
            numeric(10,2) -> numeric(10,1): Implicit, rewrites, narrowing, can fail
            integer -> bigint: Implicit, rewrites
            bigint -> integer: Implicit, rewrites, narrowing, can fail
            real -> double precision: Implicit, rewrites
            double precision -> real: Implicit, rewrites, narrowing, can fail
            integer -> boolean: Cast, rewrites, can fail
            uuid -> integer: ViaText, rewrites, can fail
            public.mood -> text: Implicit, rewrites
            text -> public.mood: Cast, rewrites, can fail
            public.mood -> public.other: ViaText, rewrites, can fail
            text[] -> integer[]: Cast, rewrites, can fail
            integer[] -> text[]: Implicit, rewrites
            timestamp -> timestamptz: Implicit, rewrites
            timestamptz -> date: Implicit, rewrites, narrowing, can fail
            timestamp(3) -> timestamp: Implicit
            timestamp -> timestamp(3): Implicit, rewrites, narrowing, can fail
            json -> jsonb: Implicit, rewrites, can fail
            integer -> numeric(5,0): Implicit, rewrites, narrowing, can fail
            integer -> numeric(12,2): Implicit, rewrites
            cidr -> inet: Implicit
            bigint -> timestamp: FromEpochMillis, rewrites, can fail
            bigint -> timestamptz: FromEpochMillis, rewrites, can fail
            timestamp(3) -> bigint: ToEpochMillis, rewrites, narrowing, can fail
            bigint -> timestamp(0): FromEpochMillis, rewrites, narrowing, can fail
            integer -> timestamp: ViaText, rewrites, can fail"#]]
        .assert_eq(&out.join("\n"));
    }
}
