//! Splits Indonesian news text into tokens, sentences and paragraphs, and marks boilerplate.
//!
//! Tokens are byte spans into the original text — nothing is copied or normalised — and each
//! carries its kind ([`TokenKind`]) and the length of a clitic suffix (`-nya`, `-lah`, `-kah`,
//! `-pun`), so later stages can see that `katanya` is `kata` + `-nya`. Indonesian numbers and dates
//! stay whole (`120.000`, `3,5`, `19/9/2023`), abbreviations keep their dot (`Dr.`, `dll.`), and
//! quotation marks get an opening or closing role from context, including Kompas's `”` used as an
//! opening mark.
//!
//! ```
//! use kutip_tokenize::Tokenizer;
//!
//! let tokenizer = Tokenizer::default();
//! let text = "“Situasi serius,” katanya di Jakarta, Selasa (19/9/2023).";
//! let words: Vec<&str> = tokenizer.tokens(text).iter().map(|t| &text[t.span.range()]).collect();
//! assert_eq!(words[..5], ["“", "Situasi", "serius", ",", "”"]);
//! assert!(words.contains(&"19/9/2023"));
//! ```
#![deny(missing_docs)]

mod boilerplate;
mod lexer;
mod sentences;

pub use boilerplate::{BoilerplateRules, mark_boilerplate};
pub use lexer::{ABBREVIATIONS, NOT_CLITIC, Tokenizer};
pub use sentences::split as split_sentences;

use kutip_core::{Document, Layers, Paragraph, Span, Stage, StageError};
use schemars::JsonSchema;
use serde::Deserialize;

/// Options of the `tokenize` stage.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct TokenizeConfig {
    /// Extra abbreviations that end in a dot and never end a sentence (e.g. "Kol.", "Bpk.").
    /// Added to the built-in list of titles, degrees and common abbreviations. Case matters.
    pub abbreviations: Vec<String>,
    /// Extra words that end in the letters of a clitic (-nya, -lah, -kah, -pun) but carry none,
    /// e.g. "Fadlah" (a name). Added to the built-in list (hanya, punya, masalah, sekolah,
    /// langkah, meskipun…); case-insensitive.
    pub clitic_exceptions: Vec<String>,
    /// Mark boilerplate ("Baca juga:" links, datelines, bylines, credits, timestamps,
    /// subheadings) so later stages skip it. The text is never deleted.
    pub boilerplate: bool,
    /// Extra openings of related-article lines, e.g. "Klik di sini". Added to the built-in
    /// "Baca juga", "Baca", "Simak juga", "Lihat juga", "Berita terkait"… A line (or a bracketed
    /// "(Baca: …)" inside one) that starts with one, case-insensitive and with any spaces, and
    /// goes on with a colon — or, for openings of two words or more, with the title — is a link.
    pub related_link_prefixes: Vec<String>,
    /// Extra openings of credit lines, e.g. "Laporan Jurnalis". Added to the built-in
    /// "Laporan Wartawan", "Laporan Reporter", "Artikel ini telah tayang"… When a comma follows
    /// ("Laporan Wartawan Tribunnews.com, Tiara Shelavie"), the outlet and the author go into
    /// `meta` as `source` and `author`.
    pub credit_prefixes: Vec<String>,
    /// Extra outlet names that make "PLACE, Outlet -" a dateline and "(Outlet, Name)" a byline,
    /// e.g. "Harian Rakyat". Added to the built-in list (Kompas, Tribun, Antara, Detik…); names
    /// ending in .com, .id or .co.id always count. Matched case-insensitively at the start.
    pub outlets: Vec<String>,
    /// Largest document accepted, in bytes (default 16 MiB, a hundred times the longest news
    /// article); larger ones fail with a clear error and the run goes on. Raising it works, but
    /// speaker resolution in the quote stage grows faster than linearly within one document: a
    /// 4 MB document takes about 3 s, a 100 MB one many minutes.
    pub max_bytes: usize,
}

impl Default for TokenizeConfig {
    fn default() -> Self {
        TokenizeConfig {
            abbreviations: Vec::new(),
            clitic_exceptions: Vec::new(),
            boilerplate: true,
            related_link_prefixes: Vec::new(),
            credit_prefixes: Vec::new(),
            outlets: Vec::new(),
            max_bytes: 16 << 20,
        }
    }
}

