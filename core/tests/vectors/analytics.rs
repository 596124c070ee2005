//! Dispatch for `pmkit::analytics`: columns arrive as JSON numbers, so they take the
//! same `f64` path as JavaScript; options are converted in the bindings' order.

use serde_json::Value;

use crate::{f64s_arg, json, opt, options_arg, serde_arg};
use pmkit::analytics::{
    self as analytics, ActiveUsersOptions, ActivityChurnOptions, EventFunnelOptions, EventLog,
    FeatureAdoptionOptions, RetentionOptions, StickinessOptions, UserLifecycleOptions,
};

fn empty_log_error() -> pmkit::Error {
    pmkit::Error::undefined("user_ids", "is empty; at least one event is needed")
}

/// The log of the case's columns, with the options' column settings.
fn log<'a>(
    ids: &'a [f64],
    times: &'a [f64],
    unit: Option<analytics::TimeUnit>,
    utc_offset_minutes: i64,
    tz: Option<analytics::Zone>,
) -> pmkit::Result<EventLog<'a, f64, f64>> {
    let log = EventLog::new(ids, times, unit.unwrap_or_default())?
        .with_utc_offset_minutes(utc_offset_minutes)?;
    match tz {
        Some(zone) => log.with_time_zone(zone),
        None => Ok(log),
    }
}

fn active_counts(args: &Value) -> pmkit::Result<analytics::ActiveUserCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let options: ActiveUsersOptions = options_arg(args, &["user_ids", "times"])?;
    let log = log(
        &ids,
        &times,
        options.unit,
        options.utc_offset_minutes,
        options.tz,
    )?;
    analytics::active_user_counts(&log, &options)
}

fn retention_counts(args: &Value) -> pmkit::Result<analytics::RetentionCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let options: RetentionOptions = options_arg(args, &["user_ids", "times", "events"])?;
    let log = log(
        &ids,
        &times,
        options.unit,
        options.utc_offset_minutes,
        options.tz,
    )?;
    match opt(args, "events") {
        Some(_) => {
            let events = f64s_arg(args, "events");
            analytics::retention_counts(&log.with_events(&events)?, &options)
        }
        None => analytics::retention_counts(&log, &options),
    }
}

fn code(field: &str, value: f64) -> pmkit::Result<u32> {
    let number = pmkit::input::count(field, value)?;
    u32::try_from(number).map_err(|_| pmkit::Error::out_of_range(field, "too large"))
}

fn churn_counts(args: &Value) -> pmkit::Result<analytics::ChurnCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let options: ActivityChurnOptions = options_arg(args, &["user_ids", "times"])?;
    let log = log(
        &ids,
        &times,
        options.unit,
        options.utc_offset_minutes,
        options.tz,
    )?;
    analytics::activity_churn_counts(&log, &options)
}

fn adoption_counts(args: &Value) -> pmkit::Result<analytics::AdoptionCounts> {
    let (ids, times, events) = (
        f64s_arg(args, "user_ids"),
        f64s_arg(args, "times"),
        f64s_arg(args, "events"),
    );
    let options: FeatureAdoptionOptions =
        options_arg(args, &["user_ids", "times", "events", "feature"])?;
    let log = log(
        &ids,
        &times,
        options.unit,
        options.utc_offset_minutes,
        options.tz,
    )?
    .with_events(&events)?;
    let feature = code("feature", crate::f64_arg(args, "feature"))?;
    analytics::feature_adoption_counts(&log, feature, &options)
}

fn funnel_counts(args: &Value) -> pmkit::Result<analytics::FunnelCounts> {
    let (ids, times, events) = (
        f64s_arg(args, "user_ids"),
        f64s_arg(args, "times"),
        f64s_arg(args, "events"),
    );
    let options: EventFunnelOptions = options_arg(args, &["user_ids", "times", "events", "steps"])?;
    let log = log(
        &ids,
        &times,
        options.unit,
        options.utc_offset_minutes,
        options.tz,
    )?
    .with_events(&events)?;
    let steps = f64s_arg(args, "steps")
        .iter()
        .enumerate()
        .map(|(index, &step)| code(&format!("steps[{index}]"), step))
        .collect::<pmkit::Result<Vec<u32>>>()?;
    analytics::event_funnel_counts(&log, &steps, &options)
}

