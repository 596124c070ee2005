//! `pmkit::flow` for JavaScript, from the API description (`pmkit_api::flow!`).
//! Items, workflows and timelines cross as plain objects in their JSON form
//! (timestamps as ISO strings); samples of numbers as any array-like.

use crate::convert::js_functions;

pmkit_api::flow!(js_functions);
