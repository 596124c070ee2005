//! The one description of pmkit's Python and JavaScript API.
//!
//! Every function the bindings export is written once here, in a table per area
//! (`metrics!`, ...): its doc text, its positional parameters with their Rust types,
//! its options struct (one core struct with `Default` and `Deserialize`), its result
//! type and the call into the core. Each table is a macro that hands its entries to a
//! callback macro, so
//!
//! - the Python binding expands it into `#[pyfunction]`s (`pmkit-python`),
//! - the JavaScript binding into `#[wasm_bindgen]` functions (`pmkit-wasm`),
//! - and the typings generator (`tests/typings.rs`) into descriptions from which the
//!   `.pyi` stubs and the TypeScript declarations are written and diff-checked.
//!
//! An entry reads:
//!
//! ```text
//! /// Doc text, shown in Python's help(), the .pyi and the .d.ts.
//! fn churn_rate / churnRate (customers_at_start: u64, customers_lost: u64; options: ChurnOptions) -> f64 {
//!     pmkit::metrics::churn_rate(customers_at_start, customers_lost, &options)
//! }
//! ```
//!
//! A parameter's Rust type says how each binding reads it: `u64` is a count (a whole
//! number ≥ 0), `f64` a number, `Vec<f64>` an array of numbers (numpy arrays and typed
//! arrays without a per-element call), `NaiveDate` a date, `String` text,
//! `Json<T>` a plain object or list in the core's JSON form, `Record<T>` a result an
//! earlier call gave back, passed on (Python's result class read without a copy, or
//! its JSON form), [`CsvText`] CSV text (or, in Python, a path or a DataFrame),
//! [`Name<T>`] an option given by name (`"product_owner"`), [`UserIds`] and [`Times`]
//! the columns of an event log (numpy arrays borrowed, typed arrays copied once; see
//! [`columns`]). No binding coerces: a
//! boolean, `None`/`null`, text or a list where a number belongs is a `PmkitError`
//! naming the parameter as that language spells it.
//!
//! An option that a binding must read itself rather than through serde (a column, or an
//! event given by code or name) follows the options struct in braces; it arrives in the
//! body as an `Option` of its type, and in Python it is a keyword argument, in
//! JavaScript a key of the options object, like every other option:
//!
//! ```text
//! fn retention / retention (user_ids: UserIds, times: Times; options: RetentionOptions {
//!     /// The events column, needed by `start_event`.
//!     events: EventIds,
//!     /// The event that puts a user in a cohort.
//!     start_event: Event,
//! }) -> Named<Retention> { ... }
//! ```
//!
//! Such an option replaces the options struct's field of the same name in the typings.

pub mod analytics;
mod chart;
pub mod columns;
mod dashboard;
mod flow;
mod forecast;
mod metrics;
mod roadmap;
mod roles;
mod scorecard;
mod sprint;
mod stats;
pub mod table;
mod work;

pub use columns::{Event, EventIds, Times, UserIds};

/// A parameter passed in the core's JSON form: a plain object or list (Python dicts and
/// lists, JavaScript objects and arrays) read through serde, so a bad field is named by
/// its path (`stakeholders[2].current`). Dereferences to the core value.
///
/// As a result type it means "give back the value in its JSON form" (Python dicts and
/// lists, plain JavaScript objects) instead of a result class.
#[derive(Debug, Clone, PartialEq)]
pub struct Json<T>(pub T);

impl<T> std::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::Serialize> serde::Serialize for Json<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A document given as an object in its JSON form or as its JSON text (a product
/// file, a KPI snapshot), read as the core reads text ([`pmkit::json::FromJsonText`]):
/// the object is written as JSON first, so errors name the JSON path inside it either
/// way. Dereferences to the document.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonOrText<T>(pub T);

impl<T> std::ops::Deref for JsonOrText<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// CSV text (a tracker's export). Python also takes a path (a `str` without a line
/// break, or an `os.PathLike`), a pandas DataFrame (written with `to_csv(index=False)`)
/// or a polars DataFrame (written with `write_csv()`); JavaScript takes the text.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvText(pub String);

/// A closed option given by name (text), such as a role, a status category or a
/// framework: read with the core's `parse` ([`pmkit::Named`]), so any case and spaces
/// or hyphens for underscores are accepted and an unknown name is a `parse` error
/// listing the valid ones; typed as the union of the names. Dereferences to the option.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Name<T>(pub T);

impl<T> std::ops::Deref for Name<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// A parameter that is the result of an earlier call, passed on: a Python result class
/// (`Timelines` from `item_timelines`) is borrowed as it is, with no `to_dict()` and
/// no re-reading, so a chain of calls over a long history converts it once; its JSON
/// form (a dict in Python, a plain object in JavaScript) is read as [`Json`] reads it.
/// Dereferences to the core value.
pub struct Record<T: 'static>(RecordValue<T>);

enum RecordValue<T: 'static> {
    Owned(T),
    Shared(Box<dyn AsRef<T> + Send + Sync>),
}

impl<T> Record<T> {
    /// A value read from its JSON form.
    pub fn owned(value: T) -> Self {
        Record(RecordValue::Owned(value))
    }

    /// A value a binding holds elsewhere (a Python object), borrowed through `holder`.
    pub fn shared(holder: impl AsRef<T> + Send + Sync + 'static) -> Self {
        Record(RecordValue::Shared(Box::new(holder)))
    }
}

impl<T> std::ops::Deref for Record<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match &self.0 {
            RecordValue::Owned(value) => value,
            RecordValue::Shared(holder) => (**holder).as_ref(),
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Record<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Record").field(&**self).finish()
    }
}
