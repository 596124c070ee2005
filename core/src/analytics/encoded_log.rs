//! An event log that owns its columns with text numbered once ([`EncodedLog`]), and
//! breakdowns of any metric by a property of the events ([`Breakdown`]).
//!
//! Text user ids (UUIDs), event names and property values are numbered once when the
//! log is built (in parallel, [`encode_text`]); every metric afterwards reads integer
//! columns through [`EncodedLog::view`], so a second and third metric cost no more
//! string work. The bindings' `EventLog` classes hold one.

use serde::{Deserialize, Serialize};

use super::columns::{EventLog, TimeUnit, UserIdValue};
use super::encode::{encode_text, EncodedText, TextColumn};
use super::ids::IdMap;
use super::rows::{prepare, FastMap};
use crate::{Error, Result};

/// An event log that owns its columns: a dense code per user, times in one unit, and
/// optionally event names and properties (text columns numbered once).
///
/// ```
/// use pmkit::analytics::{active_users, ActiveUsersOptions, EncodedLog, TimeUnit};
///
/// let users = ["5b8e…", "c03f…", "5b8e…"];
/// let log = EncodedLog::from_text_ids(&users[..], vec![19_000, 19_000, 19_002], TimeUnit::Days, None)?
///     .with_events(&["signup", "signup", "invite"][..])?
///     .with_property("plan", &["pro", "free", "pro"][..])?;
/// assert_eq!((log.len(), log.users()), (3, 2));
/// assert_eq!(active_users(&log.view(), &ActiveUsersOptions::default())?.dau, [2, 0, 1]);
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedLog {
    user_codes: Vec<u32>,
    users: usize,
    times: Vec<i64>,
    unit: TimeUnit,
    events: Option<EncodedText>,
    properties: Vec<(String, EncodedText)>,
    max_threads: Option<usize>,
}

impl EncodedLog {
    /// A log of text user ids (numbered once, in parallel) and `times` in `unit`.
    ///
    /// **Errors**: a null id ([`Error::InvalidInput`] naming `user_ids[i]`); columns of
    /// different lengths, or a bad time (as every metric reports them: `times[i]`).
    pub fn from_text_ids<C: TextColumn + ?Sized>(
        user_ids: &C,
        times: Vec<i64>,
        unit: TimeUnit,
        max_threads: Option<usize>,
    ) -> Result<EncodedLog> {
        let encoded = encode_text("user_ids", user_ids, max_threads)?;
        let users = encoded.map.len();
        EncodedLog::checked(encoded.codes, users, times, unit, max_threads)
    }

    /// A log of integer user ids (numbered densely in order of first appearance) and
    /// `times` in `unit`.
    ///
    /// **Errors**: a negative or fractional id ([`Error::InvalidInput`] naming
    /// `user_ids[i]`); as [`EncodedLog::from_text_ids`] otherwise.
    pub fn from_ids<U: UserIdValue>(
        user_ids: &[U],
        times: Vec<i64>,
        unit: TimeUnit,
        max_threads: Option<usize>,
    ) -> Result<EncodedLog> {
        let mut numbers: FastMap<u64, u32> = FastMap::default();
        let mut codes = Vec::with_capacity(user_ids.len());
        for (row, &value) in user_ids.iter().enumerate() {
            let id = value
                .user_id()
                .map_err(|why| super::columns::bad_value("user_ids", row, value, why))?;
            let next = u32::try_from(numbers.len()).map_err(|_| {
                Error::out_of_range("user_ids", "has more than 2^32 distinct users")
            })?;
            codes.push(*numbers.entry(id).or_insert(next));
        }
        let users = numbers.len();
        EncodedLog::checked(codes, users, times, unit, max_threads)
    }

