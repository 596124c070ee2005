//! Scales: data to pixels. A [`LinearScale`] with "nice" ticks, a [`DateScale`] of
//! calendar days with readable labels, and a [`BandScale`] of categories.
//!
//! **Date convention.** A date scale spans whole calendar days: day `i` occupies
//! `[day_start(i), day_end(i)]`. A value "at the end of day `i`" (a burndown point)
//! is drawn at `day_end(i)`, the state before the first day at `day_start(0)`; a value
//! "of day `i`" (a daily count) at `day_center(i)`. Tick labels name a day and sit at
//! its centre. The step adapts to the room: every day, 2 or 3 days (`"Mar 4"`), every
//! Monday or every other Monday (`"Mar 9"`), then the first of every 1, 2, 3 or 6
//! months (`"Mar 2026"`) or of every year (`"2026"`).

use chrono::{Datelike, NaiveDate, Weekday};

use super::svg::num;

/// A linear map from a data domain to a pixel range, with round tick values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LinearScale {
    /// The domain after rounding out to whole ticks: `(low, high)`, `low < high`.
    pub(crate) domain: (f64, f64),
    /// The pixels of `domain.0` and `domain.1` (for a y axis: bottom then top).
    pub(crate) range: (f64, f64),
    /// The tick values, low to high, `1`, `2` or `5` × 10^k apart.
    pub(crate) ticks: Vec<f64>,
    /// The distance between ticks.
    pub(crate) step: f64,
}

/// The "nice" step near `raw`: 1, 2, 5 or 10 × 10^k, the smallest not below `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mut magnitude = 10f64.powf(raw.log10().floor());
    // Guard the power of ten against log10 rounding either way.
    if raw / magnitude >= 10.0 {
        magnitude *= 10.0;
    } else if raw / magnitude < 1.0 {
        magnitude /= 10.0;
    }
    let normalized = raw / magnitude;
    let factor = if normalized <= 1.0 {
        1.0
    } else if normalized <= 2.0 {
        2.0
    } else if normalized <= 5.0 {
        5.0
    } else {
        10.0
    };
    factor * magnitude
}

impl LinearScale {
    /// A scale covering `low..=high` mapped to `range`, with about `target_ticks`
    /// intervals (at least 1), rounded out to whole steps. With `include_zero` (counts,
    /// points) the domain stretches to 0. A degenerate domain (equal or non-finite
    /// ends) becomes `0..1` or `v−1..v+1`, so mapping never divides by zero.
    ///
    /// `LinearScale::new(0.0, 18.0, (300.0, 50.0), 5, true)` has ticks 0, 5, 10, 15, 20.
    pub(crate) fn new(
        low: f64,
        high: f64,
        range: (f64, f64),
        target_ticks: usize,
        include_zero: bool,
    ) -> Self {
        let (mut low, mut high) = if low.is_finite() && high.is_finite() {
            (low.min(high), low.max(high))
        } else {
            (0.0, 0.0)
        };
        if include_zero {
            low = low.min(0.0);
            high = high.max(0.0);
        }
        if high - low <= 0.0 {
            if low == 0.0 {
                high = 1.0;
            } else {
                low -= 1.0;
                high += 1.0;
            }
        }
        let intervals = target_ticks.max(1) as f64;
        let step = nice_step((high - low) / intervals);
        let first = (low / step).floor();
        let last = (high / step).ceil();
        // At most a few dozen ticks: `target_ticks` intervals rounded out by one step each side.
        let count = (last - first).round().max(1.0) as usize;
        let ticks: Vec<f64> = (0..=count)
            .map(|index| clean((first + index as f64) * step))
            .collect();
        LinearScale {
            domain: (clean(first * step), clean(last * step)),
            range,
            ticks,
            step,
        }
    }

    /// The pixel of `value` (linear; outside the domain it extrapolates).
    pub(crate) fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The label of a tick: [`number_label`].
    pub(crate) fn label(&self, value: f64) -> String {
        number_label(value)
    }
}

