//! Shared by the `throughput` and `agreement` examples, the agreement test and the bench:
//! reading PFSA-ID-style CoNLL, turning gold tokens back into text, and the naive baseline.
#![allow(dead_code)] // each includer uses part of it

use std::ops::Range;

/// One document of a CoNLL file: its sentences, each a list of tokens.
pub type ConllDoc = Vec<Vec<String>>;

/// Reads `token<TAB>label` lines: `-DOCSTART-` starts a document, a blank line ends a sentence.
pub fn read_conll(text: &str) -> Vec<ConllDoc> {
    read_labelled_conll(text)
        .into_iter()
        .map(|doc| {
            doc.into_iter()
                .map(|s| s.into_iter().map(|(t, _)| t).collect())
                .collect()
        })
        .collect()
}

/// Like [`read_conll`], keeping each token's label.
pub fn read_labelled_conll(text: &str) -> Vec<Vec<Vec<(String, String)>>> {
    let mut docs = Vec::new();
    let mut sentence = Vec::new();
    let mut doc = Vec::new();
    for line in text.lines() {
        let mut fields = line.split(['\t', ' ']);
        let token = fields.next().unwrap_or("");
        let label = fields.next_back().unwrap_or("O");
        if token == "-DOCSTART-" {
            if !sentence.is_empty() {
                doc.push(std::mem::take(&mut sentence));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
        } else if token.is_empty() {
            if !sentence.is_empty() {
                doc.push(std::mem::take(&mut sentence));
            }
        } else {
            sentence.push((token.to_string(), label.to_string()));
        }
    }
    if !sentence.is_empty() {
        doc.push(sentence);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// How gold tokens are turned back into running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detok {
    /// One space between tokens, none before closing punctuation (`, . ; : ! ? ) ] } % …`) or a
    /// closing quote, none after an opening bracket or quote. Every split the gold made inside
    /// a written word (`Covid - 19`, `13 / 4 / 2020`) stays visible as spaces.
    Spaced,
    /// `Spaced`, and also no space around `-` and `/` between two letters-or-digits tokens,
    /// nor before `-nya`: the text as the newspaper printed it (`Covid-19`, `13/4/2020`,
    /// `kabupaten/kota`, `swab-nya`).
    Restored,
}

/// A detokenized document: its text and, for every gold sentence, the byte spans of its tokens.
pub struct Detokenized {
    pub text: String,
    pub sentences: Vec<Vec<Range<usize>>>,
}

fn is_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_alphanumeric)
        && t.chars().last().is_some_and(char::is_alphanumeric)
}

const NO_SPACE_BEFORE: &[&str] = &[",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "…", "..."];
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{"];

/// Joins a document's gold tokens into text; sentences are separated by one space (they run on
/// within a paragraph in the original; PFSA-ID gives no paragraph breaks). Quote marks take the
/// side their role calls for: `“`/`‘` open, `’` closes after a word, and `”`/`"` alternate
/// open/close through the document (Kompas opens with `”` too). An opening mark is glued to the
/// next token, a closing one to the previous.
pub fn detokenize(doc: &ConllDoc, mode: Detok) -> Detokenized {
    let mut text = String::new();
    let mut sentences = Vec::with_capacity(doc.len());
    let mut quote_open = false;
    let flat: Vec<(usize, &str)> = doc
        .iter()
        .enumerate()
        .flat_map(|(s, toks)| toks.iter().map(move |t| (s, t.as_str())))
        .collect();
    // Whether the previous token asked for no space after it.
    let mut glue_next = true;
    for (k, &(s, tok)) in flat.iter().enumerate() {
        if sentences.len() <= s {
            sentences.push(Vec::new());
        }
        let prev = k.checked_sub(1).map(|p| flat[p].1);
        let next = flat.get(k + 1).map(|n| n.1);
        let is_quote = matches!(tok, "”" | "\"" | "“" | "‘" | "’" | "'" | "«" | "»");
        let mut opens = false;
        let mut closes = false;
        if is_quote {
            match tok {
                "“" | "‘" | "«" => opens = true,
                "’" | "'" | "»" => {
                    closes = prev.is_some_and(is_word) || !next.is_some_and(is_word)
                }
                _ => {
                    opens = !quote_open;
                    closes = quote_open;
                    quote_open = !quote_open;
                }
            }
        }
        let mut space = !glue_next && !text.is_empty();
        if NO_SPACE_BEFORE.contains(&tok) || closes {
            space = false;
        }
        if mode == Detok::Restored {
            if let Some(p) = prev {
                let next_is_word = next.is_some_and(is_word);
                if (tok == "-" || tok == "/") && is_word(p) && next_is_word {
                    space = false;
                }
                if (p == "-" || p == "/") && is_word(tok) {
                    let before = k.checked_sub(2).map(|q| flat[q].1);
                    if before.is_some_and(is_word) {
                        space = false;
                    }
                }
                if tok.len() > 1
                    && tok.starts_with('-')
                    && tok[1..].chars().all(char::is_alphabetic)
                {
                    space = false;
                }
            }
        }
        if space {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(tok);
        sentences[s].push(start..text.len());
        glue_next = NO_SPACE_AFTER.contains(&tok) || opens;
    }
    Detokenized { text, sentences }
}

/// The baseline: split on white space and ASCII punctuation (each punctuation byte a token),
/// pushing spans like the tokenizer does.
pub fn naive_tokens(text: &str, out: &mut Vec<Range<u32>>) {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_whitespace() || b.is_ascii_punctuation() {
            if start < i {
                out.push(start as u32..i as u32);
            }
            if b.is_ascii_punctuation() {
                out.push(i as u32..i as u32 + 1);
            }
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(start as u32..bytes.len() as u32);
    }
}