    fn checked(
        user_codes: Vec<u32>,
        users: usize,
        times: Vec<i64>,
        unit: TimeUnit,
        max_threads: Option<usize>,
    ) -> Result<EncodedLog> {
        let log = EncodedLog {
            user_codes,
            users,
            times,
            unit,
            events: None,
            properties: Vec::new(),
            max_threads,
        };
        // Checks the lengths and every time once, here, rather than in the first metric.
        prepare(&EventLog::new(&log.user_codes, &log.times, unit)?, false)?;
        Ok(log)
    }

    /// The same log with event names, one per row (numbered once).
    ///
    /// **Errors**: a length other than the log's, or a null name
    /// ([`Error::InvalidInput`] naming `events` / `events[i]`).
    pub fn with_events<C: TextColumn + ?Sized>(mut self, events: &C) -> Result<EncodedLog> {
        self.same_length("events", events.len())?;
        self.events = Some(encode_text("events", events, self.max_threads)?);
        Ok(self)
    }

    /// The same log with event codes already numbered (by a binding's reader): `codes`
    /// index into `names`.
    ///
    /// **Errors**: a length other than the log's, or a code beyond `names`
    /// ([`Error::InvalidInput`] naming `events` / `events[i]`).
    pub fn with_event_codes(mut self, codes: Vec<u32>, names: IdMap) -> Result<EncodedLog> {
        self.same_length("events", codes.len())?;
        within("events", &codes, &names)?;
        self.events = Some(EncodedText { codes, map: names });
        Ok(self)
    }

    /// [`EncodedLog::with_property`] for values already numbered: `codes` index into
    /// `values`.
    ///
    /// **Errors**: as [`EncodedLog::with_property`]; a code beyond `values`.
    pub fn with_property_codes(
        mut self,
        name: &str,
        codes: Vec<u32>,
        values: IdMap,
    ) -> Result<EncodedLog> {
        let field = format!("properties.{name}");
        if self.properties.iter().any(|(known, _)| known == name) {
            return Err(Error::invalid(
                field,
                "is given twice; name each property once",
            ));
        }
        self.same_length(&field, codes.len())?;
        within(&field, &codes, &values)?;
        self.properties
            .push((name.to_owned(), EncodedText { codes, map: values }));
        Ok(self)
    }

    /// The same log with a property column `name` (plan, country, variant …), one value
    /// per row, which [`EncodedLog::breakdown`] segments by. Numbers and booleans are
    /// given as their text (`"3"`, `"true"`).
    ///
    /// **Errors**: a length other than the log's, a null value, or a name given twice
    /// ([`Error::InvalidInput`] naming `properties.<name>`).
    pub fn with_property<C: TextColumn + ?Sized>(
        mut self,
        name: &str,
        values: &C,
    ) -> Result<EncodedLog> {
        let field = format!("properties.{name}");
        if self.properties.iter().any(|(known, _)| known == name) {
            return Err(Error::invalid(
                field,
                "is given twice; name each property once",
            ));
        }
        self.same_length(&field, values.len())?;
        let encoded = encode_text(&field, values, self.max_threads)?;
        self.properties.push((name.to_owned(), encoded));
        Ok(self)
    }

    fn same_length(&self, field: &str, len: usize) -> Result<()> {
        if len == self.len() {
            return Ok(());
        }
        Err(Error::invalid(
            field,
            format!(
                "has {len} rows, but user_ids has {}; give one value per event",
                self.len()
            ),
        ))
    }

    /// Rows (events) in the log.
    pub fn len(&self) -> usize {
        self.user_codes.len()
    }

    /// Whether the log has no rows.
    pub fn is_empty(&self) -> bool {
        self.user_codes.is_empty()
    }

    /// Distinct users.
    pub fn users(&self) -> usize {
        self.users
    }

    /// The unit of the times.
    pub fn unit(&self) -> TimeUnit {
        self.unit
    }

    /// The event names, in code order (`None`: the log has no events column).
    pub fn event_names(&self) -> Option<&IdMap> {
        self.events.as_ref().map(|events| &events.map)
    }

