//! Snapshots of the tokenization of every article in `tests/fixtures/`: one line per sentence,
//! tokens separated by spaces, with what a later stage sees — `kata+nya` for a clitic,
//! `/num`, `/url`, `/email`, `/sym` kinds, `/open` `/close` quote-mark roles — then the
//! boilerplate marks and the metadata learned.

use kutip_core::{Document, QuoteMarkRole, Stage, TokenKind};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};
use std::fmt::Write as _;

#[path = "../../../tests/fixture_articles.rs"]
mod fixture_articles;
use fixture_articles::fixture_articles;

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
    let articles = fixture_articles();
    assert!(!articles.is_empty());
    let stage = TokenizeStage::new(TokenizeConfig::default());
    for (name, text) in articles {
        let mut doc = Document::new(&name, text);
        stage.process(&mut doc).unwrap();
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("tokens", render(&doc));
        });
    }
}
