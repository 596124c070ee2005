//! Conversions between JavaScript values and the core's types.

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{prelude::*, JsCast};

use crate::errors::to_js;

/// A core value as a plain JavaScript object in its JSON form (maps as objects,
/// `None` as `null`, 64-bit integers as numbers).
pub fn to_js_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|err| to_js(pmkit::Error::invalid("result", err.to_string())))
}

/// A plain JavaScript object as a core value; a shape error names `field` and the path
/// inside it (`items[3].at`).
///
/// The value is read into a `serde_json::Value` first ([`crate::json_value`]): every
/// key is kept, so `deny_unknown_fields` rejects a misspelt one as it does in Rust and
/// Python (serde-wasm-bindgen would read only the fields a struct names); a NaN, a
/// throwing getter, a cyclic or too deep object is a `PmkitError` naming its path.
pub fn from_js_value<T: DeserializeOwned>(field: &str, value: JsValue) -> Result<T, JsValue> {
    let json = crate::json_value::to_json(&value, &mut field.to_owned(), 0).map_err(to_js)?;
    pmkit::json::from_value(field, json).map_err(to_js)
}

/// A whole-number count passed as a JavaScript number.
pub fn count(field: &str, value: f64) -> Result<u64, JsValue> {
    pmkit::input::count(field, value).map_err(to_js)
}

/// A number parameter: a JavaScript `number` and nothing else (`null`, a boolean, a
/// string or an array is a `PmkitError`, never `0` or `NaN` by coercion).
pub fn number(field: &str, value: &JsValue) -> Result<f64, JsValue> {
    value
        .as_f64()
        .ok_or_else(|| invalid(field, format!("must be a number, got {}", type_name(value))))
}

/// A count parameter: a whole `number` ≥ 0, or a `BigInt` within 0..=2^53.
pub fn count_value(field: &str, value: &JsValue) -> Result<u64, JsValue> {
    if value.is_bigint() {
        let text = crate::json_value::bigint_text(value);
        return match text.parse::<i128>() {
            Ok(whole) if (0..=MAX_EXACT_FLOAT).contains(&whole) => Ok(whole as u64),
            Ok(whole) if whole < 0 => Err(invalid(
                field,
                format!("{whole} is negative; it must be ≥ 0"),
            )),
            _ => Err(to_js(pmkit::Error::out_of_range(
                field,
                format!("{text} is larger than 2^53"),
            ))),
        };
    }
    count(field, number(field, value)?)
}

// wasm-bindgen's own glue assumes the JavaScript type of a `&str`, `String` or `Vec<f64>`
// parameter: given a number where a string belongs it reads memory it does not own (a
// `RuntimeError`), given `null` where an array belongs it throws a bare `TypeError`. So
// every string and number-array parameter crosses as a `JsValue`, checked here into a
// `PmkitError` that names the parameter.

/// The numbers of a plain array, strictly: `array.every(Number.isFinite)` runs inside
/// the engine (no call into wasm per element) and `Number.isFinite` never coerces, so
/// when it holds, `new Float64Array(array)` is exact, unless a hole (skipped by
/// `every`) became NaN. Otherwise each element's type is checked in turn: the first
/// non-number is `Err(index)`, and NaN or ±Infinity pass on for the core to name.
/// Reading an element that throws (a getter, a Proxy) is an error, never an unwind.
fn strict_float64(array: &js_sys::Array) -> Result<Result<Vec<f64>, u32>, JsValue> {
    let number = js_sys::Reflect::get(&js_sys::global(), &"Number".into())?;
    let is_finite = js_sys::Reflect::get(&number, &"isFinite".into())?;
    let every: js_sys::Function = js_sys::Reflect::get(array, &"every".into())?.dyn_into()?;
    if every.call1(array, &is_finite)?.as_bool() == Some(true) {
        let numbers = js_sys::Float64Array::new(array).to_vec();
        if !numbers.iter().any(|number| number.is_nan()) {
            return Ok(Ok(numbers));
        }
    }
    let mut numbers = Vec::with_capacity(array.length() as usize);
    for index in 0..array.length() {
        let item = js_sys::Reflect::get_u32(array, index)?;
        match item.as_f64() {
            Some(number) => numbers.push(number),
            None => return Ok(Err(index)),
        }
    }
    Ok(Ok(numbers))
}

