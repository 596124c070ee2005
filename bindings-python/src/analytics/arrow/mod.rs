//! Event-log columns from Arrow: any Python object that exports the Arrow PyCapsule
//! interface (`__arrow_c_array__` or `__arrow_c_stream__`): polars Series, pyarrow
//! arrays, chunked arrays and table columns, pandas Series with Arrow or string dtypes,
//! DuckDB results, nanoarrow arrays. The data is imported through the Arrow C data
//! interface (`pyo3-arrow`), never through numpy or Python objects.
//!
//! What each column accepts:
//!
//! | column     | Arrow types                                                                 |
//! |------------|-----------------------------------------------------------------------------|
//! | `user_ids` | integers of every width; text or bytes of every layout (utf8, large_utf8, utf8_view, binary, large_binary, binary_view, fixed_size_binary) and dictionaries of them |
//! | `times`    | timestamp (s, ms, us, ns; the zone kept in `Times::zone`), date32, date64, integers (in the `unit` option) |
//! | `events`   | integers, or text of every layout and dictionaries (categoricals) of it   |
//!
//! Text is numbered once (see [`text`]); a dictionary's values are numbered the first
//! time a row uses them, not once per row. An int64 (or timestamp, or date64) column in
//! one chunk without nulls is borrowed zero-copy; everything else is read chunk by
//! chunk into one owned vector.
//!
//! **Nulls.** A null row is an error naming the column and the row (`user_ids[41]`)
//! under [`Nulls::Fail`]; under [`Nulls::Collect`] the reader records the row instead
//! (its value in the column is unspecified) so a caller can drop it: that is what
//! `super::read` offers for a `nulls="drop"` option.

mod partitioned;
mod text;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowPrimitiveType, Date32Type, Date64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef};
use arrow_schema::{DataType, TimeUnit as ArrowUnit};
use pyo3::prelude::*;

use crate::errors::to_py;
use pmkit::analytics::{IdMap, TimeUnit};
use pmkit_api::columns::Values;

/// What to do with a null row.
#[derive(Debug)]
pub(crate) enum Nulls {
    /// A null is an error naming the column and the row.
    Fail,
    /// Null rows are recorded here (row numbers, ascending per column).
    // For a `nulls="drop"` option (issue 14; see `super::read`), not yet exported.
    #[allow(dead_code)]
    Collect(Vec<usize>),
}

impl Nulls {
    /// Records the null rows of `array` (rows `offset..offset + len` of column `field`),
    /// or fails on the first.
    fn check(&mut self, field: &str, offset: usize, array: &dyn Array) -> PyResult<()> {
        if array.logical_null_count() == 0 {
            return Ok(());
        }
        let Some(nulls) = array.logical_nulls() else {
            return Ok(());
        };
        let mut rows = (0..array.len()).filter(|&row| nulls.is_null(row));
        match self {
            Nulls::Fail => match rows.next() {
                Some(row) => Err(null_row(field, offset + row)),
                None => Ok(()),
            },
            Nulls::Collect(found) => {
                found.extend(rows.map(|row| offset + row));
                Ok(())
            }
        }
    }
}

/// The error for a null value at `row`.
pub(crate) fn null_row(field: &str, row: usize) -> PyErr {
    to_py(pmkit::Error::invalid(
        format!("{field}[{row}]"),
        "is null (a missing value); drop or fill the rows without one first",
    ))
}

/// A column imported from Arrow: its chunks and their type.
#[derive(Debug)]
pub(crate) struct Chunks {
    arrays: Vec<ArrayRef>,
    data_type: DataType,
}

impl Chunks {
    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.arrays.iter().map(|array| array.len()).sum()
    }
}

