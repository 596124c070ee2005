//! The metrics with event parameters (`feature_adoption`, `event_funnel` and their
//! counts): event codes or names read once against the `events` column, and results
//! that report the names they were given ([`Named`]).

use super::*;

/// A result with the event names its event codes stand for, when the call was given
/// names (Python reports them in place of the codes); JavaScript gets its JSON form.
#[derive(Debug, Clone, PartialEq)]
pub struct Named<T> {
    /// The result, event parameters as labels (`k` = the `k`-th name given).
    pub value: T,
    /// The names the labels stand for, if names were given.
    pub event_names: Option<Vec<String>>,
}

/// The JSON form of the result, its event labels given back as the names the call
/// was given (JavaScript's `EventLog` methods take names): `steps` (a funnel),
/// `feature` (adoption) and `options.start_event` / `return_event` (retention), as
/// Python's result classes relabel them; codes as codes when names were not given.
impl<T: serde::Serialize> serde::Serialize for Named<T> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let Some(names) = &self.event_names else {
            return self.value.serialize(serializer);
        };
        let mut json = serde_json::to_value(&self.value).map_err(serde::ser::Error::custom)?;
        if let Some(fields) = json.as_object_mut() {
            for key in ["steps", "feature"] {
                if let Some(value) = fields.get_mut(key) {
                    relabel(value, names);
                }
            }
            if let Some(options) = fields.get_mut("options").and_then(|o| o.as_object_mut()) {
                for key in ["start_event", "return_event"] {
                    if let Some(value) = options.get_mut(key) {
                        relabel(value, names);
                    }
                }
            }
        }
        json.serialize(serializer)
    }
}

/// `value` (a label or a list of labels) as the names they stand for.
fn relabel(value: &mut serde_json::Value, names: &[String]) {
    match value {
        serde_json::Value::Array(items) => items.iter_mut().for_each(|item| relabel(item, names)),
        serde_json::Value::Number(number) => {
            let name = number
                .as_u64()
                .and_then(|label| usize::try_from(label).ok())
                .and_then(|label| names.get(label));
            if let Some(name) = name {
                *value = serde_json::Value::String(name.clone());
            }
        }
        _ => {}
    }
}

/// How a metric's event parameters are read against the `events` column.
///
/// With names, each parameter has two codes: its code in the column (what the core
/// matches rows against) and its *label*, its position among the names the call was
/// given, which the result reports and [`Named`] maps back. Labels do not depend on the
/// order of a shard's rows, so partial counts of shards merge. `shard` says whether the
/// log is one shard of a larger one: a name it does not hold is then a code no row has
/// (zero users), since another shard may hold it; in a whole log it is an error (a
/// misspelling, most often).
pub(super) struct EventParams {
    column: Option<IdMap>,
    given: IdMap,
    shard: bool,
}

impl EventParams {
    pub(super) fn new(events: &EventIds<'_>, shard: bool) -> Self {
        EventParams {
            column: events.names.clone(),
            given: IdMap::default(),
            shard,
        }
    }

    /// The column code of one parameter and its label.
    pub(super) fn code(&mut self, field: &str, event: &Event) -> Result<(u32, u32)> {
        match (&mut self.column, event) {
            (Some(column), Event::Name(name)) => {
                let code = match self.shard {
                    true => column.encode_one(name)?,
                    false => column.code_of(field, name)?,
                };
                Ok((code, self.given.encode_one(name)?))
            }
            (Some(_), Event::Code(code)) => Err(Error::invalid(
                field,
                format!("{code} is a code but events holds names; pass an event name"),
            )),
            (None, Event::Name(name)) => Err(Error::invalid(
                field,
                format!("{name:?} is a name but events holds codes; pass a code, or text events"),
            )),
            (None, Event::Code(code)) => Ok((*code, *code)),
        }
    }

    /// The names the labels stand for (label = position), when names were given.
    pub(super) fn given(self) -> Option<Vec<String>> {
        match self.column {
            Some(_) if !self.given.is_empty() => Some(self.given.ids().to_vec()),
            _ => None,
        }
    }
}

