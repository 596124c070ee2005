//! Text columns (user ids, event names, property values) numbered once, in parallel.
//!
//! Each thread numbers one contiguous part of the rows with its own hash map, in order
//! of first appearance within the part; the parts' maps are then merged in row order,
//! which gives every value the code of its first appearance in the whole column (the
//! same codes as one thread and [`IdMap::encode`]), and each part's codes are renumbered
//! in place. Values are hashed as borrowed `&str`, eight bytes at a time: no allocation
//! per row, one per distinct value.

use std::hash::{BuildHasherDefault, Hasher};

use super::ids::IdMap;
use super::parallel;
use crate::{Error, Result};

/// A column of text values, one per row, with `None` for a missing value (a null).
///
/// Implemented for slices of `String`/`&str` and of `Option`s of them; a binding
/// implements it over its own memory (an Arrow string array's offsets and bytes, a
/// JavaScript string array) so no per-row `String` is made.
pub trait TextColumn: Sync {
    /// The number of rows.
    fn len(&self) -> usize;
    /// Whether the column has no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The value of `row`, or `None` when it is null.
    fn value(&self, row: usize) -> Option<&str>;
}

impl TextColumn for [String] {
    fn len(&self) -> usize {
        <[String]>::len(self)
    }

    fn value(&self, row: usize) -> Option<&str> {
        self.get(row).map(String::as_str)
    }
}

impl TextColumn for [&str] {
    fn len(&self) -> usize {
        <[&str]>::len(self)
    }

    fn value(&self, row: usize) -> Option<&str> {
        self.get(row).copied()
    }
}

impl TextColumn for [Option<String>] {
    fn len(&self) -> usize {
        <[Option<String>]>::len(self)
    }

    fn value(&self, row: usize) -> Option<&str> {
        self.get(row).and_then(Option::as_deref)
    }
}

impl TextColumn for [Option<&str>] {
    fn len(&self) -> usize {
        <[Option<&str>]>::len(self)
    }

    fn value(&self, row: usize) -> Option<&str> {
        self.get(row).copied().flatten()
    }
}

/// A text column numbered: a code per row and the map from values to codes.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedText {
    /// The code of each row (`map.ids()[code]` is its value).
    pub codes: Vec<u32>,
    /// The distinct values, in order of first appearance.
    pub map: IdMap,
}

/// A hasher for text keys: FxHash-style, one multiply per eight bytes.
#[derive(Debug, Default, Clone, Copy)]
struct TextHasher(u64);

impl Hasher for TextHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    #[inline]
    fn write_u8(&mut self, value: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(value)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type TextMap<'a> = std::collections::HashMap<&'a str, u32, BuildHasherDefault<TextHasher>>;

/// One part's numbering: its rows' local codes and its distinct values in local order.
struct Part<'a> {
    codes: Vec<u32>,
    values: Vec<&'a str>,
}