    /// The names of the property columns, in the order they were added.
    pub fn property_names(&self) -> Vec<&str> {
        self.properties
            .iter()
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// The log as the borrowed [`EventLog`] every metric takes (UTC days; set a zone or
    /// offset on it as usual).
    pub fn view(&self) -> EventLog<'_, u32, i64, u32> {
        view_of(
            &self.user_codes,
            &self.times,
            self.events.as_ref().map(|events| events.codes.as_slice()),
            self.unit,
            self.max_threads,
        )
    }

    /// `metric` over the whole log and over the events of each value of property `by`,
    /// as PostHog's breakdowns and Amplitude's group-by do.
    ///
    /// The `max_segments` values with the most events get a segment each, in that order
    /// (ties by first appearance); the rest are pooled in one last segment with
    /// `other: true`. A segment holds the events whose property has its value, so a
    /// user whose value changes counts in each segment they had events in, and the
    /// segments' distinct users can add up to more than the total's.
    ///
    /// **Errors**: a property the log does not have ([`Error::InvalidInput`] naming
    /// `by`); `max_segments` of 0 or above [`MAX_SEGMENTS`] ([`Error::OutOfRange`]
    /// naming `max_segments`); the metric's own errors.
    ///
    /// ```
    /// use pmkit::analytics::{active_users, ActiveUsersOptions, EncodedLog, TimeUnit};
    ///
    /// let log = EncodedLog::from_ids(&[1u64, 2, 3, 1], vec![19_000, 19_000, 19_001, 19_001], TimeUnit::Days, None)?
    ///     .with_property("plan", &["pro", "free", "pro", "pro"][..])?;
    /// let by_plan = log.breakdown("plan", 10, |view| active_users(view, &ActiveUsersOptions::default()))?;
    /// assert_eq!(by_plan.total.dau, [2, 2]);
    /// assert_eq!((by_plan.segments[0].value.as_str(), by_plan.segments[0].result.dau.as_slice()), ("pro", &[1u64, 2][..]));
    /// assert_eq!((by_plan.segments[1].value.as_str(), by_plan.segments[1].events), ("free", 1));
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn breakdown<R>(
        &self,
        by: &str,
        max_segments: usize,
        metric: impl Fn(&EventLog<'_, u32, i64, u32>) -> Result<R>,
    ) -> Result<Breakdown<R>> {
        if max_segments == 0 || max_segments > MAX_SEGMENTS {
            return Err(Error::out_of_range(
                "max_segments",
                format!("{max_segments} is outside 1..={MAX_SEGMENTS}"),
            ));
        }
        let Some((_, property)) = self.properties.iter().find(|(name, _)| name == by) else {
            let known = self.property_names().join(", ");
            return Err(Error::invalid(
                "by",
                format!(
                    "{by:?} is not a property of the log (it has {}); add it with the log's properties",
                    if known.is_empty() { "none".to_owned() } else { known }
                ),
            ));
        };
        let total = metric(&self.view())?;
        let plan = SegmentPlan::new(property, max_segments);
        let mut segments = Vec::with_capacity(plan.labels.len());
        for (segment, (value, other)) in plan.labels.iter().enumerate() {
            crate::cancel::check_now()?;
            let rows = plan.rows(segment);
            let users: Vec<u32> = rows
                .iter()
                .map(|&row| self.user_codes[row as usize])
                .collect();
            let times: Vec<i64> = rows.iter().map(|&row| self.times[row as usize]).collect();
            let events: Option<Vec<u32>> = self
                .events
                .as_ref()
                .map(|events| rows.iter().map(|&row| events.codes[row as usize]).collect());
            let view = view_of(
                &users,
                &times,
                events.as_deref(),
                self.unit,
                self.max_threads,
            );
            segments.push(Segment {
                value: value.clone(),
                other: *other,
                events: rows.len() as u64,
                result: metric(&view)?,
            });
        }
        Ok(Breakdown {
            by: by.to_owned(),
            total,
            segments,
        })
    }
}

/// Fails naming `field[i]` at the first code that `map` does not hold.
fn within(field: &str, codes: &[u32], map: &IdMap) -> Result<()> {
    let count = map.len();
    match codes.iter().position(|&code| code as usize >= count) {
        Some(row) => Err(Error::invalid(
            format!("{field}[{row}]"),
            format!("is code {}, but only {count} values are named", codes[row]),
        )),
        None => Ok(()),
    }
}

fn view_of<'a>(
    users: &'a [u32],
    times: &'a [i64],
    events: Option<&'a [u32]>,
    unit: TimeUnit,
    max_threads: Option<usize>,
) -> EventLog<'a, u32, i64, u32> {
    EventLog {
        user_ids: users,
        times,
        events,
        unit,
        utc_offset_minutes: 0,
        zone: None,
        max_threads,
    }
}

