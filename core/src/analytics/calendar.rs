//! Calendar days in the analytics module: the day numbers an event log may hold and
//! per-day period lookup tables. [`Period`] and its arithmetic live in
//! [`crate::calendar`].
//!
//! Inside the analytics module a day is an `i64` day number (days since 1970-01-01,
//! the Unix and numpy convention); dates appear only at the edges, in results.

pub use crate::calendar::Period;
pub(crate) use crate::calendar::{date_of, day_of};

/// The first day number accepted: 1970-01-01.
pub const MIN_DAY: i64 = 0;
/// The last day number accepted: 9999-12-31.
pub const MAX_DAY: i64 = 2_932_896;

/// For each day of a span, the index of its period counted from the span's first
/// period: one table lookup instead of calendar arithmetic in the per-user loops.
#[derive(Debug, Clone)]
pub(crate) struct PeriodTable {
    /// The period of the span's first day.
    pub first: i64,
    /// Relative period of each relative day.
    of_day: Vec<u32>,
}

impl PeriodTable {
    /// The table for days `first_day..=last_day`.
    pub fn new(period: Period, first_day: i64, last_day: i64) -> PeriodTable {
        let first = period.index(first_day);
        let of_day = (first_day..=last_day)
            .map(|day| u32::try_from(period.index(day) - first).unwrap_or(u32::MAX))
            .collect();
        PeriodTable { first, of_day }
    }

    /// The relative period of relative day `day`.
    #[inline]
    pub fn of(&self, day: u32) -> usize {
        self.of_day.get(day as usize).map_or(0, |&p| p as usize)
    }

    /// How many periods the span touches.
    pub fn count(&self) -> usize {
        self.of_day.last().map_or(0, |&p| p as usize + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(text: &str) -> i64 {
        day_of(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn the_last_day_is_9999_12_31() {
        assert_eq!(day("1970-01-01"), MIN_DAY);
        assert_eq!(day("9999-12-31"), MAX_DAY);
    }

    #[test]
    fn table_numbers_periods_from_the_first() {
        let table = PeriodTable::new(Period::Month, day("2024-01-30"), day("2024-03-01"));
        assert_eq!(table.of(0), 0);
        assert_eq!(table.of(2), 1); // 1 Feb
        assert_eq!(table.of(31), 2); // 1 Mar
        assert_eq!(table.count(), 3);
    }
}