/// Removes float noise such as `0.30000000000000004` by rounding to 10 significant
/// decimals.
fn clean(value: f64) -> f64 {
    let rounded = (value * 1e10).round() / 1e10;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

/// A compact tick or value label: up to 2 decimals below 10 000 (`"2.5"`, `"1500"`),
/// then thousands `"12k"`, `"12.5k"` and millions `"3.2M"`.
pub(crate) fn number_label(value: f64) -> String {
    let size = value.abs();
    if size >= 1e6 {
        format!("{}M", num((value / 1e5).round() / 10.0))
    } else if size >= 1e4 {
        format!("{}k", num((value / 100.0).round() / 10.0))
    } else {
        num(value)
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(date: NaiveDate) -> &'static str {
    MONTHS.get(date.month0() as usize).copied().unwrap_or("")
}

/// `"Mar 4"`: the label of a day.
pub(crate) fn day_label(date: NaiveDate) -> String {
    format!("{} {}", month_name(date), date.day())
}

/// `"Mar 2026"`: the label of a month.
pub(crate) fn month_label(date: NaiveDate) -> String {
    format!("{} {}", month_name(date), date.year())
}

/// A tick of a date scale: the day it names, where its label goes, the label.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateTick {
    /// The day.
    pub(crate) date: NaiveDate,
    /// Pixel of the day's centre.
    pub(crate) x: f64,
    /// `"Mar 4"`, `"Mar 2026"` or `"2026"`.
    pub(crate) label: String,
}

/// Calendar days `start ..= start + days − 1` spread evenly over a pixel range.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateScale {
    /// The first day.
    pub(crate) start: NaiveDate,
    /// How many days (at least 1).
    pub(crate) days: usize,
    /// The pixels of the start of the first day and the end of the last.
    pub(crate) range: (f64, f64),
}

/// Day steps tried in order, then month steps.
const DAY_STEPS: [u32; 3] = [1, 2, 3];
const WEEK_STEPS: [u32; 2] = [7, 14];
const MONTH_STEPS: [u32; 5] = [1, 2, 3, 6, 12];

impl DateScale {
    /// `days` days from `start` over `range` (0 days is treated as 1).
    pub(crate) fn new(start: NaiveDate, days: usize, range: (f64, f64)) -> Self {
        DateScale {
            start,
            days: days.max(1),
            range,
        }
    }

    /// Pixels per day.
    pub(crate) fn day_width(&self) -> f64 {
        (self.range.1 - self.range.0) / self.days as f64
    }

    /// The pixel `offset` days after the start of the first day (fractions allowed).
    pub(crate) fn x(&self, offset: f64) -> f64 {
        self.range.0 + offset * self.day_width()
    }

    /// The left edge of day `index` (its 00:00).
    pub(crate) fn day_start(&self, index: usize) -> f64 {
        self.x(index as f64)
    }

    /// The right edge of day `index`: where a value "at the end of the day" goes.
    pub(crate) fn day_end(&self, index: usize) -> f64 {
        self.x(index as f64 + 1.0)
    }

    /// The centre of day `index`: where a value "of the day" and its label go.
    pub(crate) fn day_center(&self, index: usize) -> f64 {
        self.x(index as f64 + 0.5)
    }

    /// The index of `date` (days after the start; negative before it).
    pub(crate) fn index_of(&self, date: NaiveDate) -> i64 {
        (date - self.start).num_days()
    }

    fn date_at(&self, index: usize) -> Option<NaiveDate> {
        self.start
            .checked_add_days(chrono::Days::new(u64::try_from(index).ok()?))
    }

    fn tick(&self, index: usize, label: String) -> Option<DateTick> {
        Some(DateTick {
            date: self.date_at(index)?,
            x: self.day_center(index),
            label,
        })
    }

    /// Labelled ticks, at most one per `day_spacing` pixels for day labels (`"Mar 4"`)
    /// and one per `month_spacing` for month labels (`"Mar 2026"`): the first step of
    /// 1, 2, 3 days, weekly or fortnightly Mondays, 1, 2, 3, 6 or 12 months that
    /// fits (see the module docs). Never empty: the first day at least.
    pub(crate) fn ticks(&self, day_spacing: f64, month_spacing: f64) -> Vec<DateTick> {
        let room = (self.range.1 - self.range.0).abs();
        let fits_at = |count: usize, spacing: f64| count as f64 * spacing <= room + spacing * 0.5;
        let fits = |count: usize| fits_at(count, day_spacing);
        // Centuries of days (a year typed 4052): when yearly labels would overlap more
        // than two to one, label every 2, 5, 10 … years, found year by year rather than
        // by walking millions of days.
        let years = self.days as f64 / 365.2425;
        if years * month_spacing > 2.0 * room + month_spacing {
            return self.year_ticks(room, month_spacing);
        }
        let days: Vec<usize> = (0..self.days).collect();
        for step in DAY_STEPS {
            let picked: Vec<usize> = days.iter().copied().step_by(step as usize).collect();
            if fits(picked.len()) {
                return self.day_ticks(&picked);
            }
        }
        let mondays: Vec<usize> = days
            .iter()
            .copied()
            .filter(|&index| {
                self.date_at(index)
                    .is_some_and(|date| date.weekday() == Weekday::Mon)
            })
            .collect();
        for step in WEEK_STEPS {
            let picked: Vec<usize> = mondays
                .iter()
                .copied()
                .step_by((step / 7) as usize)
                .collect();
            if !picked.is_empty() && fits(picked.len()) {
                return self.day_ticks(&picked);
            }
        }
        let firsts: Vec<(usize, NaiveDate)> = days
            .iter()
            .filter_map(|&index| Some((index, self.date_at(index)?)))
            .filter(|(_, date)| date.day() == 1)
            .collect();
        for step in MONTH_STEPS {
            let picked: Vec<(usize, NaiveDate)> = firsts
                .iter()
                .copied()
                .filter(|(_, date)| date.month0() % step == 0)
                .collect();
            if !picked.is_empty() && (fits_at(picked.len(), month_spacing) || step == 12) {
                return picked
                    .into_iter()
                    .filter_map(|(index, date)| {
                        let label = if step == 12 {
                            date.year().to_string()
                        } else {
                            month_label(date)
                        };
                        self.tick(index, label)
                    })
                    .collect();
            }
        }
        self.day_ticks(&[0])
    }

