//! Many documents: parallel runs keep input order, filters keep one line per input line, and a
//! bad input never stops the others.

use crate::util::*;

/// A batch of documents of very different sizes (so workers finish out of order), with a broken
/// line in the middle.
fn batch() -> String {
    let article = std::fs::read_to_string(fixture("karabakh-tribunnews.txt")).unwrap();
    let mut lines = Vec::new();
    for i in 0..300 {
        let text = match i % 7 {
            0 => article.repeat(20),
            1 => String::new(),
            _ => format!("“Dokumen {i} siap,” kata Budi Santoso di Jakarta, Senin (13/4/2020)."),
        };
        lines.push(serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        if i == 150 {
            lines.push("{\"id\": \"broken\", \"text\": ".to_string());
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn parallel_runs_keep_input_order_and_equal_a_single_thread_run() {
    let dir = Dir::new("parallel");
    let input = dir.write("batch.jsonl", &batch());
    let one = kutip(&["run", "-q", "-j", "1", path_str(&input)], None);
    let four = kutip(&["run", "-q", "-j", "4", path_str(&input)], None);
    assert_eq!((one.status.code(), four.status.code()), (Some(1), Some(1)));
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = json_lines(std::str::from_utf8(&four.stdout).unwrap())
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, (0..300).map(|i| format!("d{i}")).collect::<Vec<_>>());
    assert!(String::from_utf8_lossy(&four.stderr).contains("batch.jsonl:152: not valid JSON"));
}

#[test]
fn filter_pipeline_writes_one_record_per_input_line() {
    let input = batch();
    let out = kutip(
        &["run", "-q", "-j", "2", "-p", "pipelines/filter.toml"],
        Some(&input),
    );
    assert_eq!(out.status.code(), Some(1));
    let records = json_lines(std::str::from_utf8(&out.stdout).unwrap());
    assert_eq!(records.len(), input.lines().count());
    assert_eq!(records[151]["schema"], "kutip/1");
    assert!(
        records[151]["error"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );
    assert_eq!(records[152]["id"], "d151");
}

#[test]
fn a_missing_input_is_reported_and_the_others_still_come_out() {
    let dir = Dir::new("missing");
    let good = dir.write("good.txt", "Halo.");
    let out = kutip(
        &["run", path_str(&dir.path.join("nope.txt")), path_str(&good)],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.txt: cannot read"));
    assert_eq!(
        json_lines(std::str::from_utf8(&out.stdout).unwrap())[0]["id"],
        "good"
    );
}

#[test]
fn timings_name_every_stage_and_exporter() {
    let out = kutip(
        &[
            "run",
            "--timings",
            path_str(&fixture("karabakh-tribunnews.txt")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for row in [
        "stage tokenize",
        "stage entities",
        "stage quotes",
        "export jsonl",
        "wall clock",
    ] {
        assert!(stderr.contains(row), "{row} missing:\n{stderr}");
    }
}

#[test]
fn no_progress_bar_or_noise_when_stderr_is_not_a_terminal() {
    let out = kutip(
        &["run", path_str(&fixture("karabakh-tribunnews.txt"))],
        None,
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
