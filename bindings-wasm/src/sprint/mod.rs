//! `pmkit::sprint` for JavaScript, from the API description (`pmkit_api::sprint!`).
//! Sprints, calendars, members, logs and histories are plain objects in their JSON
//! form (dates as ISO strings inside them); top-level dates take a `Date` (its UTC
//! day) or an ISO string.

use crate::convert::js_functions;

pmkit_api::sprint!(js_functions);
