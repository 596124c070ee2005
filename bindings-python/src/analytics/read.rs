//! The three event-log columns read from any Python value, in one place: Arrow
//! (PyCapsule) objects through [`super::arrow`], numpy arrays, numpy-backed pandas
//! Series and lists through [`super::columns`].
//!
//! Each reader takes a [`Nulls`] policy. The described functions read with
//! [`Nulls::Fail`] (a null id, NaT or null event is an error naming the column and the
//! row). **For a `nulls="drop"` option**, read every column with one
//! `Nulls::Collect(Vec::new())` each and drop the union of the rows it collected from
//! all three columns (a row's value in a column where it is null is unspecified):
//!
//! ```text
//! let mut null_rows = Nulls::Collect(Vec::new());
//! let users = read::user_ids("user_ids", value, &mut null_rows)?;
//! let times = read::times("times", value, &mut null_rows)?;   // same collector: one list
//! let Nulls::Collect(rows) = null_rows else { unreachable };  // ascending per column
//! ```
//!
//! Null rows are Arrow nulls (every Arrow column) and NaT (numpy datetime64). Lists and
//! object arrays holding `None` stay errors.

use pyo3::prelude::*;

use super::arrow;
pub(crate) use super::arrow::Nulls;
use super::columns::{self, Column, Ids};
use pmkit_api::columns::{EventValues, IdValues, TimeValues, Values, Work};

/// Numpy's read-only borrow of a contiguous array, as a column's values.
struct NumpyBorrow<'py, T: numpy::Element>(numpy::PyReadonlyArray1<'py, T>);

impl<T: numpy::Element> AsRef<[T]> for NumpyBorrow<'_, T> {
    fn as_ref(&self) -> &[T] {
        // `values` only wraps arrays whose slice it has read.
        self.0.as_slice().unwrap_or(&[])
    }
}

/// A column's values: the numpy borrow itself when the array is contiguous (the
/// readers make it so), else one copy.
fn values<'py, T: numpy::Element + Clone + 'py>(column: Column<'py, T>) -> Values<'py, T> {
    match column {
        Column::Borrowed(array) => match array.as_slice() {
            Ok(_) => Values::borrowed(NumpyBorrow(array)),
            Err(_) => Values::owned(array.as_array().to_vec()),
        },
        Column::Owned(values) => Values::owned(values),
    }
}

/// Runs a metric with the GIL released, so other Python threads (Dask's threaded
/// scheduler) run while the core counts; the columns stay borrowed meanwhile.
fn detached(work: Work<'_>) {
    Python::attach(|py| py.detach(work));
}

/// The Arrow chunks of `value` when it should be read as Arrow (see
/// [`arrow::exports_arrow`]). An object that fails to export (pandas without pyarrow,
/// an object column pyarrow cannot convert) but has a numpy form falls back to it, where
/// the numpy readers name the offending row.
fn arrow_chunks(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<arrow::Chunks>> {
    if !arrow::exports_arrow(value)? {
        return Ok(None);
    }
    match arrow::import(field, value) {
        Ok(chunks) => Ok(Some(arrow::one_column(field, chunks)?)),
        Err(_) if value.hasattr("__array__")? => Ok(None),
        Err(err) => Err(err),
    }
}

/// `user_ids`: Arrow integers, text, bytes and dictionaries; numpy int64 and uint64
/// borrowed, other integers converted, floats checked to be whole, text ids numbered
/// once (see `columns::user_ids_named`).
pub(crate) fn user_ids<'py>(
    field: &str,
    value: &Bound<'py, PyAny>,
    nulls: &mut Nulls,
) -> PyResult<pmkit_api::UserIds<'py>> {
    let values = match arrow_chunks(field, value)? {
        Some(chunks) => match arrow::user_ids(value.py(), field, &chunks, nulls)? {
            arrow::Ids::Signed(values) => IdValues::Signed(values),
            arrow::Ids::Unsigned(values) => IdValues::Unsigned(values),
        },
        None => match columns::user_ids_named(field, value)? {
            Ids::Signed(column) => IdValues::Signed(values(column)),
            Ids::Unsigned(column) => IdValues::Unsigned(values(column)),
        },
    };
    Ok(pmkit_api::UserIds {
        values,
        run: detached,
    })
}

/// `times`: Arrow timestamps (own unit and zone), dates and integers; numpy datetime64
/// viewed as int64 in its own unit, aware pandas datetimes at their UTC instants (zone
/// kept), Python datetimes and dates, or whole numbers in the `unit` option (see
/// `columns::times_with_own_unit`).
pub(crate) fn times<'py>(
    field: &str,
    value: &Bound<'py, PyAny>,
    nulls: &mut Nulls,
) -> PyResult<pmkit_api::Times<'py>> {
    if let Some(chunks) = arrow_chunks(field, value)? {
        let read = arrow::times(field, &chunks, nulls)?;
        return Ok(pmkit_api::Times {
            values: TimeValues::Whole(read.values),
            own_unit: read.own_unit,
            zone: read.zone,
        });
    }
    let zone = columns::pandas_zone(value)?;
    let (column, own_unit) = columns::times_with_own_unit(field, value, nulls)?;
    Ok(pmkit_api::Times {
        values: TimeValues::Whole(values(column)),
        own_unit,
        zone,
    })
}

/// `events`: Arrow integers or text (dictionaries included); numpy integer codes
/// (int64 borrowed), or text names numbered once, whose map the metric's event
/// parameters are read against.
pub(crate) fn events<'py>(
    field: &str,
    value: &Bound<'py, PyAny>,
    nulls: &mut Nulls,
) -> PyResult<pmkit_api::EventIds<'py>> {
    let (values, names) = match arrow_chunks(field, value)? {
        Some(chunks) => arrow::events(field, &chunks, nulls)?,
        None => {
            let (codes, names) = columns::event_column(field, value)?;
            (values(codes), names)
        }
    };
    Ok(pmkit_api::EventIds {
        values: EventValues::Whole(values),
        names,
    })
}
