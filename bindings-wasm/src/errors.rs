//! Core errors as JavaScript `Error` objects named `PmkitError`, with `kind` and
//! `field`. The package's entry point (`js/index.js`) exports a `PmkitError` class
//! whose `instanceof` recognises them, so `err instanceof PmkitError` works in every
//! module format without a JavaScript snippet in the wasm module.

use wasm_bindgen::prelude::*;

/// The JavaScript spelling of a core field path: its leading parameter name in
/// camelCase (`customers_lost` → `customersLost`, `stories[0].estimate` unchanged),
/// since JavaScript callers name parameters and options in camelCase while the
/// objects they pass keep the core's snake_case JSON form.
pub fn js_field(field: &str) -> String {
    let end = field.find(['.', '[']).unwrap_or(field.len());
    let (head, rest) = field.split_at(end);
    format!("{}{rest}", camel_case(head))
}

/// `snake_case` → `camelCase`.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// `camelCase` → `snake_case` (an options key as the core names it).
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for ch in name.chars() {
        if ch.is_ascii_uppercase() {
            out.push('_');
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// `err` (a thrown `PmkitError`) with its field in JavaScript's spelling when the
/// field's leading name is one of `names` (the function's parameters and options):
/// `customers_lost` → `customersLost`, `severity_weights[1]` → `severityWeights[1]`.
/// Paths inside a JSON document or object keep the core's snake_case keys.
pub fn javascript_field(err: JsValue, names: &[String]) -> JsValue {
    let field = js_sys::Reflect::get(&err, &"field".into())
        .ok()
        .and_then(|field| field.as_string());
    let message = js_sys::Reflect::get(&err, &"message".into())
        .ok()
        .and_then(|message| message.as_string());
    let (Some(field), Some(message)) = (field, message) else {
        return err;
    };
    let end = field.find(['.', '[']).unwrap_or(field.len());
    if !names.iter().any(|name| name == &field[..end]) {
        return err;
    }
    let renamed = js_field(&field);
    let message = message
        .strip_prefix(&format!("{field}: "))
        .map_or(message.clone(), |reason| format!("{renamed}: {reason}"));
    let _ = js_sys::Reflect::set(&err, &"field".into(), &renamed.clone().into());
    let _ = js_sys::Reflect::set(&err, &"message".into(), &message.into());
    err
}

/// The option names of an options struct (its serialized default's keys).
pub fn option_names<T: serde::Serialize + Default>() -> Vec<String> {
    match serde_json::to_value(T::default()) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// A `PmkitError` for a core error (the field as the core names it).
pub fn to_js(err: pmkit::Error) -> JsValue {
    let field = err.field();
    let js_err = js_sys::Error::new(&format!("{field}: {}", err.reason()));
    js_err.set_name("PmkitError");
    // Reflect.set on a fresh, extensible Error object cannot fail.
    let _ = js_sys::Reflect::set(&js_err, &"kind".into(), &err.kind().as_str().into());
    let _ = js_sys::Reflect::set(&js_err, &"field".into(), &field.into());
    js_err.into()
}

/// `.js()` on a core result: the value, or the thrown `PmkitError`.
pub trait IntoJs<T> {
    /// Map the core error to its JavaScript `Error`.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for pmkit::Result<T> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(to_js)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_take_javascript_spelling() {
        assert_eq!(js_field("customers_lost"), "customersLost");
        assert_eq!(
            js_field("stories[0].estimate_points"),
            "stories[0].estimate_points"
        );
        assert_eq!(js_field("options.scale_max"), "options.scale_max");
        assert_eq!(js_field(""), "");
        assert_eq!(snake_case("utcOffsetMinutes"), "utc_offset_minutes");
        assert_eq!(camel_case("utc_offset_minutes"), "utcOffsetMinutes");
    }
}
