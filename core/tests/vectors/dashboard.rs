//! Dispatch for the product dashboard (`pmkit::dashboard`). A product file arrives as
//! JSON text or as an object, which is read as its JSON text (as the bindings do), so
//! errors name the JSON path either way. Charts are not compared here (their SVG is
//! tested by the chart module); the cases use files without a sprint or a history.

use super::*;
use pmkit::chart::ChartOptions;
use pmkit::dashboard::{self as d, ProductFile};
use serde_json::Value;

fn file(args: &Value) -> pmkit::Result<ProductFile> {
    let value = opt(args, "file").expect("file");
    match value.as_str() {
        Some(text) => ProductFile::from_json(text),
        None => ProductFile::from_json(&value.to_string()),
    }
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "product_file_from_json" => json(ProductFile::from_json(str_arg(args, "text"))),
        "product_file_from_jira_csv" => options_arg::<d::JiraCsvOptions>(args, &["text"])
            .and_then(|options| options.status_map())
            .and_then(|statuses| {
                json(ProductFile::from_jira_csv(
                    str_arg(args, "text"),
                    statuses.as_ref(),
                ))
            }),
        "tracker_product_file" => options_arg::<d::TrackerFileOptions>(args, &["text"])
            .and_then(|options| json(d::tracker_product_file(str_arg(args, "text"), &options))),
        "product_dashboard" => {
            file(args).and_then(|file| json(d::dashboard(&file, None, &ChartOptions::default())))
        }
        _ => return None,
    })
}
