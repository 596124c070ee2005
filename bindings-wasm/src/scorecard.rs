//! The scorecard (`pmkit::scorecard`) for JavaScript, from the API description
//! (`pmkit_api::scorecard!`): every KPI of a product snapshot.

use crate::convert::js_functions;

pmkit_api::scorecard!(js_functions);
