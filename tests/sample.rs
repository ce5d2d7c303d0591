//! The article kutip started from: the default pipeline's JSON, pinned by a snapshot and by
//! explicit assertions on what a careful reader finds.

use crate::util::*;
use serde_json::Value;

fn sample() -> Value {
    let out = kutip_ok(&["run", path_str(&fixture("karabakh-tribunnews.txt"))], 0);
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    docs.into_iter().next().unwrap()
}

#[test]
fn sample_direct_quotes_are_vardanyans() {
    let doc = sample();
    let quotes = doc["quotes"].as_array().unwrap();
    let direct: Vec<&Value> = quotes.iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 2, "{quotes:#?}");
    assert!(
        direct[0]["content"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Situasi yang sangat serius")
    );
    assert_eq!(direct[0]["cue"]["text"], "kata");
    assert_eq!(direct[0]["speaker"]["text"], "Vardanyan");
    assert!(
        direct[1]["content"]["text"]
            .as_str()
            .unwrap()
            .contains("operasi militer skala penuh")
    );
    assert_eq!(direct[1]["cue"]["text"], "katanya");
    for q in direct {
        assert_eq!(q["speaker"]["name"], "Ruben Vardanyan");
    }
}

/// Every statement a careful reader finds: (phrase in the content, kind, cue, the resolved
/// speaker contains).
const STATEMENTS: &[(&str, &str, &str, &str)] = &[
    ("mendesak perundingan", "indirect", "kata", "Dmitry Peskov"),
    (
        "keselamatan sipil",
        "indirect",
        "menambahkan",
        "Dmitry Peskov",
    ),
    ("terlalu sibuk", "indirect", "menuduh", "Armenia"),
    ("gagal melakukan tugas", "indirect", "mengatakan", "Armenia"),
    ("slogan-slogan anti-Rusia", "indirect", "melaporkan", "TASS"),
    ("diplomasi krisis", "indirect", "kata", "pejabat AS"),
    (
        "pertemuan Dewan Keamanan",
        "indirect",
        "mengatakan",
        "Prancis",
    ),
    (
        "bekerja sama dengan mitra",
        "indirect",
        "mengatakan",
        "Prancis",
    ),
    ("melanggar janji", "indirect", "mengatakan", "Jerman"),
    ("integritas wilayahnya", "indirect", "mengatakan", "Turki"),
    (
        "mengakui kemerdekaan Karabakh",
        "indirect",
        "mengimbau",
        "Ruben Vardanyan",
    ),
    (
        "Situasi yang sangat serius",
        "direct",
        "kata",
        "Ruben Vardanyan",
    ),
    (
        "operasi militer skala penuh",
        "direct",
        "katanya",
        "Ruben Vardanyan",
    ),
];

#[test]
fn sample_every_statement_has_its_kind_cue_and_speaker() {
    let doc = sample();
    let quotes = doc["quotes"].as_array().unwrap();
    for (phrase, kind, cue, speaker) in STATEMENTS {
        let q = quotes
            .iter()
            .find(|q| q["content"]["text"].as_str().unwrap().contains(phrase))
            .unwrap_or_else(|| panic!("no statement containing {phrase:?}: {quotes:#?}"));
        assert_eq!(q["kind"], *kind, "{phrase}");
        assert_eq!(q["cue"]["text"], *cue, "{phrase}");
        let name = q["speaker"]["name"].as_str().unwrap_or_default();
        assert!(name.contains(speaker), "{phrase}: speaker {name:?}");
        let rule = q["rule"].as_str().unwrap();
        assert!(!rule.is_empty());
        let confidence = q["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{phrase}: {confidence}");
    }
}

#[test]
fn sample_speakers_carry_role_affiliation_and_time() {
    let doc = sample();
    let quotes = doc["quotes"].as_array().unwrap();
    let peskov = quotes
        .iter()
        .find(|q| {
            q["content"]["text"]
                .as_str()
                .unwrap()
                .contains("mendesak perundingan")
        })
        .unwrap();
    assert_eq!(
        peskov["speaker"]["text"],
        "juru bicara Kremlin Dmitry Peskov"
    );
    assert_eq!(peskov["speaker"]["name"], "Dmitry Peskov");
    assert_eq!(peskov["speaker"]["role"], "juru bicara");
    assert_eq!(peskov["speaker"]["affiliation"], "Kremlin");
    assert_eq!(peskov["speaker"]["public_figure"], true);
    assert_eq!(peskov["time"]["text"], "Selasa (19/9/2023)");
    // The reported clause, not the whole sentence.
    assert_eq!(
        peskov["content"]["text"],
        "Rusia berhubungan dengan Azerbaijan dan Armenia dan telah mendesak perundingan"
    );
    let nya = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "katanya")
        .unwrap();
    assert_eq!(nya["speaker"]["text"], "nya");
    assert_eq!(nya["rule"], "direct-cue-nya");
    // Blinken is talked about, not quoted.
    assert!(quotes.iter().all(|q| {
        q["speaker"]["name"]
            .as_str()
            .is_none_or(|n| !n.contains("Blinken"))
    }));
}