struct AdoptionCounts<'o>(u32, &'o FeatureAdoptionOptions);

impl LogWork for AdoptionCounts<'_> {
    type Output = core::AdoptionCounts;

    fn run<U: UserIdValue, T: TimeValue, E: EventValue>(
        &self,
        log: &EventLog<'_, U, T, E>,
    ) -> Result<core::AdoptionCounts> {
        core::feature_adoption_counts(log, self.0, self.1)
    }
}

struct FunnelCounts<'o>(Vec<u32>, &'o EventFunnelOptions);

impl LogWork for FunnelCounts<'_> {
    type Output = core::FunnelCounts;

    fn run<U: UserIdValue, T: TimeValue, E: EventValue>(
        &self,
        log: &EventLog<'_, U, T, E>,
    ) -> Result<core::FunnelCounts> {
        core::event_funnel_counts(log, &self.0, self.1)
    }
}

fn adoption_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    feature: &Event,
    options: &FeatureAdoptionOptions,
    shard: bool,
) -> Result<(core::AdoptionCounts, Option<Vec<String>>)> {
    let mut params = EventParams::new(events, shard);
    let (code, label) = params.code("feature", feature)?;
    let work = AdoptionCounts(code, options);
    let mut counts = over_log_with_events(
        user_ids,
        times,
        events,
        super::Clock::of(options.unit, options.utc_offset_minutes, options.tz),
        &work,
    )?;
    counts.feature = label;
    Ok((counts, params.given()))
}

/// `feature_adoption` over the columns (an empty log is an error).
pub fn feature_adoption(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    feature: &Event,
    options: &FeatureAdoptionOptions,
) -> Result<Named<core::Adoption>> {
    user_ids.not_empty()?;
    let (counts, event_names) = adoption_counts(user_ids, times, events, feature, options, false)?;
    Ok(Named {
        value: counts.finish()?,
        event_names,
    })
}

/// `feature_adoption_counts` over the columns (an empty shard is fine).
pub fn feature_adoption_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    feature: &Event,
    options: &FeatureAdoptionOptions,
) -> Result<Partial> {
    let (counts, event_names) = adoption_counts(user_ids, times, events, feature, options, true)?;
    Ok(Partial {
        counts: core::Counts::FeatureAdoption(counts),
        event_names,
    })
}

fn funnel_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    steps: &[Event],
    options: &EventFunnelOptions,
    shard: bool,
) -> Result<(core::FunnelCounts, Option<Vec<String>>)> {
    let mut params = EventParams::new(events, shard);
    let (codes, labels): (Vec<u32>, Vec<u32>) = steps
        .iter()
        .enumerate()
        .map(|(index, step)| params.code(&format!("steps[{index}]"), step))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    let work = FunnelCounts(codes, options);
    let mut counts = over_log_with_events(
        user_ids,
        times,
        events,
        super::Clock::of(options.unit, options.utc_offset_minutes, options.tz),
        &work,
    )?;
    counts.steps = labels;
    Ok((counts, params.given()))
}

/// `event_funnel` over the columns (an empty log is an error, after the steps are read).
pub fn event_funnel(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    steps: &[Event],
    options: &EventFunnelOptions,
) -> Result<Named<core::Funnel>> {
    let (counts, event_names) = funnel_counts(user_ids, times, events, steps, options, false)?;
    user_ids.not_empty()?;
    Ok(Named {
        value: counts.finish()?,
        event_names,
    })
}

/// `event_funnel_counts` over the columns (an empty shard is fine).
pub fn event_funnel_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    steps: &[Event],
    options: &EventFunnelOptions,
) -> Result<Partial> {
    let (counts, event_names) = funnel_counts(user_ids, times, events, steps, options, true)?;
    Ok(Partial {
        counts: core::Counts::EventFunnel(counts),
        event_names,
    })
}
