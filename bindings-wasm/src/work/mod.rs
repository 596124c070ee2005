//! The backlog (`pmkit::work`) for JavaScript.
//!
//! Stories, backlogs and scales are plain objects in their JSON form (the same shape
//! in Rust, Python and JavaScript); functions that change a backlog return a new one.
//! An object of the wrong shape is a `PmkitError` of kind `invalid_input` on the
//! parameter; a broken rule of the core is the core's error prefixed with the parameter
//! (`backlog.stories[1].id`).

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, js_functions};
use crate::errors::{to_js, IntoJs};
use pmkit::work::{Backlog, BacklogParts, EstimateScale, ScaleParts};

mod backlog;
mod estimate;
mod prioritize;
mod story;

pmkit_api::work!(js_functions);

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// A backlog from its plain-object form; errors name `backlog`.
fn backlog_arg(value: JsValue) -> Result<Backlog, JsValue> {
    let parts: BacklogParts = from_js_value("backlog", value)?;
    Backlog::try_from(parts)
        .map_err(|err| err.within("backlog"))
        .js()
}

/// An optional scale; errors name `name`.
fn scale_arg(name: &str, value: JsValue) -> Result<Option<EstimateScale>, JsValue> {
    if is_absent(&value) {
        return Ok(None);
    }
    let parts: ScaleParts = from_js_value(name, value)?;
    EstimateScale::try_from(parts)
        .map(Some)
        .map_err(|err| err.within(name))
        .js()
}

fn rank_arg(rank: f64) -> Result<usize, JsValue> {
    let rank = pmkit::input::count("rank", rank).js()?;
    usize::try_from(rank).map_err(|_| to_js(pmkit::Error::out_of_range("rank", "is too large")))
}