/// What a JavaScript value is, for an error message: its `typeof`, but "null" for
/// `null` and "array" for an array.
pub fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if js_sys::Array::is_array(value) {
        "array".to_owned()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".to_owned())
    }
}

fn invalid(field: &str, reason: impl Into<String>) -> JsValue {
    to_js(pmkit::Error::invalid(field, reason))
}

/// A string parameter; anything else, or a string with a lone surrogate, is a
/// `PmkitError` on `field` ("must be a string, got number").
pub fn text(field: &str, value: JsValue) -> Result<String, JsValue> {
    crate::json_value::string(field, &value)
        .map_err(to_js)?
        .ok_or_else(|| {
            invalid(
                field,
                format!("must be a string, got {}", type_name(&value)),
            )
        })
}

/// An array of numbers: a typed array (copied into wasm memory in one call, each
/// element converted exactly; a `BigInt64Array` or `BigUint64Array` beyond ±2^53 is an
/// error) or a plain `Array` whose every element is a number (checked in one JavaScript
/// pass). `null`, `undefined`, a hole, a string, a boolean or a BigInt element is a
/// `PmkitError` on `field[i]`; `NaN` itself passes to the core, which names it.
pub fn numbers(field: &str, value: JsValue) -> Result<Vec<f64>, JsValue> {
    numbers_hinted(field, value, "")
}

/// `numbers`, with `hint` appended to the reason when an element is a string.
pub fn numbers_hinted(field: &str, value: JsValue, hint: &str) -> Result<Vec<f64>, JsValue> {
    if let Some(array) = value.dyn_ref::<js_sys::Float64Array>() {
        return Ok(array.to_vec());
    }
    macro_rules! widened {
        ($($typed:ty),*) => {$(
            if let Some(array) = value.dyn_ref::<$typed>() {
                return Ok(array.to_vec().into_iter().map(f64::from).collect());
            }
        )*};
    }
    widened!(
        js_sys::Uint8Array,
        js_sys::Uint8ClampedArray,
        js_sys::Int8Array,
        js_sys::Uint16Array,
        js_sys::Int16Array,
        js_sys::Uint32Array,
        js_sys::Int32Array,
        js_sys::Float32Array
    );
    if let Some(array) = value.dyn_ref::<js_sys::BigInt64Array>() {
        return exact(field, array.to_vec().into_iter().map(i128::from));
    }
    if let Some(array) = value.dyn_ref::<js_sys::BigUint64Array>() {
        return exact(field, array.to_vec().into_iter().map(i128::from));
    }
    if !js_sys::Array::is_array(&value) {
        let got = type_name(&value);
        return Err(invalid(
            field,
            format!("must be an array or typed array of numbers, got {got}"),
        ));
    }
    let array: &js_sys::Array = value.unchecked_ref();
    let converted = strict_float64(array).map_err(|err| {
        let why = err
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| type_name(&err), |err| String::from(err.message()));
        invalid(field, format!("could not be read ({why})"))
    })?;
    match converted {
        Ok(numbers) => Ok(numbers),
        Err(index) => {
            let item = js_sys::Reflect::get_u32(array, index).unwrap_or(JsValue::UNDEFINED);
            let got = type_name(&item);
            let hint = if item.is_string() { hint } else { "" };
            Err(invalid(
                &format!("{field}[{index}]"),
                format!("must be a number, got {got}{hint}"),
            ))
        }
    }
}

// 2^53: beyond it a float no longer holds every whole number exactly.
const MAX_EXACT_FLOAT: i128 = 1 << 53;

/// BigInt column values as floats, each exactly.
fn exact(field: &str, values: impl Iterator<Item = i128>) -> Result<Vec<f64>, JsValue> {
    values
        .enumerate()
        .map(|(index, value)| {
            if value.abs() > MAX_EXACT_FLOAT {
                Err(to_js(pmkit::Error::out_of_range(
                    format!("{field}[{index}]"),
                    format!("{value} is beyond 2^53, the largest whole number a JavaScript number holds exactly"),
                )))
            } else {
                // Within ±2^53, so the conversion is exact.
                #[allow(clippy::cast_precision_loss)]
                Ok(value as f64)
            }
        })
        .collect()
}

