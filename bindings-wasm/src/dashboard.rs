//! The product dashboard (`pmkit::dashboard`) for JavaScript, from the API description
//! (`pmkit_api::dashboard!`): product files (JSON or a Jira CSV export) and every
//! number and chart the browser page shows.

use crate::convert::js_functions;

pmkit_api::dashboard!(js_functions);