/// Whether `value` should be read through Arrow: it exports the PyCapsule interface
/// and is not a numpy-backed numeric pandas column (numpy borrows those zero-copy, as
/// before, and without pyarrow installed).
pub(crate) fn exports_arrow(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    if !value.hasattr("__arrow_c_array__")? && !value.hasattr("__arrow_c_stream__")? {
        return Ok(false);
    }
    let Ok(dtype) = value.getattr("dtype") else {
        return Ok(true);
    };
    let numpy_dtype = value.py().import("numpy")?.getattr("dtype")?;
    if !dtype.is_instance(&numpy_dtype)? {
        return Ok(true);
    }
    // Object columns (Python strings) go through Arrow, which converts them in C.
    let kind: String = dtype.getattr("kind")?.extract()?;
    Ok(kind == "O")
}

/// The chunks of `value`, which exports the Arrow PyCapsule interface (a table of one
/// column as is: see [`one_column`]).
pub(crate) fn import(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Chunks> {
    let any: pyo3_arrow::input::AnyArray = value.extract().map_err(|err| {
        to_py(pmkit::Error::invalid(
            field,
            format!("could not be read as an Arrow array: {err}"),
        ))
    })?;
    let reader = any.into_reader()?;
    let data_type = reader.field().data_type().clone();
    let arrays = reader.collect::<Result<Vec<_>, _>>().map_err(|err| {
        to_py(pmkit::Error::invalid(
            field,
            format!("could not be read as an Arrow stream: {err}"),
        ))
    })?;
    Ok(Chunks { arrays, data_type })
}

/// A table of one column (a DuckDB result, `df.select("user")`, a record batch stream:
/// Arrow streams them as a struct per row) read as that column; the struct of a table
/// with several columns stays an error saying so.
pub(crate) fn one_column(field: &str, chunks: Chunks) -> PyResult<Chunks> {
    let DataType::Struct(fields) = &chunks.data_type else {
        return Ok(chunks);
    };
    let [only] = fields.iter().as_slice() else {
        return Err(to_py(pmkit::Error::invalid(
            field,
            format!(
                "is a table of {} columns; pass one column (a Series or array)",
                fields.len()
            ),
        )));
    };
    let data_type = only.data_type().clone();
    let mut arrays = Vec::with_capacity(chunks.arrays.len());
    for array in &chunks.arrays {
        let Some(table) = array.as_struct_opt() else {
            return Err(unsupported(
                field,
                array.data_type(),
                "one type for every chunk",
            ));
        };
        if table.null_count() > 0 {
            return Err(unsupported(
                field,
                &chunks.data_type,
                "a column, not a struct with nulls",
            ));
        }
        arrays.push(table.column(0).clone());
    }
    Ok(Chunks { arrays, data_type })
}

/// The error for an Arrow type a column does not take.
fn unsupported(field: &str, data_type: &DataType, accepted: &str) -> PyErr {
    let hint = match data_type {
        DataType::Float16 | DataType::Float32 | DataType::Float64 => {
            "; floats are not read as ids or times (cast whole numbers to an integer type)"
        }
        data_type if data_type.is_nested() => "; nested values are not a column of scalars",
        _ => "",
    };
    to_py(pmkit::Error::invalid(
        field,
        format!("is an Arrow column of type {data_type}{hint}; expected {accepted}"),
    ))
}

const IDS_ACCEPTED: &str = "integers, or text or bytes (utf8, large_utf8, utf8_view, binary, \
                            fixed_size_binary, or a dictionary of them)";
const TIMES_ACCEPTED: &str =
    "timestamp (any unit and zone), date32, date64 or integers (in the unit option)";
const EVENTS_ACCEPTED: &str =
    "integer event codes, or event names as text (utf8, large_utf8, utf8_view, or a dictionary / categorical of them)";

/// The values of a 64-bit integer column (int64, uint64, timestamps, date64) as they
/// are: the Arrow buffer itself when there is one chunk, else one owned copy of the
/// chunks.
fn whole<'a, T>(field: &str, chunks: &Chunks, nulls: &mut Nulls) -> PyResult<Values<'a, T::Native>>
where
    T: ArrowPrimitiveType,
    T::Native: 'a,
{
    let mut offset = 0;
    let mut parts = Vec::with_capacity(chunks.arrays.len());
    for array in &chunks.arrays {
        nulls.check(field, offset, array)?;
        offset += array.len();
        let primitive = array
            .as_primitive_opt::<T>()
            .ok_or_else(|| unsupported(field, array.data_type(), "one type for every chunk"))?;
        parts.push(primitive.values().clone());
    }
    if let [only] = parts.as_slice() {
        return Ok(Values::borrowed(only.clone()));
    }
    let mut values = Vec::with_capacity(offset);
    for part in &parts {
        values.extend_from_slice(part);
    }
    Ok(Values::owned(values))
}

/// The values of a column of smaller (or unsigned) integers as `i64`; a u64 above
/// `i64::MAX` is an error naming its row.
fn widened<T>(field: &str, chunks: &Chunks, nulls: &mut Nulls) -> PyResult<Vec<i64>>
where
    T: ArrowPrimitiveType,
    T::Native: TryInto<i64> + Copy + std::fmt::Display,
{
    let mut values = Vec::with_capacity(chunks.len());
    let mut offset = 0;
    for array in &chunks.arrays {
        nulls.check(field, offset, array)?;
        let primitive = array
            .as_primitive_opt::<T>()
            .ok_or_else(|| unsupported(field, array.data_type(), "one type for every chunk"))?;
        for (row, &value) in primitive.values().iter().enumerate() {
            let value = value.try_into().map_err(|_| {
                to_py(pmkit::Error::out_of_range(
                    format!("{field}[{}]", offset + row),
                    format!("{value} is larger than {}", i64::MAX),
                ))
            })?;
            values.push(value);
        }
        offset += array.len();
    }
    Ok(values)
}

/// Integer values of any width as `i64`, or `None` when `data_type` is not an integer.
fn integers<'a>(
    field: &str,
    chunks: &Chunks,
    nulls: &mut Nulls,
) -> PyResult<Option<Values<'a, i64>>> {
    let owned = |values: Vec<i64>| Ok(Some(Values::owned(values)));
    match chunks.data_type {
        DataType::Int64 => Ok(Some(whole::<Int64Type>(field, chunks, nulls)?)),
        DataType::Int32 => owned(widened::<Int32Type>(field, chunks, nulls)?),
        DataType::Int16 => owned(widened::<Int16Type>(field, chunks, nulls)?),
        DataType::Int8 => owned(widened::<Int8Type>(field, chunks, nulls)?),
        DataType::UInt64 => owned(widened::<UInt64Type>(field, chunks, nulls)?),
        DataType::UInt32 => owned(widened::<UInt32Type>(field, chunks, nulls)?),
        DataType::UInt16 => owned(widened::<UInt16Type>(field, chunks, nulls)?),
        DataType::UInt8 => owned(widened::<UInt8Type>(field, chunks, nulls)?),
        _ => Ok(None),
    }
}

