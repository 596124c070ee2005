"""The declared minimum Rust version (rust-version in Cargo.toml) against the locked
dependencies of the published `pmkit` crate.

This machine has one Rust toolchain and cannot fetch another, so `cargo +1.85 build`
cannot run here. What can be checked is checked: clippy's `incompatible_msrv` lint
(on in `make lint`) flags standard-library APIs newer than rust-version in our code,
and this script fails when a locked normal dependency of `pmkit` (all features the
build uses) declares a rust-version newer than ours. Usage: cargo metadata
--format-version 1 | python3 msrv.py
"""

import json
import sys


def version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


metadata = json.load(sys.stdin)
packages = {package["id"]: package for package in metadata["packages"]}
nodes = {node["id"]: node for node in metadata["resolve"]["nodes"]}
root = next(p for p in metadata["packages"] if p["name"] == "pmkit" and p["source"] is None)
ours = version(root["rust_version"])

seen, stack, too_new = set(), [root["id"]], []
while stack:
    package_id = stack.pop()
    if package_id in seen:
        continue
    seen.add(package_id)
    package = packages[package_id]
    declared = package.get("rust_version")
    if declared and version(declared) > ours:
        too_new.append(f"{package['name']} {package['version']} needs Rust {declared}")
    for dependency in nodes[package_id]["deps"]:
        if any(kind["kind"] is None for kind in dependency["dep_kinds"]):
            stack.append(dependency["pkg"])

if too_new:
    sys.exit(f"pmkit declares rust-version {root['rust_version']}, but:\n  " + "\n  ".join(too_new))
print(f"msrv: {len(seen) - 1} locked dependencies of pmkit declare at most Rust {root['rust_version']}")
