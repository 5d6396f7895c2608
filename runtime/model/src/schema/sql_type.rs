//! [`SqlType`]: a column's PostgreSQL type with its modifiers, parsed from any
//! spelling PostgreSQL accepts for it (`int4`, `varchar(32)`, `timestamptz`,
//! `decimal(12,2)`, `text[]`, `"My Schema".mood`) and printed in one canonical
//! spelling: exactly what PostgreSQL's `format_type()` prints for a builtin type,
//! and `schema.name` (quoted when needed) for a user-defined one.
//!
//! `strata-macros` calls [`parse_column_type`] to check `#[column(sql_type =
//! "...")]` at compile time, so the macro, the runtime and `schema-diff`
//! accept exactly the same spellings. Its serde impls live in `schema/mod.rs`.

use std::fmt;

use crate::ident::Qualified;

/// A PostgreSQL column type, with its modifiers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SqlType {
    /// `smallint` (`int2`).
    SmallInt,
    /// `integer` (`int`, `int4`).
    Integer,
    /// `bigint` (`int8`).
    BigInt,
    /// `real` (`float4`).
    Real,
    /// `double precision` (`float8`, `float`).
    DoublePrecision,
    /// `numeric` / `numeric(p,s)` (`decimal`); `numeric(p)` is `numeric(p,0)`.
    Numeric(Option<(u16, u16)>),
    /// `boolean` (`bool`).
    Boolean,
    /// `text`.
    Text,
    /// `character varying` / `character varying(n)` (`varchar`).
    Varchar(Option<u32>),
    /// `character(n)` (`char(n)`; `char` alone is `character(1)`); `None` is
    /// the unlimited `bpchar`.
    Char(Option<u32>),
    /// `bytea`.
    Bytea,
    /// `json`.
    Json,
    /// `jsonb`.
    Jsonb,
    /// `uuid`.
    Uuid,
    /// `date`.
    Date,
    /// `time without time zone`, optionally with fractional-second precision.
    Time(Option<u8>),
    /// `time with time zone` (`timetz`).
    TimeTz(Option<u8>),
    /// `timestamp without time zone` (`timestamp`).
    Timestamp(Option<u8>),
    /// `timestamp with time zone` (`timestamptz`).
    TimestampTz(Option<u8>),
    /// `interval`.
    Interval,
    /// `interval` restricted to some fields or with a fractional-second
    /// precision: `interval year`, `interval day to second(3)`,
    /// `interval(2)` (never both `None`: that is [`SqlType::Interval`]).
    IntervalOf {
        /// The fields kept (`year`, `day to second`, ...); `None` keeps all.
        fields: Option<IntervalFields>,
        /// Fractional digits of the seconds (0..=6).
        precision: Option<u8>,
    },
    /// `inet`.
    Inet,
    /// `cidr`.
    Cidr,
    /// `macaddr`.
    MacAddr,
    /// `money`.
    Money,
    /// `xml`.
    Xml,
    /// `tsvector`.
    TsVector,
    /// `oid`.
    Oid,
    /// `bit(n)` (`bit` alone is `bit(1)`); `None` is the unconstrained
    /// `bit` only casts print.
    Bit(Option<u32>),
    /// `bit varying` / `bit varying(n)` (`varbit`).
    VarBit(Option<u32>),
    /// A user-defined type (an enum, a domain, an extension's type), always
    /// schema-qualified in the canonical form.
    Named(TypeName),
    /// An array of the element type (PostgreSQL does not enforce dimensions,
    /// so `text[][]` is `text[]`).
    Array(Box<SqlType>),
}

/// The fields an `interval` column keeps (`interval day to second`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntervalFields {
    /// `year`.
    Year,
    /// `month`.
    Month,
    /// `day`.
    Day,
    /// `hour`.
    Hour,
    /// `minute`.
    Minute,
    /// `second`.
    Second,
    /// `year to month`.
    YearToMonth,
    /// `day to hour`.
    DayToHour,
    /// `day to minute`.
    DayToMinute,
    /// `day to second`.
    DayToSecond,
    /// `hour to minute`.
    HourToMinute,
    /// `hour to second`.
    HourToSecond,
    /// `minute to second`.
    MinuteToSecond,
}

