//! Input formats: text, JSONL (with broken lines), CoNLL (aligned output).

use crate::util::*;

#[test]
fn jsonl_with_a_broken_line_exports_the_good_ones_and_exits_1() {
    let dir = Dir::new("jsonl");
    let input = dir.write(
        "batch.jsonl",
        concat!(
            "{\"id\":\"a\",\"text\":\"“Kami siap,” kata Budi Santoso.\",\"url\":\"https://contoh.id/a\"}\n",
            "{\"id\":\"b\",\"text\":\n",
            "{\"id\":\"c\",\"text\":\"Rusia marah.\"}\n",
        ),
    );
    let out = kutip(&["run", path_str(&input)], None);
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(std::str::from_utf8(&out.stdout).unwrap());
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(docs[0]["meta"]["url"], "https://contoh.id/a");
    assert_eq!(docs[0]["quotes"][0]["speaker"]["name"], "Budi Santoso");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("batch.jsonl:2: not valid JSON"), "{stderr}");
    assert!(
        stderr.contains("3 documents read, 2 exported, 1 failed"),
        "{stderr}"
    );
}

#[test]
fn conll_in_conll_out_has_the_inputs_line_count() {
    let dir = Dir::new("conll");
    let input = dir.write(
        "gold.conll",
        "-DOCSTART-\tO\n\n”\tO\n\nSaya\tO\nsiap\tO\n.\tO\n\n”\tO\nkata\tO\nJoko\tO\nWidodo\tO\n.\tO\n\n-DOCSTART-\tO\n\nRusia\tB-LOC\nmarah\tO\n\n\n",
    );
    let out = kutip_ok(&["run", "--export", "conll", path_str(&input)], 0);
    let gold = std::fs::read_to_string(&input).unwrap();
    assert_eq!(out.lines().count(), gold.lines().count(), "{out}");
    for (g, p) in gold.lines().zip(out.lines()) {
        assert_eq!(g.split('\t').next(), p.split('\t').next());
    }
    assert!(out.contains("Joko\tB-PER\nWidodo\tL-PER\n"), "{out}");
    assert!(out.contains("Rusia\tU-LOC\n"), "{out}");
}

#[test]
fn directories_are_walked_and_text_files_are_documents() {
    let dir = Dir::new("walk");
    dir.write("b.txt", "Kedua.");
    dir.write("a.txt", "Pertama.");
    dir.write("ignored.md", "Tidak.");
    let out = kutip_ok(&["run", path_str(&dir.path)], 0);
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn output_file_is_written_whole_and_never_equal_to_an_input() {
    let dir = Dir::new("output");
    let input = dir.write("a.txt", "“Siap,” kata Budi Santoso.");
    let target = dir.path.join("out.json");
    kutip_ok(
        &[
            "run",
            "--export",
            "json",
            "-o",
            path_str(&target),
            path_str(&input),
        ],
        0,
    );
    let docs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(docs[0]["id"], "a");
    let leftovers: Vec<_> = std::fs::read_dir(&dir.path)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("kutip-tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let out = kutip(&["run", "-o", path_str(&input), path_str(&input)], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "refused before anything is read"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("is also an input"));
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "“Siap,” kata Budi Santoso."
    );
}

#[test]
fn invalid_utf8_is_reported_with_its_offset_and_the_rest_go_on() {
    let dir = Dir::new("utf8");
    std::fs::write(dir.path.join("bad.txt"), b"Halo \xff dunia").unwrap();
    dir.write("good.txt", "Halo dunia.");
    let out = kutip(&["run", path_str(&dir.path)], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt: not valid UTF-8 at byte 5"));
    assert_eq!(
        json_lines(std::str::from_utf8(&out.stdout).unwrap()).len(),
        1
    );
}
