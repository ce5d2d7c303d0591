//! Exporter plugins through the real loader: the html and sqlite plugins, the csv exporter, and
//! every way a plugin can fail.
//!
//! The plugins are dev-dependencies of the `kutip` package, so building this test binary builds
//! their libraries next to it (`target/debug/deps/libkutip_html.so`, …); the tests load those.

use crate::util::*;
use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The directory holding this test binary and the plugin libraries built with it.
fn deps() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().to_path_buf()
}

/// The library of a plugin crate whose `[lib] name` is `lib_name`.
fn library(lib_name: &str) -> PathBuf {
    let file = format!("{DLL_PREFIX}{lib_name}{DLL_SUFFIX}");
    let deps = deps();
    [deps.join(&file), deps.parent().unwrap().join(&file)]
        .into_iter()
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{file} was not built next to {}", deps.display()))
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn sample() -> PathBuf {
    fixture("karabakh-tribunnews.txt")
}

/// A pipeline running the three stages, then `export` (one or more `[[export]]` tables).
fn pipeline(dir: &Dir, export: &str) -> PathBuf {
    dir.write(
        "pipeline.toml",
        &format!(
            "[[stage]]\ntype = \"tokenize\"\n\n[[stage]]\ntype = \"entities\"\n\n[[stage]]\ntype = \"quotes\"\n\n{export}"
        ),
    )
}

/// Three small documents for the failure tests.
fn three_documents(dir: &Dir) -> PathBuf {
    dir.write(
        "three.jsonl",
        "{\"id\":\"doc-1\",\"text\":\"“Siap,” kata Budi Santoso.\"}\n\
         {\"id\":\"doc-2\",\"text\":\"“Belum,” kata Sari Dewi.\"}\n\
         {\"id\":\"doc-3\",\"text\":\"Hujan turun di Bandung.\"}\n",
    )
}

fn testbad_export(dir: &Dir, options: &str) -> PathBuf {
    pipeline(
        dir,
        &format!(
            "[[export]]\ntype = \"testbad\"\nplugin = {:?}\npath = {:?}\n{options}\n",
            path_str(&library("testbad")),
            path_str(&dir.path.join("ids.txt"))
        ),
    )
}

#[test]
fn plugins_lists_the_workspace_plugins_with_version_abi_and_path() {
    let out = kutip_ok(&["plugins", "--plugin-dir", path_str(&deps())], 0);
    for (name, lib) in [("html", "kutip_html"), ("sqlite", "kutip_sqlite")] {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("{name} missing from:\n{out}"));
        assert!(line.contains(" 0.1.0  ABI 1  "), "{line}");
        let listed = PathBuf::from(line.rsplit("  ").next().unwrap());
        assert_eq!(listed, library(lib).canonicalize().unwrap());
    }
    // Test plugins are not named like plugins, so a directory never offers them.
    assert!(!out.contains("testbad"), "{out}");
}

#[test]
fn plugin_path_comes_from_the_environment_too() {
    let dir = Dir::new("plugin-env");
    let output = dir.path.join("report.html");
    let out = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(["run", "-q", "-e", "html", "-o", path_str(&output)])
        .arg(sample())
        .env("KUTIP_PLUGIN_PATH", deps())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        std::fs::read_to_string(output)
            .unwrap()
            .contains("<mark class=\"quote direct\"")
    );
}

#[test]
fn an_unknown_plugin_says_where_it_looked() {
    let dir = Dir::new("plugin-notfound");
    let out = kutip(
        &[
            "run",
            "--plugin-dir",
            path_str(&dir.path),
            "-e",
            "jsnl",
            path_str(&sample()),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(
            "no plugin named `jsnl`: looked for {DLL_PREFIX}kutip_jsnl{DLL_SUFFIX} in {}",
            dir.path.display()
        )),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `jsonl`?"), "{err}");
}

#[test]
fn a_file_that_is_not_a_library_is_refused() {
    let dir = Dir::new("plugin-notlib");
    let fake = dir.write("libkutip_fake.so", "this is text, not a library\n");
    let pipeline = pipeline(
        &dir,
        &format!(
            "[[export]]\ntype = \"fake\"\nplugin = {:?}\npath = \"out\"\n",
            path_str(&fake)
        ),
    );
    let out = kutip(
        &["run", "-p", path_str(&pipeline), path_str(&sample())],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("pipeline.toml:10:1: "), "{err}");
    assert!(
        err.contains("libkutip_fake.so is not a loadable library"),
        "{err}"
    );
    assert!(!dir.path.join("out").exists());
}

#[test]
fn a_library_without_the_entry_symbol_is_not_a_plugin() {
    // Any shared library that is not a kutip plugin: a proc-macro library built for the tests.
    let other = std::fs::read_dir(deps())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{DLL_PREFIX}serde_derive")) && name.ends_with(DLL_SUFFIX)
        })
        .expect("serde_derive's library is built for the tests");
    let dir = Dir::new("plugin-nosymbol");
    let pipeline = pipeline(
        &dir,
        &format!(
            "[[export]]\ntype = \"other\"\nplugin = {:?}\npath = \"out\"\n",
            path_str(&other)
        ),
    );
    let out = kutip(&["validate", path_str(&pipeline)], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("is not a kutip exporter plugin: it has no `kutip_exporter_plugin` symbol"),
        "{err}"
    );
}

