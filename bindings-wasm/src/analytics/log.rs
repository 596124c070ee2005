//! `EventLog` for JavaScript: an event log read once (text ids and event names
//! numbered, properties kept for breakdowns) whose methods are the described analytics
//! functions over its columns (`pmkit_api::analytics!` expanded by [`log_methods`]).

use wasm_bindgen::prelude::*;

use crate::convert::{numbers, text, type_name};
use crate::errors::{to_js, IntoJs};
use pmkit::analytics::{encode_integers, encode_text, EncodedLog, EncodedText, TimeUnit};
use pmkit_api::analytics::log::{BreakdownOptions, Log, MaybeBreakdown};

/// An event log read once; see the generated declarations for its methods.
#[wasm_bindgen(skip_typescript)]
#[derive(Debug)]
pub struct EventLog(Log);

/// A column of text or numbers (ids, event names, a property): text numbered once,
/// numbers numbered by value (named by their decimal text).
fn labels(field: &str, value: JsValue) -> Result<EncodedText, JsValue> {
    match text_array(field, &value)? {
        Some(values) => encode_text(field, &values[..], None).js(),
        None => {
            let whole = pmkit::analytics::whole_numbers(field, &numbers(field, value)?).js()?;
            encode_integers(field, &whole).js()
        }
    }
}

/// The strings of a plain array whose first element is a string (every element must
/// be one, else a `PmkitError` naming `field[i]`), or `None` for anything else (read as
/// numbers). Read through `Reflect` (caught), so a Proxy or a throwing getter is an
/// error, never an exception unwinding through wasm.
fn text_array(field: &str, value: &JsValue) -> Result<Option<Vec<String>>, JsValue> {
    if !js_sys::Array::is_array(value) {
        return Ok(None);
    }
    let first = js_sys::Reflect::get(value, &JsValue::from(0))
        .map_err(|_| to_js(pmkit::Error::invalid(field, "could not be read")))?;
    if !first.is_string() {
        return Ok(None);
    }
    crate::convert::from_js_value::<Vec<String>>(field, value.clone()).map(Some)
}

/// A key of the constructor's options object (`Reflect`, so a throwing getter is an
/// error, not an exception through wasm).
fn option(options: &JsValue, key: &str) -> Result<Option<JsValue>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let value = js_sys::Reflect::get(options, &key.into())
        .map_err(|_| to_js(pmkit::Error::invalid(key, "could not be read")))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

