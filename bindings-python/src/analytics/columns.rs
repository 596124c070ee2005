//! Event-log columns from Python: numpy arrays (borrowed read-only, zero-copy for
//! int64, uint64 and datetime64), pandas and polars Series (through `numpy.asarray`),
//! lists, and text ids (encoded once with the core's `IdMap`).

use numpy::PyReadonlyArray1;
use pyo3::prelude::*;
use pyo3::types::PyString;

use super::arrow::Nulls;
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
    let mut array = numpy.call_method1("ascontiguousarray", (value,))?;
    let ndim: usize = array.getattr("ndim")?.extract()?;
    let dtype = array.getattr("dtype")?;
    if !dtype.getattr("isnative")?.extract::<bool>()? {
        // Big-endian (or other non-native) data: one conversion to the native byte order.
        let native = dtype.call_method1("newbyteorder", ("=",))?;
        array = array.call_method1("astype", (native,))?;
    }
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

/// The `user_ids` column named `field`: int64 and uint64 borrowed; other integers
/// converted; floats checked to be whole; text ids encoded with a fresh map.
pub fn user_ids_named<'py>(field: &str, value: &Bound<'py, PyAny>) -> PyResult<Ids<'py>> {
    let array = array(field, value)?;
    if is_text(&array)? {
        return Ok(Ids::Signed(encode_text(
            field,
            &array,
            &mut IdMap::default(),
        )?));
    }
    match dtype_kind(&array)? {
        (kind, 8) if kind == "u" => Ok(Ids::Unsigned(Column::Borrowed(array.extract()?))),
        _ => Ok(Ids::Signed(signed(field, &array)?)),
    }
}

/// The times column `field` as whole numbers, with the unit it carries itself and how
/// an error names it (`"datetime64[ns]"`, `"Python datetimes"`), or `None` for plain
/// numbers (read in the `unit` option). datetime64 arrays are viewed as int64 in their
/// own unit; time-zone-aware pandas columns are converted to UTC instants first (polars
/// converts them itself); lists of Python `datetime` (aware, or naive read as UTC) or
/// `date` objects are read one by one.
#[allow(clippy::type_complexity)]
pub fn times_with_own_unit<'py>(
    field: &str,
    value: &Bound<'py, PyAny>,
    nulls: &mut Nulls,
) -> PyResult<(Column<'py, i64>, Option<(TimeUnit, String)>)> {
    let array = array(field, &utc_instants(value)?)?;
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
                    field,
                    format!("has datetime64 unit {step}{name}; convert it to D, s, ms, us or ns"),
                ))
            })?;
        let column = Column::Borrowed(array.call_method1("view", ("int64",))?.extract()?);
        // NaT is i64::MIN in every unit: say so rather than quote the number.
        let mut missing = column.slice()?.iter().enumerate();
        match nulls {
            Nulls::Fail => {
                if let Some((index, _)) = missing.find(|(_, &time)| time == i64::MIN) {
                    return Err(to_py(pmkit::Error::invalid(
                        format!("{field}[{index}]"),
                        format!(
                            "NaT (missing time) at {field}[{index}]; drop or fill rows without a time"
                        ),
                    )));
                }
            }
            Nulls::Collect(rows) => rows.extend(
                missing
                    .filter(|(_, &time)| time == i64::MIN)
                    .map(|(index, _)| index),
            ),
        }
        return Ok((column, Some((own, format!("datetime64[{name}]")))));
    }
    if kind == "O" {
        if let Some((column, own)) = python_datetimes(&array)? {
            return Ok((column, Some((own, "Python datetimes".to_owned()))));
        }
    }
    Ok((signed(field, &array)?, None))
}