/// The `tokenize` stage: paragraphs, sentences, tokens and boilerplate marks.
#[derive(Debug)]
pub struct TokenizeStage {
    tokenizer: Tokenizer,
    boilerplate: BoilerplateRules,
    config: TokenizeConfig,
}

impl TokenizeStage {
    /// Builds the stage from its options.
    pub fn new(config: TokenizeConfig) -> TokenizeStage {
        let tokenizer =
            Tokenizer::with_abbreviations(config.abbreviations.iter().map(String::as_str))
                .with_clitic_exceptions(config.clitic_exceptions.iter().map(String::as_str));
        let boilerplate = BoilerplateRules::new(
            &config.related_link_prefixes,
            &config.credit_prefixes,
            &config.outlets,
        );
        TokenizeStage {
            tokenizer,
            boilerplate,
            config,
        }
    }
}

impl Stage for TokenizeStage {
    fn name(&self) -> &'static str {
        "tokenize"
    }

    fn requires(&self) -> Layers {
        Layers::empty()
    }

    fn provides(&self) -> Layers {
        Layers::PARAGRAPHS | Layers::SENTENCES | Layers::TOKENS | Layers::BOILERPLATE
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.text.len() > self.config.max_bytes {
            return Err(StageError::TooLarge {
                stage: "tokenize",
                size: doc.text.len(),
                limit: self.config.max_bytes,
            });
        }
        if doc.is_pretokenized() {
            // The input's tokens and sentences are kept as given; only their kinds are learned.
            self.tokenizer.classify_given(&doc.text, &mut doc.tokens);
            if doc.paragraphs.is_empty() {
                doc.paragraphs.push(Paragraph {
                    span: Span::new(0, doc.text.len()),
                });
            }
        } else {
            doc.paragraphs = paragraphs(&doc.text);
            doc.tokens.clear();
            // About one token per six bytes (as `Tokenizer::tokens` reserves): growing from
            // empty copied the tokens a dozen times a long document.
            doc.tokens.reserve(doc.text.len() / 6 + 1);
            self.tokenizer.tokenize_into(&doc.text, &mut doc.tokens);
            doc.sentences = sentences::split(&doc.text, &doc.tokens, &doc.paragraphs);
        }
        if self.config.boilerplate {
            self.boilerplate.mark(doc);
        }
        doc.layers |= self.provides();
        Ok(())
    }
}

/// Paragraphs are the non-blank lines of the text (split at `\n` or `\r`), trimmed of
/// surrounding white space.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    // Room for a paragraph every 256 bytes (a news paragraph is a few hundred): one or two
    // allocations a document instead of about five while the vector doubles.
    let mut out = Vec::with_capacity(text.len() / 256 + 1);
    let bytes = text.as_bytes();
    let mut line_start = 0;
    loop {
        let line_end = memchr::memchr2(b'\n', b'\r', &bytes[line_start..])
            .map_or(bytes.len(), |p| line_start + p);
        let line = &text[line_start..line_end];
        let trimmed = line.trim_start();
        let start = line_start + (line.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            out.push(Paragraph {
                span: Span::new(start, start + trimmed.len()),
            });
        }
        if line_end == bytes.len() {
            return out;
        }
        line_start = line_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Tokenizer::default()
            .tokens(text)
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "Satu.\r\n\n  Dua dua.  \nTiga";
        let p: Vec<&str> = paragraphs(text)
            .iter()
            .map(|p| &text[p.span.range()])
            .collect();
        assert_eq!(p, ["Satu.", "Dua dua.", "Tiga"]);
    }

    #[test]
    fn stage_fills_sentences_on_the_sample_shape() {
        let mut doc = Document::new(
            "d",
            "“Situasi yang sangat serius telah terjadi di sini,” kata Vardanyan. Dr. Budi datang.\nBaca juga: Rusia",
        );
        TokenizeStage::new(TokenizeConfig::default())
            .process(&mut doc)
            .unwrap();
        let s: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            s,
            [
                "“Situasi yang sangat serius telah terjadi di sini,” kata Vardanyan.",
                "Dr. Budi datang.",
                "Baca juga: Rusia"
            ]
        );
        assert_eq!(doc.boilerplate.len(), 1);
        assert!(words("120.000 penduduk").contains(&"120.000"));
    }
}
