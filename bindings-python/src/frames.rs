//! DataFrames out: a result's table ([`pmkit_api::table`]) as an Arrow table, a polars
//! or pandas DataFrame, or an HTML table for Jupyter.
//!
//! A result class gets `to_arrow()`, `to_polars()`, `to_pandas()` (each with
//! `wide=False`) and `_repr_html_()` from one `with table` in its `record!` (or
//! `named_record!`); each method is one call of [`frame`] or [`html`] here, so every
//! class behaves alike. The table's columns come from the core type's
//! [`Tabular`](pmkit_api::table::Tabular) impl.
//!
//! - Arrow: a table built with arrow-rs and handed out through pyo3-arrow, which exports
//!   it through the PyCapsule interface (`__arrow_c_stream__`): `pyarrow.table(t)`,
//!   `polars.DataFrame(t)`, DuckDB read it without a copy. Dates are `date32`, counts
//!   `int64`, rates `float64`, missing values null.
//! - polars: `polars.DataFrame` over that Arrow table (no pyarrow needed).
//! - pandas: built from numpy columns (no pyarrow needed): dates as `datetime64`,
//!   counts `int64` (`float64` with NaN when some are missing), rates `float64` (NaN
//!   where missing), text as strings.
//!
//! pandas and polars are imported when a method asks for them; without them the method
//! raises `ImportError` naming the package to install.

use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::to_py;
use pmkit_api::table::{Cells, Table, Tabular};

/// What a frame method gives back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Frame {
    /// An Arrow table (PyCapsule).
    Arrow,
    /// A polars DataFrame.
    Polars,
    /// A pandas DataFrame.
    Pandas,
}

/// `value`'s table (the long form, or the wide one when `wide`) as `kind`. `names` are
/// the event names the call was given, for results reporting events.
pub fn frame<'py, T: Tabular>(
    py: Python<'py>,
    value: &T,
    names: Option<&[String]>,
    wide: bool,
    kind: Frame,
) -> PyResult<Bound<'py, PyAny>> {
    let table = match wide {
        false => value.table(names),
        true => value.wide(names).ok_or_else(|| {
            to_py(pmkit::Error::invalid(
                "wide",
                "this result has no wide form; leave wide out for the long form",
            ))
        })?,
    };
    match kind {
        Frame::Arrow => arrow(py, &table),
        Frame::Polars => {
            let polars = optional(py, "polars", "to_polars")?;
            polars.call_method1("DataFrame", (arrow(py, &table)?,))
        }
        Frame::Pandas => pandas(py, &table),
    }
}

/// The module `name`, or an `ImportError` saying that `method` needs it.
fn optional<'py>(py: Python<'py>, name: &str, method: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(name).map_err(|err| {
        pyo3::exceptions::PyImportError::new_err(format!(
            "{method}() needs {name}, which is not installed (pip install {name}): {err}"
        ))
    })
}

/// Days since 1970-01-01.
fn day_number(date: &NaiveDate) -> i64 {
    (*date - chrono::DateTime::UNIX_EPOCH.date_naive()).num_days()
}

/// `table` as an Arrow table exported through the PyCapsule interface.
fn arrow<'py>(py: Python<'py>, table: &Table) -> PyResult<Bound<'py, PyAny>> {
    let mut fields = Vec::with_capacity(table.columns.len());
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(table.columns.len());
    for column in &table.columns {
        let (array, data_type): (ArrayRef, DataType) = match &column.cells {
            Cells::Date(dates) => {
                let days = dates
                    .iter()
                    .map(|date| i32::try_from(day_number(date)).unwrap_or(i32::MAX))
                    .collect::<Vec<_>>();
                (Arc::new(Date32Array::from(days)), DataType::Date32)
            }
            Cells::Int(values) => (Arc::new(Int64Array::from(values.clone())), DataType::Int64),
            Cells::Float(values) => (
                Arc::new(Float64Array::from(values.clone())),
                DataType::Float64,
            ),
            Cells::Text(values) => (Arc::new(StringArray::from(values.clone())), DataType::Utf8),
            Cells::Bool(values) => (
                Arc::new(BooleanArray::from(values.clone())),
                DataType::Boolean,
            ),
        };
        fields.push(Field::new(&column.name, data_type, array.null_count() > 0));
        arrays.push(array);
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), arrays)
        .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string()))?;
    let table = pyo3_arrow::PyTable::try_new(vec![batch], schema)?;
    Ok(Bound::new(py, table)?.into_any())
}

