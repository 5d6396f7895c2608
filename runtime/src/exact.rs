//! Decoding without silent loss: after a column was read into its Rust
//! type, [`check`] looks at the raw value for what that type would keep only
//! approximately, for the types whose `FromSql` loses data quietly:
//!
//! - `numeric` into `rust_decimal::Decimal`: a value with more than 28
//!   digits after the point, or beyond ±79,228,162,514,264,337,593,543,950,335
//!   (an unconstrained `numeric` such as `1e-40` or
//!   `12345678901234567890.123456789012`) is refused rather than rounded;
//! - an array into `Vec<T>`: an array whose lower bound is not 1
//!   (`'[5:7]={1,2,3}'`) is refused rather than renumbered.
//!
//! Which Rust type was asked for is known only by name
//! (`std::any::type_name`): the check applies to `Decimal` and `Vec`
//! (optionally inside `Option`); other types are left as their `FromSql`
//! decodes them. Only `numeric` and array columns cost anything.

use postgres_types::{FromSql, Kind, Type};
use tokio_postgres::Row;

/// The bytes of a value as the server sent them.
pub(crate) struct RawValue<'a>(pub(crate) Option<&'a [u8]>);

impl<'a> FromSql<'a> for RawValue<'a> {
    fn from_sql(
        _: &Type,
        raw: &'a [u8],
    ) -> Result<RawValue<'a>, Box<dyn std::error::Error + Sync + Send>> {
        Ok(RawValue(Some(raw)))
    }

    fn from_sql_null(_: &Type) -> Result<RawValue<'a>, Box<dyn std::error::Error + Sync + Send>> {
        Ok(RawValue(None))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// Checks that column `pos` of `row`, already decoded into a `T`, fitted
/// `T` exactly. The error says what would have been lost.
#[inline]
pub(crate) fn check<T>(row: &Row, pos: usize) -> Result<(), String> {
    // Most field types are neither: decided on the type's name, which the
    // compiler knows, before the column's SQL type is looked at.
    let rust = std::any::type_name::<T>();
    if !is_decimal(rust) && !is_vec(rust) {
        return Ok(());
    }
    let Some(column) = row.columns().get(pos) else {
        return Ok(());
    };
    if !may_lose(column.type_()) {
        return Ok(());
    }
    let Ok(RawValue(raw)) = row.try_get::<_, RawValue<'_>>(pos) else {
        return Ok(());
    };
    check_raw::<T>(column.type_(), raw)
}

/// True for the SQL types some Rust type holds only approximately.
#[inline]
pub(crate) fn may_lose(ty: &Type) -> bool {
    *ty == Type::NUMERIC || matches!(ty.kind(), Kind::Array(_))
}

/// Checks that `raw`, a value of SQL type `ty` already decoded into a `T`,
/// fitted `T` exactly (the check of [`check`], on the bytes themselves: for
/// rows that are not a `tokio_postgres::Row`, such as binary COPY's).
pub(crate) fn check_raw<T>(ty: &Type, raw: Option<&[u8]>) -> Result<(), String> {
    let Some(raw) = raw else {
        return Ok(());
    };
    let rust = std::any::type_name::<T>();
    if *ty == Type::NUMERIC && is_decimal(rust) {
        return decimal_fits(raw);
    }
    if matches!(ty.kind(), Kind::Array(_)) && is_vec(rust) {
        return array_starts_at_one(raw);
    }
    Ok(())
}

fn strip_option(rust: &str) -> &str {
    rust.strip_prefix("core::option::Option<")
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(rust)
}

fn is_decimal(rust: &str) -> bool {
    strip_option(rust).starts_with("rust_decimal::")
}

fn is_vec(rust: &str) -> bool {
    strip_option(rust).starts_with("alloc::vec::Vec<")
}