/// A JavaScript value read as a core parameter; `field` names it (in Rust's spelling,
/// turned into JavaScript's by [`crate::errors::to_js`]).
pub trait FromJs: Sized {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue>;
}

impl FromJs for f64 {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        number(field, &value)
    }
}

impl FromJs for u64 {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        count_value(field, &value)
    }
}

impl FromJs for Vec<f64> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        numbers(field, value)
    }
}

impl FromJs for Vec<u64> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        pmkit::input::counts(field, &numbers(field, value)?).map_err(to_js)
    }
}

impl FromJs for String {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        text(field, value)
    }
}

/// A document from an object in its JSON form or JSON text, checked as the core checks
/// text (errors name the JSON path).
impl<T: pmkit::json::FromJsonText> FromJs for pmkit_api::JsonOrText<T> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let text = match crate::json_value::string(field, &value).map_err(to_js)? {
            Some(text) => text,
            None => {
                let json: serde_json::Value = from_js_value(field, value)?;
                json.to_string()
            }
        };
        T::from_json_text(&text)
            .map(pmkit_api::JsonOrText)
            .map_err(to_js)
    }
}

/// An option given by name: text, parsed by the core.
impl<T: pmkit::Named> FromJs for pmkit_api::Name<T> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let name = text(field, value)?;
        T::parse_named(field, &name)
            .map(pmkit_api::Name)
            .map_err(to_js)
    }
}

impl FromJs for pmkit_api::CsvText {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        text(field, value).map(pmkit_api::CsvText)
    }
}

/// A list of texts: an array of strings (`values[2]` named when one is not).
impl FromJs for Vec<String> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        from_js_value(field, value)
    }
}

impl FromJs for chrono::NaiveDate {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        crate::dates::date(field, &value)
    }
}

/// A date column: an array whose every element is a `Date` or ISO text (`dates[2]`
/// named when one is not).
impl FromJs for Vec<chrono::NaiveDate> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let Some(array) = value.dyn_ref::<js_sys::Array>() else {
            return Err(invalid(
                field,
                "must be an array of dates (Date objects or ISO text)",
            ));
        };
        array
            .iter()
            .enumerate()
            .map(|(index, item)| crate::dates::date(&format!("{field}[{index}]"), &item))
            .collect()
    }
}

impl<T: DeserializeOwned> FromJs for pmkit_api::Json<T> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        from_js_value(field, value).map(pmkit_api::Json)
    }
}

/// A result passed on (`Record<T>` in the description): in JavaScript every result is a
/// plain object, read as [`pmkit_api::Json`] reads it.
impl<T: DeserializeOwned> FromJs for pmkit_api::Record<T> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        from_js_value(field, value).map(pmkit_api::Record::owned)
    }
}

/// A function's options from its trailing options object: `undefined` or `null` is
/// every default; otherwise a plain object whose camelCase keys name the core
/// options (`{ scaleMax: 7 }`), `undefined`/`null` values meaning the default and a
/// `Date` meaning its UTC day. Unknown keys and bad values are `PmkitError`s named by
/// the key.
///
/// The options a reader reads (`keywords`, snake_case names: an `events` column, an
/// event code) are taken out as they were given, in the order of `keywords`
/// (`undefined` where not given), for [`keyword`].
pub fn options<T: DeserializeOwned>(
    field: &str,
    value: JsValue,
    keywords: &[&str],
) -> Result<(T, Vec<JsValue>), JsValue> {
    let mut taken = vec![JsValue::UNDEFINED; keywords.len()];
    let mut given = serde_json::Map::new();
    if given_value(&value).is_some() {
        if !value.is_object()
            || js_sys::Array::is_array(&value)
            || js_sys::ArrayBuffer::is_view(&value)
            || value.is_function()
            || value.is_instance_of::<js_sys::Date>()
        {
            return Err(invalid(
                field,
                format!(
                    "must be an options object such as {{ method: \"mean\" }}, got {}",
                    type_name(&value)
                ),
            ));
        }
        // Reflect (not Object.entries) so a throwing getter or Proxy trap is an error
        // here, never an exception unwinding through wasm.
        let unreadable = |err: JsValue| {
            let why = err
                .dyn_ref::<js_sys::Error>()
                .map_or_else(|| type_name(&err), |err| String::from(err.message()));
            invalid(field, format!("could not be read ({why})"))
        };
        let keys = js_sys::Reflect::own_keys(&value).map_err(unreadable)?;
        for key in keys.iter() {
            let Some(name) = key.as_string() else {
                continue; // a Symbol key names no option
            };
            let key = crate::errors::snake_case(&name);
            let item = js_sys::Reflect::get(&value, &name.into()).map_err(unreadable)?;
            if let Some(index) = keywords.iter().position(|keyword| *keyword == key) {
                taken[index] = item;
                continue;
            }
            if given_value(&item).is_none() {
                continue;
            }
            let json = if item.is_instance_of::<js_sys::Date>() {
                serde_json::Value::String(crate::dates::date(&key, &item)?.to_string())
            } else {
                from_js_value::<serde_json::Value>(&key, item)?
            };
            given.insert(key, json);
        }
    }
    let options = pmkit::json::options(serde_json::Value::Object(given)).map_err(|err| {
        // The error names the option as the caller wrote it (`scaleMx`), and the names
        // it suggests in JavaScript's spelling (`scaleMax`).
        to_js(
            err.map_field(crate::errors::js_field)
                .map_reason(camel_case_quoted),
        )
    })?;
    Ok((options, taken))
}

