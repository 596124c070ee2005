//! The KPI formulas (`pmkit::metrics`) for JavaScript, from the API description
//! (`pmkit_api::metrics!`).

use crate::convert::js_functions;

pmkit_api::metrics!(js_functions);
