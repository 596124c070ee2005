//! A small, deterministic sample event log for examples, docs and the demo.

use serde::{Deserialize, Serialize};

use super::columns::TimeUnit;

/// An event log as columns, with the names of its event codes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SampleEvents {
    /// Who: one user id per row.
    pub user_ids: Vec<u64>,
    /// When: seconds since the epoch (UTC), one per row.
    pub times: Vec<i64>,
    /// What: an event code per row, an index into `event_names`.
    pub events: Vec<u32>,
    /// The name of each event code.
    pub event_names: Vec<String>,
    /// The unit of `times` (seconds).
    pub unit: TimeUnit,
}

/// Event codes of [`sample_events`].
pub const SAMPLE_EVENT_NAMES: [&str; 4] = ["app_open", "search", "add_to_cart", "purchase"];

/// SplitMix64: a tiny, well-mixed deterministic generator (the sample must be the
/// same on every machine and in every language, so no system randomness).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform draw from `0..bound` (`bound` ≥ 1).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// First day of the sample: Monday 2026-01-05 (day number 20458).
const SAMPLE_FIRST_DAY: i64 = 20_458;
/// The sample spans 8 ISO weeks, to Sunday 2026-03-01.
const SAMPLE_DAYS: u64 = 56;

/// A deterministic sample log of a small app: 120 users who sign up over eight ISO
/// weeks (Monday 2026-01-05 to Sunday 2026-03-01, UTC) and come back less and less, a
/// quarter of them often. On an active day a user opens the app, and may search, add to
/// cart and buy (event codes 0–3, names in `event_names`), a funnel of shrinking
/// steps. Rows are grouped by user; the metrics do not need them sorted.
///
/// ```
/// let sample = pmkit::analytics::sample_events();
/// assert_eq!(sample.user_ids.len(), sample.times.len());
/// assert_eq!(sample.event_names[3], "purchase");
/// ```
pub fn sample_events() -> SampleEvents {
    let mut rng = SplitMix(2026);
    let (mut user_ids, mut times, mut events) = (Vec::new(), Vec::new(), Vec::new());
    for user in 0..120u64 {
        // Sign-ups spread over the eight weeks, more in the first ones.
        let signup = if user == 0 {
            0
        } else {
            (rng.below(SAMPLE_DAYS) * rng.below(SAMPLE_DAYS)) / SAMPLE_DAYS
        };
        // A quarter of the users stay loyal; the others fade within a few weeks.
        let loyal = user % 4 == 0;
        for day in signup..SAMPLE_DAYS {
            let since = day - signup;
            // Day 0 always; then a chance that fades with age (slower for loyal users).
            let percent = if since == 0 {
                100
            } else if loyal {
                35u64.saturating_sub(since / 3).max(15)
            } else {
                14u64.saturating_sub(since / 2).max(1)
            };
            // The last day is forced active for user 0 so the log ends on a Sunday.
            if !(rng.chance(percent) || (user == 0 && day == SAMPLE_DAYS - 1)) {
                continue;
            }
            let base =
                (SAMPLE_FIRST_DAY + day as i64) * 86_400 + 8 * 3_600 + rng.below(12 * 3_600) as i64;
            let mut push = |code: u32, after: i64| {
                user_ids.push(1_000 + user);
                times.push(base + after);
                events.push(code);
            };
            push(0, 0);
            if rng.chance(70) {
                push(1, 60 + rng.below(600) as i64);
                if rng.chance(45) {
                    push(2, 900 + rng.below(1_800) as i64);
                    if rng.chance(50) {
                        push(3, 3_000 + rng.below(3_600) as i64);
                    }
                }
            }
        }
    }
    SampleEvents {
        user_ids,
        times,
        events,
        event_names: SAMPLE_EVENT_NAMES
            .iter()
            .map(|name| (*name).to_owned())
            .collect(),
        unit: TimeUnit::Seconds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_deterministic_and_spans_eight_weeks() {
        let sample = sample_events();
        assert_eq!(sample, sample_events());
        let first = sample.times.iter().min().unwrap() / 86_400;
        let last = sample.times.iter().max().unwrap() / 86_400;
        assert_eq!(
            (first, last),
            (SAMPLE_FIRST_DAY, SAMPLE_FIRST_DAY + SAMPLE_DAYS as i64 - 1)
        );
        assert_eq!(sample.events.len(), sample.user_ids.len());
        assert!(sample.events.iter().all(|&code| code < 4));
    }
}