#[test]
fn sample_boilerplate_is_never_a_quote() {
    let doc = sample();
    for q in doc["quotes"].as_array().unwrap() {
        let content = q["content"]["text"].as_str().unwrap();
        for bad in [
            "Baca juga",
            "Cari Sekutu Baru",
            "Respons negara lain",
            "Blinken mungkin",
            "Tiara Shelavie",
        ] {
            assert!(!content.contains(bad), "{content}");
        }
    }
    assert_eq!(doc["meta"]["author"], "Tiara Shelavie");
}

#[test]
fn sample_people_are_linked_to_full_names() {
    let doc = sample();
    let canonical = |text: &str| {
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == text && e["label"] == "PER")
            .map(|e| e["canonical"].as_str().unwrap().to_string())
    };
    assert_eq!(canonical("Peskov").as_deref(), Some("Dmitry Peskov"));
    assert_eq!(canonical("Vardanyan").as_deref(), Some("Ruben Vardanyan"));
    let amount = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "120.000")
        .unwrap();
    assert_eq!(
        (amount["label"].as_str(), amount["value"].as_str()),
        (Some("QUANTITY"), Some("120000"))
    );
}

/// Every entity a careful reader lists for the sample (../shared/samples/…expected.md), with its
/// label and canonical name; and the common words that open its sentences are not people.
#[test]
fn sample_entities_are_all_found() {
    let doc = sample();
    let entities = doc["entities"].as_array().unwrap();
    let found = |text: &str, label: &str| {
        entities
            .iter()
            .find(|e| e["text"] == text && e["label"] == label)
            .unwrap_or_else(|| panic!("{label} {text:?} missing"))
    };
    for (text, canonical) in [
        ("Dmitry Peskov", "Dmitry Peskov"),
        ("Peskov", "Dmitry Peskov"),
        ("Blinken", "Blinken"),
        ("Ruben Vardanyan", "Ruben Vardanyan"),
        ("Vardanyan", "Ruben Vardanyan"),
        ("Tiara Shelavie", "Tiara Shelavie"),
    ] {
        assert_eq!(found(text, "PER")["canonical"], canonical, "{text}");
    }
    for place in [
        "Armenia",
        "Rusia",
        "Azerbaijan",
        "Karabakh",
        "Moskow",
        "Amerika Serikat",
        "AS",
        "Prancis",
        "Jerman",
        "Turki",
    ] {
        found(place, "LOC");
    }
    for org in ["Kremlin", "TASS", "Dewan Keamanan PBB", "Tribunnews.com"] {
        found(org, "ORG");
    }
    assert_eq!(
        found("hari Selasa (19/9/2023)", "DATE")["value"],
        "2023-09-19"
    );
    found("tahun 2020", "DATE");
    found("hari Kamis", "DATE");
    found("Selasa malam", "TIME");
    assert_eq!(found("30.000", "QUANTITY")["value"], "30000");
    found("juru bicara", "ROLE");
    assert_eq!(
        found("Dmitry Peskov", "PER")["cluster"],
        found("Peskov", "PER")["cluster"]
    );
    for e in entities.iter().filter(|e| e["label"] == "PER") {
        let text = e["text"].as_str().unwrap();
        assert!(
            !["Situasi", "Rusia", "Armenia", "Para"].contains(&text),
            "{text} tagged PER"
        );
    }
}

#[test]
fn default_pipeline_json_per_fixture() {
    insta::glob!("fixtures/*.txt", |path| {
        let out = kutip_ok(&["run", "--export", "json", path_str(path)], 0);
        let docs: Value = serde_json::from_str(&out).unwrap();
        insta::assert_json_snapshot!(docs);
    });
}

/// A news agency or a country speaking for itself is named by itself, described by the words
/// before it, and not affiliated with itself.
#[test]
fn sample_organisations_and_countries_speak_for_themselves() {
    let doc = sample();
    let speaker_of = |phrase: &str| {
        doc["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["content"]["text"].as_str().unwrap().contains(phrase))
            .map(|q| q["speaker"].clone())
            .unwrap()
    };
    let tass = speaker_of("slogan-slogan anti-Rusia");
    assert_eq!(
        (tass["name"].as_str(), tass["role"].as_str()),
        (Some("TASS"), Some("kantor berita"))
    );
    assert!(tass["affiliation"].is_null());
    let prancis = speaker_of("pertemuan Dewan Keamanan");
    assert_eq!(prancis["name"], "Prancis");
    assert!(prancis["affiliation"].is_null() && prancis["role"].is_null());
}