/// Numbers `column`'s values `0, 1, 2, …` in order of first appearance, with up to
/// `max_threads` threads (`None`: one per core on large columns).
///
/// **Errors**: a null row ([`Error::InvalidInput`] naming `field[row]`); more than
/// 2^32 distinct values ([`Error::OutOfRange`] naming `field`).
///
/// ```
/// use pmkit::analytics::encode_text;
///
/// let users = ["6f1c", "a9e2", "6f1c"];
/// let encoded = encode_text("user_ids", &users[..], None)?;
/// assert_eq!(encoded.codes, [0, 1, 0]);
/// assert_eq!(encoded.map.ids(), ["6f1c", "a9e2"]);
/// let with_null = [Some("a"), None];
/// assert_eq!(encode_text("plan", &with_null[..], None).unwrap_err().field(), "plan[1]");
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn encode_text<C: TextColumn + ?Sized>(
    field: &str,
    column: &C,
    max_threads: Option<usize>,
) -> Result<EncodedText> {
    let rows = column.len();
    let threads = parallel::threads_for(rows, max_threads);
    let parts = parallel::map(parallel::split(0..rows, threads), |range| {
        number_part(field, column, range)
    });
    crate::cancel::check_now()?;
    let mut parts = parts.into_iter().collect::<Result<Vec<Part<'_>>>>()?;
    // Merge in row order: a value keeps the code of its first part (and, within it, of
    // its first row), so codes follow first appearance in the whole column.
    let mut global: TextMap<'_> = TextMap::default();
    let mut ids: Vec<&str> = Vec::new();
    let mut renumbering: Vec<Vec<u32>> = Vec::with_capacity(parts.len());
    for part in &parts {
        let mut local_to_global = Vec::with_capacity(part.values.len());
        for &value in &part.values {
            let next = u32::try_from(ids.len()).map_err(|_| too_many(field))?;
            let code = *global.entry(value).or_insert_with(|| {
                ids.push(value);
                next
            });
            local_to_global.push(code);
        }
        renumbering.push(local_to_global);
    }
    let pairs: Vec<(&mut Part<'_>, &Vec<u32>)> = parts.iter_mut().zip(&renumbering).collect();
    parallel::map(pairs, |(part, local_to_global)| {
        for code in &mut part.codes {
            *code = local_to_global.get(*code as usize).copied().unwrap_or(0);
        }
    });
    let mut codes = Vec::with_capacity(rows);
    for part in parts {
        codes.extend_from_slice(&part.codes);
    }
    let map = IdMap::from_distinct(ids.into_iter().map(str::to_owned).collect());
    Ok(EncodedText { codes, map })
}

/// Numbers a column of integers (event codes, a numeric property) like
/// [`encode_text`], each distinct value named by its decimal text.
///
/// **Errors**: more than 2^32 distinct values ([`Error::OutOfRange`] naming `field`).
///
/// ```
/// use pmkit::analytics::encode_integers;
/// let tiers = encode_integers("tier", &[3, 1, 3])?;
/// assert_eq!((tiers.codes, tiers.map.ids()), (vec![0, 1, 0], &["3".to_owned(), "1".to_owned()][..]));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn encode_integers(field: &str, values: &[i64]) -> Result<EncodedText> {
    let mut codes_of: super::rows::FastMap<i64, u32> = super::rows::FastMap::default();
    let mut names = Vec::new();
    let mut codes = Vec::with_capacity(values.len());
    for &value in values {
        let next = u32::try_from(names.len()).map_err(|_| too_many(field))?;
        let code = *codes_of.entry(value).or_insert_with(|| {
            names.push(value.to_string());
            next
        });
        codes.push(code);
    }
    Ok(EncodedText {
        codes,
        map: IdMap::from_distinct(names),
    })
}

/// Local codes for the rows of `range`.
fn number_part<'c, C: TextColumn + ?Sized>(
    field: &str,
    column: &'c C,
    range: std::ops::Range<usize>,
) -> Result<Part<'c>> {
    let mut local: TextMap<'c> = TextMap::default();
    let mut values: Vec<&'c str> = Vec::new();
    let mut codes = Vec::with_capacity(range.len());
    for row in range {
        let value = column.value(row).ok_or_else(|| {
            Error::invalid(
                format!("{field}[{row}]"),
                "is null (missing); drop the rows without a value first",
            )
        })?;
        let next = values.len() as u32;
        let code = *local.entry(value).or_insert_with(|| {
            values.push(value);
            next
        });
        codes.push(code);
    }
    if values.len() > u32::MAX as usize {
        return Err(too_many(field));
    }
    Ok(Part { codes, values })
}

fn too_many(field: &str) -> Error {
    Error::out_of_range(field, "has more than 2^32 distinct values")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::parallel::tests::with_threads;

    #[test]
    fn parallel_codes_equal_one_threads() {
        let values: Vec<String> = (0..5000u64)
            .map(|row| format!("user-{:08x}-{}", (row * 7919) % 613, row % 3))
            .collect();
        let one = with_threads(1, || encode_text("user_ids", &values[..], None)).unwrap();
        let four = with_threads(4, || encode_text("user_ids", &values[..], None)).unwrap();
        assert_eq!(one, four);
        let mut reference = IdMap::default();
        let codes = reference.encode(values.iter().map(String::as_str)).unwrap();
        assert_eq!((one.codes, one.map), (codes, reference));
    }

    #[test]
    fn empty_and_odd_text() {
        let empty: [&str; 0] = [];
        let encoded = encode_text("events", &empty[..], None).unwrap();
        assert!(encoded.codes.is_empty() && encoded.map.is_empty());
        let odd = ["", "é", "12345678", "123456789", "", "\u{0}"];
        let encoded = encode_text("events", &odd[..], None).unwrap();
        assert_eq!(encoded.codes, [0, 1, 2, 3, 0, 4]);
    }
}
