//! Dispatch for `pmkit::analytics`: columns arrive as JSON numbers, so they take the
//! same `f64` path as JavaScript; options are converted in the bindings' order.

use serde_json::Value;

use crate::{f64s_arg, json, opt, opt_f64, opt_str, serde_arg};
use pmkit::analytics::{
    self as analytics, Cohorts, EventLog, Period, RetentionKind, RetentionOptions, TimeUnit,
};

fn unit(args: &Value) -> pmkit::Result<TimeUnit> {
    opt_str(args, "unit").map_or(Ok(TimeUnit::default()), |text| {
        TimeUnit::parse("unit", text)
    })
}

fn offset(args: &Value) -> pmkit::Result<i64> {
    analytics::whole_number(
        "utc_offset_minutes",
        opt_f64(args, "utc_offset_minutes").unwrap_or(0.0),
    )
}

fn event_code(args: &Value, name: &str) -> pmkit::Result<Option<u32>> {
    opt_f64(args, name)
        .map(|number| {
            let code = pmkit::input::count(name, number)?;
            u32::try_from(code).map_err(|_| pmkit::Error::out_of_range(name, "too large"))
        })
        .transpose()
}

fn empty_log_error() -> pmkit::Error {
    pmkit::Error::undefined("user_ids", "is empty; at least one event is needed")
}

fn active_counts(args: &Value) -> pmkit::Result<analytics::ActiveUserCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let unit = unit(args)?;
    let offset = offset(args)?;
    let week = Period::parse("week", opt_str(args, "week").unwrap_or("week"))?;
    let log = EventLog::new(&ids, &times, unit)?.with_utc_offset_minutes(offset)?;
    analytics::active_user_counts(&log, week)
}

fn retention_counts(args: &Value) -> pmkit::Result<analytics::RetentionCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let options = RetentionOptions {
        period: Period::parse("period", opt_str(args, "period").unwrap_or("week"))?,
        cohorts: opt_str(args, "cohorts")
            .map_or(Ok(Cohorts::default()), |t| Cohorts::parse("cohorts", t))?,
        kind: opt_str(args, "kind").map_or(Ok(RetentionKind::default()), |t| {
            RetentionKind::parse("kind", t)
        })?,
        start_event: event_code(args, "start_event")?,
        return_event: event_code(args, "return_event")?,
    };
    let unit = unit(args)?;
    let offset = offset(args)?;
    let log = EventLog::new(&ids, &times, unit)?.with_utc_offset_minutes(offset)?;
    match opt(args, "events") {
        Some(_) => {
            let events = f64s_arg(args, "events");
            analytics::retention_counts(&log.with_events(&events)?, &options)
        }
        None => analytics::retention_counts(&log, &options),
    }
}

fn plain_log<'a>(
    args: &Value,
    ids: &'a [f64],
    times: &'a [f64],
) -> pmkit::Result<EventLog<'a, f64, f64>> {
    let unit = unit(args)?;
    let offset = offset(args)?;
    EventLog::new(ids, times, unit)?.with_utc_offset_minutes(offset)
}

fn period(args: &Value) -> pmkit::Result<Period> {
    Period::parse("period", opt_str(args, "period").unwrap_or("week"))
}

fn code(field: &str, value: f64) -> pmkit::Result<u32> {
    let number = pmkit::input::count(field, value)?;
    u32::try_from(number).map_err(|_| pmkit::Error::out_of_range(field, "too large"))
}

fn churn_counts(args: &Value) -> pmkit::Result<analytics::ChurnCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let period = period(args)?;
    let inactive = pmkit::input::count(
        "inactive_days",
        opt_f64(args, "inactive_days").unwrap_or(30.0),
    )?;
    analytics::activity_churn_counts(&plain_log(args, &ids, &times)?, period, inactive)
}

fn adoption_counts(args: &Value) -> pmkit::Result<analytics::AdoptionCounts> {
    let (ids, times, events) = (
        f64s_arg(args, "user_ids"),
        f64s_arg(args, "times"),
        f64s_arg(args, "events"),
    );
    let log = plain_log(args, &ids, &times)?.with_events(&events)?;
    let feature = code("feature", crate::f64_arg(args, "feature"))?;
    analytics::feature_adoption_counts(&log, feature, period(args)?)
}

fn funnel_counts(args: &Value) -> pmkit::Result<analytics::FunnelCounts> {
    let (ids, times, events) = (
        f64s_arg(args, "user_ids"),
        f64s_arg(args, "times"),
        f64s_arg(args, "events"),
    );
    let log = plain_log(args, &ids, &times)?.with_events(&events)?;
    let steps = f64s_arg(args, "steps")
        .iter()
        .enumerate()
        .map(|(index, &step)| code(&format!("steps[{index}]"), step))
        .collect::<pmkit::Result<Vec<u32>>>()?;
    let window = pmkit::input::count(
        "window_seconds",
        opt_f64(args, "window_seconds").unwrap_or(2_592_000.0),
    )?;
    let order = opt_str(args, "order").map_or(Ok(analytics::FunnelOrder::default()), |t| {
        analytics::FunnelOrder::parse("order", t)
    })?;
    analytics::event_funnel_counts(&log, &steps, window, order)
}

fn stickiness_counts(args: &Value) -> pmkit::Result<analytics::StickinessCounts> {
    let (ids, times) = (f64s_arg(args, "user_ids"), f64s_arg(args, "times"));
    let log = plain_log(args, &ids, &times)?;
    analytics::stickiness_counts(&log, period(args)?)
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
        "activity_churn" => pmkit::input::count(
            "inactive_days",
            opt_f64(args, "inactive_days").unwrap_or(30.0),
        )
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
