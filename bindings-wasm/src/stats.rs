//! `pmkit::stats` for JavaScript, from the API description (`pmkit_api::stats!`).

use crate::convert::js_functions;

pmkit_api::stats!(js_functions);
