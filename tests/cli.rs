//! The command line: validation messages, the catalogue, the default pipeline, exit codes.

use crate::util::*;

#[test]
fn validate_reports_every_mistake_at_once() {
    let dir = Dir::new("validate");
    let pipeline = dir.write(
        "mine.toml",
        r#"[input]
format = "text"

[[stage]]
type = "tokenize"
abbreviation = ["Kol."]

[[stage]]
type = "quote"

[[stage]]
type = "entities"
places = "Bandung"

[[export]]
type = "jsonl"
"#,
    );
    let out = kutip(&["validate", path_str(&pipeline)], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr)
        .unwrap()
        .replace(path_str(&pipeline), "mine.toml");
    insta::assert_snapshot!(stderr);
}

#[test]
fn validate_explains_stage_order() {
    let dir = Dir::new("order");
    let pipeline = dir.write(
        "order.toml",
        "[[stage]]\ntype = \"tokenize\"\n\n[[stage]]\ntype = \"quotes\"\n",
    );
    let out = kutip(&["validate", path_str(&pipeline)], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("order.toml:4:1: stage `quotes` needs entities"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: put an `entities` stage before it"),
        "{stderr}"
    );
}

#[test]
fn run_with_a_bad_pipeline_exits_2_before_reading_input() {
    let dir = Dir::new("badrun");
    let pipeline = dir.write("bad.toml", "[[stage]]\ntype = 3\n");
    let out = kutip(
        &["run", "-p", path_str(&pipeline), "does-not-exist.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.toml:2:8: `type` must be a string"));
}

#[test]
fn shipped_pipelines_validate() {
    for entry in std::fs::read_dir(root().join("pipelines")).unwrap() {
        let path = entry.unwrap().path();
        kutip_ok(&["validate", path_str(&path)], 0);
    }
}

#[test]
fn pipeline_show_prints_the_default_which_runs_as_is() {
    let shown = kutip_ok(&["pipeline", "show"], 0);
    let dir = Dir::new("show");
    let pipeline = dir.write("default.toml", &shown);
    let input = fixture("karabakh-tribunnews.txt");
    let a = kutip_ok(&["run", "-p", path_str(&pipeline), path_str(&input)], 0);
    let b = kutip_ok(&["run", path_str(&input)], 0);
    assert_eq!(a, b);
}

#[test]
fn stages_lists_every_stage_and_option() {
    let out = kutip_ok(&["stages"], 0);
    for needle in [
        "type = \"tokenize\"",
        "type = \"entities\"",
        "type = \"quotes\"",
        "type = \"conll\"",
        "abbreviations",
        "max_quote_bytes",
        "scheme (entities | pfsa-id | kota",
    ] {
        assert!(out.contains(needle), "{needle} missing from:\n{out}");
    }
}

#[test]
fn stdin_is_read_when_no_input_is_given() {
    let out = kutip(&["run"], Some("“Siap,” kata Budi Santoso."));
    assert_eq!(out.status.code(), Some(0));
    let docs = json_lines(std::str::from_utf8(&out.stdout).unwrap());
    assert_eq!(docs[0]["quotes"][0]["speaker"]["name"], "Budi Santoso");
}
