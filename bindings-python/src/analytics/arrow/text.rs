//! Text (and byte) ids numbered once: the hot path of a log with UUID user ids.
//!
//! Each row's bytes are looked up, borrowed from the Arrow buffer, in a hash map from
//! byte slices to codes: no `String` per row, and one per distinct id only for event
//! names. Codes are given in order of first appearance, as the core's `IdMap` gives
//! them, so event names come back in the same order as from numpy. A dictionary
//! (categorical) column numbers each dictionary entry the first time a row uses it and
//! then maps the row's key, never decoding the row's text. A long column of user ids
//! (not event names) is numbered by parts instead, on every core ([`super::partitioned`]).

use std::collections::hash_map::{Entry, HashMap};

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowDictionaryKeyType, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, BinaryViewArray, FixedSizeBinaryArray, StringViewArray};
use arrow_buffer::ArrowNativeType;
use arrow_schema::DataType;

use super::partitioned;
use pmkit::{Error, Result};

/// Whether values of `data_type` are text this reader numbers: strings of every layout,
/// bytes too when `bytes` (ids, not event names), and dictionaries of them.
pub(super) fn is_text(data_type: &DataType, bytes: bool) -> bool {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Binary
        | DataType::LargeBinary
        | DataType::BinaryView
        | DataType::FixedSizeBinary(_) => bytes,
        DataType::Dictionary(key, values) => key.is_dictionary_key_type() && is_text(values, bytes),
        _ => false,
    }
}

/// Codes for byte strings, in order of first appearance.
struct Numbering<'a> {
    codes: HashMap<&'a [u8], u32, ahash::RandomState>,
    ids: Vec<&'a [u8]>,
}

impl<'a> Numbering<'a> {
    fn new() -> Self {
        Numbering {
            codes: HashMap::with_hasher(ahash::RandomState::new()),
            ids: Vec::new(),
        }
    }

    #[inline]
    fn code(&mut self, id: &'a [u8]) -> Result<u32> {
        let next = self.ids.len();
        match self.codes.entry(id) {
            Entry::Occupied(known) => Ok(*known.get()),
            Entry::Vacant(slot) => {
                let code = u32::try_from(next)
                    .map_err(|_| Error::out_of_range("ids", "more than 2^32 distinct ids"))?;
                slot.insert(code);
                self.ids.push(id);
                Ok(code)
            }
        }
    }
}

/// Random access to the bytes of one array of any text or byte layout.
enum Bytes<'a> {
    Offsets32(&'a [i32], &'a [u8]),
    Offsets64(&'a [i64], &'a [u8]),
    StringView(&'a StringViewArray),
    BinaryView(&'a BinaryViewArray),
    Fixed(&'a FixedSizeBinaryArray),
}

impl<'a> Bytes<'a> {
    fn of(array: &'a dyn Array) -> Option<Bytes<'a>> {
        Some(match array.data_type() {
            DataType::Utf8 => {
                let strings = array.as_string_opt::<i32>()?;
                Bytes::Offsets32(strings.value_offsets(), strings.value_data())
            }
            DataType::LargeUtf8 => {
                let strings = array.as_string_opt::<i64>()?;
                Bytes::Offsets64(strings.value_offsets(), strings.value_data())
            }
            DataType::Binary => {
                let bytes = array.as_binary_opt::<i32>()?;
                Bytes::Offsets32(bytes.value_offsets(), bytes.value_data())
            }
            DataType::LargeBinary => {
                let bytes = array.as_binary_opt::<i64>()?;
                Bytes::Offsets64(bytes.value_offsets(), bytes.value_data())
            }
            DataType::Utf8View => Bytes::StringView(array.as_string_view_opt()?),
            DataType::BinaryView => Bytes::BinaryView(array.as_binary_view_opt()?),
            DataType::FixedSizeBinary(_) => Bytes::Fixed(array.as_fixed_size_binary_opt()?),
            _ => return None,
        })
    }

    /// The bytes of row `row` (empty when the offsets are out of bounds, which a valid
    /// Arrow array never has).
    #[inline]
    fn get(&self, row: usize) -> &'a [u8] {
        fn span<'a, O: ArrowNativeType>(offsets: &[O], data: &'a [u8], row: usize) -> &'a [u8] {
            let start = offsets.get(row).and_then(|o| o.to_usize()).unwrap_or(0);
            let end = offsets.get(row + 1).and_then(|o| o.to_usize()).unwrap_or(0);
            data.get(start..end).unwrap_or(&[])
        }
        match self {
            Bytes::Offsets32(offsets, data) => span(offsets, data, row),
            Bytes::Offsets64(offsets, data) => span(offsets, data, row),
            Bytes::StringView(strings) => strings.value(row).as_bytes(),
            Bytes::BinaryView(bytes) => bytes.value(row),
            Bytes::Fixed(bytes) => bytes.value(row),
        }
    }
}

fn not_text(field: &str, array: &dyn Array) -> Error {
    Error::invalid(
        field,
        format!("an Arrow chunk of type {} is not text", array.data_type()),
    )
}

