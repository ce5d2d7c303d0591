//! The article fixtures in `tests/fixtures/`, read in name order. The stage crates' benches and
//! tests include this one file with `#[path = "…/tests/fixture_articles.rs"]`: each is a crate
//! of its own, and the way to list the fixtures is written once.

use std::path::PathBuf;

/// Every `tests/fixtures/*.txt` article as (file stem, text), sorted by file name.
pub fn fixture_articles() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .map(|e| e.expect("fixture").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(p).expect("fixture text"))
        })
        .collect()
}
