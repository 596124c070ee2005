//! Numbering a column of many distinct text ids (a million UUIDs) fast.
//!
//! One hash map over a million ids misses the CPU caches twice a row: once for the map's
//! slot, once for the bytes of the id it holds, scattered over the column. Here the rows
//! are first partitioned by hash (256 parts), each row's bytes copied next to those of
//! its part; then each part is numbered with a map small enough for the caches, the parts
//! spread over the cores; last, every row gets its part's offset plus its code there.
//! Measured on 10 million UUIDs of a million users, against the single map: see
//! benches/README.md ("Text ids").
//!
//! Codes are dense (`0..distinct`) but not in order of first appearance, which user ids
//! do not need (the core numbers users itself); event names, whose order is reported,
//! use the single map of [`super::text`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use pmkit::{Error, Result};

/// Rows from which a column is partitioned; below, one map fits the caches anyway.
pub(super) const PARTITION_FROM: usize = 1 << 16;

/// How many parts (a power of two), chosen by bits 32..40 of the hash: the map inside
/// a part uses the low bits for its slot and the top ones for its tags, so both stay
/// spread.
const PARTS: usize = 256;

/// A part: the rows that hash into it, and their bytes one after another.
struct Part {
    rows: Vec<u32>,
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

/// A hash computed once, passed through unchanged.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// An id with its hash.
#[derive(PartialEq, Eq)]
struct Key<'a> {
    hash: u64,
    bytes: &'a [u8],
}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// The dense code of every row whose bytes `ids` yields in row order (`None` for a null
/// row, which gets code 0), with the parts numbered on up to `threads` threads.
/// `bytes` bounds the ids' total length (the parts are allocated once from it: growing
/// them cost more than the numbering).
pub(super) fn number<'a>(
    rows: usize,
    bytes: usize,
    ids: impl Iterator<Item = Option<&'a [u8]>>,
    threads: usize,
) -> Result<Vec<i64>> {
    let too_many = || Error::out_of_range("user_ids", "more than 2^32 rows or distinct ids");
    let state = ahash::RandomState::new();
    // The hash spreads rows evenly: a part holds 1/PARTS of them, give or take a few
    // hundred; an eighth more leaves room without regrowing.
    let (rows_each, bytes_each) = (rows / PARTS * 9 / 8 + 64, bytes / PARTS * 9 / 8 + 1024);
    let mut parts: Vec<Part> = (0..PARTS)
        .map(|_| Part {
            rows: Vec::with_capacity(rows_each),
            ends: Vec::with_capacity(rows_each),
            bytes: Vec::with_capacity(bytes_each),
        })
        .collect();
    for (row, id) in ids.enumerate() {
        let Some(id) = id else { continue };
        let part = &mut parts[(state.hash_one(id) >> 32) as usize % PARTS];
        part.rows.push(u32::try_from(row).map_err(|_| too_many())?);
        part.bytes.extend_from_slice(id);
        part.ends.push(part.bytes.len());
    }
    // Number the parts, each thread taking every `threads`-th part.
    let threads = threads.clamp(1, PARTS);
    let numbered: Vec<Vec<(usize, Vec<u32>, usize)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|thread| {
                let parts = &parts;
                let state = &state;
                scope.spawn(move || {
                    (thread..PARTS)
                        .step_by(threads)
                        .map(|index| {
                            let (codes, distinct) = number_part(&parts[index], state);
                            (index, codes, distinct)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap_or_default())
            .collect()
    });
    let mut by_part: Vec<(Vec<u32>, usize)> = vec![(Vec::new(), 0); PARTS];
    for (index, codes, distinct) in numbered.into_iter().flatten() {
        by_part[index] = (codes, distinct);
    }
    let mut codes = vec![0i64; rows];
    let mut offset = 0i64;
    for (part, (local, distinct)) in parts.iter().zip(&by_part) {
        if local.len() != part.rows.len() {
            // A worker that did not finish (it cannot panic, but say so if it did).
            return Err(Error::invalid("user_ids", "numbering the ids failed"));
        }
        for (&row, &code) in part.rows.iter().zip(local) {
            if let Some(slot) = codes.get_mut(row as usize) {
                *slot = offset + i64::from(code);
            }
        }
        offset += i64::try_from(*distinct).map_err(|_| too_many())?;
    }
    if offset > i64::from(u32::MAX) {
        return Err(too_many());
    }
    Ok(codes)
}

/// The code of each row of `part` in order of first appearance within it, and how many
/// distinct ids it holds.
fn number_part(part: &Part, state: &ahash::RandomState) -> (Vec<u32>, usize) {
    let mut map: HashMap<Key<'_>, u32, BuildHasherDefault<Prehashed>> = HashMap::default();
    let mut codes = Vec::with_capacity(part.rows.len());
    let mut start = 0;
    for &end in &part.ends {
        let bytes = part.bytes.get(start..end).unwrap_or(&[]);
        start = end;
        let key = Key {
            hash: state.hash_one(bytes),
            bytes,
        };
        let next = map.len() as u32;
        codes.push(*map.entry(key).or_insert(next));
    }
    (codes, map.len())
}