impl IntervalFields {
    const ALL: [IntervalFields; 13] = [
        IntervalFields::Year,
        IntervalFields::Month,
        IntervalFields::Day,
        IntervalFields::Hour,
        IntervalFields::Minute,
        IntervalFields::Second,
        IntervalFields::YearToMonth,
        IntervalFields::DayToHour,
        IntervalFields::DayToMinute,
        IntervalFields::DayToSecond,
        IntervalFields::HourToMinute,
        IntervalFields::HourToSecond,
        IntervalFields::MinuteToSecond,
    ];

    /// The SQL words: `day to second`.
    pub fn as_sql(self) -> &'static str {
        match self {
            IntervalFields::Year => "year",
            IntervalFields::Month => "month",
            IntervalFields::Day => "day",
            IntervalFields::Hour => "hour",
            IntervalFields::Minute => "minute",
            IntervalFields::Second => "second",
            IntervalFields::YearToMonth => "year to month",
            IntervalFields::DayToHour => "day to hour",
            IntervalFields::DayToMinute => "day to minute",
            IntervalFields::DayToSecond => "day to second",
            IntervalFields::HourToMinute => "hour to minute",
            IntervalFields::HourToSecond => "hour to second",
            IntervalFields::MinuteToSecond => "minute to second",
        }
    }

    /// The range bits PostgreSQL keeps in the upper half of an interval's
    /// type modifier (`INTERVAL_MASK` of `MONTH` 1, `YEAR` 2, `DAY` 3,
    /// `HOUR` 10, `MINUTE` 11, `SECOND` 12).
    pub fn range_bits(self) -> u32 {
        const MONTH: u32 = 1 << 1;
        const YEAR: u32 = 1 << 2;
        const DAY: u32 = 1 << 3;
        const HOUR: u32 = 1 << 10;
        const MINUTE: u32 = 1 << 11;
        const SECOND: u32 = 1 << 12;
        match self {
            IntervalFields::Year => YEAR,
            IntervalFields::Month => MONTH,
            IntervalFields::Day => DAY,
            IntervalFields::Hour => HOUR,
            IntervalFields::Minute => MINUTE,
            IntervalFields::Second => SECOND,
            IntervalFields::YearToMonth => YEAR | MONTH,
            IntervalFields::DayToHour => DAY | HOUR,
            IntervalFields::DayToMinute => DAY | HOUR | MINUTE,
            IntervalFields::DayToSecond => DAY | HOUR | MINUTE | SECOND,
            IntervalFields::HourToMinute => HOUR | MINUTE,
            IntervalFields::HourToSecond => HOUR | MINUTE | SECOND,
            IntervalFields::MinuteToSecond => MINUTE | SECOND,
        }
    }

    /// The fields of the range bits of a type modifier (`None` for the
    /// full range or an unknown one).
    pub fn from_range_bits(bits: u32) -> Option<IntervalFields> {
        Self::ALL.into_iter().find(|f| f.range_bits() == bits)
    }

    /// Whether a precision may follow (the fields end with seconds).
    pub fn has_seconds(self) -> bool {
        matches!(
            self,
            IntervalFields::Second
                | IntervalFields::DayToSecond
                | IntervalFields::HourToSecond
                | IntervalFields::MinuteToSecond
        )
    }
}

/// The schema-qualified name of a user-defined type.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeName {
    /// The schema (namespace) of the type; empty when not yet resolved.
    pub schema: String,
    /// The type's name.
    pub name: String,
}

/// An error from [`SqlType::parse`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeParseError {
    /// The text that was parsed.
    pub input: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for TypeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid SQL type `{}`: {}", self.input, self.reason)
    }
}

impl std::error::Error for TypeParseError {}

