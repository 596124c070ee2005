//! `EventLog` for Python: an event log read once (text ids and event names numbered,
//! properties kept for breakdowns) whose methods are the described analytics functions
//! over its columns (`pmkit_api::analytics!` expanded by [`log_methods`]).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert::{FromPy, IntoPython, ReadDedicated, Reader};
use crate::errors::IntoPy;
use pmkit::analytics::{EncodedLog, IdMap, TimeUnit};
use pmkit_api::analytics::log::{BreakdownOptions, Log, MaybeBreakdown};
use pmkit_api::columns::{EventValues, IdValues, TimeValues};

/// An event log read once: user ids and event names (text or integers) numbered, times
/// in one unit, and property columns (plan, country, variant) to break metrics down by.
/// Every analytics function over `user_ids, times` is a method (`log.retention()`,
/// `log.active_users()`, `log.event_funnel(steps)`, ...), at integer speed however
/// many metrics follow; `by="plan"` gives one result per property value and the total.
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug)]
pub struct EventLog(pub Log);

/// The unit of the log's times: the column's own (datetimes), the `unit` argument, or
/// seconds; and the times as whole numbers of it.
fn read_times(
    times: &Bound<'_, PyAny>,
    unit: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Vec<i64>, TimeUnit, Option<String>)> {
    let column = Reader::<pmkit_api::Times<'_>>(std::marker::PhantomData).read("times", times)?;
    let unit = match unit.filter(|unit| !unit.is_none()) {
        Some(unit) => Some(TimeUnit::parse("unit", &String::from_py("unit", unit)?).py()?),
        None => None,
    };
    let unit = column.unit(unit).py()?;
    let values = match &column.values {
        TimeValues::Whole(values) => values.as_slice().to_vec(),
        TimeValues::Float(values) => {
            pmkit::analytics::whole_numbers("times", values.as_slice()).py()?
        }
    };
    Ok((values, unit, column.zone))
}

/// The codes and names of a text or integer column (`events`, a property), read as
/// the `events` parameter is; distinct integers are named by their decimal text.
fn read_labels(field: &str, value: &Bound<'_, PyAny>) -> PyResult<(Vec<u32>, IdMap)> {
    let column = Reader::<pmkit_api::EventIds<'_>>(std::marker::PhantomData).read(field, value)?;
    let whole: Vec<i64> = match &column.values {
        EventValues::Whole(values) => values.as_slice().to_vec(),
        EventValues::Codes(values) => values
            .as_slice()
            .iter()
            .map(|&code| i64::from(code))
            .collect(),
        EventValues::Float(values) => {
            pmkit::analytics::whole_numbers(field, values.as_slice()).py()?
        }
    };
    match column.names {
        Some(names) => {
            // Codes of a named column are positions in its map (below 2^32).
            let codes = whole.iter().map(|&code| code as u32).collect();
            Ok((codes, names))
        }
        None => {
            let encoded = pmkit::analytics::encode_integers(field, &whole).py()?;
            Ok((encoded.codes, encoded.map))
        }
    }
}

/// The breakdown options of a method call.
fn breakdown(
    by: Option<&Bound<'_, PyAny>>,
    max_segments: Option<&Bound<'_, PyAny>>,
) -> PyResult<BreakdownOptions> {
    let by = match by.filter(|by| !by.is_none()) {
        Some(by) => Some(String::from_py("by", by)?),
        None => None,
    };
    let max_segments = match max_segments.filter(|max| !max.is_none()) {
        Some(max) => Some(u64::from_py("max_segments", max)?),
        None => None,
    };
    Ok(BreakdownOptions { by, max_segments })
}

/// Runs a method's metric: over the whole log, or (with `by`) over it and each value of
/// a property; without the GIL, stopped by Ctrl-C.
fn run_metric<R: Send>(
    py: Python<'_>,
    log: &Log,
    breakdown: &BreakdownOptions,
    metric: impl Fn(
            pmkit_api::UserIds<'_>,
            pmkit_api::Times<'_>,
            Option<pmkit_api::EventIds<'_>>,
        ) -> pmkit::Result<R>
        + Send
        + Sync,
) -> PyResult<MaybeBreakdown<R>> {
    crate::errors::interruptible(py, || {
        py.detach(|| match &breakdown.by {
            None => metric(
                log.user_ids(pmkit_api::columns::in_place),
                log.times(),
                log.optional_events(),
            )
            .map(MaybeBreakdown::Whole),
            Some(by) => log
                .breakdown(breakdown, by, pmkit_api::columns::in_place, metric)
                .map(MaybeBreakdown::Breakdown),
        })
    })
}