/// An option a reader reads (see [`options`]): `None` when left out
/// (`undefined` or `null`), else read with [`FromJs`].
pub fn keyword<T: FromJs>(field: &str, value: Option<JsValue>) -> Result<Option<T>, JsValue> {
    match value.filter(|value| given_value(value).is_some()) {
        Some(value) => T::from_js(field, value).map(Some),
        None => Ok(None),
    }
}

/// serde's "unknown field `scale_mx`, expected one of `scale_max`, ..." with the option
/// names in camelCase. Other reasons are left alone: the values they quote (option
/// values such as `week_monday`) are spelt the same in every language.
fn camel_case_quoted(text: &str) -> String {
    if !text.starts_with("unknown field") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (index, part) in parts.enumerate() {
        out.push('`');
        if index % 2 == 0 {
            out.push_str(&crate::errors::camel_case(part));
        } else {
            out.push_str(part);
        }
    }
    out
}

fn given_value(value: &JsValue) -> Option<&JsValue> {
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// Expands an API table (`pmkit_api::metrics!` ...) into `#[wasm_bindgen]` functions
/// named in camelCase: positional parameters read with [`FromJs`], the options struct
/// from one trailing options object, the result given back in its JSON form. Their
/// TypeScript declarations come from the generator (`pmkit-api`), so wasm-bindgen's
/// own are skipped.
macro_rules! js_functions {
    ($(
        $(#[doc = $doc:expr])*
        fn $name:ident / $js:ident ( $($param:ident : $ptype:ty),* $(; $opts:ident : $otype:ty $({ $($(#[doc = $kdoc:expr])* $kw:ident : $kwtype:ty),* $(,)? })? )? ) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[wasm_bindgen::prelude::wasm_bindgen(js_name = $js, skip_typescript)]
            pub fn $name(
                $($param: wasm_bindgen::JsValue,)*
                $($opts: wasm_bindgen::JsValue,)?
            ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
                let call = || -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
                    $( let $param: $ptype = $crate::convert::FromJs::from_js(stringify!($param), $param)?; )*
                    $(
                        let ($opts, taken): ($otype, Vec<wasm_bindgen::JsValue>) = $crate::convert::options(
                            stringify!($opts),
                            $opts,
                            &[$($(stringify!($kw)),*)?],
                        )?;
                        #[allow(unused_mut, unused_variables)]
                        let mut taken = taken.into_iter();
                        $($( let $kw: Option<$kwtype> = $crate::convert::keyword(stringify!($kw), taken.next())?; )*)?
                    )?
                    let result: pmkit::Result<$ret> = $body;
                    $crate::convert::to_js_value(&result.map_err($crate::errors::to_js)?)
                };
                call().map_err(|err| {
                    #[allow(unused_mut)]
                    let mut names: Vec<String> = vec![$(stringify!($param).to_owned()),*];
                    $(
                        names.extend($crate::errors::option_names::<$otype>());
                        $($( names.push(stringify!($kw).to_owned()); )*)?
                    )?
                    $crate::errors::javascript_field(err, &names)
                })
            }
        )*
    };
}

pub(crate) use js_functions;
