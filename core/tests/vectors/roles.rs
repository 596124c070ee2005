//! Dispatch for the roles module: roles and activity kinds arrive as their snake_case
//! names and are parsed as the bindings parse them, so an unknown name is the same error.

use super::*;
use pmkit::roles::{self as r, ActivityKind, Role};
use serde_json::Value;

fn role(args: &Value) -> pmkit::Result<Role> {
    Role::parse("role", str_arg(args, "role"))
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "role_profile" => json(role(args).map(r::role_profile)),
        "role_profiles" => json(Ok(r::role_profiles())),
        "salary_benchmark" => json(role(args).map(r::salary_benchmark)),
        "salary_position_in_range" => json(
            role(args).and_then(|role| r::salary_position_in_range(role, f64_arg(args, "salary"))),
        ),
        "owner_of" => json(ActivityKind::parse("kind", str_arg(args, "kind")).map(r::owner_of)),
        "worked_example" => json(Ok(r::worked_example())),
        "product_manager_headcount" => json(Ok(r::product_manager_headcount())),
        _ => return None,
    })
}
