//! Direct quotes: paired quotation marks and the cue and speaker after them.

use crate::PRONOUNS;
use kutip_core::{
    Document, EntityLabel, Quote, QuoteKind, QuoteMarkRole, Span, Speaker, TokenKind,
};
use std::collections::HashSet;

/// How many tokens after the cue the speaker's name may start ("kata juru bicara Kremlin Dmitry
/// Peskov" puts it four tokens on).
const SPEAKER_WINDOW: usize = 8;

pub fn find(doc: &Document, cues: &HashSet<String>, max_quote_bytes: usize) -> Vec<Quote> {
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    let mut quotes: Vec<Quote> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let TokenKind::QuoteMark(role) = tokens[i].kind else {
            i += 1;
            continue;
        };
        if role == QuoteMarkRole::Close || doc.in_boilerplate(tokens[i].span) {
            i += 1;
            continue;
        }
        let Some(close) = closing_mark(doc, i, max_quote_bytes) else {
            i += 1;
            continue;
        };
        if close == i + 1 {
            i = close + 1;
            continue;
        }
        let content = tokens[i + 1].span.cover(tokens[close - 1].span);
        let mut quote = Quote {
            kind: QuoteKind::Direct,
            content,
            cue: None,
            speaker: None,
            time: None,
            confidence: 0.5,
            rule: "direct-no-cue".into(),
        };
        let mut after = close + 1;
        if after < tokens.len() && &text[tokens[after].span.range()] == "," {
            after += 1;
        }
        if let Some(cue_token) = tokens.get(after).filter(|t| t.kind == TokenKind::Word) {
            let stem = text[cue_token.stem().range()].to_lowercase();
            let whole = text[cue_token.span.range()].to_lowercase();
            if cues.contains(&whole) || (cue_token.suffix > 0 && cues.contains(&stem)) {
                quote.cue = Some(cue_token.span);
                if let Some(clitic) = cue_token.clitic().filter(|_| !cues.contains(&whole)) {
                    quote.speaker = Some(resolve_pronoun(doc, &quotes, clitic));
                    quote.rule = "direct-cue-nya".into();
                    quote.confidence = 0.85;
                } else {
                    quote.speaker = speaker_after(doc, &quotes, after + 1);
                    quote.rule = "direct-cue-after".into();
                    quote.confidence = if quote.speaker.as_ref().is_some_and(|s| s.name.is_some()) {
                        0.95
                    } else {
                        0.6
                    };
                }
                quote.time = time_in_sentence(doc, after);
            }
        }
        quotes.push(quote);
        i = close + 1;
    }
    quotes
}

/// The mark that closes the quote opened at token `open`: the next mark that can close, within
/// `max_bytes` and the same paragraph. `None` for a stray mark.
fn closing_mark(doc: &Document, open: usize, max_bytes: usize) -> Option<usize> {
    let tokens = &doc.tokens;
    let start = tokens[open].span.start;
    let paragraph_end = doc
        .paragraphs
        .iter()
        .find(|p| p.span.contains(tokens[open].span))
        .map_or(doc.text.len() as u32, |p| p.span.end);
    for (k, t) in tokens.iter().enumerate().skip(open + 1) {
        if t.span.end > paragraph_end || (t.span.end - start) as usize > max_bytes {
            return None;
        }
        match t.kind {
            TokenKind::QuoteMark(QuoteMarkRole::Close | QuoteMarkRole::Unknown) => return Some(k),
            TokenKind::QuoteMark(QuoteMarkRole::Open) => {
                // A mark that looks like an opener right before a cue closes this quote
                // (”…,” kata X written with the same glyph); otherwise it is a stray opener.
                if next_is_word(doc, k) {
                    return None;
                }
                return Some(k);
            }
            _ => {}
        }
    }
    None
}

fn next_is_word(doc: &Document, k: usize) -> bool {
    doc.tokens
        .get(k + 1)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && doc.tokens[k].span.end == doc.tokens[k + 1].span.start
}

