//! Count series indexed by consecutive days or periods, and how two of them add up.
//!
//! Partial counts from shards partitioned by user add cell by cell: a user lives in
//! one shard only, so a distinct count over any set of users is the sum of the shards'
//! distinct counts. The only work is aligning series that start on different days.

use chrono::NaiveDate;

use super::calendar::{date_of, day_of, Period};
use crate::{Error, Result};

/// Adds `other` (whose first index is `other_start`) into `values` (first index
/// `start`), growing `values` at either end as needed; returns the new first index.
pub(crate) fn add_aligned(
    start: i64,
    values: &mut Vec<u64>,
    other_start: i64,
    other: &[u64],
) -> i64 {
    if other.is_empty() {
        return start;
    }
    if values.is_empty() {
        values.extend_from_slice(other);
        return other_start;
    }
    let new_start = start.min(other_start);
    let lead = usize::try_from(start - new_start).unwrap_or(0);
    if lead > 0 {
        values.splice(0..0, std::iter::repeat_n(0, lead));
    }
    let offset = usize::try_from(other_start - new_start).unwrap_or(0);
    if values.len() < offset + other.len() {
        values.resize(offset + other.len(), 0);
    }
    for (slot, &value) in values[offset..].iter_mut().zip(other) {
        *slot = slot.saturating_add(value);
    }
    new_start
}

/// Adds rows of `other` (first row index `other_start`) into `rows` (first row
/// `start`), each row cell by cell from its own first cell; returns the new first row.
pub(crate) fn add_rows(
    start: i64,
    rows: &mut Vec<Vec<u64>>,
    other_start: i64,
    other: &[Vec<u64>],
) -> i64 {
    if other.is_empty() {
        return start;
    }
    if rows.is_empty() {
        rows.extend(other.iter().cloned());
        return other_start;
    }
    let new_start = start.min(other_start);
    let lead = usize::try_from(start - new_start).unwrap_or(0);
    if lead > 0 {
        rows.splice(0..0, std::iter::repeat_n(Vec::new(), lead));
    }
    let offset = usize::try_from(other_start - new_start).unwrap_or(0);
    if rows.len() < offset + other.len() {
        rows.resize(offset + other.len(), Vec::new());
    }
    for (row, theirs) in rows[offset..].iter_mut().zip(other) {
        add_aligned(0, row, 0, theirs);
    }
    new_start
}

/// The later of two optional dates.
pub(crate) fn later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The period index of the period starting on `date`; an error naming `field` when
/// `date` does not start a period of `period` (a hand-edited partial).
pub(crate) fn period_index(field: &str, period: Period, date: NaiveDate) -> Result<i64> {
    let day = day_of(date);
    let index = period.index(day);
    if period.start(index) != day {
        return Err(Error::invalid(
            field,
            format!("{date} does not start a {period} period"),
        ));
    }
    Ok(index)
}

/// The start dates of periods `first..first + count`.
pub(crate) fn period_starts(period: Period, first: i64, count: usize) -> Result<Vec<NaiveDate>> {
    (0..count as i64)
        .map(|offset| period.start_date(first + offset))
        .collect()
}

/// The dates of days `first..first + count`.
pub(crate) fn day_dates(first: i64, count: usize) -> Result<Vec<NaiveDate>> {
    (0..count as i64)
        .map(|offset| date_of(first + offset))
        .collect()
}

/// Fails with [`Error::InvalidInput`] naming `field` when two partials were counted
/// with different settings (`what` names the setting).
pub(crate) fn same_setting<T: PartialEq + std::fmt::Debug>(
    field: &str,
    what: &str,
    mine: &T,
    theirs: &T,
) -> Result<()> {
    if mine == theirs {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "was counted with {what} {theirs:?}, but the first partial with {mine:?}; \
                 partials merge only when counted with the same settings"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_series_grow_at_both_ends() {
        let mut values = vec![1, 2, 3];
        let start = add_aligned(10, &mut values, 8, &[5, 5, 5]);
        assert_eq!((start, values.clone()), (8, vec![5, 5, 6, 2, 3]));
        let start = add_aligned(start, &mut values, 12, &[1, 1, 1]);
        assert_eq!((start, values), (8, vec![5, 5, 6, 2, 4, 1, 1]));
    }

    #[test]
    fn rows_add_cell_by_cell() {
        let mut rows = vec![vec![3, 1], vec![2]];
        let start = add_rows(1, &mut rows, 0, &[vec![4], vec![1, 1, 1]]);
        assert_eq!(start, 0);
        assert_eq!(rows, vec![vec![4], vec![4, 2, 1], vec![2]]);
    }
}