/// The binary `numeric` fits `rust_decimal::Decimal` exactly: a mantissa
/// below 2^96 and at most 28 digits after the point.
fn decimal_fits(raw: &[u8]) -> Result<(), String> {
    let word =
        |i: usize| -> Option<i16> { raw.get(i..i + 2).map(|b| i16::from_be_bytes([b[0], b[1]])) };
    let (Some(ndigits), Some(weight), Some(sign)) = (word(0), word(2), word(4)) else {
        return Ok(());
    };
    if sign as u16 & 0xC000 == 0xC000 {
        return Ok(()); // NaN and infinities: the decoder refuses them itself
    }
    let mut mantissa: u128 = 0;
    let mut too_large = false;
    for i in 0..ndigits.max(0) as usize {
        let digit = word(8 + 2 * i).unwrap_or(0).max(0) as u128;
        match mantissa
            .checked_mul(10_000)
            .and_then(|m| m.checked_add(digit))
        {
            Some(m) => mantissa = m,
            None => too_large = true,
        }
    }
    // value = mantissa × 10000^(weight - ndigits + 1)
    let exponent = i32::from(weight) - i32::from(ndigits) + 1;
    let mut scale: i32 = 0;
    if exponent >= 0 {
        for _ in 0..exponent {
            match mantissa.checked_mul(10_000) {
                Some(m) => mantissa = m,
                None => too_large = true,
            }
        }
    } else {
        scale = -4 * exponent;
        while scale > 0 && mantissa != 0 && mantissa.is_multiple_of(10) {
            mantissa /= 10;
            scale -= 1;
        }
    }
    if too_large || mantissa >= 1u128 << 96 {
        return Err(
            "the value has more significant digits than rust_decimal::Decimal holds (28-29); \
             it would be rounded"
                .to_string(),
        );
    }
    if mantissa != 0 && scale > 28 {
        return Err(format!(
            "the value has {scale} digits after the point, rust_decimal::Decimal at most 28; \
             it would be rounded"
        ));
    }
    Ok(())
}

/// The binary array has no dimension whose lower bound is not 1.
fn array_starts_at_one(raw: &[u8]) -> Result<(), String> {
    let int = |i: usize| -> Option<i32> {
        raw.get(i..i + 4)
            .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let Some(ndim) = int(0) else {
        return Ok(());
    };
    for d in 0..ndim.max(0) as usize {
        let (Some(len), Some(lower)) = (int(12 + 8 * d), int(16 + 8 * d)) else {
            return Ok(());
        };
        if lower != 1 {
            return Err(format!(
                "the array's bounds are [{lower}:{}]; a Vec would renumber its elements from 1",
                i64::from(lower) + i64::from(len) - 1
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_type_names_are_recognised() {
        assert!(is_decimal("rust_decimal::decimal::Decimal"));
        assert!(is_decimal(
            "core::option::Option<rust_decimal::decimal::Decimal>"
        ));
        assert!(!is_decimal("f64"));
        assert!(is_vec(std::any::type_name::<Vec<i32>>()));
        assert!(is_vec(std::any::type_name::<Option<Vec<String>>>()));
        assert!(!is_vec(std::any::type_name::<String>()));
    }

    /// A numeric in PostgreSQL's binary form.
    fn numeric(weight: i16, dscale: u16, digits: &[i16]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend((digits.len() as i16).to_be_bytes());
        out.extend(weight.to_be_bytes());
        out.extend(0u16.to_be_bytes());
        out.extend(dscale.to_be_bytes());
        for d in digits {
            out.extend(d.to_be_bytes());
        }
        out
    }

    #[test]
    fn numerics_that_decimal_holds_exactly_pass() {
        // 123.45
        assert!(decimal_fits(&numeric(0, 2, &[123, 4500])).is_ok());
        // 0
        assert!(decimal_fits(&numeric(0, 0, &[])).is_ok());
        // 1e27
        assert!(decimal_fits(&numeric(6, 0, &[1000])).is_ok());
    }

    #[test]
    fn numerics_beyond_decimal_are_refused() {
        // 1e-40: weight -10, digit 1 (0.0001^10)
        assert!(decimal_fits(&numeric(-10, 40, &[1])).is_err());
        // 12345678901234567890.123456789012
        assert!(decimal_fits(&numeric(
            4,
            12,
            &[1234, 5678, 9012, 3456, 7890, 1234, 5678, 9012]
        ))
        .is_err());
        // 1e40
        assert!(decimal_fits(&numeric(10, 0, &[1])).is_err());
    }

    #[test]
    fn arrays_not_starting_at_one_are_refused() {
        let array = |lower: i32| {
            let mut out = Vec::new();
            for v in [1i32, 0, 23, 3, lower] {
                out.extend(v.to_be_bytes());
            }
            out
        };
        assert!(array_starts_at_one(&array(1)).is_ok());
        let err = array_starts_at_one(&array(5)).unwrap_err();
        assert!(err.contains("[5:7]"), "{err}");
    }
}