/// The code of every row of `arrays` (chunks of one text, bytes or dictionary column),
/// numbered in order of first appearance; the ids, in code order, are appended to
/// `names` when given (event names: valid UTF-8 text). A null row gets code 0 (the
/// caller has checked or recorded the nulls).
pub(super) fn number(
    field: &str,
    arrays: &[ArrayRef],
    names: Option<&mut Vec<String>>,
) -> Result<Vec<i64>> {
    let rows = arrays.iter().map(|array| array.len()).sum();
    let dictionary = |array: &ArrayRef| matches!(array.data_type(), DataType::Dictionary(..));
    if names.is_none() && rows >= partitioned::PARTITION_FROM && !arrays.iter().any(dictionary) {
        return number_many(field, arrays, rows);
    }
    let mut codes = Vec::with_capacity(rows);
    let mut numbering = Numbering::new();
    for array in arrays {
        match array.data_type() {
            DataType::Dictionary(key, _) => {
                dictionary_codes(field, array.as_ref(), key, &mut numbering, &mut codes)?
            }
            _ => {
                let bytes =
                    Bytes::of(array.as_ref()).ok_or_else(|| not_text(field, array.as_ref()))?;
                match array.logical_nulls() {
                    None => {
                        for row in 0..array.len() {
                            codes.push(i64::from(numbering.code(bytes.get(row))?));
                        }
                    }
                    Some(nulls) => {
                        for row in 0..array.len() {
                            let code = match nulls.is_valid(row) {
                                true => numbering.code(bytes.get(row))?,
                                false => 0,
                            };
                            codes.push(i64::from(code));
                        }
                    }
                }
            }
        }
    }
    if let Some(names) = names {
        names.extend(
            numbering
                .ids
                .iter()
                .map(|id| String::from_utf8_lossy(id).into_owned()),
        );
    }
    Ok(codes)
}

/// The codes of a long column of ids (not names): partitioned by hash and numbered on
/// every core (at most 8), see [`partitioned`].
fn number_many(field: &str, arrays: &[ArrayRef], rows: usize) -> Result<Vec<i64>> {
    let mut columns = Vec::with_capacity(arrays.len());
    for array in arrays {
        let bytes = Bytes::of(array.as_ref()).ok_or_else(|| not_text(field, array.as_ref()))?;
        columns.push((bytes, array.logical_nulls(), array.len()));
    }
    let ids = columns.iter().flat_map(|(bytes, nulls, len)| {
        (0..*len).map(move |row| match nulls {
            Some(nulls) if nulls.is_null(row) => None,
            _ => Some(bytes.get(row)),
        })
    });
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    // The buffers bound the ids' bytes (offsets and views included), unless a slice of
    // a larger buffer: then 64 bytes a row, growing beyond if need be.
    let buffers: usize = arrays.iter().map(|a| a.get_buffer_memory_size()).sum();
    let bytes = buffers.min(rows.saturating_mul(64));
    partitioned::number(rows, bytes, ids, threads)
}

/// The codes of a dictionary chunk, for every key type.
fn dictionary_codes<'a>(
    field: &str,
    array: &'a dyn Array,
    key: &DataType,
    numbering: &mut Numbering<'a>,
    codes: &mut Vec<i64>,
) -> Result<()> {
    match key {
        DataType::Int8 => keyed::<Int8Type>(field, array, numbering, codes),
        DataType::Int16 => keyed::<Int16Type>(field, array, numbering, codes),
        DataType::Int32 => keyed::<Int32Type>(field, array, numbering, codes),
        DataType::Int64 => keyed::<Int64Type>(field, array, numbering, codes),
        DataType::UInt8 => keyed::<UInt8Type>(field, array, numbering, codes),
        DataType::UInt16 => keyed::<UInt16Type>(field, array, numbering, codes),
        DataType::UInt32 => keyed::<UInt32Type>(field, array, numbering, codes),
        DataType::UInt64 => keyed::<UInt64Type>(field, array, numbering, codes),
        _ => Err(not_text(field, array)),
    }
}

/// The codes of a dictionary chunk with keys of type `K`: each dictionary entry is
/// numbered when a row first uses it (so unused entries get no code), then rows map
/// their key through the entry's code.
fn keyed<'a, K: ArrowDictionaryKeyType>(
    field: &str,
    array: &'a dyn Array,
    numbering: &mut Numbering<'a>,
    codes: &mut Vec<i64>,
) -> Result<()> {
    let dictionary = array
        .as_dictionary_opt::<K>()
        .ok_or_else(|| not_text(field, array))?;
    let values = dictionary.values().as_ref();
    let bytes = Bytes::of(values).ok_or_else(|| not_text(field, values))?;
    // The code of each dictionary entry, once a row has used it.
    let mut entry_codes: Vec<Option<u32>> = vec![None; values.len()];
    let nulls = array.logical_nulls();
    for (row, key) in dictionary.keys().values().iter().enumerate() {
        if nulls.as_ref().is_some_and(|nulls| nulls.is_null(row)) {
            codes.push(0);
            continue;
        }
        let entry = key.to_usize().unwrap_or(usize::MAX);
        let code = match entry_codes.get(entry) {
            Some(Some(code)) => *code,
            Some(None) => {
                let code = numbering.code(bytes.get(entry))?;
                entry_codes[entry] = Some(code);
                code
            }
            None => {
                return Err(Error::invalid(
                    format!("{field}[{row}]"),
                    format!("has dictionary key {entry}, out of the dictionary's range"),
                ))
            }
        };
        codes.push(i64::from(code));
    }
    Ok(())
}
