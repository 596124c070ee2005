//! Event-log columns as parameter types of the description (`analytics!`).
//!
//! Each binding reads a column parameter once, in its `FromPy` / `FromJs` impl, into one
//! of these types, keeping what made the hand-written readers fast:
//!
//! - Python borrows numpy int64, uint64 and datetime64 memory without a copy: the column
//!   holds numpy's read-only borrow ([`Values::borrowed`]); other dtypes and lists are
//!   converted once ([`Values::owned`]). Text ids are numbered once with the core's
//!   `IdMap`.
//! - JavaScript copies a typed array (or checks a plain array) once into wasm memory and
//!   keeps it as `f64`, the core's JavaScript number column.
//!
//! The table's bodies then call [`crate::analytics`], which builds the core
//! [`EventLog`](pmkit::analytics::EventLog) over the columns' slices and runs the
//! metric through the binding's [`Runner`] (Python releases the GIL around it).
//!
//! Python also reads Arrow PyCapsule columns (polars, pyarrow, pandas Arrow dtypes):
//! an int64 or timestamp buffer in one chunk is one more borrowed source for
//! [`Values::borrowed`], like numpy's; text is numbered once. An `EventLog` encoded once
//! would be one more parameter type built from these columns whose slices the same
//! [`crate::analytics`] functions read.

use pmkit::analytics::TimeUnit;
use pmkit::{Error, Result};

/// Long work on borrowed columns, handed to a [`Runner`].
pub type Work<'w> = &'w mut (dyn FnMut() + Send);

/// How a binding runs long work on the columns it read: Python releases the GIL around
/// it (so other threads run meanwhile, as Dask's threaded scheduler needs); JavaScript
/// and Rust run it in place ([`in_place`]).
pub type Runner = fn(Work<'_>);

/// Runs `work` on the calling thread, as is.
pub fn in_place(work: Work<'_>) {
    work();
}

/// The values of one column: borrowed from the caller's memory, or owned after one
/// conversion. Either way the metric reads one slice.
pub struct Values<'a, T>(Box<dyn AsRef<[T]> + 'a>);

impl<'a, T: 'a> Values<'a, T> {
    /// Values read in place from `source` (numpy's read-only borrow, an Arrow buffer),
    /// which lives as long as the column.
    pub fn borrowed(source: impl AsRef<[T]> + 'a) -> Self {
        Values(Box::new(source))
    }

    /// Values converted once into a vector of the binding's own.
    pub fn owned(values: Vec<T>) -> Self {
        Values(Box::new(values))
    }
}

impl<T> Values<'_, T> {
    /// The values as one slice.
    pub fn as_slice(&self) -> &[T] {
        (*self.0).as_ref()
    }
}

impl<T> std::fmt::Debug for Values<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Values({} rows)", self.as_slice().len())
    }
}

/// The element type of a `user_ids` column.
#[derive(Debug)]
pub enum IdValues<'a> {
    /// Signed 64-bit ids (numpy int64, other integers converted, or text ids numbered).
    Signed(Values<'a, i64>),
    /// Unsigned 64-bit ids (numpy uint64).
    Unsigned(Values<'a, u64>),
    /// Numbers as JavaScript passes them: whole, ≥ 0, at most 2^53 (checked by the core).
    Float(Values<'a, f64>),
    /// Dense codes (an `EventLog`'s own users).
    Codes(Values<'a, u32>),
}

/// The `user_ids` column of an event log, and how the binding runs work on it.
#[derive(Debug)]
pub struct UserIds<'a> {
    /// The ids, one per event.
    pub values: IdValues<'a>,
    /// How the binding runs the metric over the log.
    pub run: Runner,
}

impl UserIds<'_> {
    /// The number of events.
    pub fn len(&self) -> usize {
        match &self.values {
            IdValues::Signed(values) => values.as_slice().len(),
            IdValues::Unsigned(values) => values.as_slice().len(),
            IdValues::Float(values) => values.as_slice().len(),
            IdValues::Codes(values) => values.as_slice().len(),
        }
    }

    /// Whether the log has no events.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The error of a whole-log metric over no events ([`Error::Undefined`] naming
    /// `user_ids`); partial counts accept empty shards.
    pub fn not_empty(&self) -> Result<()> {
        if self.is_empty() {
            return Err(Error::undefined(
                "user_ids",
                "is empty; at least one event is needed",
            ));
        }
        Ok(())
    }
}

/// The element type of a `times` column.
#[derive(Debug)]
pub enum TimeValues<'a> {
    /// Whole numbers of a unit since the epoch (numpy int64 or datetime64 viewed as int64).
    Whole(Values<'a, i64>),
    /// Numbers as JavaScript passes them (whole; checked by the core).
    Float(Values<'a, f64>),
}

/// The `times` column of an event log, with the unit it carries itself, if any.
///
/// A datetime64 column (or a list of Python datetimes or dates) knows its unit; plain
/// numbers take the `unit` option (seconds by default). [`Times::unit`] combines the
/// two as the hand-written readers did: an explicit `unit` that disagrees with the
/// column's own is an error.
#[derive(Debug)]
pub struct Times<'a> {
    /// The times, one per event.
    pub values: TimeValues<'a>,
    /// The column's own unit and how to name the column in an error
    /// (`"datetime64[ns]"`, `"Python datetimes"`), or `None` for plain numbers.
    pub own_unit: Option<(TimeUnit, String)>,
    /// The time zone the column carries, as the caller's library spells it (an IANA
    /// name such as `"America/New_York"`, `"UTC"`, or a fixed offset `"+05:30"`): an
    /// Arrow timestamp's zone or a time-zone-aware pandas column's. The values are UTC
    /// instants either way; this only says which calendar the caller's data lives in.
    /// `None` for naive columns, numbers and JavaScript.
    pub zone: Option<String>,
}

impl Times<'_> {
    /// The unit to read the column in, given the `unit` option: the column's own unit
    /// when it has one (an [`Error::InvalidInput`] naming `unit` when the option says
    /// another), else the option, else seconds.
    pub fn unit(&self, option: Option<TimeUnit>) -> Result<TimeUnit> {
        match (&self.own_unit, option) {
            (Some((own, what)), Some(unit)) if *own != unit => Err(Error::invalid(
                "unit",
                format!("is {unit}, but times are {what}; leave unit out for datetimes"),
            )),
            (Some((own, _)), _) => Ok(*own),
            (None, option) => Ok(option.unwrap_or_default()),
        }
    }
}

/// The element type of an `events` column.
#[derive(Debug)]
pub enum EventValues<'a> {
    /// Event codes as whole numbers (numpy integers, or text names numbered once).
    Whole(Values<'a, i64>),
    /// Event codes as JavaScript passes them (checked by the core).
    Float(Values<'a, f64>),
    /// Codes numbered by an `EventLog`.
    Codes(Values<'a, u32>),
}

/// The `events` column of an event log: a code per event, and, when the column held
/// event names, the map that numbered them (code `k` is `names.ids()[k]`), against
/// which the event parameters ([`Event`]) given as names are read.
#[derive(Debug)]
pub struct EventIds<'a> {
    /// The event codes, one per event.
    pub values: EventValues<'a>,
    /// The names the codes stand for, when the column held names.
    pub names: Option<pmkit::analytics::IdMap>,
}

/// An event parameter of a metric (`feature`, `steps[i]`): an event code, or an event
/// name when the `events` column holds names.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// An event code (`0..=u32::MAX`).
    Code(u32),
    /// An event name.
    Name(String),
}