/// How PostgreSQL fills a column's value by itself: identity or serial.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Identity {
    /// `GENERATED ALWAYS AS IDENTITY`.
    Always,
    /// `GENERATED BY DEFAULT AS IDENTITY`.
    ByDefault,
    /// `serial` / `bigserial` / `smallserial`: a `nextval()` default of a
    /// sequence the column owns.
    Serial,
}

impl Identity {
    /// Every kind, in declaration order.
    pub const ALL: [Identity; 3] = [Identity::Always, Identity::ByDefault, Identity::Serial];

    /// The name used in the schema JSON: `always`, `by_default`, `serial`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Identity::Always => "always",
            Identity::ByDefault => "by_default",
            Identity::Serial => "serial",
        }
    }

    /// The inverse of [`Identity::as_str`] (exact spelling).
    pub fn from_name(s: &str) -> Option<Identity> {
        Identity::ALL.into_iter().find(|i| i.as_str() == s)
    }
}

impl SqlType {
    /// Parses a type name in any spelling PostgreSQL accepts for the types this
    /// model knows. Unknown names become [`SqlType::Named`]; an unqualified one
    /// has an empty schema, to be resolved by the caller.
    pub fn parse(input: &str) -> Result<SqlType, TypeParseError> {
        match parse_column_type(input)? {
            (ty, None) => Ok(ty),
            (_, Some(_)) => Err(TypeParseError {
                input: input.to_string(),
                reason: "serial types are not types; use `identity` (or `sql_type = \"serial\"` on a column)".into(),
            }),
        }
    }

    /// The element type of an array, or `self`.
    pub fn element(&self) -> &SqlType {
        match self {
            SqlType::Array(inner) => inner.element(),
            other => other,
        }
    }

    /// True for integer types that can carry an identity or serial.
    pub fn is_integer(&self) -> bool {
        matches!(self, SqlType::SmallInt | SqlType::Integer | SqlType::BigInt)
    }

    /// An array of this type.
    pub fn array_of(self) -> SqlType {
        SqlType::Array(Box::new(self))
    }

    /// Fills an empty schema of a user-defined type (also inside arrays) with
    /// the result of `resolve(name)`.
    pub fn resolve_schema(&mut self, resolve: &dyn Fn(&str) -> String) {
        match self {
            SqlType::Named(n) if n.schema.is_empty() => n.schema = resolve(&n.name),
            SqlType::Array(inner) => inner.resolve_schema(resolve),
            _ => {}
        }
    }
}

impl SqlType {
    /// The storage PostgreSQL gives a column of this type (`typstorage`):
    /// `main` for `numeric`, `inet` and `cidr`, `plain` for fixed-length
    /// types, `extended` for the other variable-length types and arrays.
    /// A [`SqlType::Named`] type (a domain, an enum, an extension's type)
    /// is not known here: `extended`, what most variable-length types use
    /// (a domain over `numeric` and an extension type stored otherwise are
    /// the exceptions).
    pub fn default_storage(&self) -> super::ColumnStorage {
        use super::ColumnStorage::*;
        match self {
            SqlType::Numeric(_) | SqlType::Inet | SqlType::Cidr => Main,
            SqlType::Text
            | SqlType::Varchar(_)
            | SqlType::Char(_)
            | SqlType::Bytea
            | SqlType::Json
            | SqlType::Jsonb
            | SqlType::Xml
            | SqlType::TsVector
            | SqlType::Bit(_)
            | SqlType::VarBit(_)
            | SqlType::Named(_)
            | SqlType::Array(_) => Extended,
            SqlType::SmallInt
            | SqlType::Integer
            | SqlType::BigInt
            | SqlType::Real
            | SqlType::DoublePrecision
            | SqlType::Boolean
            | SqlType::Uuid
            | SqlType::Date
            | SqlType::Time(_)
            | SqlType::TimeTz(_)
            | SqlType::Timestamp(_)
            | SqlType::TimestampTz(_)
            | SqlType::Interval
            | SqlType::IntervalOf { .. }
            | SqlType::MacAddr
            | SqlType::Money
            | SqlType::Oid => Plain,
        }
    }
}

