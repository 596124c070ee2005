//! The backlog (`pmkit::work`) for JavaScript, from the API description
//! (`pmkit_api::work!`): stories, acceptance criteria, estimate scales, backlogs,
//! prioritization and the Kano model, with their types.
//!
//! Stories, backlogs and scales are plain objects in their JSON form (the same shape
//! in Rust, Python and JavaScript); functions that change a backlog return a new one.
//! An object of the wrong shape is a `PmkitError` of kind `invalid_input` on the
//! parameter; a broken rule of the core is the core's error prefixed with the parameter
//! (`backlog.stories[1].id`).

use crate::convert::js_functions;

pmkit_api::work!(js_functions);
