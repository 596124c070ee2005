//! The two product roles (`pmkit::roles`) for JavaScript, from the API description
//! (`pmkit_api::roles!`). Results are plain objects, so the Python method
//! `SalaryBenchmark.position_in_range` is the function `salaryPositionInRange(role, salary)`.

use crate::convert::js_functions;

pmkit_api::roles!(js_functions);
