//! Runs every case in `vectors/*.json` through the Rust API: the contract the Python
//! and JavaScript suites run too. Each area's dispatcher (one module per area) turns
//! a case's `function` and `args` into a call and the result into JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod analytics;
mod chart;
mod dashboard;
mod flow;
mod forecast;
mod metrics_business;
mod metrics_delivery;
mod roadmap;
mod roles;
mod scorecard;
mod sprint;
mod stats;
mod work;

use serde_json::Value;
use std::path::PathBuf;

/// A case's call: `None` when no dispatcher knows the function.
fn dispatch(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    metrics_business::call(function, args)
        .or_else(|| metrics_delivery::call(function, args))
        .or_else(|| roles::call(function, args))
        .or_else(|| sprint::call(function, args))
        .or_else(|| roadmap::call(function, args))
        .or_else(|| scorecard::call(function, args))
        .or_else(|| work::call(function, args))
        .or_else(|| flow::call(function, args))
        .or_else(|| analytics::call(function, args))
        .or_else(|| forecast::call(function, args))
        .or_else(|| chart::call(function, args))
        .or_else(|| dashboard::call(function, args))
        .or_else(|| stats::call(function, args))
}

// ---- argument helpers shared by the dispatchers (null or absent = default) ----

/// The argument `name`, or `None` when absent or null.
pub fn opt<'a>(args: &'a Value, name: &str) -> Option<&'a Value> {
    args.get(name).filter(|value| !value.is_null())
}

/// A required number.
pub fn f64_arg(args: &Value, name: &str) -> f64 {
    opt(args, name)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("vector arg {name} must be a number"))
}

/// An optional number.
pub fn opt_f64(args: &Value, name: &str) -> Option<f64> {
    opt(args, name).map(|value| value.as_f64().expect("number"))
}

/// A required count, converted as the bindings convert it (so `-1` is the same error).
pub fn count_arg(args: &Value, name: &str) -> pmkit::Result<u64> {
    pmkit::input::count(name, f64_arg(args, name))
}

/// An optional count.
pub fn opt_count(args: &Value, name: &str) -> pmkit::Result<Option<u64>> {
    opt_f64(args, name)
        .map(|value| pmkit::input::count(name, value))
        .transpose()
}

/// A required list of numbers.
pub fn f64s_arg(args: &Value, name: &str) -> Vec<f64> {
    serde_json::from_value(opt(args, name).cloned().expect("list")).expect("list of numbers")
}

/// A required string.
pub fn str_arg<'a>(args: &'a Value, name: &str) -> &'a str {
    opt(args, name).and_then(Value::as_str).expect("string")
}

/// An optional string.
pub fn opt_str<'a>(args: &'a Value, name: &str) -> Option<&'a str> {
    opt(args, name).map(|value| value.as_str().expect("string"))
}

/// Any serde value: the JSON form of a core type.
pub fn serde_arg<T: serde::de::DeserializeOwned>(args: &Value, name: &str) -> T {
    serde_json::from_value(opt(args, name).cloned().expect("argument")).expect("core JSON form")
}

/// The function's options struct, read from every argument not named in `positional`
/// (null = default) through the same reader the bindings use, so defaults live only
/// in the core.
pub fn options_arg<T: serde::de::DeserializeOwned>(
    args: &Value,
    positional: &[&str],
) -> pmkit::Result<T> {
    let given: serde_json::Map<String, Value> = args
        .as_object()
        .expect("args object")
        .iter()
        .filter(|(name, value)| !value.is_null() && !positional.contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    pmkit::json::options(Value::Object(given))
}

/// A result as JSON.
pub fn json<T: serde::Serialize>(value: pmkit::Result<T>) -> pmkit::Result<Value> {
    value.map(|value| serde_json::to_value(value).expect("serializable"))
}

// ---- the runner ----

fn assert_matches(actual: &Value, expected: &Value, at: &str) {
    match (actual, expected) {
        (Value::Number(got), Value::Number(want)) => {
            let (got, want) = (got.as_f64().unwrap(), want.as_f64().unwrap());
            let tolerance = 1e-9 * want.abs().max(1.0);
            assert!((got - want).abs() <= tolerance, "{at}: {got} != {want}");
        }
        (Value::Array(got), Value::Array(want)) => {
            assert_eq!(got.len(), want.len(), "{at}: length");
            for (index, (got, want)) in got.iter().zip(want).enumerate() {
                assert_matches(got, want, &format!("{at}[{index}]"));
            }
        }
        (Value::Object(got), Value::Object(want)) => {
            let mut got_keys: Vec<_> = got.keys().collect();
            let mut want_keys: Vec<_> = want.keys().collect();
            got_keys.sort();
            want_keys.sort();
            assert_eq!(got_keys, want_keys, "{at}: keys");
            for (key, want) in want {
                assert_matches(&got[key], want, &format!("{at}.{key}"));
            }
        }
        _ => assert_eq!(actual, expected, "{at}"),
    }
}

#[test]
fn every_vector_case_passes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut ran = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let name = format!("{}: {}", file.display(), case["name"]);
            let function = case["function"].as_str().unwrap();
            let result = dispatch(function, &case["args"])
                .unwrap_or_else(|| panic!("{name}: no Rust dispatcher for {function}"));
            match (result, case.get("error")) {
                (Ok(value), None) => assert_matches(&value, &chart::expected(case, &value), &name),
                (Err(err), Some(want)) => {
                    assert_eq!(err.kind().as_str(), want["kind"], "{name}: kind ({err})");
                    assert_eq!(err.field(), want["field"], "{name}: field ({err})");
                }
                (Ok(value), Some(want)) => panic!("{name}: expected error {want}, got {value}"),
                (Err(err), None) => panic!("{name}: unexpected error {err}"),
            }
            ran += 1;
        }
    }
    assert!(ran > 0, "no vector cases found");
}
