//! The described analytics functions (`pmkit_api::analytics!`) for JavaScript, and how
//! their column parameters are read: a typed array copied once into wasm memory, a
//! plain array checked in one pass (see `convert::numbers`), kept as `f64`, the core's
//! JavaScript number column (each value checked by the core as it is read).

use wasm_bindgen::{JsCast, JsValue};

use crate::convert::{count, from_js_value, js_functions, numbers, numbers_hinted, FromJs};
use crate::errors::IntoJs;
use pmkit_api::columns::{in_place, EventValues, IdValues, TimeValues, Values};

pmkit_api::analytics!(js_functions);

/// `userIds`: numbers, or a `BigInt64Array` / `BigUint64Array` of ids at most 2^53; a
/// text id is an error pointing to `encodeIds`.
impl FromJs for pmkit_api::UserIds<'static> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let ids = numbers_hinted(
            field,
            value,
            " (text ids: map them to numbers with encodeIds first)",
        )?;
        Ok(pmkit_api::UserIds {
            values: IdValues::Float(Values::owned(ids)),
            run: in_place,
        })
    }
}

/// `times`: numbers in the `unit` option (seconds by default).
impl FromJs for pmkit_api::Times<'static> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        Ok(pmkit_api::Times {
            values: TimeValues::Float(Values::owned(numbers(field, value)?)),
            own_unit: None,
            zone: None,
        })
    }
}

/// Partial counts in their JSON form (event codes; JavaScript passes no event names).
impl FromJs for pmkit_api::analytics::Partial {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        from_js_value(field, value).map(pmkit_api::analytics::Partial::of)
    }
}

/// An array of partial counts in their JSON form (`parts[1].metric` named when bad).
impl FromJs for Vec<pmkit_api::analytics::Partial> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let counts: Vec<pmkit::analytics::Counts> = from_js_value(field, value)?;
        Ok(counts
            .into_iter()
            .map(pmkit_api::analytics::Partial::of)
            .collect())
    }
}

/// `events`: event codes as numbers (event names: number them with `encodeIds` first).
impl FromJs for pmkit_api::EventIds<'static> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let codes = numbers_hinted(
            field,
            value,
            " (event names: map them to codes with encodeIds first)",
        )?;
        Ok(pmkit_api::EventIds {
            values: EventValues::Float(Values::owned(codes)),
            names: None,
        })
    }
}

/// An event code: a whole number in `0..=u32::MAX`.
fn code(field: &str, value: f64) -> Result<pmkit_api::Event, JsValue> {
    let number = count(field, value)?;
    u32::try_from(number)
        .map(pmkit_api::Event::Code)
        .map_err(|_| {
            pmkit::Error::out_of_range(field, format!("{number} is larger than {}", u32::MAX))
        })
        .js()
}

/// An event parameter: an event code, or an event name (a string), which an
/// `EventLog` with event names reads; the free functions' `events` hold codes, so a
/// name there is an error naming the parameter.
impl FromJs for pmkit_api::Event {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        if value.is_string() {
            return crate::convert::text(field, value).map(pmkit_api::Event::Name);
        }
        code(field, crate::convert::number(field, &value)?)
    }
}

/// Event parameters (`steps`): an array or typed array of event codes, or an array of
/// event names.
impl FromJs for Vec<pmkit_api::Event> {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        if let Some(array) = value.dyn_ref::<js_sys::Array>() {
            if array.get(0).is_string() {
                return array
                    .iter()
                    .enumerate()
                    .map(|(index, step)| {
                        pmkit_api::Event::from_js(&format!("{field}[{index}]"), step)
                    })
                    .collect();
            }
        }
        numbers(field, value)?
            .into_iter()
            .enumerate()
            .map(|(index, step)| code(&format!("{field}[{index}]"), step))
            .collect()
    }
}