#[test]
fn a_plugin_built_for_another_abi_is_refused_with_what_to_do() {
    let dir = Dir::new("plugin-abi");
    let pipeline = pipeline(
        &dir,
        &format!(
            "[[export]]\ntype = \"testabi2\"\nplugin = {:?}\npath = \"out\"\n",
            path_str(&library("testabi2"))
        ),
    );
    let validate = kutip(&["validate", path_str(&pipeline)], None);
    let run = kutip(
        &["run", "-p", path_str(&pipeline), path_str(&sample())],
        None,
    );
    for (command, out) in [("validate", validate), ("run", run)] {
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = stderr_of(&out);
        assert!(
            err.contains("was built for exporter ABI 2, this kutip supports ABI 1 — rebuild it against kutip-plugin-api 0.1"),
            "{command}: {err}"
        );
    }
}

#[test]
fn two_libraries_with_the_same_plugin_name_are_refused() {
    let (a, b) = (Dir::new("plugin-dup-a"), Dir::new("plugin-dup-b"));
    for dir in [&a, &b] {
        std::fs::copy(
            library("testbad"),
            dir.path
                .join(format!("{DLL_PREFIX}kutip_testbad{DLL_SUFFIX}")),
        )
        .unwrap();
    }
    let out = kutip(
        &[
            "run",
            "--plugin-dir",
            path_str(&a.path),
            "--plugin-dir",
            path_str(&b.path),
            "-e",
            "testbad",
            path_str(&sample()),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("two plugins are named `testbad`"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_plugin_error_reaches_the_user_with_the_document_id_and_the_run_goes_on() {
    let dir = Dir::new("plugin-error");
    let input = three_documents(&dir);
    let pipeline = testbad_export(&dir, "fail_on = \"doc-2\"");
    let out = kutip(&["run", "-p", path_str(&pipeline), path_str(&input)], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "(document `doc-2`): exporter `testbad`: testbad refuses document doc-2 (1 quotes)"
        ),
        "{err}"
    );
    assert!(
        err.contains("3 documents read, 2 exported, 1 failed"),
        "{err}"
    );
    let ids = std::fs::read_to_string(dir.path.join("ids.txt")).unwrap();
    assert_eq!(ids, "doc-1\ndoc-3\n");
}

#[test]
fn a_plugin_error_stops_the_run_when_configured() {
    let dir = Dir::new("plugin-stop");
    let input = three_documents(&dir);
    let pipeline = testbad_export(&dir, "fail_on = \"doc-2\"\non_error = \"stop\"");
    let out = kutip(&["run", "-p", path_str(&pipeline), path_str(&input)], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("the run stopped: "), "{err}");
    assert!(
        err.contains("(document `doc-2`): exporter `testbad`: testbad refuses"),
        "{err}"
    );
    // A stopped run keeps no output under its final name.
    assert!(!dir.path.join("ids.txt").exists());
}

#[test]
fn a_panicking_plugin_is_reported_and_kutip_goes_on() {
    let dir = Dir::new("plugin-panic");
    let input = three_documents(&dir);
    let pipeline = testbad_export(&dir, "panic_on = \"doc-1\"");
    let out = kutip(&["run", "-p", path_str(&pipeline), path_str(&input)], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("(document `doc-1`): exporter `testbad`: plugin panicked in `export`: index out of bounds"),
        "{err}"
    );
    assert!(
        err.contains("plugins/testbad/src/lib.rs:"),
        "the panic's place: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path.join("ids.txt")).unwrap(),
        "doc-2\ndoc-3\n"
    );
}

#[test]
fn a_plugin_that_fails_or_panics_while_starting_stops_before_any_document() {
    let dir = Dir::new("plugin-start");
    let input = three_documents(&dir);
    for (options, expected, code) in [
        (
            "fail_start = true",
            "failed to start: testbad was told not to start",
            2,
        ),
        (
            "colour = \"red\"",
            "failed to start: bad options: unknown field `colour`",
            2,
        ),
        (
            "panic_in = \"start\"",
            "panicked in `start`: testbad was told to panic in start",
            2,
        ),
        (
            "panic_in = \"finish\"",
            "plugin panicked in `finish`: testbad was told to panic in finish",
            1,
        ),
    ] {
        let pipeline = testbad_export(&dir, options);
        let out = kutip(&["run", "-p", path_str(&pipeline), path_str(&input)], None);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(code), "{options}: {err}");
        assert!(err.contains(expected), "{options}: {err}");
        assert!(!dir.path.join("ids.txt").exists(), "{options}");
    }
}

#[test]
fn csv_neutralises_formulas_and_round_trips() {
    let dir = Dir::new("csv");
    let input = dir.write(
        "berita.txt",
        "“=SUM(A1:A9) itu angka resmi, bukan perkiraan,” kata Budi Santoso.\n\n\
         “Kami siap; \"kapan saja\" kami berangkat,” ujar Sari Dewi.\n\n\
         “-5 persen itu turun,” kata dia.\n",
    );
    let json = json_lines(&kutip_ok(&["run", path_str(&input)], 0));
    let quotes = json[0]["quotes"].as_array().unwrap();
    let content = |q: &serde_json::Value| q["content"]["text"].as_str().unwrap().to_string();
    assert!(content(&quotes[0]).starts_with("=SUM"), "{quotes:?}");

    let read = |csv: &str| -> Vec<csv::StringRecord> {
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.headers().unwrap().get(0), Some("document"));
        reader.records().map(Result::unwrap).collect()
    };
    let rows = read(&kutip_ok(&["run", "-e", "csv", path_str(&input)], 0));
    assert_eq!(rows.len(), quotes.len());
    assert_eq!(&rows[0][2], &format!("'{}", content(&quotes[0])));
    for (row, q) in rows.iter().zip(quotes) {
        let formula_like = content(q).starts_with(['=', '+', '-', '@']);
        let expected = if formula_like {
            format!("'{}", content(q))
        } else {
            content(q)
        };
        assert_eq!(row[2], expected);
    }

    let pipeline = pipeline(
        &dir,
        "[[export]]\ntype = \"csv\"\nneutralise_formulas = false\n",
    );
    let rows = read(&kutip_ok(
        &["run", "-p", path_str(&pipeline), path_str(&input)],
        0,
    ));
    assert_eq!(rows.len(), quotes.len());
    for (row, q) in rows.iter().zip(quotes) {
        let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
        assert_eq!(&row[0], "berita");
        assert_eq!(row[1], text(&q["kind"]));
        assert_eq!(row[2], text(&q["content"]["text"]));
        assert_eq!(row[3], text(&q["speaker"]["name"]));
        assert_eq!(row[7], text(&q["cue"]["text"]));
        assert_eq!(row[9], format!("{:.2}", q["confidence"].as_f64().unwrap()));
        assert_eq!(row[10], q["content"]["start"].to_string());
        assert_eq!(row[11], q["content"]["end"].to_string());
    }
}

/// The sample article as a JSONL line with an outlet's publication date.
fn dated_sample(dir: &Dir) -> PathBuf {
    let text = std::fs::read_to_string(sample()).unwrap();
    let line = serde_json::json!({"id": "karabakh", "published": "2023-09-20T10:15:00+07:00", "text": text});
    dir.write("sample.jsonl", &format!("{line}\n"))
}

/// The ```sql blocks of docs/sqlite.md, each with the heading above it.
fn documented_queries() -> Vec<(String, String)> {
    let doc = std::fs::read_to_string(root().join("docs/sqlite.md")).unwrap();
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("### ") {
            heading = h.to_string();
        } else if line.trim() == "```sql" && heading.starts_with("Example:") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
            out.push((heading.clone(), body.join("\n")));
        }
    }
    out
}