/// A breakdown comes back as a `Breakdown` (its total and segments as the metric's
/// result class); the metric alone as its class.
impl<R: IntoPython> IntoPython for MaybeBreakdown<R> {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self {
            MaybeBreakdown::Whole(result) => result.into_python(py),
            MaybeBreakdown::Breakdown(breakdown) => {
                let segments = breakdown
                    .segments
                    .into_iter()
                    .map(|segment| {
                        let result = segment.result.into_python(py)?;
                        Py::new(
                            py,
                            Segment {
                                value: segment.value,
                                other: segment.other,
                                events: segment.events,
                                result,
                            },
                        )
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                let total = breakdown.total.into_python(py)?;
                Ok(Py::new(
                    py,
                    Breakdown {
                        by: breakdown.by,
                        total,
                        segments,
                    },
                )?
                .into_any())
            }
        }
    }
}

/// A metric over the whole log and per value of a property (`EventLog` methods with
/// `by=`): `total`, and `segments` with the most events first, the values beyond
/// `max_segments` pooled last as `other`.
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug)]
pub struct Breakdown {
    /// The property the segments are values of.
    #[pyo3(get)]
    by: String,
    /// The metric over every event.
    #[pyo3(get)]
    total: Py<PyAny>,
    /// One per kept value, then the pooled rest.
    #[pyo3(get)]
    segments: Vec<Py<Segment>>,
}

#[pymethods]
impl Breakdown {
    fn __repr__(&self) -> String {
        format!(
            "Breakdown(by={:?}, {} segments)",
            self.by,
            self.segments.len()
        )
    }
}

/// The metric over the events of one property value.
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug)]
pub struct Segment {
    /// The property value ("other" for the pooled rest).
    #[pyo3(get)]
    value: String,
    /// Whether this segment pools the values beyond the cap.
    #[pyo3(get)]
    other: bool,
    /// Events in the segment.
    #[pyo3(get)]
    events: u64,
    /// The metric over them.
    #[pyo3(get)]
    result: Py<PyAny>,
}

#[pymethods]
impl Segment {
    fn __repr__(&self) -> String {
        format!("Segment(value={:?}, events={})", self.value, self.events)
    }
}