/// A `user_ids` column read from Arrow.
pub(crate) enum Ids<'a> {
    Signed(Values<'a, i64>),
    Unsigned(Values<'a, u64>),
}

/// The `user_ids` column `field`: integers as they are (uint64 kept unsigned), text and
/// bytes numbered once, with the GIL released while numbering.
pub(crate) fn user_ids<'a>(
    py: Python<'_>,
    field: &str,
    chunks: &Chunks,
    nulls: &mut Nulls,
) -> PyResult<Ids<'a>> {
    if chunks.data_type == DataType::UInt64 {
        return Ok(Ids::Unsigned(whole::<UInt64Type>(field, chunks, nulls)?));
    }
    if let Some(values) = integers(field, chunks, nulls)? {
        return Ok(Ids::Signed(values));
    }
    if !text::is_text(&chunks.data_type, true) {
        return Err(unsupported(field, &chunks.data_type, IDS_ACCEPTED));
    }
    for (offset, array) in offsets(chunks) {
        nulls.check(field, offset, array.as_ref())?;
    }
    let codes = py.detach(|| text::number(field, &chunks.arrays, None));
    Ok(Ids::Signed(Values::owned(codes.map_err(to_py)?)))
}

/// Each chunk with the row number it starts at.
fn offsets(chunks: &Chunks) -> impl Iterator<Item = (usize, &ArrayRef)> {
    chunks.arrays.iter().scan(0, |offset, array| {
        let start = *offset;
        *offset += array.len();
        Some((start, array))
    })
}