#[wasm_bindgen(js_class = EventLog)]
impl EventLog {
    /// A log of `userIds` (strings or numbers) and `times` (numbers in `options.unit`,
    /// seconds by default), with `options.events` (names or codes) and
    /// `options.properties` (an object of property name to column of strings or numbers).
    #[wasm_bindgen(constructor)]
    pub fn new(user_ids: JsValue, times: JsValue, options: JsValue) -> Result<EventLog, JsValue> {
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(to_js(pmkit::Error::invalid(
                "options",
                format!("must be an options object, got {}", type_name(&options)),
            )));
        }
        if options.is_object() {
            let keys = js_sys::Reflect::own_keys(&options)
                .map_err(|_| to_js(pmkit::Error::invalid("options", "could not be read")))?;
            for key in keys.iter() {
                let name = key.as_string().unwrap_or_default();
                if !["events", "properties", "unit"].contains(&name.as_str()) {
                    return Err(to_js(pmkit::Error::invalid(
                        name,
                        "is not an option of EventLog (events, properties, unit)",
                    )));
                }
            }
        }
        let unit = match option(&options, "unit")? {
            Some(unit) => TimeUnit::parse("unit", &text("unit", unit)?).js()?,
            None => TimeUnit::Seconds,
        };
        let times = pmkit::analytics::whole_numbers("times", &numbers("times", times)?).js()?;
        let mut log = match text_array("userIds", &user_ids)? {
            Some(ids) => EncodedLog::from_text_ids(&ids[..], times, unit, None),
            None => EncodedLog::from_ids(&numbers("userIds", user_ids)?, times, unit, None),
        }
        .map_err(|err| to_js(err.map_field(crate::errors::js_field)))?;
        if let Some(events) = option(&options, "events")? {
            let encoded = labels("events", events)?;
            log = log.with_event_codes(encoded.codes, encoded.map).js()?;
        }
        if let Some(properties) = option(&options, "properties")? {
            if !properties.is_object() || js_sys::Array::is_array(&properties) {
                return Err(to_js(pmkit::Error::invalid(
                    "properties",
                    "must be an object of property name to column",
                )));
            }
            let names = js_sys::Reflect::own_keys(&properties)
                .map_err(|_| to_js(pmkit::Error::invalid("properties", "could not be read")))?;
            for name in names.iter() {
                let Some(name) = name.as_string() else {
                    continue;
                };
                let field = format!("properties.{name}");
                let column = js_sys::Reflect::get(&properties, &name.clone().into())
                    .map_err(|_| to_js(pmkit::Error::invalid(&field, "could not be read")))?;
                let encoded = labels(&field, column)?;
                log = log
                    .with_property_codes(&name, encoded.codes, encoded.map)
                    .js()?;
            }
        }
        Ok(EventLog(Log {
            encoded: log,
            zone: None,
        }))
    }

    /// Events in the log.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.encoded.len()
    }

    /// Distinct users.
    #[wasm_bindgen(getter)]
    pub fn users(&self) -> usize {
        self.0.encoded.users()
    }

    /// The event names in code order (`null`: no events column).
    #[wasm_bindgen(getter, js_name = eventNames)]
    pub fn event_names(&self) -> Option<Vec<String>> {
        self.0
            .encoded
            .event_names()
            .map(|names| names.ids().to_vec())
    }

    /// The property names.
    #[wasm_bindgen(getter)]
    pub fn properties(&self) -> Vec<String> {
        self.0
            .encoded
            .property_names()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// Runs a method's metric over the log, or its breakdown.
fn run_metric<R>(
    log: &Log,
    breakdown: &BreakdownOptions,
    metric: impl Fn(
        pmkit_api::UserIds<'_>,
        pmkit_api::Times<'_>,
        Option<pmkit_api::EventIds<'_>>,
    ) -> pmkit::Result<R>,
) -> pmkit::Result<MaybeBreakdown<R>> {
    let run = pmkit_api::columns::in_place;
    match &breakdown.by {
        None => {
            metric(log.user_ids(run), log.times(), log.optional_events()).map(MaybeBreakdown::Whole)
        }
        Some(by) => log
            .breakdown(breakdown, by, run, metric)
            .map(MaybeBreakdown::Breakdown),
    }
}

/// Expands the analytics table into `EventLog` methods, as the Python binding does
/// (see its `log_methods!`): entries over `user_ids, times` (and `events`), selected
/// by their parameters' names, the columns bound with the table's own identifiers.
/// Each method is its own `#[wasm_bindgen]` impl block.
macro_rules! log_methods {
    ($(
        $(#[doc = $doc:expr])*
        fn $name:ident / $js:ident ( $($param:ident : $ptype:ty),* $(; $opts:ident : $otype:ty $({ $($(#[doc = $kdoc:expr])* $kw:ident : $kwtype:ty),* $(,)? })? )? ) -> $ret:ty $body:block
    )*) => {
        $(
            log_methods!(@entry [$($param)*] [$($($($kw)*)?)?]
                { $(#[doc = $doc])* fn $name / $js ( $($param : $ptype),* $(; $opts : $otype $({ $($kw : $kwtype),* })? )? ) -> $ret $body });
        )*
    };
    (@entry [user_ids times] []
        { $(#[doc = $doc:expr])* fn $name:ident / $js:ident ($u:ident : $ut:ty, $t:ident : $tt:ty; $opts:ident : $otype:ty) -> $ret:ty $body:block }
    ) => {
        #[wasm_bindgen(js_class = EventLog)]
        impl EventLog {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, skip_typescript)]
            pub fn $name(&self, $opts: JsValue) -> Result<JsValue, JsValue> {
                let call = || -> Result<JsValue, JsValue> {
                    let ($opts, taken): ($otype, Vec<JsValue>) =
                        crate::convert::options(stringify!($opts), $opts, &["by", "max_segments"])?;
                    let mut taken = taken.into_iter();
                    let breakdown = BreakdownOptions {
                        by: crate::convert::keyword::<String>("by", taken.next())?,
                        max_segments: crate::convert::keyword::<u64>("max_segments", taken.next())?,
                    };
                    let result = run_metric(&self.0, &breakdown, |$u, $t, _| -> pmkit::Result<$ret> {
                        let $opts = $opts.clone();
                        $body
                    });
                    crate::convert::to_js_value(&result.map_err(crate::errors::to_js)?)
                };
                call().map_err(|err| {
                    let mut names = crate::errors::option_names::<$otype>();
                    names.push("max_segments".to_owned());
                    crate::errors::javascript_field(err, &names)
                })
            }
        }
    };
    (@entry [user_ids times events $extra:ident] []
        { $(#[doc = $doc:expr])* fn $name:ident / $js:ident ($u:ident : $ut:ty, $t:ident : $tt:ty, $e:ident : $et:ty, $x:ident : $xt:ty; $opts:ident : $otype:ty) -> $ret:ty $body:block }
    ) => {
        #[wasm_bindgen(js_class = EventLog)]
        impl EventLog {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, skip_typescript)]
            pub fn $name(&self, $x: JsValue, $opts: JsValue) -> Result<JsValue, JsValue> {
                let call = || -> Result<JsValue, JsValue> {
                    let $x: $xt = crate::convert::FromJs::from_js(stringify!($x), $x)?;
                    let ($opts, taken): ($otype, Vec<JsValue>) =
                        crate::convert::options(stringify!($opts), $opts, &["by", "max_segments"])?;
                    let mut taken = taken.into_iter();
                    let breakdown = BreakdownOptions {
                        by: crate::convert::keyword::<String>("by", taken.next())?,
                        max_segments: crate::convert::keyword::<u64>("max_segments", taken.next())?,
                    };
                    let result = run_metric(&self.0, &breakdown, |$u, $t, events| -> pmkit::Result<$ret> {
                        let $e = pmkit_api::analytics::log::require_events(events)?;
                        let ($x, $opts) = ($x.clone(), $opts.clone());
                        $body
                    });
                    crate::convert::to_js_value(&result.map_err(crate::errors::to_js)?)
                };
                call().map_err(|err| {
                    let mut names = crate::errors::option_names::<$otype>();
                    names.push("max_segments".to_owned());
                    names.push(stringify!($x).to_owned());
                    crate::errors::javascript_field(err, &names)
                })
            }
        }
    };
    (@entry [user_ids times] [events $($k:ident)*]
        { $(#[doc = $doc:expr])* fn $name:ident / $js:ident ($u:ident : $ut:ty, $t:ident : $tt:ty; $opts:ident : $otype:ty { $ekw:ident : $ekt:ty, $($kw:ident : $kwtype:ty),* }) -> $ret:ty $body:block }
    ) => {
        #[wasm_bindgen(js_class = EventLog)]
        impl EventLog {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, skip_typescript)]
            pub fn $name(&self, $opts: JsValue) -> Result<JsValue, JsValue> {
                let call = || -> Result<JsValue, JsValue> {
                    let ($opts, taken): ($otype, Vec<JsValue>) = crate::convert::options(
                        stringify!($opts),
                        $opts,
                        &["by", "max_segments", $(stringify!($kw)),*],
                    )?;
                    let mut taken = taken.into_iter();
                    let breakdown = BreakdownOptions {
                        by: crate::convert::keyword::<String>("by", taken.next())?,
                        max_segments: crate::convert::keyword::<u64>("max_segments", taken.next())?,
                    };
                    $( let $kw: Option<$kwtype> = crate::convert::keyword(stringify!($kw), taken.next())?; )*
                    let result = run_metric(&self.0, &breakdown, |$u, $t, events| -> pmkit::Result<$ret> {
                        let $ekw = events;
                        let ($($kw,)* $opts) = ($($kw.clone(),)* $opts.clone());
                        $body
                    });
                    crate::convert::to_js_value(&result.map_err(crate::errors::to_js)?)
                };
                call().map_err(|err| {
                    let mut names = crate::errors::option_names::<$otype>();
                    names.push("max_segments".to_owned());
                    $( names.push(stringify!($kw).to_owned()); )*
                    crate::errors::javascript_field(err, &names)
                })
            }
        }
    };
    // Anything else (mergeCounts, encodeIds, ...): not a method of the log.
    (@entry [$($names:ident)*] [$($kws:ident)*] { $($entry:tt)* }) => {};
}

pmkit_api::analytics!(log_methods);
