//! kutip inside Apache Spark: the union of the partition outputs equals one process's output.
//! Needs python3 with pyspark and Java (CI installs pyspark); skipped with a message otherwise.

use crate::util::*;
use std::process::Command;

fn pyspark_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success())
        && Command::new("java")
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success())
}

#[test]
fn spark_partitions_together_equal_a_single_run() {
    if !pyspark_available() {
        eprintln!("skipped: python3 with pyspark, or java, is not available (pip install pyspark)");
        return;
    }
    let dir = Dir::new("spark");
    let article = std::fs::read_to_string(fixture("karabakh-tribunnews.txt")).unwrap();
    let mut lines = Vec::new();
    for i in 0..60 {
        let text = if i % 5 == 0 {
            article.clone()
        } else {
            format!("“Berita {i},” kata Budi Santoso.")
        };
        lines.push(
            serde_json::json!({"id": format!("doc{i}"), "text": text, "outlet": "contoh"})
                .to_string(),
        );
        if i == 30 {
            lines.push("not json at all".into());
        }
    }
    let corpus = dir.write("corpus.jsonl", &(lines.join("\n") + "\n"));
    let single = kutip(
        &[
            "run",
            "-q",
            "-p",
            "pipelines/filter.toml",
            path_str(&corpus),
        ],
        None,
    );
    assert_eq!(single.status.code(), Some(1), "one line is broken");
    let output = dir.path.join("out");
    let spark = Command::new("python3")
        .arg(root().join("examples/spark/kutip_spark.py"))
        .args(["--kutip", env!("CARGO_BIN_EXE_kutip"), "--pipeline"])
        .arg(root().join("pipelines/filter.toml"))
        .args([
            "--input",
            path_str(&corpus),
            "--output",
            path_str(&output),
            "--partitions",
            "4",
            "--master",
            "local[2]",
        ])
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "spark failed:\n{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    let mut parts: Vec<_> = std::fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    assert!(
        parts.len() >= 2,
        "expected several partitions, got {parts:?}"
    );
    let union: String = parts
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let single = String::from_utf8(single.stdout).unwrap();
    assert_eq!(union.lines().count(), lines.len());
    assert_eq!(single.lines().count(), lines.len());
    for (n, (a, b)) in union.lines().zip(single.lines()).enumerate() {
        let (a, b): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(a).unwrap(),
            serde_json::from_str(b).unwrap(),
        );
        if b.get("error").is_some() {
            // The message names where the line was read: a partition's stdin, or the file.
            assert!(
                a["error"].as_str().unwrap().contains("not valid JSON"),
                "line {}: {a}",
                n + 1
            );
        } else {
            assert!(
                a == b,
                "line {} differs between Spark and a single run",
                n + 1
            );
        }
    }
}