/// The speaker mention starting after the cue: a pronoun, or the first person or organisation
/// within a few tokens, with the role and affiliation written between the cue and the name.
fn speaker_after(doc: &Document, earlier: &[Quote], from: usize) -> Option<Speaker> {
    let tokens = &doc.tokens;
    let first = tokens.get(from)?;
    let word = doc.slice(first.span).to_lowercase();
    if PRONOUNS.contains(&word.as_str()) {
        return Some(resolve_pronoun(doc, earlier, first.span));
    }
    let window_end = tokens
        .get(from + SPEAKER_WINDOW)
        .map_or(u32::MAX, |t| t.span.end);
    let mut role = None;
    let mut affiliation = None;
    for (k, e) in doc.entities.iter().enumerate() {
        if e.span.start < first.span.start {
            continue;
        }
        if e.span.start > window_end || crosses_punctuation(doc, first.span.start, e.span.start) {
            break;
        }
        match e.label {
            EntityLabel::Role => role = Some(e.span),
            EntityLabel::Per => {
                return Some(Speaker {
                    span: e.span,
                    name: Some(
                        e.canonical
                            .clone()
                            .unwrap_or_else(|| doc.slice(e.span).to_string()),
                    ),
                    role,
                    affiliation,
                    entity: Some(k as u32),
                    public_figure: true,
                });
            }
            EntityLabel::Org | EntityLabel::Loc => {
                if role.is_some() {
                    affiliation = Some(e.span);
                } else {
                    return Some(Speaker {
                        span: e.span,
                        name: Some(
                            e.canonical
                                .clone()
                                .unwrap_or_else(|| doc.slice(e.span).to_string()),
                        ),
                        role: None,
                        affiliation: None,
                        entity: Some(k as u32),
                        public_figure: true,
                    });
                }
            }
            _ => {}
        }
    }
    None
}

/// True when a comma, full stop or quotation mark lies between two byte offsets.
fn crosses_punctuation(doc: &Document, from: u32, to: u32) -> bool {
    let start = doc.token_at(from);
    doc.tokens[start..]
        .iter()
        .take_while(|t| t.span.start < to)
        .any(|t| {
            matches!(t.kind, TokenKind::Punct | TokenKind::QuoteMark(_)) && doc.slice(t.span) != "-"
        })
}

/// A `-nya` or a pronoun stands for the latest named speaker, or failing that the latest person
/// mentioned before it.
fn resolve_pronoun(doc: &Document, earlier: &[Quote], mention: Span) -> Speaker {
    let from_quote = earlier
        .iter()
        .rev()
        .filter_map(|q| q.speaker.as_ref())
        .find(|s| s.name.is_some());
    if let Some(s) = from_quote {
        return Speaker {
            span: mention,
            ..s.clone()
        };
    }
    let person = doc
        .entities
        .iter()
        .enumerate()
        .rev()
        .find(|(_, e)| e.label == EntityLabel::Per && e.span.end <= mention.start);
    Speaker {
        span: mention,
        name: person.map(|(_, e)| {
            e.canonical
                .clone()
                .unwrap_or_else(|| doc.slice(e.span).to_string())
        }),
        role: None,
        affiliation: None,
        entity: person.map(|(k, _)| k as u32),
        public_figure: person.is_some(),
    }
}

/// A date or time entity in the cue's sentence, after the cue.
fn time_in_sentence(doc: &Document, cue: usize) -> Option<Span> {
    let at = doc.tokens[cue].span;
    let sentence = doc.sentences.iter().find(|s| s.span.contains(at))?;
    doc.entities
        .iter()
        .find(|e| {
            matches!(e.label, EntityLabel::Date | EntityLabel::Time)
                && e.span.start > at.start
                && e.span.end <= sentence.span.end
        })
        .map(|e| e.span)
}
