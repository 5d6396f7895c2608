//! Primary-key arguments: [`KeyArg<K>`] is what [`get`](crate::Executor::get),
//! [`find`](crate::Executor::find) and [`delete`](crate::Executor::delete)
//! accept as the key of a table whose key type is `K` (the key field's value,
//! a reference to it, a `&str` for a `String` key, or for a composite key a
//! tuple of such values or a [`Composite`]); [`KeyPart<K>`] is one column's
//! worth of it. Both carry `#[diagnostic::on_unimplemented]` messages, so a
//! wrong key type is a compile error that says what to pass
//! (`tests/ui/query/wrong-key-type.rs`).
//!
//! Start reading at [`KeyArg`], then `key_params` (the bind parameters of a
//! key, in key-column order).

use postgres_types::ToSql;

use crate::table::{Composite, Table};

/// A value that identifies a row by primary key `K`: the key field's value
/// (or a reference to it, or a `&str` for a `String` key), or for a composite
/// key a tuple of such values or a [`Composite`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a primary key of type `{K}`",
    label = "expected a value of the primary key's type `{K}`",
    note = "pass the key field's value (a `&str` works for a `String` key); for a composite key pass a tuple `(a, b)`"
)]
pub trait KeyArg<K>: Send + Sync {
    /// The value of key column `i`, as a bind parameter.
    fn key_param(&self, i: usize) -> &(dyn ToSql + Sync);
}

/// A value that binds like key column type `K`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot stand for a key column of type `{K}`",
    label = "expected `{K}` here"
)]
pub trait KeyPart<K>: ToSql + Send + Sync {}
impl<K: ToSql + Send + Sync> KeyPart<K> for K {}
impl<K: ToSql + Send + Sync> KeyPart<K> for &K {}
impl KeyPart<String> for &str {}
impl KeyPart<Vec<u8>> for &[u8] {}

impl<K: ToSql + Send + Sync, X: KeyPart<K>> KeyArg<K> for X {
    fn key_param(&self, _i: usize) -> &(dyn ToSql + Sync) {
        self
    }
}

macro_rules! tuple_key_arg {
    ($($k:ident $x:ident $idx:tt),+) => {
        impl<$($k, $x: KeyPart<$k>),+> KeyArg<Composite<($($k,)+)>> for ($($x,)+) {
            fn key_param(&self, i: usize) -> &(dyn ToSql + Sync) {
                match i {
                    $($idx => &self.$idx,)+
                    _ => &crate::table::NULL_PARAM,
                }
            }
        }

        impl<$($k: ToSql + Send + Sync),+> KeyArg<Composite<($($k,)+)>> for Composite<($($k,)+)> {
            fn key_param(&self, i: usize) -> &(dyn ToSql + Sync) {
                match i {
                    $($idx => &(self.0).$idx,)+
                    _ => &crate::table::NULL_PARAM,
                }
            }
        }

        impl<$($k: ToSql + Send + Sync),+> KeyArg<Composite<($($k,)+)>> for &Composite<($($k,)+)> {
            fn key_param(&self, i: usize) -> &(dyn ToSql + Sync) {
                match i {
                    $($idx => &(self.0).$idx,)+
                    _ => &crate::table::NULL_PARAM,
                }
            }
        }
    };
}

tuple_key_arg!(KA XA 0, KB XB 1);
tuple_key_arg!(KA XA 0, KB XB 1, KC XC 2);
tuple_key_arg!(KA XA 0, KB XB 1, KC XC 2, KD XD 3);
tuple_key_arg!(KA XA 0, KB XB 1, KC XC 2, KD XD 3, KE XE 4);
tuple_key_arg!(KA XA 0, KB XB 1, KC XC 2, KD XD 3, KE XE 4, KF XF 5);

/// The bind parameters of `key`, one per primary-key column of `T`, in key
/// order.
pub(crate) fn key_params<'a, T: Table>(
    key: &'a impl KeyArg<T::Key>,
) -> impl ExactSizeIterator<Item = &'a (dyn ToSql + Sync)> + Clone + Send + 'a {
    (0..T::PRIMARY_KEY.len()).map(move |i| key.key_param(i))
}
