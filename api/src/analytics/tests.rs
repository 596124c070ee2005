//! Unit tests of the analytics work over columns (`pmkit_api::analytics`).

use super::*;
use crate::columns::{in_place, Values};

fn columns(ids: Vec<i64>, days: Vec<i64>) -> (UserIds<'static>, Times<'static>) {
    let user_ids = UserIds {
        values: IdValues::Signed(Values::owned(ids)),
        run: in_place,
    };
    let times = Times {
        values: TimeValues::Whole(Values::owned(days)),
        own_unit: None,
        zone: None,
    };
    (user_ids, times)
}

fn options() -> RetentionOptions {
    RetentionOptions {
        unit: Some(TimeUnit::Days),
        ..Default::default()
    }
}

/// Names are read against the column and reported as labels: the result is the one
/// of the same log with codes, but for the labels (positions among the names given).
#[test]
fn retention_reads_event_names_as_the_codes_they_stand_for() {
    let (user_ids, times) = columns(vec![1, 2, 1, 3], vec![19002, 19003, 19022, 19015]);
    let names = ["visit", "signup", "purchase", "signup"].map(String::from);
    let mut map = IdMap::default();
    let codes: Vec<i64> = names
        .iter()
        .map(|name| map.encode_one(name).map(i64::from))
        .collect::<Result<_>>()
        .unwrap();
    let by_name = EventIds {
        values: EventValues::Whole(Values::owned(codes.clone())),
        names: Some(map),
    };
    let given = RetentionEvents {
        start_event: Some(Event::Name("signup".into())),
        return_event: Some(Event::Name("purchase".into())),
    };
    let named = retention(&user_ids, &times, Some(&by_name), &given, &options()).unwrap();
    assert_eq!(
        named.event_names,
        Some(vec!["signup".to_owned(), "purchase".to_owned()])
    );
    assert_eq!(named.value.options.start_event, Some(0));
    assert_eq!(named.value.options.return_event, Some(1));

    let by_code = EventIds {
        values: EventValues::Whole(Values::owned(codes)),
        names: None,
    };
    let given = RetentionEvents {
        start_event: Some(Event::Code(1)),
        return_event: Some(Event::Code(2)),
    };
    let coded = retention(&user_ids, &times, Some(&by_code), &given, &options()).unwrap();
    assert_eq!(coded.event_names, None);
    assert_eq!(coded.value.options.start_event, Some(1));
    assert_eq!(coded.value.counts, named.value.counts);
    assert_eq!(coded.value.cohort_sizes, named.value.cohort_sizes);
}

#[test]
fn retention_without_events_runs_on_two_columns_and_refuses_event_names() {
    let (user_ids, times) = columns(vec![1, 2, 1, 3], vec![19002, 19003, 19022, 19015]);
    let plain = retention(
        &user_ids,
        &times,
        None,
        &RetentionEvents::default(),
        &options(),
    );
    assert_eq!(plain.unwrap().value.cohort_sizes, vec![2, 1, 0]);

    let named = RetentionEvents {
        start_event: Some(Event::Name("signup".into())),
        return_event: None,
    };
    let err = retention(&user_ids, &times, None, &named, &options()).unwrap_err();
    assert!(err.to_string().contains("start_event"), "{err}");
    let coded = RetentionEvents {
        start_event: None,
        return_event: Some(Event::Code(0)),
    };
    let err = retention(&user_ids, &times, None, &coded, &options()).unwrap_err();
    assert!(err.to_string().contains("return_event"), "{err}");
}

#[test]
fn retention_counts_of_a_shard_count_an_unknown_name_as_no_one() {
    let (user_ids, times) = columns(vec![1, 2], vec![19002, 19003]);
    let mut map = IdMap::default();
    let code = i64::from(map.encode_one("visit").unwrap());
    let events = EventIds {
        values: EventValues::Whole(Values::owned(vec![code, code])),
        names: Some(map),
    };
    let given = RetentionEvents {
        start_event: Some(Event::Name("signup".into())),
        return_event: None,
    };
    let whole = retention(&user_ids, &times, Some(&events), &given, &options());
    assert!(whole.unwrap_err().to_string().contains("start_event"));
    let part = retention_counts(&user_ids, &times, Some(&events), &given, &options()).unwrap();
    assert_eq!(part.event_names, Some(vec!["signup".to_owned()]));
    let finished = part.finish().unwrap();
    let core::Metric::Retention(matrix) = finished.metric else {
        panic!("not a retention matrix");
    };
    assert!(matrix.cohort_sizes.iter().all(|&size| size == 0));
}