/// The most segments a breakdown gives (the rest pooled as "other").
pub const MAX_SEGMENTS: usize = 1000;

/// The default segment cap of the bindings' `max_segments`: the 25 values with the
/// most events, as PostHog's default breakdown limit.
pub const DEFAULT_MAX_SEGMENTS: usize = 25;

/// Which rows go to which segment: rows grouped by segment (a counting sort), so each
/// segment's columns are gathered from its own run of row numbers.
struct SegmentPlan {
    labels: Vec<(String, bool)>,
    starts: Vec<usize>,
    rows: Vec<u32>,
}

impl SegmentPlan {
    fn new(property: &EncodedText, max_segments: usize) -> SegmentPlan {
        let values = property.map.len();
        let mut events_of = vec![0u64; values];
        for &code in &property.codes {
            if let Some(count) = events_of.get_mut(code as usize) {
                *count += 1;
            }
        }
        let mut ranked: Vec<usize> = (0..values).collect();
        ranked.sort_by(|&a, &b| events_of[b].cmp(&events_of[a]).then(a.cmp(&b)));
        let kept = ranked.len().min(max_segments);
        let pooled = ranked.len() > kept;
        let mut segment_of = vec![kept; values];
        let mut labels = Vec::with_capacity(kept + usize::from(pooled));
        for (segment, &value) in ranked.iter().take(kept).enumerate() {
            segment_of[value] = segment;
            labels.push((
                property.map.id(value as u32).unwrap_or("").to_owned(),
                false,
            ));
        }
        if pooled {
            labels.push(("other".to_owned(), true));
        }
        let mut counts = vec![0usize; labels.len() + 1];
        for &code in &property.codes {
            counts[segment_of[code as usize] + 1] += 1;
        }
        for segment in 1..counts.len() {
            counts[segment] += counts[segment - 1];
        }
        let starts = counts.clone();
        let mut next = counts;
        let mut rows = vec![0u32; property.codes.len()];
        for (row, &code) in property.codes.iter().enumerate() {
            let segment = segment_of[code as usize];
            rows[next[segment]] = row as u32;
            next[segment] += 1;
        }
        SegmentPlan {
            labels,
            starts,
            rows,
        }
    }

    fn rows(&self, segment: usize) -> &[u32] {
        &self.rows[self.starts[segment]..self.starts[segment + 1]]
    }
}

/// A metric over the whole log and per segment of a property ([`EncodedLog::breakdown`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Breakdown<R> {
    /// The property the segments are values of.
    pub by: String,
    /// The metric over every event.
    pub total: R,
    /// One per kept value, most events first, then the pooled rest (`other`).
    pub segments: Vec<Segment<R>>,
}

