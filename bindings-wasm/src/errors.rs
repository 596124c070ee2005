//! Core errors as JavaScript `Error` objects named `PmkitError`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &'static str = r#"
/** The machine-readable kind of a PmkitError. */
export type PmkitErrorKind = "invalid_input" | "out_of_range" | "undefined" | "parse";

/** Every pmkit function throws this on bad input: `name` is "PmkitError". */
export interface PmkitError extends Error {
  name: "PmkitError";
  kind: PmkitErrorKind;
  /** The input at fault, as named in the API ("responses[2]"). */
  field: string;
}
"#;

/// A JavaScript `Error` with `name` `"PmkitError"`, `kind` and `field` set.
pub fn to_js(err: pmkit::Error) -> JsValue {
    let js_err = js_sys::Error::new(&err.to_string());
    js_err.set_name("PmkitError");
    // Reflect.set on a fresh, extensible Error object cannot fail.
    let _ = js_sys::Reflect::set(&js_err, &"kind".into(), &err.kind().as_str().into());
    let _ = js_sys::Reflect::set(&js_err, &"field".into(), &err.field().into());
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