fn stickiness_counts(args: &Value) -> pmkit::Result<analytics::StickinessCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let options: StickinessOptions = options_arg(args, &["user_ids", "times"])?;
    let log = log(
        &ids,
        &times,
        options.unit,
        options.utc_offset_minutes,
        options.tz,
    )?;
    analytics::stickiness_counts(&log, &options)
}

fn lifecycle_counts(args: &Value) -> pmkit::Result<analytics::UserLifecycleCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let options: UserLifecycleOptions = options_arg(args, &["user_ids", "times"])?;
    let log = log(
        &ids,
        &times,
        options.unit,
        options.utc_offset_minutes,
        options.tz,
    )?;
    analytics::user_lifecycle_counts(&log, &options)
}

fn is_empty(args: &Value) -> bool {
    f64s_arg(args, "user_ids").is_empty()
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "active_users" if is_empty(args) => Err(empty_log_error()),
        "active_users" => json(active_counts(args).and_then(|counts| counts.finish())),
        "active_user_counts" => json(active_counts(args).map(analytics::Counts::ActiveUsers)),
        "retention" if is_empty(args) => Err(empty_log_error()),
        "retention" => json(retention_counts(args).and_then(|counts| counts.finish())),
        "retention_counts" => json(retention_counts(args).map(analytics::Counts::Retention)),
        "activity_churn" => options_arg::<ActivityChurnOptions>(args, &["user_ids", "times"])
            .and_then(|_| {
                if is_empty(args) {
                    Err(empty_log_error())
                } else {
                    Ok(())
                }
            })
            .and_then(|()| json(churn_counts(args).and_then(|c| c.finish()))),
        "activity_churn_counts" => json(churn_counts(args).map(analytics::Counts::ActivityChurn)),
        "feature_adoption" if is_empty(args) => Err(empty_log_error()),
        "feature_adoption" => json(adoption_counts(args).and_then(|c| c.finish())),
        "feature_adoption_counts" => {
            json(adoption_counts(args).map(analytics::Counts::FeatureAdoption))
        }
        "event_funnel" => funnel_counts(args).and_then(|c| {
            if is_empty(args) {
                Err(empty_log_error())
            } else {
                json(c.finish())
            }
        }),
        "event_funnel_counts" => json(funnel_counts(args).map(analytics::Counts::EventFunnel)),
        "stickiness_histogram" if is_empty(args) => Err(empty_log_error()),
        "stickiness_histogram" => json(stickiness_counts(args).and_then(|c| c.finish())),
        "stickiness_counts" => {
            json(stickiness_counts(args).map(analytics::Counts::StickinessHistogram))
        }
        "user_lifecycle" if is_empty(args) => Err(empty_log_error()),
        "user_lifecycle" => json(lifecycle_counts(args).and_then(|c| c.finish())),
        "user_lifecycle_counts" => {
            json(lifecycle_counts(args).map(analytics::Counts::UserLifecycle))
        }
        "merge_counts" => json(analytics::merge_counts(
            &serde_arg::<Vec<analytics::Counts>>(args, "parts"),
        )),
        "finish_counts" => json(serde_arg::<analytics::Counts>(args, "counts").finish()),
        "encode_ids" => {
            let values: Vec<String> = serde_arg(args, "values");
            let known: Vec<String> = opt(args, "known").map_or_else(Vec::new, |v| {
                serde_json::from_value(v.clone()).expect("ids")
            });
            json(analytics::encode_ids(&values, &known))
        }
        _ => return None,
    })
}