/// The metric over the events of one property value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Segment<R> {
    /// The property value (`"other"` for the pooled rest).
    pub value: String,
    /// Whether this segment pools the values beyond the cap.
    pub other: bool,
    /// Events in the segment.
    pub events: u64,
    /// The metric over them.
    pub result: R,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::{retention, stickiness_histogram, RetentionOptions, StickinessOptions};

    fn log() -> EncodedLog {
        // Five users on days 19_002.. (Monday 2022-01-10) with a plan per event.
        let users = ["u1", "u2", "u3", "u1", "u4", "u5", "u2"];
        let days = vec![19_002, 19_002, 19_003, 19_010, 19_004, 19_005, 19_011];
        let plans = ["pro", "free", "pro", "pro", "team", "edu", "free"];
        EncodedLog::from_text_ids(&users[..], days, TimeUnit::Days, None)
            .unwrap()
            .with_property("plan", &plans[..])
            .unwrap()
    }

    #[test]
    fn segments_are_the_sub_logs_of_each_value() {
        let log = log();
        let weekly =
            |view: &EventLog<'_, u32, i64, u32>| retention(view, &RetentionOptions::default());
        let by_plan = log.breakdown("plan", 25, weekly).unwrap();
        let values: Vec<(&str, u64)> = by_plan
            .segments
            .iter()
            .map(|segment| (segment.value.as_str(), segment.events))
            .collect();
        assert_eq!(values, [("pro", 3), ("free", 2), ("team", 1), ("edu", 1)]);
        // pro: u1 (weeks 0 and 1) and u3 (week 0): 2 in the cohort, 1 back in week 1.
        assert_eq!(by_plan.segments[0].result.counts[0], [Some(2), Some(1)]);
        assert_eq!(by_plan.total.cohort_sizes[0], 5);
        let whole = EncodedLog::from_text_ids(
            &["u1", "u3", "u1"][..],
            vec![19_002, 19_003, 19_010],
            TimeUnit::Days,
            None,
        )
        .unwrap();
        assert_eq!(by_plan.segments[0].result, weekly(&whole.view()).unwrap());
    }

    #[test]
    fn values_beyond_the_cap_are_pooled() {
        let log = log();
        let histogram = |view: &EventLog<'_, u32, i64, u32>| {
            stickiness_histogram(view, &StickinessOptions::default())
        };
        let capped = log.breakdown("plan", 2, histogram).unwrap();
        let labels: Vec<(&str, bool, u64)> = capped
            .segments
            .iter()
            .map(|segment| (segment.value.as_str(), segment.other, segment.events))
            .collect();
        assert_eq!(
            labels,
            [("pro", false, 3), ("free", false, 2), ("other", true, 2)]
        );
        assert_eq!(capped.segments[2].result.active, [2]);
        assert_eq!(
            log.breakdown("plan", 0, histogram).unwrap_err().field(),
            "max_segments"
        );
        let err = log.breakdown("country", 5, histogram).unwrap_err();
        assert_eq!(err.field(), "by");
        assert!(err.reason().contains("plan"), "{err}");
    }

    #[test]
    fn bad_columns_are_named() {
        let err =
            EncodedLog::from_text_ids(&[Some("a"), None][..], vec![0, 0], TimeUnit::Days, None)
                .unwrap_err();
        assert_eq!(err.field(), "user_ids[1]");
        let err = EncodedLog::from_ids(&[1u64, 2], vec![0], TimeUnit::Days, None).unwrap_err();
        assert_eq!(err.field(), "times");
        let err = EncodedLog::from_ids(&[1u64], vec![-5], TimeUnit::Days, None).unwrap_err();
        assert_eq!(err.field(), "times[0]");
        let log = EncodedLog::from_ids(&[1u64, 2], vec![0, 0], TimeUnit::Days, None).unwrap();
        assert_eq!(
            log.clone().with_events(&["a"][..]).unwrap_err().field(),
            "events"
        );
        let log = log.with_property("plan", &["a", "b"][..]).unwrap();
        let again = log.with_property("plan", &["a", "b"][..]).unwrap_err();
        assert_eq!(again.field(), "properties.plan");
    }
}
