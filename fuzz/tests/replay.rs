//! Every committed seed (`seeds/<target>/`) and past finding (`regressions/<target>/`)
//! through its fuzz target's body, on stable Rust: what the fuzzers found stays fixed
//! without nightly. `make rust-test` runs it (`cargo test --manifest-path fuzz/Cargo.toml`).

use std::path::Path;

use pmkit_fuzz::targets;

const TARGETS: [(&str, fn(&[u8])); 11] = [
    ("moment", targets::moment),
    ("backlog_json", targets::backlog_json),
    ("roadmap_json", targets::roadmap_json),
    ("items_json", targets::items_json),
    ("scorecard_json", targets::scorecard_json),
    ("sprint_log_json", targets::sprint_log_json),
    ("product_file_json", targets::product_file_json),
    ("jira_csv", targets::jira_csv),
    ("linear_csv", targets::linear_csv),
    ("github_json", targets::github_json),
    ("charts", targets::charts),
];

#[test]
fn seeds_and_past_findings_pass_every_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut replayed = 0;
    for (name, target) in TARGETS {
        for folder in ["seeds", "regressions"] {
            let Ok(entries) = std::fs::read_dir(root.join(folder).join(name)) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("a directory entry").path();
                let data = std::fs::read(&path).expect("a readable input");
                eprintln!("{}", path.display());
                target(&data);
                replayed += 1;
            }
        }
    }
    // Every target has seeds: a test that replays nothing would prove nothing.
    assert!(replayed >= TARGETS.len(), "replayed {replayed} inputs");
}

#[test]
fn every_target_has_a_binary_and_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, _) in TARGETS {
        assert!(
            root.join("fuzz_targets")
                .join(format!("{name}.rs"))
                .is_file(),
            "{name}"
        );
        assert!(root.join("seeds").join(name).is_dir(), "seeds of {name}");
    }
}
