//! Every guide with a ```rust block runs as a doc test: `cargo test --doc` only sees a
//! Markdown file that some item in `core/src` pulls in with
//! `#[doc = include_str!("…/docs/<guide>.md")]`, so a new guide (or the README) whose
//! examples nobody included would silently never compile. This test reads the guides and
//! the sources and fails naming each guide that is included nowhere, or more than once
//! (its examples would then run twice).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn files_with_extension(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_with_extension(&path, extension, out);
        } else if path.extension().is_some_and(|ext| ext == extension) {
            out.push(path);
        }
    }
}

/// The Markdown files whose examples must run: `docs/*.md` and the README, when they
/// hold at least one ```rust block (a plain ``` block is not compiled by rustdoc here).
fn guides_with_rust(repo: &Path) -> Vec<PathBuf> {
    let mut candidates = vec![repo.join("README.md")];
    for entry in std::fs::read_dir(repo.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "md") {
            candidates.push(path);
        }
    }
    candidates
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            text.lines()
                .any(|line| line.trim_start().starts_with("```rust"))
        })
        .map(|path| path.canonicalize().unwrap())
        .collect()
}

/// The files `#[doc = include_str!("…")]` attributes of `source` pull in, resolved
/// against the source file's directory (as `include_str!` itself does).
fn doc_includes(source: &Path) -> Vec<PathBuf> {
    const ATTRIBUTE: &str = "#[doc = include_str!(\"";
    let text = std::fs::read_to_string(source).unwrap();
    let dir = source.parent().unwrap();
    text.lines()
        .filter_map(|line| line.trim().strip_prefix(ATTRIBUTE))
        .filter_map(|rest| rest.split('"').next())
        .filter_map(|relative| dir.join(relative).canonicalize().ok())
        .collect()
}

#[test]
fn every_guide_with_rust_examples_is_a_doc_test() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = core.parent().unwrap();

    let mut sources = Vec::new();
    files_with_extension(&core.join("src"), "rs", &mut sources);
    let mut included: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for source in &sources {
        for guide in doc_includes(source) {
            included.entry(guide).or_default().push(source.clone());
        }
    }

    let guides = guides_with_rust(repo);
    // Guard against a scan that finds nothing and so passes vacuously.
    assert!(
        guides.iter().any(|guide| guide.ends_with("docs/charts.md")),
        "no guide with Rust examples found under {}",
        repo.display()
    );

    let mut problems = Vec::new();
    for guide in &guides {
        let name = guide.strip_prefix(repo.canonicalize().unwrap()).unwrap();
        match included.get(guide).map(Vec::as_slice) {
            None | Some([]) => problems.push(format!(
                "{} has ```rust blocks but no `#[doc = include_str!(...)] #[cfg(doctest)]` \
                 item in core/src includes it (add one in the module it documents)",
                name.display()
            )),
            Some([_]) => {}
            Some(many) => problems.push(format!(
                "{} is included {} times (its examples run once per include): {:?}",
                name.display(),
                many.len(),
                many
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