/// Expands the analytics table into the methods of `EventLog`: every entry whose
/// parameters start with `user_ids, times` (then, optionally, `events`) is a method
/// without them, plus `by` and `max_segments`. Entries are selected by their
/// parameters' names (a second copy of the names is matched literally), and the
/// columns bound with the table's own identifiers so its bodies see them. The methods
/// are gathered into one `#[pymethods]` block.
macro_rules! log_methods {
    ($(
        $(#[doc = $doc:expr])*
        fn $name:ident / $js:ident ( $($param:ident : $ptype:ty),* $(; $opts:ident : $otype:ty $({ $($(#[doc = $kdoc:expr])* $kw:ident : $kwtype:ty),* $(,)? })? )? ) -> $ret:ty $body:block
    )*) => {
        log_methods!(@munch [] $(
            [$($param)*] [$($param)*] [$($($($kw)*)?)?]
            { $(#[doc = $doc])* fn $name ( $($param : $ptype),* $(; $opts : $otype $({ $($kw : $kwtype),* })? )? ) -> $ret $body }
        )*);
    };
    (@munch [$($methods:tt)*]) => {
        // One block (pyo3 takes one per class): the constructor and accessors, then
        // the methods gathered from the table.
        #[pymethods]
        impl EventLog {
    /// A log of `user_ids` (text or integers) and `times` (datetimes, or numbers in
    /// `unit`, seconds by default), with `events` (names or codes) and `properties`
    /// (a dict of name to column: text or integers), each one value per event.
    #[new]
    #[pyo3(signature = (user_ids, times, *, events = None, properties = None, unit = None))]
    fn new(
        user_ids: &Bound<'_, PyAny>,
        times: &Bound<'_, PyAny>,
        events: Option<&Bound<'_, PyAny>>,
        properties: Option<&Bound<'_, PyAny>>,
        unit: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<EventLog> {
        let ids = (&Reader::<pmkit_api::UserIds<'_>>(std::marker::PhantomData)).read("user_ids", user_ids)?;
        let (times, unit, zone) = read_times(times, unit)?;
        let mut encoded = (match &ids.values {
                IdValues::Signed(values) => EncodedLog::from_ids(values.as_slice(), times, unit, None),
                IdValues::Unsigned(values) => EncodedLog::from_ids(values.as_slice(), times, unit, None),
                IdValues::Codes(values) => EncodedLog::from_ids(values.as_slice(), times, unit, None),
                IdValues::Float(values) => EncodedLog::from_ids(values.as_slice(), times, unit, None),
            })
            .py()?;
        if let Some(events) = events.filter(|events| !events.is_none()) {
            let (codes, names) = read_labels("events", events)?;
            encoded = encoded.with_event_codes(codes, names).py()?;
        }
        if let Some(properties) = properties.filter(|properties| !properties.is_none()) {
            let properties = properties.cast::<PyDict>().map_err(|_| {
                crate::errors::to_py(pmkit::Error::invalid(
                    "properties",
                    "is not a dict of property name to column",
                ))
            })?;
            for (name, column) in properties.iter() {
                let name = name
                    .cast::<PyString>()
                    .map_err(|_| {
                        crate::errors::to_py(pmkit::Error::invalid(
                            "properties",
                            "has a key that is not text; name each property",
                        ))
                    })?
                    .to_cow()?
                    .into_owned();
                let field = format!("properties.{name}");
                let (codes, values) = read_labels(&field, &column)?;
                encoded = encoded.with_property_codes(&name, codes, values).py()?;
            }
        }
        Ok(EventLog(Log { encoded, zone }))
    }

    /// The log of a DataFrame or table (pandas, polars, pyarrow, anything whose
    /// `frame[name]` gives a column): the columns named by `user`, `time`, `event` and
    /// `properties`.
    #[classmethod]
    #[pyo3(signature = (frame, *, user, time, event = None, properties = None, unit = None))]
    fn from_frame(
        _class: &Bound<'_, pyo3::types::PyType>,
        frame: &Bound<'_, PyAny>,
        user: &str,
        time: &str,
        event: Option<&str>,
        properties: Option<Vec<String>>,
        unit: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<EventLog> {
        let column = |field: &str, name: &str| -> PyResult<Bound<'_, PyAny>> {
            frame.get_item(name).map_err(|_| {
                crate::errors::to_py(pmkit::Error::invalid(
                    field,
                    format!("{name:?} is not a column of the frame"),
                ))
            })
        };
        let user_ids = column("user", user)?;
        let times = column("time", time)?;
        let events = match event {
            Some(name) => Some(column("event", name)?),
            None => None,
        };
        let named = pyo3::types::PyDict::new(frame.py());
        for (index, name) in properties.unwrap_or_default().iter().enumerate() {
            named.set_item(name, column(&format!("properties[{index}]"), name)?)?;
        }
        EventLog::new(&user_ids, &times, events.as_ref(), Some(named.as_any()), unit)
    }

    /// Events in the log.
    fn __len__(&self) -> usize {
        self.0.encoded.len()
    }

    /// Distinct users.
    #[getter]
    fn users(&self) -> usize {
        self.0.encoded.users()
    }

    /// The event names, in code order (None: no events, or integer codes).
    #[getter]
    fn event_names(&self) -> Option<Vec<String>> {
        self.0.encoded.event_names().map(|names| names.ids().to_vec())
    }

    /// The property names.
    #[getter]
    fn properties(&self) -> Vec<String> {
        self.0.encoded.property_names().into_iter().map(str::to_owned).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "EventLog({} events, {} users, properties {:?})",
            self.0.encoded.len(),
            self.0.encoded.users(),
            self.0.encoded.property_names()
        )
    }
            $($methods)*
        }
    };
    // (user_ids, times; options): the metric over the log's users and times.
    (@munch [$($methods:tt)*]
        [user_ids times] [$uid:ident $tid:ident] []
        { $(#[doc = $doc:expr])* fn $name:ident ($u:ident : $ut:ty, $t:ident : $tt:ty; $opts:ident : $otype:ty) -> $ret:ty $body:block }
        $($rest:tt)*
    ) => {
        log_methods!(@munch [$($methods)*
            $(#[doc = $doc])*
            #[pyo3(signature = (*, by = None, max_segments = None, **$opts))]
            fn $name<'py>(
                &self,
                py: Python<'py>,
                by: Option<&Bound<'py, PyAny>>,
                max_segments: Option<&Bound<'py, PyAny>>,
                $opts: Option<&Bound<'py, PyDict>>,
            ) -> PyResult<Py<PyAny>> {
                let $opts: $otype = crate::convert::options(py, $opts)?;
                let breakdown = breakdown(by, max_segments)?;
                let $opts = &$opts;
                run_metric(py, &self.0, &breakdown, |$uid, $tid, _| -> pmkit::Result<$ret> {
                    let $opts = $opts.clone();
                    $body
                })?
                .into_python(py)
            }
        ] $($rest)*);
    };
    // (user_ids, times, events, X; options): X (a feature, the steps) stays a parameter.
    (@munch [$($methods:tt)*]
        [user_ids times events $extra:ident] [$uid:ident $tid:ident $eid:ident $xid:ident] []
        { $(#[doc = $doc:expr])* fn $name:ident ($u:ident : $ut:ty, $t:ident : $tt:ty, $e:ident : $et:ty, $x:ident : $xt:ty; $opts:ident : $otype:ty) -> $ret:ty $body:block }
        $($rest:tt)*
    ) => {
        log_methods!(@munch [$($methods)*
            $(#[doc = $doc])*
            #[pyo3(signature = ($x, *, by = None, max_segments = None, **$opts))]
            fn $name<'py>(
                &self,
                py: Python<'py>,
                $x: &Bound<'py, PyAny>,
                by: Option<&Bound<'py, PyAny>>,
                max_segments: Option<&Bound<'py, PyAny>>,
                $opts: Option<&Bound<'py, PyDict>>,
            ) -> PyResult<Py<PyAny>> {
                #[allow(unused_imports)]
                use crate::convert::{ReadDedicated as _, ReadWithFromPy as _};
                let $x: $xt = (&Reader::<$xt>(std::marker::PhantomData)).read(stringify!($x), $x)?;
                let $opts: $otype = crate::convert::options(py, $opts)?;
                let breakdown = breakdown(by, max_segments)?;
                let ($x, $opts) = (&$x, &$opts);
                run_metric(py, &self.0, &breakdown, |$uid, $tid, events| -> pmkit::Result<$ret> {
                    let $eid = pmkit_api::analytics::log::require_events(events)?;
                    let ($x, $opts) = ($x.clone(), $opts.clone());
                    $body
                })?
                .into_python(py)
            }
        ] $($rest)*);
    };
    // (user_ids, times; options { events, K... }): the log's events, and keywords K.
    (@munch [$($methods:tt)*]
        [user_ids times] [$uid:ident $tid:ident] [events $($k:ident)*]
        { $(#[doc = $doc:expr])* fn $name:ident ($u:ident : $ut:ty, $t:ident : $tt:ty; $opts:ident : $otype:ty { $ekw:ident : $ekt:ty, $($kw:ident : $kwtype:ty),* }) -> $ret:ty $body:block }
        $($rest:tt)*
    ) => {
        log_methods!(@munch [$($methods)*
            $(#[doc = $doc])*
            #[pyo3(signature = (*, by = None, max_segments = None, $($kw = None,)* **$opts))]
            fn $name<'py>(
                &self,
                py: Python<'py>,
                by: Option<&Bound<'py, PyAny>>,
                max_segments: Option<&Bound<'py, PyAny>>,
                $($kw: Option<&Bound<'py, PyAny>>,)*
                $opts: Option<&Bound<'py, PyDict>>,
            ) -> PyResult<Py<PyAny>> {
                #[allow(unused_imports)]
                use crate::convert::{ReadDedicated as _, ReadWithFromPy as _};
                $(
                    let $kw: Option<$kwtype> = match $kw.filter(|value| !value.is_none()) {
                        Some(value) => Some((&Reader::<$kwtype>(std::marker::PhantomData)).read(stringify!($kw), value)?),
                        None => None,
                    };
                )*
                let $opts: $otype = crate::convert::options(py, $opts)?;
                let breakdown = breakdown(by, max_segments)?;
                let ($($kw,)* $opts) = ($(&$kw,)* &$opts);
                run_metric(py, &self.0, &breakdown, |$uid, $tid, events| -> pmkit::Result<$ret> {
                    let $ekw = events;
                    let ($($kw,)* $opts) = ($($kw.clone(),)* $opts.clone());
                    $body
                })?
                .into_python(py)
            }
        ] $($rest)*);
    };
    // Anything else (merge_counts, encode_ids, ...): not a method of the log.
    (@munch [$($methods:tt)*] [$($names:ident)*] [$($idents:ident)*] [$($kws:ident)*] { $($entry:tt)* } $($rest:tt)*) => {
        log_methods!(@munch [$($methods)*] $($rest)*);
    };
}

pmkit_api::analytics!(log_methods);