#[test]
fn sqlite_database_answers_the_documented_queries() {
    let dir = Dir::new("sqlite");
    let input = dated_sample(&dir);
    let db_path = dir.path.join("news.db");
    let deps = deps();
    let args = [
        "run",
        "--plugin-dir",
        path_str(&deps),
        "-e",
        "sqlite",
        "-o",
        path_str(&db_path),
        path_str(&input),
    ];
    // Twice: the second run replaces the document instead of adding it again.
    kutip_ok(&args, 0);
    kutip_ok(&args, 0);
    let db = rusqlite::Connection::open(&db_path).unwrap();
    let count = |table: &str| -> i64 {
        db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    // The database holds what the JSON export of the same pipeline holds.
    let json = sample_json();
    let quotes = json["quotes"].as_array().unwrap();
    let names: std::collections::BTreeSet<&str> = quotes
        .iter()
        .filter_map(|q| q["speaker"]["name"].as_str())
        .collect();
    assert_eq!(
        (count("documents"), count("quotes"), count("speakers")),
        (1, quotes.len() as i64, names.len() as i64)
    );
    assert!(count("entities") > 20);

    let queries = documented_queries();
    assert_eq!(queries.len(), 3, "{queries:?}");
    let rows = |sql: &str| -> Vec<Vec<String>> {
        let mut stmt = db.prepare(sql).unwrap();
        let n = stmt.column_count();
        stmt.query_map([], |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => "NULL".to_string(),
                        rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                        rusqlite::types::ValueRef::Real(f) => f.to_string(),
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                        rusqlite::types::ValueRef::Blob(_) => "<blob>".to_string(),
                    })
                })
                .collect()
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let by_speaker = rows(&queries[0].1);
    assert!(
        queries[0].0.contains("quotes by a speaker"),
        "{}",
        queries[0].0
    );
    let vardanyan: Vec<(&str, &str)> = quotes
        .iter()
        .filter(|q| q["speaker"]["name"] == "Ruben Vardanyan")
        .map(|q| {
            (
                q["kind"].as_str().unwrap(),
                q["content"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(by_speaker.len(), vardanyan.len(), "{by_speaker:?}");
    for (row, (kind, content)) in by_speaker.iter().zip(&vardanyan) {
        assert!(
            row.contains(&kind.to_string()) && row.contains(&content.to_string()),
            "{row:?}"
        );
    }
    assert!(by_speaker.iter().any(|r| {
        r.iter()
            .any(|c| c.starts_with("Situasi yang sangat serius"))
    }));

    assert!(queries[1].0.contains("spoke about"), "{}", queries[1].0);
    let about = rows(&queries[1].1);
    assert_eq!(about[0], ["Ruben Vardanyan", "2"], "{about:?}");
    assert!(about.iter().any(|r| r[0] == "Dmitry Peskov"), "{about:?}");

    assert!(
        queries[2].0.contains("per outlet per day"),
        "{}",
        queries[2].0
    );
    assert_eq!(
        rows(&queries[2].1),
        [["Tribunnews.com", "2023-09-20", &quotes.len().to_string()]]
    );
}

/// The default pipeline's JSON for the sample article.
fn sample_json() -> serde_json::Value {
    let out = kutip_ok(&["run", path_str(&sample())], 0);
    serde_json::from_str(out.lines().next().unwrap()).unwrap()
}

/// The text of an HTML fragment: everything outside tags (entities stay escaped).
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Headless Chromium, or `None` (with a note) when it is not installed outside CI.
fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Some(path) = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|d| d.join(name))
            .find(|p| p.is_file())
        {
            return Some(path);
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have chromium (.ci/run installs it)"
    );
    eprintln!("chromium is not installed: skipping the browser check of the HTML report");
    None
}

/// The DOM of `page` after Chromium loaded it (and ran whatever scripts it would run).
fn dump_dom(chromium: &Path, page: &Path) -> String {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
            "--dump-dom",
        ])
        // Its own profile, so that tests running side by side do not share one.
        .arg(format!(
            "--user-data-dir={}",
            page.with_extension("chromium-profile").display()
        ))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium: {}", stderr_of(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn html_report_of_the_sample_shows_its_quotes_in_a_browser() {
    let dir = Dir::new("html-sample");
    let report = dir.path.join("report.html");
    kutip_ok(
        &[
            "run",
            "--plugin-dir",
            path_str(&deps()),
            "-e",
            "html",
            "-o",
            path_str(&report),
            path_str(&sample()),
        ],
        0,
    );
    let Some(chromium) = chromium() else { return };
    let dom = dump_dom(&chromium, &report);
    let opening =
        "<mark class=\"quote direct\" title=\"direct · Ruben Vardanyan · confidence 0.95\">";
    let at = dom
        .find(opening)
        .unwrap_or_else(|| panic!("no highlighted quote in {dom}"));
    let mark = &dom[at..at + dom[at..].find("</mark>").unwrap()];
    assert!(
        text_of(mark).starts_with("Situasi yang sangat serius telah terjadi"),
        "{mark}"
    );
    // Both speaker mentions are marked: "Vardanyan" and the -nya of "katanya".
    let speaker = "<span class=\"speaker\" title=\"Ruben Vardanyan\">";
    let mentions: Vec<String> = dom
        .match_indices(speaker)
        .map(|(at, _)| {
            text_of(&dom[at..])
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect()
        })
        .collect();
    // "Ruben Vardanyan" (the appeal), "Vardanyan" and the -nya of "katanya".
    assert_eq!(mentions, ["Ruben", "Vardanyan", "nya"], "{dom}");
    assert!(
        dom.contains("<span class=\"ent ent-PER\" title=\"PER: Dmitry Peskov\">Peskov</span>"),
        "{dom}"
    );
    let table = &dom[dom.find("<table>").expect("a speaker table")..];
    assert!(
        table.contains("<td class=\"speaker-name\">Ruben Vardanyan</td>"),
        "{table}"
    );
    // Vardanyan: two direct quotes and one indirect (the appeal), three in all.
    assert!(table.contains("<td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">3</td>"), "{table}");
}

#[test]
fn html_report_of_a_hostile_article_runs_nothing() {
    let dir = Dir::new("html-hostile");
    let hostile =
        "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";
    let input = dir.write(
        "hostile.jsonl",
        &format!(
            "{}\n",
            serde_json::json!({
                "id": format!("id{hostile}"),
                "source": hostile,
                "text": format!("“Jangan klik {hostile} ini,” kata Budi Santoso.\n{hostile}")
            })
        ),
    );
    let report = dir.path.join("report.html");
    let pipeline = pipeline(
        &dir,
        &format!(
            "[[export]]\ntype = \"html\"\npath = {:?}\ntitle = \"Aman\"\n",
            path_str(&report)
        ),
    );
    kutip_ok(
        &[
            "run",
            "--plugin-dir",
            path_str(&deps()),
            "-p",
            path_str(&pipeline),
            path_str(&input),
        ],
        0,
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    let Some(chromium) = chromium() else { return };
    let dom = dump_dom(&chromium, &report);
    assert!(
        dom.contains("<title>Aman</title>"),
        "the title changed: {dom}"
    );
    assert!(!dom.contains("pwned</title>"), "{dom}");
    assert!(!dom.contains("<script"), "{dom}");
    assert!(!dom.contains("<img"), "{dom}");
    // The hostile markup is shown as text.
    let text = text_of(&dom[dom.find("<div class=\"text\">").unwrap()..]);
    assert!(
        text.contains("Jangan klik &lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img src=x onerror=\"document.title='pwned'\"&gt; ini,"),
        "{text}"
    );
}

/// The body of the fenced block of `doc` whose info string is `info`.
fn fenced_block(doc: &str, info: &str) -> String {
    let opening = format!("```{info}");
    let mut lines = doc.lines().skip_while(|l| l.trim() != opening);
    assert!(lines.next().is_some(), "no ```{info} block");
    let body: Vec<&str> = lines.take_while(|l| l.trim() != "```").collect();
    body.join("\n") + "\n"
}

#[test]
fn a_plugin_written_from_the_docs_builds_and_runs() {
    let doc = std::fs::read_to_string(root().join("docs/plugins.md")).unwrap();
    let api = root().join("crates/plugin-api");
    let manifest =
        fenced_block(&doc, "toml Cargo.toml").replace("../kutip/crates/plugin-api", path_str(&api));
    let dir = Dir::new("doc-plugin");
    std::fs::create_dir_all(dir.path.join("src")).unwrap();
    dir.write("Cargo.toml", &manifest);
    dir.write("src/lib.rs", &fenced_block(&doc, "rust src/lib.rs"));
    // kutip's lock file pins the versions kutip is built and tested with (all in the local
    // registry cache already, so the build needs no network), and sharing kutip's target
    // directory reuses what is already compiled.
    std::fs::copy(root().join("Cargo.lock"), dir.path.join("Cargo.lock")).unwrap();
    let target = deps().parent().unwrap().parent().unwrap().to_path_buf();
    let build = Command::new(env!("CARGO"))
        .args(["build", "--offline", "--quiet", "--manifest-path"])
        .arg(dir.path.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", stderr_of(&build));
    let built = target.join("debug");
    let listed = kutip_ok(&["plugins", "--plugin-dir", path_str(&built)], 0);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("tsv ") && l.contains("ABI 1")),
        "{listed}"
    );
    let tsv = kutip_ok(
        &[
            "run",
            "--plugin-dir",
            path_str(&built),
            "-e",
            "tsv",
            path_str(&sample()),
        ],
        0,
    );
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "document\tspeaker\tkind\tcontent");
    let quotes = sample_json()["quotes"].as_array().unwrap().len();
    assert_eq!(lines.len(), 1 + quotes, "{tsv}");
    assert!(
        lines.iter().any(|l| l.starts_with(
            "karabakh-tribunnews\tRuben Vardanyan\tdirect\tSituasi yang sangat serius"
        )),
        "{tsv}"
    );
}