/// The time zone of a time-zone-aware pandas column (a dtype with a `tz`): its IANA
/// name (`"America/New_York"`), `"UTC"`, or a fixed offset as Arrow spells it
/// (`"+05:30"`); `None` for naive columns and everything else.
pub fn pandas_zone(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let Ok(tz) = value.getattr("dtype").and_then(|dtype| dtype.getattr("tz")) else {
        return Ok(None);
    };
    if tz.is_none() {
        return Ok(None);
    }
    // zoneinfo's ZoneInfo (and pytz's zones) say their IANA name as `key` / `zone`.
    for name in ["key", "zone"] {
        if let Ok(key) = tz.getattr(name).and_then(|key| key.extract::<String>()) {
            return Ok(Some(key));
        }
    }
    let text = tz.str()?.to_string();
    // `datetime.timezone(timedelta(hours=5, minutes=30))` prints as "UTC+05:30".
    Ok(Some(match text.strip_prefix("UTC") {
        Some(offset) if offset.starts_with(['+', '-']) => offset.to_owned(),
        _ => text,
    }))
}

/// `value`, or for a time-zone-aware pandas column (`datetime64[ns, UTC]`, a dtype with
/// a `tz`) the same instants as naive UTC `datetime64` (one vectorized conversion).
fn utc_instants<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let Ok(dtype) = value.getattr("dtype") else {
        return Ok(value.clone());
    };
    let aware = dtype.getattr("tz").map(|tz| !tz.is_none()).unwrap_or(false);
    if !aware {
        return Ok(value.clone());
    }
    // A Series converts through `.dt`; an Index or DatetimeArray directly. A `tz` of
    // None converts to UTC and drops the zone.
    let holder = value.getattr("dt").unwrap_or_else(|_| value.clone());
    holder
        .call_method1("tz_convert", (value.py().None(),))?
        .call_method0("to_numpy")
}

/// Times from an object array of Python `datetime` (microseconds since the epoch; aware
/// ones at their UTC instant, naive ones read as UTC) or `date` objects (day numbers);
/// `None` when the first value is neither (the caller reports the dtype).
fn python_datetimes<'py>(
    array: &Bound<'py, PyAny>,
) -> PyResult<Option<(Column<'py, i64>, TimeUnit)>> {
    use pyo3::types::{PyDate, PyDateTime};
    let mut items = array.try_iter()?.peekable();
    let unit = match items.peek() {
        Some(Ok(first)) if first.is_instance_of::<PyDateTime>() => TimeUnit::Microseconds,
        Some(Ok(first)) if first.is_instance_of::<PyDate>() => TimeUnit::Days,
        _ => return Ok(None),
    };
    let epoch = chrono::DateTime::UNIX_EPOCH.date_naive();
    let mut times = Vec::new();
    for (index, item) in items.enumerate() {
        let item = item?;
        let time = match unit {
            TimeUnit::Days if !item.is_instance_of::<PyDateTime>() => item
                .extract::<chrono::NaiveDate>()
                .ok()
                .map(|date| (date - epoch).num_days()),
            TimeUnit::Days => None,
            _ if item.is_instance_of::<PyDateTime>() => {
                match item.extract::<chrono::DateTime<chrono::FixedOffset>>() {
                    Ok(aware) => Some(aware.timestamp_micros()),
                    Err(_) => item
                        .extract::<chrono::NaiveDateTime>()
                        .ok()
                        .map(|naive| naive.and_utc().timestamp_micros()),
                }
            }
            _ => None,
        };
        let Some(time) = time else {
            let what = match unit {
                TimeUnit::Days => "a date",
                _ => "a datetime",
            };
            return Err(to_py(pmkit::Error::invalid(
                format!("times[{index}]"),
                format!(
                    "{} is not {what} like times[0]; pass all datetimes (read as UTC when \
                     naive) or all dates",
                    item.repr()?
                ),
            )));
        };
        times.push(time);
    }
    Ok(Some((Column::Owned(times), unit)))
}

/// The events column `field`: codes as given, or text event names encoded with a fresh
/// map (returned with the codes).
pub fn event_column<'py>(
    field: &str,
    value: &Bound<'py, PyAny>,
) -> PyResult<(Column<'py, i64>, Option<IdMap>)> {
    let array = array(field, value)?;
    if is_text(&array)? {
        let mut names = IdMap::default();
        let codes = encode_text(field, &array, &mut names)?;
        return Ok((codes, Some(names)));
    }
    Ok((signed(field, &array)?, None))
}

/// An event code given as a Python number: whole, ≥ 0, at most `u32::MAX`.
pub(super) fn code_number(field: &str, value: &Bound<'_, PyAny>) -> PyResult<u32> {
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
