//! Snapshots of the tokenization of every article in `tests/fixtures/`: one line per sentence,
//! tokens separated by spaces, with what a later stage sees — `kata+nya` for a clitic,
//! `/num`, `/url`, `/email`, `/sym` kinds, `/open` `/close` quote-mark roles — then the
//! boilerplate marks and the metadata learned.

use kutip_core::{Document, QuoteMarkRole, Stage, TokenKind};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};
use std::fmt::Write as _;
use std::path::PathBuf;

fn render(doc: &Document) -> String {
    let mut out = String::new();
    for s in &doc.sentences {
        let words: Vec<String> = doc.tokens[s.first_token as usize..s.end_token as usize]
            .iter()
            .map(|t| {
                let text = doc.slice(t.span);
                match t.kind {
                    TokenKind::Word if t.suffix > 0 => {
                        let stem = t.stem().len();
                        format!("{}+{}", &text[..stem], &text[stem..])
                    }
                    TokenKind::Number => format!("{text}/num"),
                    TokenKind::Url => format!("{text}/url"),
                    TokenKind::Email => format!("{text}/email"),
                    TokenKind::Symbol => format!("{text}/sym"),
                    TokenKind::QuoteMark(QuoteMarkRole::Open) => format!("{text}/open"),
                    TokenKind::QuoteMark(QuoteMarkRole::Close) => format!("{text}/close"),
                    TokenKind::QuoteMark(QuoteMarkRole::Unknown) => format!("{text}/?"),
                    _ => text.to_string(),
                }
            })
            .collect();
        writeln!(out, "{}", words.join(" ")).unwrap();
    }
    writeln!(out, "--- boilerplate").unwrap();
    for b in &doc.boilerplate {
        writeln!(out, "{:?}: {}", b.kind, doc.slice(b.span)).unwrap();
    }
    writeln!(out, "--- meta").unwrap();
    for (k, v) in &doc.meta {
        writeln!(out, "{k}: {v}").unwrap();
    }
    out
}

#[test]
fn tokenization_of_each_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .map(|e| e.expect("fixture").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let stage = TokenizeStage::new(TokenizeConfig::default());
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let mut doc = Document::new(&name, std::fs::read_to_string(&path).unwrap());
        stage.process(&mut doc).unwrap();
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("tokens", render(&doc));
        });
    }
}