/// `table` as a pandas DataFrame built from numpy columns.
fn pandas<'py>(py: Python<'py>, table: &Table) -> PyResult<Bound<'py, PyAny>> {
    let pandas = optional(py, "pandas", "to_pandas")?;
    let columns = PyDict::new(py);
    for column in &table.columns {
        let values: Bound<'py, PyAny> = match &column.cells {
            Cells::Date(dates) => {
                let days: Vec<i64> = dates.iter().map(day_number).collect();
                PyArray1::from_vec(py, days).call_method1("astype", ("datetime64[D]",))?
            }
            Cells::Int(values) if values.iter().all(Option::is_some) => {
                let whole: Vec<i64> = values.iter().map(|v| v.unwrap_or(0)).collect();
                PyArray1::from_vec(py, whole).into_any()
            }
            Cells::Int(values) => {
                let floats = values
                    .iter()
                    .map(|v| v.map_or(f64::NAN, |v| v as f64))
                    .collect();
                PyArray1::from_vec(py, floats).into_any()
            }
            Cells::Float(values) => {
                let floats = values.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
                PyArray1::from_vec(py, floats).into_any()
            }
            Cells::Text(values) => values.clone().into_pyobject(py)?.into_any(),
            Cells::Bool(values) => PyArray1::from_vec(py, values.clone()).into_any(),
        };
        columns.set_item(&column.name, values)?;
    }
    pandas.call_method1("DataFrame", (columns,))
}

/// At most this many rows show in the HTML table; longer tables show their first and
/// last rows around an ellipsis row.
const HTML_ROWS: usize = 20;

/// `table` as an HTML table for Jupyter, captioned with the result's class and shape.
pub fn html(class: &str, table: &Table) -> String {
    let rows = table.rows();
    let mut out = format!(
        "<table class=\"pmkit-table\"><caption>{} ({} rows × {} columns)</caption><thead><tr>",
        escape(class),
        rows,
        table.columns.len()
    );
    for column in &table.columns {
        out.push_str(&format!("<th>{}</th>", escape(&column.name)));
    }
    out.push_str("</tr></thead><tbody>");
    let shown: Vec<usize> = if rows <= HTML_ROWS {
        (0..rows).collect()
    } else {
        (0..HTML_ROWS / 2)
            .chain(rows - HTML_ROWS / 2..rows)
            .collect()
    };
    for (position, &row) in shown.iter().enumerate() {
        if rows > HTML_ROWS && position == HTML_ROWS / 2 {
            out.push_str(&format!(
                "<tr><td colspan=\"{}\">…</td></tr>",
                table.columns.len()
            ));
        }
        out.push_str("<tr>");
        for column in &table.columns {
            out.push_str(&format!("<td>{}</td>", escape(&cell(&column.cells, row))));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// One cell as text: dates in ISO form, fractions to four decimals, missing empty.
fn cell(cells: &Cells, row: usize) -> String {
    match cells {
        Cells::Date(dates) => dates.get(row).map(ToString::to_string),
        Cells::Int(values) => values.get(row).copied().flatten().map(|v| v.to_string()),
        Cells::Float(values) => values
            .get(row)
            .copied()
            .flatten()
            .map(|v| format!("{v:.4}")),
        Cells::Text(values) => values.get(row).cloned(),
        Cells::Bool(values) => values.get(row).map(ToString::to_string),
    }
    .unwrap_or_default()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
