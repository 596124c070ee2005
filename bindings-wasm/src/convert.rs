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
/// The value passes through `serde_json::Value` because serde-wasm-bindgen reads only
/// the fields a struct names, so a misspelt key would be silently dropped; through
/// JSON values, `deny_unknown_fields` rejects it as it does in Rust and Python. JSON has
/// no NaN or infinity (serde_json reads them as `null`, so `{points: NaN}` would look
/// unestimated), so a non-finite number anywhere inside is an error first.
pub fn from_js_value<T: DeserializeOwned>(field: &str, value: JsValue) -> Result<T, JsValue> {
    let mut path = field.to_owned();
    if let Some(number) = first_non_finite(&value, &mut path, 0) {
        let shown = match number {
            n if n.is_nan() => "NaN",
            n if n > 0.0 => "Infinity",
            _ => "-Infinity",
        };
        return Err(to_js(pmkit::Error::invalid(
            path,
            format!("is {shown}; a number here must be finite"),
        )));
    }
    shape_of(field, value)
}

/// [`from_js_value`] without the search for NaN: for a value whose numbers the caller
/// reads again directly (chart options), where NaN must reach the core's own check.
pub fn shape_of<T: DeserializeOwned>(field: &str, value: JsValue) -> Result<T, JsValue> {
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|err| to_js(pmkit::Error::invalid(field, err.to_string())))?;
    pmkit::json::from_value(field, json).map_err(to_js)
}

/// Nesting deeper than this is not searched (a cyclic object would never end).
const MAX_DEPTH: usize = 64;

/// The first NaN or ±Infinity inside `value` (plain arrays and objects), with `path`
/// extended to where it sits (`items[3].points`).
fn first_non_finite(value: &JsValue, path: &mut String, depth: usize) -> Option<f64> {
    if let Some(number) = value.as_f64() {
        return (!number.is_finite()).then_some(number);
    }
    if depth >= MAX_DEPTH || !value.is_object() || js_sys::ArrayBuffer::is_view(value) {
        return None;
    }
    let at = path.len();
    if js_sys::Array::is_array(value) {
        for (index, item) in js_sys::Array::from(value).iter().enumerate() {
            path.push_str(&format!("[{index}]"));
            if let Some(number) = first_non_finite(&item, path, depth + 1) {
                return Some(number);
            }
            path.truncate(at);
        }
        return None;
    }
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let pair = js_sys::Array::from(&entry);
        path.push('.');
        path.push_str(&pair.get(0).as_string().unwrap_or_default());
        if let Some(number) = first_non_finite(&pair.get(1), path, depth + 1) {
            return Some(number);
        }
        path.truncate(at);
    }
    None
}

/// A whole-number count passed as a JavaScript number.
pub fn count(field: &str, value: f64) -> Result<u64, JsValue> {
    pmkit::input::count(field, value).map_err(to_js)
}

// wasm-bindgen's own glue assumes the JavaScript type of a `&str`, `String` or `Vec<f64>`
// parameter: given a number where a string belongs it reads memory it does not own (a
// `RuntimeError`), given `null` where an array belongs it throws a bare `TypeError`. So
// every string and number-array parameter crosses as a `JsValue`, checked here into a
// `PmkitError` that names the parameter.

#[wasm_bindgen]
extern "C" {
    /// `Float64Array.from(value)`: the engine's own conversion of an array-like; it
    /// throws (caught) on an element that is a BigInt or a Symbol.
    #[wasm_bindgen(catch, js_namespace = Float64Array, js_name = from)]
    fn float64_array_from(value: &JsValue) -> Result<js_sys::Float64Array, JsValue>;
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

/// `undefined` or `null` (an omitted optional parameter) as `None`.
fn given(value: impl Into<Option<JsValue>>) -> Option<JsValue> {
    value
        .into()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// A string parameter; anything else is a `PmkitError` on `field`
/// ("must be a string, got number").
pub fn text(field: &str, value: JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        invalid(
            field,
            format!("must be a string, got {}", type_name(&value)),
        )
    })
}

