//! A JavaScript value read into a JSON value, strictly and safely: the one way objects
//! and arrays passed in the core's JSON form enter the module.
//!
//! Every property is read through `Reflect` (caught), so a throwing getter or a Proxy
//! trap is a `PmkitError`, never an exception unwinding through wasm. Nesting and array
//! lengths are bounded before anything is read, so a cyclic or very deep object, or
//! `new Array(1e9)`, is an error at once. A number must be finite (`NaN` is named by its
//! path, not read as `null`); whole numbers become JSON integers so counts read as
//! counts; a `Date` becomes its ISO 8601 text; `undefined` properties are left out, as
//! `JSON.stringify` does.

use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Nesting deeper than this is an error (a cyclic object would never end).
pub const MAX_DEPTH: usize = 128;
/// An array longer than this is an error; bulk numbers belong in typed arrays.
pub const MAX_ARRAY_LENGTH: u32 = 10_000_000;

// 2^53: the whole numbers a float holds exactly.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// `value`'s text when it is a string, `None` when it is not.
///
/// A JavaScript string is UTF-16 and may hold a lone surrogate (`"\uD800"`), which no
/// Rust string can: wasm-bindgen would silently replace it with U+FFFD, so the core
/// would see other text than the caller passed. Such a string is a `PmkitError`
/// (`invalid_input`) on `path`, naming the code unit.
pub fn string(path: &str, value: &JsValue) -> pmkit::Result<Option<String>> {
    if !value.is_string() {
        return Ok(None);
    }
    let js: &js_sys::JsString = value.unchecked_ref();
    if !js.is_valid_utf16() {
        let units: Vec<u16> = js.iter().collect();
        let at = lone_surrogate(&units).unwrap_or(0);
        return Err(pmkit::Error::invalid(
            path,
            format!("has a lone UTF-16 surrogate at index {at}, which is not text (String.prototype.isWellFormed() is false)"),
        ));
    }
    Ok(value.as_string())
}

/// The index of the first surrogate code unit without its partner.
fn lone_surrogate(units: &[u16]) -> Option<usize> {
    let mut index = 0;
    while let Some(&unit) = units.get(index) {
        match unit {
            0xD800..=0xDBFF => {
                if !matches!(units.get(index + 1), Some(0xDC00..=0xDFFF)) {
                    return Some(index);
                }
                index += 2;
            }
            0xDC00..=0xDFFF => return Some(index),
            _ => index += 1,
        }
    }
    None
}

/// `value` as JSON; errors name `path` extended to the value at fault (`items[3].at`).
pub fn to_json(value: &JsValue, path: &mut String, depth: usize) -> pmkit::Result<Value> {
    if depth > MAX_DEPTH {
        return Err(pmkit::Error::invalid(
            path.as_str(),
            format!("nests deeper than {MAX_DEPTH} levels (is the object cyclic?)"),
        ));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if let Some(number) = value.as_f64() {
        return number_value(path, number);
    }
    if let Some(text) = string(path, value)? {
        return Ok(Value::String(text));
    }
    if value.is_bigint() {
        let text = bigint_text(value);
        return match text.parse::<i64>() {
            Ok(whole) if whole.unsigned_abs() <= 1 << 53 => Ok(Value::Number(whole.into())),
            _ => Err(pmkit::Error::out_of_range(
                path.as_str(),
                format!("{text} is beyond 2^53, the largest whole number pmkit reads exactly"),
            )),
        };
    }
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        if date.get_time().is_nan() {
            return Err(pmkit::Error::invalid(
                path.as_str(),
                "is an Invalid Date (its time is NaN)",
            ));
        }
        return Ok(Value::String(String::from(date.to_iso_string())));
    }
    if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
        return array(value, path, depth);
    }
    if value.is_object() && !value.is_function() {
        return object(value, path, depth);
    }
    Err(pmkit::Error::invalid(
        path.as_str(),
        format!(
            "is a {}, which has no JSON form",
            value.js_typeof().as_string().unwrap_or_default()
        ),
    ))
}

/// A `BigInt`'s decimal digits (the one place the module reads a BigInt's value).
pub fn bigint_text(value: &JsValue) -> String {
    js_sys::BigInt::unchecked_from_js_ref(value)
        .to_string(10)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

fn number_value(path: &str, number: f64) -> pmkit::Result<Value> {
    if !number.is_finite() {
        let shown = match number {
            n if n.is_nan() => "NaN",
            n if n > 0.0 => "Infinity",
            _ => "-Infinity",
        };
        return Err(pmkit::Error::invalid(
            path,
            format!("is {shown}; a number here must be finite"),
        ));
    }
    if number.fract() == 0.0 && number.abs() <= MAX_EXACT {
        // Whole and within ±2^53, so the conversion is exact.
        return Ok(Value::Number((number as i64).into()));
    }
    Ok(Number::from_f64(number).map_or(Value::Null, Value::Number))
}

fn unreadable(path: &str, err: &JsValue) -> pmkit::Error {
    let why = err
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| "it threw".to_owned(), |err| String::from(err.message()));
    pmkit::Error::invalid(path, format!("could not be read ({why})"))
}

fn array(value: &JsValue, path: &mut String, depth: usize) -> pmkit::Result<Value> {
    let length = js_sys::Reflect::get(value, &"length".into())
        .map_err(|err| unreadable(path, &err))?
        .as_f64()
        .unwrap_or(0.0);
    if length > f64::from(MAX_ARRAY_LENGTH) {
        return Err(pmkit::Error::out_of_range(
            path.as_str(),
            format!("has {length} elements, more than the {MAX_ARRAY_LENGTH} pmkit reads in an object argument"),
        ));
    }
    // At most MAX_ARRAY_LENGTH, so the conversion is exact.
    let length = length as u32;
    let at = path.len();
    let mut items = Vec::with_capacity(length as usize);
    for index in 0..length {
        path.push_str(&format!("[{index}]"));
        let item = js_sys::Reflect::get_u32(value, index).map_err(|err| unreadable(path, &err))?;
        items.push(to_json(&item, path, depth + 1)?);
        path.truncate(at);
    }
    Ok(Value::Array(items))
}

fn object(value: &JsValue, path: &mut String, depth: usize) -> pmkit::Result<Value> {
    let keys = js_sys::Reflect::own_keys(value).map_err(|err| unreadable(path, &err))?;
    let at = path.len();
    let mut map = Map::new();
    for key in keys.iter() {
        // Symbol keys name no field of a JSON object.
        let Some(name) = string(path, &key)? else {
            continue;
        };
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&name);
        let item = js_sys::Reflect::get(value, &key).map_err(|err| unreadable(path, &err))?;
        if !item.is_undefined() {
            map.insert(name, to_json(&item, path, depth + 1)?);
        }
        path.truncate(at);
    }
    Ok(Value::Object(map))
}
