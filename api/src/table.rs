//! Results as tables: the one description of how a tabular result reads as a
//! DataFrame, in each language.
//!
//! A result type implements [`Tabular`]: its tidy long form (one row per observation,
//! named and typed columns, dates as dates), and for results people read as a matrix
//! (a retention matrix), its wide form. The bindings turn a [`Table`] into what their
//! language uses: Python into an Arrow table (`to_arrow()`), a polars or pandas
//! DataFrame (`to_polars()`, `to_pandas()`) and an HTML table for Jupyter
//! (`_repr_html_`); JavaScript may give the same columns as typed arrays.
//!
//! Adding a result type's table is one impl here; in Python, one `with table` in its
//! `record!` (CONTRIBUTING.md, "DataFrames out").
//!
//! The column names are part of the API: they are documented in `docs/analytics.md`
//! and tested.

use chrono::NaiveDate;

/// The cells of one column, one per row; `None` is a missing value (null in Arrow and
/// polars, NaN or NaT in pandas).
#[derive(Debug, Clone, PartialEq)]
pub enum Cells {
    /// Calendar dates.
    Date(Vec<NaiveDate>),
    /// Whole numbers (counts, period numbers, event codes).
    Int(Vec<Option<i64>>),
    /// Fractions, rates, medians.
    Float(Vec<Option<f64>>),
    /// Text (event names).
    Text(Vec<String>),
    /// Yes or no.
    Bool(Vec<bool>),
}

impl Cells {
    /// The number of rows.
    pub fn len(&self) -> usize {
        match self {
            Cells::Date(cells) => cells.len(),
            Cells::Int(cells) => cells.len(),
            Cells::Float(cells) => cells.len(),
            Cells::Text(cells) => cells.len(),
            Cells::Bool(cells) => cells.len(),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The column's name (`cohort_start`).
    pub name: String,
    /// Its cells.
    pub cells: Cells,
}

/// Columns of equal length.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The columns, in display order.
    pub columns: Vec<Column>,
}

impl Table {
    /// A table of no columns, to add columns to with [`Table::with`].
    pub fn new() -> Table {
        Table::default()
    }

    /// The table with one more column.
    pub fn with(mut self, name: impl Into<String>, cells: Cells) -> Table {
        self.columns.push(Column {
            name: name.into(),
            cells,
        });
        self
    }

    /// The number of rows (that of the first column).
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |column| column.cells.len())
    }
}

/// The result types with a table, by their name in the API description. The typings
/// generator gives their Python classes `to_arrow`, `to_polars`, `to_pandas`,
/// `_repr_html_` and `datetime.date` attributes; the class's `record!` says `with table`
/// (stubtest fails when the two disagree).
pub const TABULAR: &[&str] = &[
    "ActiveUsers",
    "Adoption",
    "Churn",
    "Funnel",
    "Retention",
    "StickinessHistogram",
    "UserLifecycle",
];

/// A result that reads as a table.
pub trait Tabular {
    /// The tidy long form: one row per observation. `names` are the event names the
    /// call was given (event code `k` is `names[k]`), for results that report events.
    fn table(&self, names: Option<&[String]>) -> Table;

    /// The wide form, for results read as a matrix; `None` for the others.
    fn wide(&self, _names: Option<&[String]>) -> Option<Table> {
        None
    }
}

/// Counts as table cells (none missing).
fn ints(values: &[u64]) -> Cells {
    Cells::Int(values.iter().map(|&v| i64::try_from(v).ok()).collect())
}

/// Optional counts as table cells.
fn optional_ints(values: &[Option<u64>]) -> Cells {
    Cells::Int(
        values
            .iter()
            .map(|v| v.and_then(|v| i64::try_from(v).ok()))
            .collect(),
    )
}

/// An event code as its name when names were given, else the code.
fn event_cells(codes: &[u32], names: Option<&[String]>) -> Cells {
    match names {
        Some(names) => Cells::Text(
            codes
                .iter()
                .map(|&code| {
                    names
                        .get(code as usize)
                        .cloned()
                        .unwrap_or_else(|| code.to_string())
                })
                .collect(),
        ),
        None => Cells::Int(codes.iter().map(|&code| Some(i64::from(code))).collect()),
    }
}

mod analytics;
