//! Event-log columns from Python: numpy arrays (borrowed read-only, zero-copy for
//! int64, uint64 and datetime64), pandas and polars Series (through `numpy.asarray`),
//! lists, and text ids (encoded once with the core's `IdMap`).

use numpy::PyReadonlyArray1;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::{to_py, IntoPy};
use pmkit::analytics::{IdMap, TimeUnit};

/// A column borrowed from numpy, or converted once when its dtype needs it.
pub enum Column<'py, T: numpy::Element> {
    Borrowed(PyReadonlyArray1<'py, T>),
    Owned(Vec<T>),
}

impl<T: numpy::Element> Column<'_, T> {
    pub fn slice(&self) -> PyResult<&[T]> {
        match self {
            Column::Borrowed(array) => array
                .as_slice()
                .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string())),
            Column::Owned(values) => Ok(values),
        }
    }
}

/// User ids: signed or unsigned 64-bit.
pub enum Ids<'py> {
    Signed(Column<'py, i64>),
    Unsigned(Column<'py, u64>),
}

/// The array form of `value`: a contiguous one-dimensional numpy array.
fn array<'py>(field: &str, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let numpy = value.py().import("numpy")?;
    let array = numpy.call_method1("ascontiguousarray", (value,))?;
    let ndim: usize = array.getattr("ndim")?.extract()?;
    if ndim != 1 {
        return Err(to_py(pmkit::Error::invalid(
            field,
            format!("is a {ndim}-dimensional array; pass one value per row (a 1-d array, Series or list)"),
        )));
    }
    Ok(array)
}

fn dtype_kind(array: &Bound<'_, PyAny>) -> PyResult<(String, usize)> {
    let dtype = array.getattr("dtype")?;
    Ok((
        dtype.getattr("kind")?.extract()?,
        dtype.getattr("itemsize")?.extract()?,
    ))
}

fn not_integers(field: &str, array: &Bound<'_, PyAny>) -> PyErr {
    let dtype = array
        .getattr("dtype")
        .and_then(|dtype| dtype.str())
        .map(|text| text.to_string())
        .unwrap_or_else(|_| "an unknown dtype".to_owned());
    to_py(pmkit::Error::invalid(
        field,
        format!("has dtype {dtype}; expected integers (or datetimes for times)"),
    ))
}

/// Whole numbers from a float column, checked by the core (`1.5` is an error).
fn from_floats<'py>(field: &str, array: &Bound<'py, PyAny>) -> PyResult<Column<'py, i64>> {
    let floats: PyReadonlyArray1<'py, f64> =
        array.call_method1("astype", ("float64",))?.extract()?;
    let slice = floats
        .as_slice()
        .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string()))?;
    Ok(Column::Owned(
        pmkit::analytics::whole_numbers(field, slice).py()?,
    ))
}

/// Signed 64-bit integers: borrowed when the dtype is int64, converted otherwise.
fn signed<'py>(field: &str, array: &Bound<'py, PyAny>) -> PyResult<Column<'py, i64>> {
    match dtype_kind(array)? {
        (kind, 8) if kind == "i" => Ok(Column::Borrowed(array.extract()?)),
        (kind, _) if kind == "i" || kind == "u" => Ok(Column::Borrowed(
            array.call_method1("astype", ("int64",))?.extract()?,
        )),
        (kind, _) if kind == "f" => from_floats(field, array),
        _ => Err(not_integers(field, array)),
    }
}

/// Whether `array` holds text (str objects or numpy unicode/bytes).
fn is_text(array: &Bound<'_, PyAny>) -> PyResult<bool> {
    let (kind, _) = dtype_kind(array)?;
    Ok(kind == "U" || kind == "S" || kind == "T" || kind == "O")
}

/// Codes of a text column, from `map` (grown with unseen ids).
fn encode_text<'py>(
    field: &str,
    array: &Bound<'py, PyAny>,
    map: &mut IdMap,
) -> PyResult<Column<'py, i64>> {
    let mut codes = Vec::new();
    for (index, item) in array.try_iter()?.enumerate() {
        let item = item?;
        let text = item.cast::<PyString>().map_err(|_| {
            to_py(pmkit::Error::invalid(
                format!("{field}[{index}]"),
                format!(
                    "{} is not a string; text ids must all be strings",
                    item.repr().map(|r| r.to_string()).unwrap_or_default()
                ),
            ))
        })?;
        codes.push(i64::from(map.encode_one(&text.to_cow()?).py()?));
    }
    Ok(Column::Owned(codes))
}

