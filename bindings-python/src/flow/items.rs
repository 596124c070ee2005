//! Items (dicts) from Python, read key by key.
//!
//! A status history has millions of timestamps, and the general serde bridge
//! (pythonize) spends most of an `item_timelines` call on them; reading the known keys
//! directly is several times faster. It also accepts `datetime.date`,
//! `datetime.datetime` and `pandas.Timestamp` values where the JSON form has ISO
//! strings (an aware datetime keeps its wall-clock time, as an offset in text does).
//! Unknown keys are ignored, as in the JSON form.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyDict, PyString};

use crate::errors::{to_py, IntoPy};
use pmkit::flow::{Blocked, Item, Moment, Transition};

/// Where a value sits (`items[3].transitions[1].at`), spelt out only for an error,
/// so reading a valid history allocates no field names.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root(name) => f.write_str(name),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

fn invalid(path: Path<'_>, reason: &str) -> PyErr {
    to_py(pmkit::Error::invalid(path.to_string(), reason))
}

fn as_dict<'a, 'py>(
    path: Path<'_>,
    value: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, PyDict>> {
    value
        .cast::<PyDict>()
        .map_err(|_| invalid(path, "expected a dict"))
}

/// The value under `key` (an interned string), `None` when absent or `None`.
fn get<'py>(
    dict: &Bound<'py, PyDict>,
    key: &Bound<'py, PyString>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    Ok(dict.get_item(key)?.filter(|value| !value.is_none()))
}

fn required<'py>(
    dict: &Bound<'py, PyDict>,
    path: Path<'_>,
    key: &Bound<'py, PyString>,
    name: &'static str,
) -> PyResult<Bound<'py, PyAny>> {
    get(dict, key)?.ok_or_else(|| invalid(Path::Key(&path, name), "is missing"))
}

fn text(path: Path<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    value
        .extract::<String>()
        .map_err(|_| invalid(path, "expected a string"))
}

fn moment(path: Path<'_>, value: &Bound<'_, PyAny>) -> PyResult<Moment> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        if let Ok(moment) = Moment::parse("", &text) {
            return Ok(moment);
        }
        return Moment::parse(&path.to_string(), &text).py();
    }
    if value.is_instance_of::<PyDateTime>() {
        if let Ok(naive) = value.extract::<NaiveDateTime>() {
            return Ok(Moment(naive));
        }
        if let Ok(aware) = value.extract::<DateTime<FixedOffset>>() {
            return Ok(Moment(aware.naive_local()));
        }
        return Err(invalid(
            path,
            "is a datetime pmkit cannot read; pass an ISO string",
        ));
    }
    if value.is_instance_of::<PyDate>() {
        return Ok(Moment::from_date(value.extract::<NaiveDate>()?));
    }
    Err(invalid(
        path,
        "expected an ISO date or timestamp string, a datetime.date or a datetime.datetime",
    ))
}

fn list<'py>(path: Path<'_>, value: Option<Bound<'py, PyAny>>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    match value {
        None => Ok(Vec::new()),
        Some(value) => value
            .try_iter()
            .map_err(|_| invalid(path, "expected a list"))?
            .collect(),
    }
}

fn transition(path: Path<'_>, value: &Bound<'_, PyAny>) -> PyResult<Transition> {
    let py = value.py();
    let dict = as_dict(path, value)?;
    Ok(Transition {
        at: moment(
            Path::Key(&path, "at"),
            &required(dict, path, intern!(py, "at"), "at")?,
        )?,
        from: get(dict, intern!(py, "from"))?
            .map(|from| text(Path::Key(&path, "from"), &from))
            .transpose()?,
        to: text(
            Path::Key(&path, "to"),
            &required(dict, path, intern!(py, "to"), "to")?,
        )?,
    })
}

fn blocked(path: Path<'_>, value: &Bound<'_, PyAny>) -> PyResult<Blocked> {
    let py = value.py();
    let dict = as_dict(path, value)?;
    Ok(Blocked {
        start: moment(
            Path::Key(&path, "start"),
            &required(dict, path, intern!(py, "start"), "start")?,
        )?,
        end: get(dict, intern!(py, "end"))?
            .map(|end| moment(Path::Key(&path, "end"), &end))
            .transpose()?,
    })
}

fn item(path: Path<'_>, value: &Bound<'_, PyAny>) -> PyResult<Item> {
    let py = value.py();
    let dict = as_dict(path, value)?;
    let transitions_path = Path::Key(&path, "transitions");
    let transitions = list(transitions_path, get(dict, intern!(py, "transitions"))?)?
        .iter()
        .enumerate()
        .map(|(index, value)| transition(Path::Index(&transitions_path, index), value))
        .collect::<PyResult<Vec<_>>>()?;
    let blocked_path = Path::Key(&path, "blocked");
    let blocked = list(blocked_path, get(dict, intern!(py, "blocked"))?)?
        .iter()
        .enumerate()
        .map(|(index, value)| blocked(Path::Index(&blocked_path, index), value))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Item {
        key: text(
            Path::Key(&path, "key"),
            &required(dict, path, intern!(py, "key"), "key")?,
        )?,
        item_type: get(dict, intern!(py, "item_type"))?
            .map(|value| text(Path::Key(&path, "item_type"), &value))
            .transpose()?
            .unwrap_or_default(),
        points: get(dict, intern!(py, "points"))?
            .map(|value| {
                value
                    .extract::<f64>()
                    .map_err(|_| invalid(Path::Key(&path, "points"), "expected a number"))
            })
            .transpose()?
            .unwrap_or(0.0),
        created: moment(
            Path::Key(&path, "created"),
            &required(dict, path, intern!(py, "created"), "created")?,
        )?,
        status: get(dict, intern!(py, "status"))?
            .map(|value| text(Path::Key(&path, "status"), &value))
            .transpose()?,
        transitions,
        blocked,
    })
}

/// `items` (a list of dicts) as core items; errors name the element (`items[3].created`).
pub fn items(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<Item>> {
    let root = Path::Root(field);
    list(root, Some(value.clone()))?
        .iter()
        .enumerate()
        .map(|(index, value)| item(Path::Index(&root, index), value))
        .collect()
}