/// Parses a column type that may also be a serial pseudo-type (`serial`,
/// `bigserial`, `smallserial`, `serial4`, `serial8`, `serial2`).
pub fn parse_column_type(input: &str) -> Result<(SqlType, Option<Identity>), TypeParseError> {
    let err = |reason: &str| TypeParseError {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    let tokens = tokenize(input).map_err(|r| err(&r))?;
    let mut p = Parser { tokens, pos: 0 };
    let (base, serial) = p.base_type().map_err(|r| err(&r))?;
    let mut ty = base;
    loop {
        if p.eat_punct('[') {
            if let Some(Tok::Number(_)) = p.peek() {
                p.pos += 1;
            }
            if !p.eat_punct(']') {
                return Err(err("expected `]`"));
            }
            ty = wrap_array(ty);
        } else if p.eat_word("array") {
            if p.eat_punct('[') {
                if let Some(Tok::Number(_)) = p.peek() {
                    p.pos += 1;
                }
                if !p.eat_punct(']') {
                    return Err(err("expected `]`"));
                }
            }
            ty = wrap_array(ty);
        } else {
            break;
        }
    }
    if p.pos != p.tokens.len() {
        return Err(err("unexpected text after the type"));
    }
    if serial.is_some() && matches!(ty, SqlType::Array(_)) {
        return Err(err("arrays of serial are not allowed"));
    }
    Ok((ty, serial))
}

fn wrap_array(ty: SqlType) -> SqlType {
    match ty {
        a @ SqlType::Array(_) => a,
        other => SqlType::Array(Box::new(other)),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A bare word, its ASCII letters folded to lower case.
    Word(String),
    /// A double-quoted identifier, kept as written.
    Quoted(String),
    Number(u32),
    Punct(char),
}

fn tokenize(input: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        s.push('"');
                    }
                    Some('"') => break,
                    Some(c) => s.push(c),
                    None => return Err("unterminated quoted identifier".into()),
                }
            }
            if s.is_empty() {
                return Err("empty quoted identifier".into());
            }
            out.push(Tok::Quoted(s));
        } else if c.is_ascii_digit() {
            let mut n: u64 = 0;
            while let Some(&d) = chars.peek() {
                if let Some(v) = d.to_digit(10) {
                    n = n * 10 + u64::from(v);
                    if n > u64::from(u32::MAX) {
                        return Err("number too large".into());
                    }
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Number(n as u32));
        } else if c.is_alphabetic() || c == '_' {
            let mut s = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_alphanumeric() || d == '_' || d == '$' {
                    // PostgreSQL folds only ASCII letters of an unquoted
                    // name (in a UTF-8 database): `ÉMOTION` is `Émotion`.
                    s.push(d.to_ascii_lowercase());
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(s));
        } else if "()[],.".contains(c) {
            chars.next();
            out.push(Tok::Punct(c));
        } else {
            return Err(format!("unexpected character `{c}`"));
        }
    }
    if out.is_empty() {
        return Err("empty type".into());
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }

    fn peek_word(&self, offset: usize) -> Option<&str> {
        match self.tokens.get(self.pos + offset) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if self.peek_word(0) == Some(w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_punct(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> Result<u32, String> {
        match self.peek() {
            Some(Tok::Number(n)) => {
                let n = *n;
                self.pos += 1;
                Ok(n)
            }
            _ => Err("expected a number".into()),
        }
    }

    /// `(n)` after a type name, if present.
    fn opt_modifier(&mut self) -> Result<Option<u32>, String> {
        if self.eat_punct('(') {
            let n = self.number()?;
            if !self.eat_punct(')') {
                return Err("expected `)`".into());
            }
            Ok(Some(n))
        } else {
            Ok(None)
        }
    }

    fn precision(&mut self, what: &str) -> Result<Option<u8>, String> {
        match self.opt_modifier()? {
            None => Ok(None),
            Some(p) if p <= 6 => Ok(Some(p as u8)),
            Some(p) => Err(format!("{what} precision {p} is out of range 0..=6")),
        }
    }

    /// `with time zone` / `without time zone`, if present: Some(true) for with.
    fn time_zone(&mut self) -> Result<Option<bool>, String> {
        let with = if self.eat_word("with") {
            true
        } else if self.eat_word("without") {
            false
        } else {
            return Ok(None);
        };
        if self.eat_word("time") && self.eat_word("zone") {
            Ok(Some(with))
        } else {
            Err("expected `time zone`".into())
        }
    }

    fn no_modifier(&mut self, name: &str) -> Result<(), String> {
        if self.peek() == Some(&Tok::Punct('(')) {
            return Err(format!("type `{name}` takes no modifier"));
        }
        Ok(())
    }

    fn base_type(&mut self) -> Result<(SqlType, Option<Identity>), String> {
        let first = match self.peek().cloned() {
            Some(Tok::Word(w)) => w,
            Some(Tok::Quoted(_)) => return self.named().map(|t| (t, None)),
            _ => return Err("expected a type name".into()),
        };
        // A qualified name: `pg_catalog.int4` is the builtin, anything else is user-defined.
        if self.tokens.get(self.pos + 1) == Some(&Tok::Punct('.')) {
            if first == "pg_catalog" {
                self.pos += 2;
                // A builtin this model knows parses as itself; any other
                // builtin (`pg_catalog.point`) stays qualified so it is never
                // mistaken for a user type of the same name.
                return match self.base_type()? {
                    (SqlType::Named(n), id) if n.schema.is_empty() => Ok((
                        SqlType::Named(TypeName {
                            schema: "pg_catalog".into(),
                            name: n.name,
                        }),
                        id,
                    )),
                    other => Ok(other),
                };
            }
            return self.named().map(|t| (t, None));
        }
        self.pos += 1;
        let simple = |s: &mut Self, ty: SqlType| -> Result<(SqlType, Option<Identity>), String> {
            s.no_modifier(&first)?;
            Ok((ty, None))
        };
        match first.as_str() {
            "smallint" | "int2" => simple(self, SqlType::SmallInt),
            "integer" | "int" | "int4" => simple(self, SqlType::Integer),
            "bigint" | "int8" => simple(self, SqlType::BigInt),
            "smallserial" | "serial2" => Ok((SqlType::SmallInt, Some(Identity::Serial))),
            "serial" | "serial4" => Ok((SqlType::Integer, Some(Identity::Serial))),
            "bigserial" | "serial8" => Ok((SqlType::BigInt, Some(Identity::Serial))),
            "real" | "float4" => simple(self, SqlType::Real),
            "float8" => simple(self, SqlType::DoublePrecision),
            "double" => {
                if !self.eat_word("precision") {
                    return Err("expected `double precision`".into());
                }
                simple(self, SqlType::DoublePrecision)
            }
            "float" => match self.opt_modifier()? {
                None => Ok((SqlType::DoublePrecision, None)),
                Some(p @ 1..=24) => {
                    let _ = p;
                    Ok((SqlType::Real, None))
                }
                Some(25..=53) => Ok((SqlType::DoublePrecision, None)),
                Some(p) => Err(format!("float precision {p} is out of range 1..=53")),
            },
            "numeric" | "decimal" | "dec" => {
                if self.eat_punct('(') {
                    let p = self.number()?;
                    let s = if self.eat_punct(',') {
                        self.number()?
                    } else {
                        0
                    };
                    if !self.eat_punct(')') {
                        return Err("expected `)`".into());
                    }
                    if !(1..=1000).contains(&p) {
                        return Err(format!("numeric precision {p} is out of range 1..=1000"));
                    }
                    if s > p {
                        return Err(format!(
                            "numeric scale {s} is larger than its precision {p}"
                        ));
                    }
                    Ok((SqlType::Numeric(Some((p as u16, s as u16))), None))
                } else {
                    Ok((SqlType::Numeric(None), None))
                }
            }
            "boolean" | "bool" => simple(self, SqlType::Boolean),
            "text" => simple(self, SqlType::Text),
            "varchar" => Ok((SqlType::Varchar(self.length()?), None)),
            "character" | "char" | "nchar" | "national" => {
                if first == "national" && !(self.eat_word("character") || self.eat_word("char")) {
                    return Err("expected `national character`".into());
                }
                if self.eat_word("varying") {
                    Ok((SqlType::Varchar(self.length()?), None))
                } else {
                    Ok((SqlType::Char(Some(self.length()?.unwrap_or(1))), None))
                }
            }
            "bpchar" => Ok((SqlType::Char(self.length()?), None)),
            "bytea" => simple(self, SqlType::Bytea),
            "json" => simple(self, SqlType::Json),
            "jsonb" => simple(self, SqlType::Jsonb),
            "uuid" => simple(self, SqlType::Uuid),
            "date" => simple(self, SqlType::Date),
            "time" => {
                let p = self.precision("time")?;
                match self.time_zone()? {
                    Some(true) => Ok((SqlType::TimeTz(p), None)),
                    _ => Ok((SqlType::Time(p), None)),
                }
            }
            "timetz" => Ok((SqlType::TimeTz(self.precision("time")?), None)),
            "timestamp" => {
                let p = self.precision("timestamp")?;
                match self.time_zone()? {
                    Some(true) => Ok((SqlType::TimestampTz(p), None)),
                    _ => Ok((SqlType::Timestamp(p), None)),
                }
            }
            "timestamptz" => Ok((SqlType::TimestampTz(self.precision("timestamp")?), None)),
            "interval" => self.interval().map(|t| (t, None)),
            "inet" => simple(self, SqlType::Inet),
            "cidr" => simple(self, SqlType::Cidr),
            "macaddr" => simple(self, SqlType::MacAddr),
            "money" => simple(self, SqlType::Money),
            "xml" => simple(self, SqlType::Xml),
            "tsvector" => simple(self, SqlType::TsVector),
            "oid" => simple(self, SqlType::Oid),
            "bit" => {
                if self.eat_word("varying") {
                    Ok((SqlType::VarBit(self.length()?), None))
                } else {
                    Ok((SqlType::Bit(Some(self.length()?.unwrap_or(1))), None))
                }
            }
            "varbit" => Ok((SqlType::VarBit(self.length()?), None)),
            _ => {
                self.pos -= 1;
                self.named().map(|t| (t, None))
            }
        }
    }

    /// What follows `interval`: `(p)`, or fields and then `(p)` when they
    /// end with seconds.
    fn interval(&mut self) -> Result<SqlType, String> {
        let precision = |p: &mut Self| p.precision("interval");
        let first = ["year", "month", "day", "hour", "minute", "second"]
            .into_iter()
            .find(|w| self.eat_word(w));
        let Some(first) = first else {
            return Ok(match precision(self)? {
                None => SqlType::Interval,
                p => SqlType::IntervalOf {
                    fields: None,
                    precision: p,
                },
            });
        };
        let words = if self.eat_word("to") {
            let last = ["month", "hour", "minute", "second"]
                .into_iter()
                .find(|w| self.eat_word(w))
                .ok_or("expected `month`, `hour`, `minute` or `second` after `to`")?;
            format!("{first} to {last}")
        } else {
            first.to_string()
        };
        let fields = IntervalFields::ALL
            .into_iter()
            .find(|f| f.as_sql() == words)
            .ok_or_else(|| format!("`interval {words}` is not a valid interval"))?;
        let precision = if fields.has_seconds() {
            precision(self)?
        } else {
            None
        };
        Ok(SqlType::IntervalOf {
            fields: Some(fields),
            precision,
        })
    }

    fn length(&mut self) -> Result<Option<u32>, String> {
        match self.opt_modifier()? {
            Some(0) => Err("length must be at least 1".into()),
            Some(n) if n > 10_485_760 => Err(format!("length {n} is larger than 10485760")),
            other => Ok(other),
        }
    }

    fn ident(&mut self) -> Result<String, String> {
        match self.peek().cloned() {
            Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => {
                self.pos += 1;
                Ok(w)
            }
            _ => Err("expected a type name".into()),
        }
    }

    fn named(&mut self) -> Result<SqlType, String> {
        let first = self.ident()?;
        if self.eat_punct('.') {
            let second = self.ident()?;
            if self.peek() == Some(&Tok::Punct('.')) {
                return Err("type names have at most two parts (schema.name)".into());
            }
            Ok(SqlType::Named(TypeName {
                schema: first,
                name: second,
            }))
        } else {
            if self.peek() == Some(&Tok::Punct('(')) {
                return Err(format!("unknown type `{first}` cannot take a modifier"));
            }
            Ok(SqlType::Named(TypeName {
                schema: String::new(),
                name: first,
            }))
        }
    }
}

impl fmt::Display for SqlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn prec(f: &mut fmt::Formatter<'_>, base: &str, p: &Option<u8>, tz: &str) -> fmt::Result {
            match p {
                Some(p) => write!(f, "{base}({p}) {tz}"),
                None => write!(f, "{base} {tz}"),
            }
        }
        match self {
            SqlType::SmallInt => f.write_str("smallint"),
            SqlType::Integer => f.write_str("integer"),
            SqlType::BigInt => f.write_str("bigint"),
            SqlType::Real => f.write_str("real"),
            SqlType::DoublePrecision => f.write_str("double precision"),
            SqlType::Numeric(None) => f.write_str("numeric"),
            SqlType::Numeric(Some((p, s))) => write!(f, "numeric({p},{s})"),
            SqlType::Boolean => f.write_str("boolean"),
            SqlType::Text => f.write_str("text"),
            SqlType::Varchar(None) => f.write_str("character varying"),
            SqlType::Varchar(Some(n)) => write!(f, "character varying({n})"),
            SqlType::Char(None) => f.write_str("bpchar"),
            SqlType::Char(Some(n)) => write!(f, "character({n})"),
            SqlType::Bytea => f.write_str("bytea"),
            SqlType::Json => f.write_str("json"),
            SqlType::Jsonb => f.write_str("jsonb"),
            SqlType::Uuid => f.write_str("uuid"),
            SqlType::Date => f.write_str("date"),
            SqlType::Time(p) => prec(f, "time", p, "without time zone"),
            SqlType::TimeTz(p) => prec(f, "time", p, "with time zone"),
            SqlType::Timestamp(p) => prec(f, "timestamp", p, "without time zone"),
            SqlType::TimestampTz(p) => prec(f, "timestamp", p, "with time zone"),
            SqlType::Interval => f.write_str("interval"),
            SqlType::IntervalOf { fields, precision } => {
                f.write_str("interval")?;
                if let Some(x) = fields {
                    write!(f, " {}", x.as_sql())?;
                }
                if let Some(p) = precision {
                    write!(f, "({p})")?;
                }
                Ok(())
            }
            SqlType::Inet => f.write_str("inet"),
            SqlType::Cidr => f.write_str("cidr"),
            SqlType::MacAddr => f.write_str("macaddr"),
            SqlType::Money => f.write_str("money"),
            SqlType::Xml => f.write_str("xml"),
            SqlType::TsVector => f.write_str("tsvector"),
            SqlType::Oid => f.write_str("oid"),
            SqlType::Bit(None) => f.write_str("bit"),
            SqlType::Bit(Some(n)) => write!(f, "bit({n})"),
            SqlType::VarBit(None) => f.write_str("bit varying"),
            SqlType::VarBit(Some(n)) => write!(f, "bit varying({n})"),
            SqlType::Named(n) if n.schema.is_empty() => {
                write!(f, "{}", crate::ident::Ident(&n.name))
            }
            SqlType::Named(n) => write!(f, "{}", Qualified(&n.schema, &n.name)),
            SqlType::Array(inner) => write!(f, "{inner}[]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        match SqlType::parse(s) {
            Ok(t) => t.to_string(),
            Err(e) => format!("ERROR: {}", e.reason),
        }
    }

    #[test]
    fn synonyms_print_canonically() {
        let cases = [
            ("int4", "integer"),
            ("INT", "integer"),
            ("int2", "smallint"),
            ("int8", "bigint"),
            ("float8", "double precision"),
            ("double   precision", "double precision"),
            ("float", "double precision"),
            ("float(10)", "real"),
            ("float4", "real"),
            ("varchar(32)", "character varying(32)"),
            ("character varying", "character varying"),
            ("char", "character(1)"),
            ("char(3)", "character(3)"),
            ("bpchar", "bpchar"),
            ("decimal(12,2)", "numeric(12,2)"),
            ("numeric(8)", "numeric(8,0)"),
            ("numeric", "numeric"),
            ("bool", "boolean"),
            ("timestamptz", "timestamp with time zone"),
            ("timestamptz(3)", "timestamp(3) with time zone"),
            ("timestamp", "timestamp without time zone"),
            ("timestamp(0) with time zone", "timestamp(0) with time zone"),
            ("time", "time without time zone"),
            ("timetz", "time with time zone"),
            ("text[]", "text[]"),
            ("text[][]", "text[]"),
            ("int4[3]", "integer[]"),
            ("integer array", "integer[]"),
            ("varchar(5)[]", "character varying(5)[]"),
            ("pg_catalog.int4", "integer"),
            ("pg_catalog.point", "pg_catalog.point"),
            ("pg_catalog.point[]", "pg_catalog.point[]"),
            ("mood", "mood"),
            ("public.mood", "public.mood"),
            ("\"My Schema\".\"Mood\"", "\"My Schema\".\"Mood\""),
            ("\"order\"[]", "\"order\"[]"),
            // Only ASCII letters fold, as in PostgreSQL 15 (`'a'::ÉMOTION`
            // finds the type "Émotion").
            ("ÉMOTION", "\"Émotion\""),
            ("app.Ünïcode[]", "app.\"Ünïcode\"[]"),
            ("jsonb", "jsonb"),
            ("", "ERROR: empty type"),
            ("numeric(3,5)", "ERROR: numeric scale 5 is larger than its precision 3"),
            ("varchar(0)", "ERROR: length must be at least 1"),
            ("text(3)", "ERROR: type `text` takes no modifier"),
            ("integer;", "ERROR: unexpected character `;`"),
            ("serial", "ERROR: serial types are not types; use `identity` (or `sql_type = \"serial\"` on a column)"),
            ("a.b.c", "ERROR: type names have at most two parts (schema.name)"),
            ("timestamp(9)", "ERROR: timestamp precision 9 is out of range 0..=6"),
            ("INTERVAL", "interval"),
            ("interval(3)", "interval(3)"),
            ("INTERVAL Day To Second(2)", "interval day to second(2)"),
            ("interval year to month", "interval year to month"),
            ("interval second", "interval second"),
            ("interval hour to minute[]", "interval hour to minute[]"),
            ("interval(9)", "ERROR: interval precision 9 is out of range 0..=6"),
            ("interval year to day", "ERROR: expected `month`, `hour`, `minute` or `second` after `to`"),
            ("interval month to hour", "ERROR: `interval month to hour` is not a valid interval"),
        ];
        for (input, want) in cases {
            assert_eq!(canon(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn canonical_form_round_trips() {
        for s in [
            "integer",
            "character varying(32)[]",
            "numeric(12,6)",
            "timestamp(3) without time zone",
            "time(2) with time zone",
            "public.\"Mood\"",
            "bpchar",
            "interval day to second(3)",
            "interval(0)",
        ] {
            let t = SqlType::parse(s).unwrap();
            assert_eq!(t.to_string(), s);
            assert_eq!(SqlType::parse(&t.to_string()).unwrap(), t);
        }
    }

    #[test]
    fn serial_family() {
        assert_eq!(
            parse_column_type("bigserial").unwrap(),
            (SqlType::BigInt, Some(Identity::Serial))
        );
        assert_eq!(
            parse_column_type("serial4").unwrap(),
            (SqlType::Integer, Some(Identity::Serial))
        );
    }
}