    /// Ticks on the 1st of January of every `step`th year (2, 5, 10, 20, 50 … the first
    /// that fits), labelled by the year.
    fn year_ticks(&self, room: f64, spacing: f64) -> Vec<DateTick> {
        let first = self.start.year();
        let last = self
            .date_at(self.days - 1)
            .map_or(first, |date| date.year());
        let new_years = |step: i32| {
            (first..=last)
                .filter(move |year| year.rem_euclid(step) == 0)
                .filter_map(|year| NaiveDate::from_ymd_opt(year, 1, 1))
                .filter(|date| *date >= self.start)
        };
        let mut chosen = 10_000;
        for step in [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] {
            let count = (last - first) / step + 1;
            if f64::from(count) * spacing <= room + spacing * 0.5 {
                chosen = step;
                break;
            }
        }
        let ticks: Vec<DateTick> = new_years(chosen)
            .filter_map(|date| {
                let index = usize::try_from(self.index_of(date)).ok()?;
                self.tick(index, date.year().to_string())
            })
            .collect();
        if ticks.is_empty() {
            return self.day_ticks(&[0]);
        }
        ticks
    }

    fn day_ticks(&self, indices: &[usize]) -> Vec<DateTick> {
        indices
            .iter()
            .filter_map(|&index| self.tick(index, day_label(self.date_at(index)?)))
            .collect()
    }
}

/// Equal bands for categories (sprints, cohorts) over a pixel range, with
/// `padding` (a fraction of each step, `0..1`) split either side of each band.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BandScale {
    /// How many bands (at least 1).
    pub(crate) count: usize,
    /// The pixel range.
    pub(crate) range: (f64, f64),
    /// The fraction of each step left empty.
    pub(crate) padding: f64,
}

impl BandScale {
    /// `count` bands over `range`, `padding` clamped to `0..=0.9`.
    pub(crate) fn new(count: usize, range: (f64, f64), padding: f64) -> Self {
        BandScale {
            count: count.max(1),
            range,
            padding: if padding.is_finite() {
                padding.clamp(0.0, 0.9)
            } else {
                0.0
            },
        }
    }

    /// The distance from one band's start to the next.
    pub(crate) fn step(&self) -> f64 {
        (self.range.1 - self.range.0) / self.count as f64
    }

    /// The width of a band.
    pub(crate) fn width(&self) -> f64 {
        self.step() * (1.0 - self.padding)
    }

    /// The pixel where band `index` starts.
    pub(crate) fn start(&self, index: usize) -> f64 {
        self.range.0 + index as f64 * self.step() + self.step() * self.padding / 2.0
    }

