//! `kutip check`: golden files for pipeline authors, end to end.

use crate::util::*;
use std::path::Path;

fn copy_fixtures(dir: &Dir) {
    for name in ["karabakh-tribunnews.txt", "banjir-kompas-style.txt"] {
        std::fs::copy(fixture(name), dir.path.join(name)).unwrap();
    }
}

fn check(args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let out = kutip(&all, stdin);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The project pins its own fixtures with kutip check too (beside the insta snapshots).
#[test]
fn project_fixtures_match_their_golden_files() {
    let (code, out) = check(&["tests/fixtures"], None);
    assert_eq!(
        code, 0,
        "{out}\nafter an intended change: cargo run -- check --update tests/fixtures, and read the diff"
    );
    assert!(out.ends_with("3 unchanged, 0 changed, 0 new\n"), "{out}");
}

#[test]
fn update_then_check_is_clean() {
    let dir = Dir::new("check-update");
    copy_fixtures(&dir);
    let d = path_str(&dir.path);
    let (code, out) = check(&[d], None);
    assert_eq!(code, 1);
    assert!(out.contains("0 unchanged, 0 changed, 2 new"), "{out}");
    let (code, out) = check(&["--update", d], None);
    assert_eq!(code, 0, "{out}");
    assert!(dir.path.join("karabakh-tribunnews.kutip.json").is_file());
    let (code, out) = check(&[d], None);
    assert_eq!((code, out.as_str()), (0, "2 unchanged, 0 changed, 0 new\n"));
}

fn pipeline_without(dir: &Dir, cue: &str) -> String {
    let p = dir.write(
        "pipeline.toml",
        &format!("[[stage]]\ntype = \"tokenize\"\n\n[[stage]]\ntype = \"entities\"\n\n[[stage]]\ntype = \"quotes\"\nremove_cues = [\"{cue}\"]\n"),
    );
    path_str(&p).to_string()
}

#[test]
fn editing_a_cue_list_is_described_by_meaning() {
    let dir = Dir::new("check-cues");
    copy_fixtures(&dir);
    let d = path_str(&dir.path);
    check(&["--update", d], None);
    let pipeline = pipeline_without(&dir, "ujar");
    let (code, out) = check(&["-p", &pipeline, d], None);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("~ document `banjir-kompas-style`: cue of “Sampai siang ini ketinggian air masih 1,5 meter,” changed from ujarnya to none"),
        "{out}"
    );
    assert!(out.contains("speaker of “Sampai siang ini ketinggian air masih 1,5 meter,” changed from Budi Santoso to nobody"), "{out}");
    assert!(out.contains("1 unchanged, 1 changed, 0 new"), "{out}");

    let (code, out) = check(&["-p", &pipeline, "--format", "json", d], None);
    assert_eq!(code, 1);
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (summary["unchanged"].as_u64(), summary["changed"].as_u64()),
        (Some(1), Some(1))
    );
    let kinds: Vec<&str> = summary["files"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.iter().all(|k| *k == "quote_changed"), "{kinds:?}");
}

#[test]
fn review_accepts_and_rejects_one_file_at_a_time() {
    let dir = Dir::new("check-review");
    copy_fixtures(&dir);
    let d = path_str(&dir.path);
    // Two new golden files: reject the first, accept the second.
    let (code, out) = check(&["--review", d], Some("n\ny\n"));
    assert_eq!(code, 1, "{out}");
    assert!(!dir.path.join("banjir-kompas-style.kutip.json").exists());
    assert!(dir.path.join("karabakh-tribunnews.kutip.json").exists());
    assert!(
        out.contains("0 unchanged, 0 changed, 2 new, 1 written"),
        "{out}"
    );
}

#[test]
fn exporter_output_gets_its_own_golden_file() {
    let dir = Dir::new("check-conll");
    copy_fixtures(&dir);
    let d = path_str(&dir.path);
    let pipeline = dir.write(
        "conll.toml",
        "[[stage]]\ntype = \"tokenize\"\n\n[[stage]]\ntype = \"entities\"\n\n[[export]]\ntype = \"conll\"\npath = \"out.conll\"\nscheme = \"entities\"\nlabels = [\"PER\"]\n\n[check]\ngolden = \"{stem}.golden.{ext}\"\n",
    );
    let p = path_str(&pipeline);
    check(&["-p", p, "--update", d], None);
    let golden = dir.path.join("karabakh-tribunnews.golden.conll");
    assert!(
        std::fs::read_to_string(&golden)
            .unwrap()
            .contains("Vardanyan\tU-PER")
    );
    // Pretend a reviewer had accepted a different label; the check shows the line diff.
    let text = std::fs::read_to_string(&golden)
        .unwrap()
        .replace("Vardanyan\tU-PER", "Vardanyan\tO");
    std::fs::write(&golden, text).unwrap();
    let (code, out) = check(&["-p", p, d], None);
    assert_eq!(code, 1);
    assert!(
        out.contains("-Vardanyan\tO") && out.contains("+Vardanyan\tU-PER"),
        "{out}"
    );
    // Golden files are never taken for inputs.
    assert!(out.contains("3 unchanged, 1 changed, 0 new"), "{out}");
    assert!(Path::new(&dir.path.join("banjir-kompas-style.golden.json")).is_file());
}
