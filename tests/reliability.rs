//! Hostile input never crashes a run or loses the other documents; outputs are never left
//! truncated under their final name. docs/reliability.md lists each case and its test.

use crate::util::*;
use serde_json::Value;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Every span of every document lies inside the text, in characters.
fn assert_spans_valid(doc: &Value) {
    let n = doc["text"].as_str().unwrap().chars().count() as u64;
    for e in doc["entities"].as_array().unwrap() {
        assert!(e["start"].as_u64() <= e["end"].as_u64() && e["end"].as_u64().unwrap() <= n);
    }
    for q in doc["quotes"].as_array().unwrap() {
        let c = &q["content"];
        assert!(c["start"].as_u64() <= c["end"].as_u64() && c["end"].as_u64().unwrap() <= n);
    }
}

fn run_dir(dir: &Dir, extra: &[&str]) -> (i32, Vec<Value>, String) {
    let mut args = vec!["run"];
    args.extend_from_slice(extra);
    args.push(path_str(&dir.path));
    let out = kutip(&args, None);
    let docs = json_lines(std::str::from_utf8(&out.stdout).unwrap());
    (
        out.status.code().unwrap(),
        docs,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn invalid_utf8_is_reported_or_replaced_with_lossy() {
    let dir = Dir::new("rel-utf8");
    std::fs::write(dir.path.join("bad.txt"), b"Kata \xc3\x28 Budi.").unwrap();
    let (code, docs, stderr) = run_dir(&dir, &[]);
    assert_eq!((code, docs.len()), (1, 0));
    assert!(
        stderr.contains("bad.txt: not valid UTF-8 at byte 5"),
        "{stderr}"
    );
    let (code, docs, _) = run_dir(&dir, &["--lossy"]);
    assert_eq!(code, 0);
    assert!(docs[0]["text"].as_str().unwrap().contains('\u{FFFD}'));
}

#[test]
fn bom_crlf_lone_cr_nul_and_control_characters_are_processed() {
    let dir = Dir::new("rel-control");
    dir.write(
        "bom.txt",
        "\u{feff}“Siap,” kata Budi Santoso.\r\nBaris dua.\rBaris tiga.",
    );
    dir.write(
        "control.txt",
        "Halo\u{0}dunia\u{7}\u{1b}[31m merah \u{200b}\u{202e}terbalik.",
    );
    dir.write("empty.txt", "");
    dir.write("blank.txt", " \n\t\r\n ");
    let (code, docs, stderr) = run_dir(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(docs.len(), 4);
    let bom = docs.iter().find(|d| d["id"] == "bom").unwrap();
    assert!(!bom["text"].as_str().unwrap().starts_with('\u{feff}'));
    assert_eq!(
        bom["paragraphs"].as_array().unwrap().len(),
        3,
        "CRLF and a lone CR both break lines"
    );
    assert_eq!(bom["quotes"][0]["speaker"]["name"], "Budi Santoso");
    docs.iter().for_each(assert_spans_valid);
}

#[test]
fn a_binary_file_in_a_directory_is_reported_and_the_rest_come_out() {
    let dir = Dir::new("rel-binary");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dir.path.join("image.txt"), bytes).unwrap();
    dir.write("good.txt", "Rusia marah.");
    let (code, docs, stderr) = run_dir(&dir, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("image.txt: not valid UTF-8"), "{stderr}");
    assert_eq!(docs[0]["id"], "good");
}

#[test]
fn pathological_documents_finish_with_valid_spans() {
    let dir = Dir::new("rel-patho");
    dir.write("longword.txt", &"a".repeat(10 << 20));
    dir.write(
        "marks.txt",
        &"“"
            .repeat(5_000)
            .chars()
            .chain("”".repeat(5_000).chars())
            .collect::<String>(),
    );
    dir.write("alternating.txt", &"“a” ".repeat(2_500));
    dir.write(
        "unbalanced.txt",
        "“Tidak pernah ditutup, kata Budi.\nParagraf lain yang panjang sekali. “Ya,” kata Ani.\n",
    );
    dir.write(
        "nested.txt",
        "“Dia bilang ‘jangan’ lalu pergi,” kata Budi Santoso.",
    );
    dir.write("punct.txt", &".,;:!?".repeat(20_000));
    let started = std::time::Instant::now();
    let (code, docs, stderr) = run_dir(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(docs.len(), 6);
    docs.iter().for_each(assert_spans_valid);
    let unbalanced = docs.iter().find(|d| d["id"] == "unbalanced").unwrap();
    for q in unbalanced["quotes"].as_array().unwrap() {
        assert!(
            !q["content"]["text"]
                .as_str()
                .unwrap()
                .contains("Paragraf lain"),
            "a stray mark swallowed the next paragraph: {q}"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn an_oversized_document_is_refused_with_the_limit_and_the_rest_go_on() {
    let dir = Dir::new("rel-huge");
    dir.write("huge.txt", &"kata Budi. ".repeat(200_000));
    dir.write("small.txt", "Halo.");
    let pipeline = dir.write(
        "limit.toml",
        "[[stage]]\ntype = \"tokenize\"\nmax_bytes = 1000000\n",
    );
    let out = kutip(
        &[
            "run",
            "-p",
            path_str(&pipeline),
            path_str(&dir.path.join("huge.txt")),
            path_str(&dir.path.join("small.txt")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "document is 2200000 bytes, over the limit of 1000000 bytes for stage `tokenize`"
        ),
        "{stderr}"
    );
    assert_eq!(
        json_lines(std::str::from_utf8(&out.stdout).unwrap())[0]["id"],
        "small"
    );
}

#[test]
fn duplicate_ids_are_warned_kept_and_told_apart() {
    let dir = Dir::new("rel-dup");
    let input = dir.write("dup.jsonl", "{\"id\":\"a\",\"text\":\"Satu.\"}\n{\"id\":\"a\",\"text\":\"Dua.\"}\n{\"id\":\"a\",\"text\":\"Tiga.\"}\n");
    let out = kutip(&["run", path_str(&input)], None);
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<String> = json_lines(std::str::from_utf8(&out.stdout).unwrap())
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "a~2", "a~3"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: ") && stderr.contains("duplicate document id `a`"),
        "{stderr}"
    );
    let docs = json_lines(std::str::from_utf8(&out.stdout).unwrap());
    assert_eq!(docs[1]["meta"]["original_id"], "a");
}

#[test]
fn ragged_conll_lines_are_reported_with_their_line_number() {
    let dir = Dir::new("rel-ragged");
    let input = dir.write("r.conll", "Rusia\tB-LOC\nmarah\n\nJoko\tB-PER\tx\n");
    let out = kutip(&["run", "-e", "conll", path_str(&input)], None);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("r.conll:2: 1 column where line 1 has 2"),
        "{stderr}"
    );
    assert!(
        stderr.contains("r.conll:4: 3 columns where line 1 has 2"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 4);
}

#[test]
fn failures_are_summarised_by_reason() {
    let dir = Dir::new("rel-reasons");
    let input = dir.write("m.jsonl", "{\"text\":1}\nnope\n{\"text\":\"Baik.\"}\n{}\n");
    let out = kutip(&["run", path_str(&input)], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("4 documents read, 1 exported, 3 failed (bad JSONL line: 3)"),
        "{stderr}"
    );
}

#[test]
fn configuration_errors_exit_2_before_any_document_is_read() {
    let dir = Dir::new("rel-config");
    let cases = [
        (
            "malformed.toml",
            "[[stage]\ntype = \"tokenize\"\n",
            "not valid TOML",
        ),
        (
            "unknown.toml",
            "[[stage]]\ntype = \"tokenize\"\ncolour = 1\n",
            "unknown option `colour`",
        ),
        (
            "types.toml",
            "[[stage]]\ntype = \"tokenize\"\nmax_bytes = \"besar\"\n",
            "invalid type",
        ),
    ];
    for (name, text, says) in cases {
        let p = dir.write(name, text);
        let out = kutip(&["run", "-p", path_str(&p), "no-such-input.txt"], None);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(says) && !stderr.contains("no-such-input"),
            "{name}: {stderr}"
        );
    }
    let missing_dir = dir.path.join("nowhere").join("out.json");
    let out = kutip(
        &[
            "run",
            "-o",
            path_str(&missing_dir),
            path_str(&fixture("karabakh-tribunnews.txt")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create output"));
}

/// A corpus big enough that a debug build needs a few seconds for it.
fn long_corpus(dir: &Dir) -> std::path::PathBuf {
    let article = std::fs::read_to_string(fixture("karabakh-tribunnews.txt")).unwrap();
    let line = serde_json::json!({"text": article}).to_string();
    dir.write(
        "long.jsonl",
        &(0..6000)
            .map(|_| line.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
}

#[test]
fn ctrl_c_flushes_what_is_done_into_a_complete_file() {
    let dir = Dir::new("rel-sigint");
    let input = long_corpus(&dir);
    let target = dir.path.join("out.json");
    let child = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args([
            "run",
            "-j",
            "2",
            "-e",
            "json",
            "-o",
            path_str(&target),
            path_str(&input),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    signal(child.id(), "-INT");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(0) {
        eprintln!("the run finished before the signal; nothing to check");
        return;
    }
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("interrupted:") && stderr.contains("out.json"),
        "{stderr}"
    );
    let docs: Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap())
        .expect("a complete JSON array");
    // The signal may land after the last document was done but before the run ended: then
    // all 6000 are there, and the file must still be one complete array.
    let n = docs.as_array().unwrap().len();
    assert!(n > 0 && n <= 6000, "{n} documents");
}

#[test]
fn a_killed_run_never_leaves_a_truncated_file_under_the_final_name() {
    let dir = Dir::new("rel-kill");
    let input = long_corpus(&dir);
    let target = dir.path.join("out.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(["run", "-o", path_str(&target), path_str(&input)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    signal(child.id(), "-KILL");
    let status = child.wait().unwrap();
    if status.success() {
        eprintln!("the run finished before the signal; nothing to check");
        return;
    }
    assert!(!target.exists(), "a killed run left {}", target.display());
    let temporaries: Vec<_> = std::fs::read_dir(&dir.path)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("kutip-tmp"))
        .collect();
    assert_eq!(
        temporaries.len(),
        1,
        "the partial output stays under its temporary name"
    );
}

#[test]
fn a_missing_model_or_gazetteer_file_is_one_error_before_any_document() {
    let dir = Dir::new("rel-model");
    for (name, option) in [
        ("model.toml", "model = \"no/such/model.bin\""),
        ("gaz.toml", "gazetteer_files = [\"no/such/names.tsv\"]"),
    ] {
        let p = dir.write(
            name,
            &format!(
                "[[stage]]\ntype = \"tokenize\"\n\n[[stage]]\ntype = \"entities\"\n{option}\n"
            ),
        );
        let out = kutip(
            &[
                "run",
                "-p",
                path_str(&p),
                path_str(&fixture("karabakh-tribunnews.txt")),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("stage `entities`") && stderr.contains("no/such"),
            "{name}: {stderr}"
        );
        assert_eq!(
            stderr.lines().count(),
            1,
            "one error, not one per document: {stderr}"
        );
        assert!(out.stdout.is_empty());
        let out = kutip(&["validate", path_str(&p)], None);
        assert_eq!(out.status.code(), Some(2), "validate {name}");
    }
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let dir = Dir::new("rel-pipe");
    let input = long_corpus(&dir);
    // `head` closes the pipe after the first bytes; kutip stops quietly with success.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} run {} | head -c 100 > /dev/null; echo \"${{PIPESTATUS:-}}\"",
            env!("CARGO_BIN_EXE_kutip"),
            path_str(&input)
        ))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
}

#[test]
fn the_default_limit_refuses_a_100_mb_document() {
    let dir = Dir::new("rel-100mb");
    let paragraph =
        "“Kami siap,” kata Budi Santoso di Jakarta, Senin (13/4/2020). Warga diminta tenang.\n";
    let huge = paragraph.repeat(100_000_000 / paragraph.len() + 1);
    let input = dir.write("huge.txt", &huge);
    dir.write("small.txt", "“Siap,” kata Ani Wijaya.");
    let out = kutip(
        &[
            "run",
            path_str(&input),
            path_str(&dir.path.join("small.txt")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("over the limit of 16777216 bytes for stage `tokenize`"),
        "{stderr}"
    );
    assert_eq!(
        json_lines(std::str::from_utf8(&out.stdout).unwrap())[0]["id"],
        "small"
    );
}