/// A `times` column read from Arrow: the values, the column's own unit (and how an
/// error names it) if it has one, and its time zone as Arrow gives it.
pub(crate) struct ArrowTimes<'a> {
    pub values: Values<'a, i64>,
    pub own_unit: Option<(TimeUnit, String)>,
    pub zone: Option<String>,
}

/// The `times` column `field`: timestamps in their own unit (and zone), dates as days
/// (date32) or milliseconds (date64), integers in the `unit` option.
pub(crate) fn times<'a>(
    field: &str,
    chunks: &Chunks,
    nulls: &mut Nulls,
) -> PyResult<ArrowTimes<'a>> {
    let own = |unit: TimeUnit, what: &str| Some((unit, format!("Arrow {what}")));
    let (values, own_unit, zone) = match &chunks.data_type {
        DataType::Timestamp(unit, zone) => {
            let values = match unit {
                ArrowUnit::Second => whole::<TimestampSecondType>(field, chunks, nulls)?,
                ArrowUnit::Millisecond => whole::<TimestampMillisecondType>(field, chunks, nulls)?,
                ArrowUnit::Microsecond => whole::<TimestampMicrosecondType>(field, chunks, nulls)?,
                ArrowUnit::Nanosecond => whole::<TimestampNanosecondType>(field, chunks, nulls)?,
            };
            let core_unit = match unit {
                ArrowUnit::Second => TimeUnit::Seconds,
                ArrowUnit::Millisecond => TimeUnit::Milliseconds,
                ArrowUnit::Microsecond => TimeUnit::Microseconds,
                ArrowUnit::Nanosecond => TimeUnit::Nanoseconds,
            };
            let what = chunks.data_type.to_string();
            (
                values,
                own(core_unit, &what),
                zone.as_ref().map(|zone| zone.to_string()),
            )
        }
        DataType::Date32 => {
            let values = Values::owned(widened::<Date32Type>(field, chunks, nulls)?);
            (values, own(TimeUnit::Days, "date32"), None)
        }
        DataType::Date64 => {
            let values = whole::<Date64Type>(field, chunks, nulls)?;
            (values, own(TimeUnit::Milliseconds, "date64"), None)
        }
        data_type => match integers(field, chunks, nulls)? {
            Some(values) => (values, None, None),
            None => return Err(unsupported(field, data_type, TIMES_ACCEPTED)),
        },
    };
    Ok(ArrowTimes {
        values,
        own_unit,
        zone,
    })
}

/// The `events` column `field`: integer codes, or names numbered once in order of first
/// appearance (the map returned with the codes, as the numpy reader does).
pub(crate) fn events<'a>(
    field: &str,
    chunks: &Chunks,
    nulls: &mut Nulls,
) -> PyResult<(Values<'a, i64>, Option<IdMap>)> {
    if let Some(values) = integers(field, chunks, nulls)? {
        return Ok((values, None));
    }
    if !text::is_text(&chunks.data_type, false) {
        return Err(unsupported(field, &chunks.data_type, EVENTS_ACCEPTED));
    }
    for (offset, array) in offsets(chunks) {
        nulls.check(field, offset, array.as_ref())?;
    }
    let mut names = Vec::new();
    let codes = text::number(field, &chunks.arrays, Some(&mut names)).map_err(to_py)?;
    let names = IdMap::from_ids(names).map_err(to_py)?;
    Ok((Values::owned(codes), Some(names)))
}
