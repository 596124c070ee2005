//! `pmkit::chart` for JavaScript: one function per chart, from the API description
//! (`pmkit_api::chart!`), each taking its model (the plain object another pmkit
//! function returns, or an input object) and an optional options object `{ width?,
//! height?, theme? }` read into the core's `ChartOptions` (its defaults), and
//! returning a `Chart` object whose `svg` is the document. Their TypeScript
//! declarations are generated (`js/api.d.ts`).

use crate::convert::js_functions;

pmkit_api::chart!(js_functions);