    /// The centre of band `index`.
    pub(crate) fn center(&self, index: usize) -> f64 {
        self.start(index) + self.width() / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn nice_steps_are_1_2_5() {
        assert_eq!(nice_step(3.6), 5.0);
        assert_eq!(nice_step(1.0), 1.0);
        assert_eq!(nice_step(1.2), 2.0);
        assert_eq!(nice_step(246.8), 500.0);
        assert_eq!(nice_step(0.14), 0.2);
        assert_eq!(nice_step(1000.0), 1000.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn linear_ticks_by_hand() {
        // 0..18 in 5 intervals: raw 3.6 → step 5 → 0..20.
        let scale = LinearScale::new(0.0, 18.0, (300.0, 100.0), 5, true);
        assert_eq!(scale.ticks, [0.0, 5.0, 10.0, 15.0, 20.0]);
        assert_eq!(scale.domain, (0.0, 20.0));
        assert_eq!(scale.map(0.0), 300.0);
        assert_eq!(scale.map(20.0), 100.0);
        assert_eq!(scale.map(5.0), 250.0);
        // 0..0.7: raw 0.14 → 0.2; ticks without float noise.
        let scale = LinearScale::new(0.0, 0.7, (0.0, 1.0), 5, true);
        assert_eq!(scale.ticks, [0.0, 0.2, 0.4, 0.6, 0.8]);
        assert_eq!(scale.label(0.6), "0.6");
        // 1234 → step 500.
        let scale = LinearScale::new(0.0, 1234.0, (0.0, 1.0), 5, true);
        assert_eq!(scale.ticks, [0.0, 500.0, 1000.0, 1500.0]);
        // Without zero: 40..58 → raw 3.6 → 5 → 40..60.
        let scale = LinearScale::new(58.0, 40.0, (0.0, 1.0), 5, false);
        assert_eq!(scale.ticks, [40.0, 45.0, 50.0, 55.0, 60.0]);
    }

    #[test]
    fn degenerate_domains_still_map() {
        let scale = LinearScale::new(0.0, 0.0, (100.0, 0.0), 4, true);
        assert_eq!(scale.domain, (0.0, 1.0));
        assert_eq!(scale.map(0.5), 50.0);
        let scale = LinearScale::new(7.0, 7.0, (0.0, 1.0), 4, false);
        assert_eq!(scale.domain, (6.0, 8.0));
        let scale = LinearScale::new(f64::NAN, 3.0, (0.0, 1.0), 4, true);
        assert_eq!(scale.domain, (0.0, 1.0));
        assert!(scale.map(0.5).is_finite());
    }

    #[test]
    fn number_labels_are_compact() {
        assert_eq!(number_label(1500.0), "1500");
        assert_eq!(number_label(12_000.0), "12k");
        assert_eq!(number_label(12_500.0), "12.5k");
        assert_eq!(number_label(3_240_000.0), "3.2M");
        assert_eq!(number_label(-0.0), "0");
    }

    #[test]
    fn date_positions_by_hand() {
        // 4 days over 100..500: 100 px a day.
        let scale = DateScale::new(date("2026-03-02"), 4, (100.0, 500.0));
        assert_eq!(scale.day_start(0), 100.0);
        assert_eq!(scale.day_end(0), 200.0);
        assert_eq!(scale.day_center(3), 450.0);
        assert_eq!(scale.index_of(date("2026-03-04")), 2);
    }

    #[test]
    fn date_ticks_adapt_to_the_room() {
        // 12 days, 600 px, 50 px per label: every day fits (12 × 50 = 600).
        let scale = DateScale::new(date("2026-03-02"), 12, (0.0, 600.0));
        let ticks = scale.ticks(50.0, 70.0);
        assert_eq!(ticks.len(), 12);
        assert_eq!(ticks[0].label, "Mar 2");
        assert_eq!(ticks[0].x, 25.0);
        // 300 px: every other day (6 × 50).
        let scale = DateScale::new(date("2026-03-02"), 12, (0.0, 300.0));
        let labels: Vec<String> = scale
            .ticks(50.0, 70.0)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(
            labels,
            ["Mar 2", "Mar 4", "Mar 6", "Mar 8", "Mar 10", "Mar 12"]
        );
        // 10 weeks from Wed 4 March in 400 px: Mondays 9, 16, … (10 × 50 > 400 → 7 fit? no:
        // 10 Mondays need 500 px) → every other Monday.
        let scale = DateScale::new(date("2026-03-04"), 70, (0.0, 400.0));
        let labels: Vec<String> = scale
            .ticks(50.0, 70.0)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(labels, ["Mar 9", "Mar 23", "Apr 6", "Apr 20", "May 4"]);
        // A year in 600 px at 70 px a label: 12 months need 840 → every 2 months.
        let scale = DateScale::new(date("2026-01-01"), 365, (0.0, 600.0));
        let labels: Vec<String> = scale
            .ticks(50.0, 70.0)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(
            labels,
            ["Jan 2026", "Mar 2026", "May 2026", "Jul 2026", "Sep 2026", "Nov 2026"]
        );
        // Five years in 300 px: yearly.
        let scale = DateScale::new(date("2024-01-01"), 5 * 365, (0.0, 300.0));
        let labels: Vec<String> = scale
            .ticks(50.0, 70.0)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(labels, ["2024", "2025", "2026", "2027", "2028"]);
        // Found by the items_json fuzz target: 3,600 years of days in 600 px took
        // seconds; labels every 500 years, found year by year.
        let scale = DateScale::new(date("2026-01-05"), 1_300_000, (0.0, 600.0));
        let labels: Vec<String> = scale
            .ticks(50.0, 70.0)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(
            labels,
            ["2500", "3000", "3500", "4000", "4500", "5000", "5500"]
        );
    }

    #[test]
    fn bands_by_hand() {
        // 5 bands over 0..500 with 20 % padding: step 100, width 80, first starts at 10.
        let bands = BandScale::new(5, (0.0, 500.0), 0.2);
        assert_eq!(bands.step(), 100.0);
        assert_eq!(bands.width(), 80.0);
        assert_eq!(bands.start(0), 10.0);
        assert_eq!(bands.center(4), 450.0);
    }
}
