//! `pmkit::roadmap` for JavaScript, from the API description (`pmkit_api::roadmap!`):
//! validation, progress roll-up, lifecycle and feasibility. Roadmaps, backlogs,
//! lifecycles and epics are plain objects in their JSON form; top-level dates take a
//! `Date` (its UTC day) or an ISO string.

use crate::convert::js_functions;

pmkit_api::roadmap!(js_functions);