/// An optional string parameter: `undefined` and `null` are `None`, a string is itself,
/// anything else is a `PmkitError` on `field`.
pub fn optional_text(
    field: &str,
    value: impl Into<Option<JsValue>>,
) -> Result<Option<String>, JsValue> {
    given(value).map(|value| text(field, value)).transpose()
}

/// An array of strings (`field[i]` names a bad element).
pub fn texts(field: &str, value: JsValue) -> Result<Vec<String>, JsValue> {
    if !js_sys::Array::is_array(&value) {
        return Err(invalid(
            field,
            format!("must be an array of strings, got {}", type_name(&value)),
        ));
    }
    let array: js_sys::Array = value.unchecked_into();
    array
        .iter()
        .enumerate()
        .map(|(index, item)| text(&format!("{field}[{index}]"), item))
        .collect()
}

/// An optional array of strings: `undefined` and `null` are `None`.
pub fn optional_texts(
    field: &str,
    value: impl Into<Option<JsValue>>,
) -> Result<Option<Vec<String>>, JsValue> {
    given(value).map(|value| texts(field, value)).transpose()
}

/// An array-like of numbers (`ArrayLike<number>`): a `Float64Array` copies straight into
/// wasm memory, any other array-like converts as `Float64Array.from` does, and a
/// `BigInt64Array` or `BigUint64Array` converts exactly (values beyond ±2^53 are an error).
/// An element that is not a number is a `PmkitError` on `field[i]`; `NaN` itself passes
/// to the core, which names it.
pub fn numbers(field: &str, value: JsValue) -> Result<Vec<f64>, JsValue> {
    numbers_hinted(field, value, "")
}

/// `numbers`, with `hint` appended to the reason when an element is a string.
pub fn numbers_hinted(field: &str, value: JsValue, hint: &str) -> Result<Vec<f64>, JsValue> {
    if let Some(array) = value.dyn_ref::<js_sys::Float64Array>() {
        return Ok(array.to_vec());
    }
    if let Some(array) = value.dyn_ref::<js_sys::BigInt64Array>() {
        return exact(field, array.to_vec().into_iter().map(i128::from));
    }
    if let Some(array) = value.dyn_ref::<js_sys::BigUint64Array>() {
        return exact(field, array.to_vec().into_iter().map(i128::from));
    }
    let length = if value.is_object() {
        js_sys::Reflect::get(&value, &"length".into()).ok()
    } else {
        None
    };
    if length.and_then(|length| length.as_f64()).is_none() {
        let got = type_name(&value);
        return Err(invalid(
            field,
            format!("must be an array of numbers, got {got}"),
        ));
    }
    let converted = float64_array_from(&value).map_err(|err| {
        let why = err
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| type_name(&err), |err| String::from(err.message()));
        invalid(field, format!("must be an array of numbers ({why})"))
    })?;
    let numbers = converted.to_vec();
    for (index, number) in numbers.iter().enumerate() {
        if !number.is_nan() {
            continue;
        }
        let item = u32::try_from(index)
            .ok()
            .and_then(|index| js_sys::Reflect::get_u32(&value, index).ok())
            .unwrap_or(JsValue::UNDEFINED);
        if item.as_f64().is_none() {
            let got = type_name(&item);
            let hint = if item.is_string() { hint } else { "" };
            return Err(invalid(
                &format!("{field}[{index}]"),
                format!("must be a number, got {got}{hint}"),
            ));
        }
    }
    Ok(numbers)
}

/// An optional array-like of numbers: `undefined` and `null` are `None`.
pub fn optional_numbers(
    field: &str,
    value: impl Into<Option<JsValue>>,
) -> Result<Option<Vec<f64>>, JsValue> {
    given(value).map(|value| numbers(field, value)).transpose()
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