#[test]
fn validate_loads_the_plugins_a_pipeline_names() {
    let dir = Dir::new("plugin-validate");
    let pipeline = pipeline(
        &dir,
        "[[export]]\ntype = \"html\"\npath = \"report.html\"\ntitle = \"Pekan ini\"\n\n\
         [[export]]\ntype = \"sqlite\"\n",
    );
    let out = kutip(
        &[
            "validate",
            "--plugin-dir",
            path_str(&deps()),
            path_str(&pipeline),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("pipeline.toml:15:1: plugin `sqlite` writes its own file, so it needs a `path` to a file"),
        "{err}"
    );
    assert!(!err.contains("html"), "{err}");

    let out = kutip(&["validate", path_str(&pipeline)], None);
    let err = stderr_of(&out);
    assert!(
        err.contains("pipeline.toml:10:1: no plugin named `html`: looked for"),
        "{err}"
    );
    assert!(
        err.contains("none was given (use --plugin-dir DIR"),
        "{err}"
    );

    let fixed = std::fs::read_to_string(&pipeline).unwrap() + "path = \"news.db\"\n";
    std::fs::write(&pipeline, fixed).unwrap();
    let ok = kutip_ok(
        &[
            "validate",
            "--plugin-dir",
            path_str(&deps()),
            path_str(&pipeline),
        ],
        0,
    );
    assert!(
        ok.contains("ok (3 stages: tokenize → entities → quotes; 2 exporters)"),
        "{ok}"
    );
    assert!(
        !dir.path.join("news.db").exists(),
        "validate starts no plugin"
    );
}

#[test]
fn every_exporter_gets_every_document_and_a_failed_one_counts_once() {
    let dir = Dir::new("plugin-two");
    let input = three_documents(&dir);
    let testbad = path_str(&library("testbad")).to_string();
    let export = |file: &str| {
        format!(
            "[[export]]\ntype = \"testbad\"\nplugin = {testbad:?}\npath = {:?}\nfail_on = \"doc-2\"\n\n",
            path_str(&dir.path.join(file))
        )
    };
    let jsonl = dir.path.join("all.jsonl");
    let pipeline = pipeline(
        &dir,
        &format!(
            "{}{}[[export]]\ntype = \"jsonl\"\npath = {:?}\n",
            export("a.txt"),
            export("b.txt"),
            path_str(&jsonl)
        ),
    );
    let out = kutip(&["run", "-p", path_str(&pipeline), path_str(&input)], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("exporter `testbad`: testbad refuses document doc-2 (1 quotes); exporter `testbad`: testbad refuses"),
        "{err}"
    );
    assert!(
        err.contains("3 documents read, 2 exported, 1 failed"),
        "{err}"
    );
    // The exporter after the failing ones still got doc-2.
    let ids: Vec<String> = json_lines(&std::fs::read_to_string(jsonl).unwrap())
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["doc-1", "doc-2", "doc-3"]);
}