/// The `user_ids` column: int64 and uint64 borrowed; other integers converted; floats
/// checked to be whole; text ids encoded with a fresh map.
pub fn user_ids<'py>(value: &Bound<'py, PyAny>) -> PyResult<Ids<'py>> {
    let array = array("user_ids", value)?;
    if is_text(&array)? {
        return Ok(Ids::Signed(encode_text(
            "user_ids",
            &array,
            &mut IdMap::default(),
        )?));
    }
    match dtype_kind(&array)? {
        (kind, 8) if kind == "u" => Ok(Ids::Unsigned(Column::Borrowed(array.extract()?))),
        _ => Ok(Ids::Signed(signed("user_ids", &array)?)),
    }
}

/// The `times` column and its unit: datetime64 arrays are viewed as int64 in their own
/// unit; an explicit `unit` that disagrees with it is an error.
pub fn times<'py>(
    value: &Bound<'py, PyAny>,
    unit: Option<&str>,
) -> PyResult<(Column<'py, i64>, TimeUnit)> {
    let unit = unit
        .map(|text| TimeUnit::parse("unit", text))
        .transpose()
        .py()?;
    let array = array("times", value)?;
    let (kind, _) = dtype_kind(&array)?;
    if kind == "M" {
        let numpy = array.py().import("numpy")?;
        let dtype = array.getattr("dtype")?;
        let data = numpy.call_method1("datetime_data", (dtype,))?;
        let (name, step): (String, i64) = data.extract()?;
        let own = TimeUnit::parse("unit", &name)
            .ok()
            .filter(|_| step == 1)
            .ok_or_else(|| {
                to_py(pmkit::Error::invalid(
                    "times",
                    format!("has datetime64 unit {step}{name}; convert it to D, s, ms, us or ns"),
                ))
            })?;
        if let Some(unit) = unit.filter(|&unit| unit != own) {
            return Err(to_py(pmkit::Error::invalid(
                "unit",
                format!(
                    "is {unit}, but times are datetime64[{name}]; leave unit out for datetimes"
                ),
            )));
        }
        return Ok((
            Column::Borrowed(array.call_method1("view", ("int64",))?.extract()?),
            own,
        ));
    }
    Ok((signed("times", &array)?, unit.unwrap_or_default()))
}

/// The `events` column, with text event names encoded by `names` (so the metric's
/// event parameters can be names too).
pub fn events<'py>(value: &Bound<'py, PyAny>, names: &mut IdMap) -> PyResult<Column<'py, i64>> {
    let array = array("events", value)?;
    if is_text(&array)? {
        return encode_text("events", &array, names);
    }
    signed("events", &array)
}

/// An event parameter (`start_event`, a funnel step): a code, or a name when the events
/// column holds names. A name absent from the column gets a code no row has.
pub fn event_code(field: &str, value: &Bound<'_, PyAny>, names: &mut IdMap) -> PyResult<u32> {
    if let Ok(text) = value.cast::<PyString>() {
        return names.encode_one(&text.to_cow()?).py();
    }
    let number: f64 = value.extract().map_err(|_| {
        to_py(pmkit::Error::invalid(
            field,
            "expected an event code (an integer) or an event name",
        ))
    })?;
    let code = pmkit::input::count(field, number).py()?;
    u32::try_from(code).map_err(|_| {
        to_py(pmkit::Error::out_of_range(
            field,
            format!("{code} is larger than {}", u32::MAX),
        ))
    })
}

/// Builds the core `EventLog` over borrowed columns and evaluates `$body` with it bound
/// to `$log`, once per combination of column types (two id types × events or not).
macro_rules! with_log {
    ($ids:expr, $times:expr, $unit:expr, $offset:expr, $events:expr, |$log:ident| $body:expr) => {{
        use $crate::errors::IntoPy as _;
        let times: &[i64] = $times.slice()?;
        let events: Option<&[i64]> = match $events {
            Some(column) => Some(column.slice()?),
            None => None,
        };
        match $ids {
            $crate::analytics::columns::Ids::Signed(column) => {
                let log = pmkit::analytics::EventLog::new(column.slice()?, times, $unit)
                    .py()?
                    .with_utc_offset_minutes($offset)
                    .py()?;
                match events {
                    Some(events) => {
                        let $log = log.with_events(events).py()?;
                        $body
                    }
                    None => {
                        let $log = log;
                        $body
                    }
                }
            }
            $crate::analytics::columns::Ids::Unsigned(column) => {
                let log = pmkit::analytics::EventLog::new(column.slice()?, times, $unit)
                    .py()?
                    .with_utc_offset_minutes($offset)
                    .py()?;
                match events {
                    Some(events) => {
                        let $log = log.with_events(events).py()?;
                        $body
                    }
                    None => {
                        let $log = log;
                        $body
                    }
                }
            }
        }
    }};
}

pub(crate) use with_log;
