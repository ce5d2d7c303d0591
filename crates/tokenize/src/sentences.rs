//! Sentence splitting over tokens.

use kutip_core::{Paragraph, QuoteMarkRole, Sentence, Span, Token, TokenKind};

/// Splits tokens into sentences: never across a paragraph break; after `.`, `!`, `?` or `…`
/// (and any closing quotes or brackets that follow) when the next token starts a new sentence
/// (a capital letter, a digit, an opening quote or bracket).
pub fn split(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut t = 0;
    for p in paragraphs {
        // Tokens of this paragraph.
        while t < tokens.len() && tokens[t].span.start < p.span.start {
            t += 1;
        }
        let first = t;
        let mut end = t;
        while end < tokens.len() && tokens[end].span.end <= p.span.end {
            end += 1;
        }
        let mut start = first;
        let mut i = first;
        while i < end {
            if is_terminal(text, &tokens[i]) {
                let mut j = i + 1;
                while j < end && is_closing(text, &tokens[j]) {
                    j += 1;
                }
                if j == end || starts_sentence(text, &tokens[j]) {
                    push(&mut out, tokens, start, j);
                    start = j;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        if start < end {
            push(&mut out, tokens, start, end);
        }
        t = end;
    }
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, end: usize) {
    out.push(Sentence {
        span: Span {
            start: tokens[first].span.start,
            end: tokens[end - 1].span.end,
        },
        first_token: first as u32,
        end_token: end as u32,
    });
}

fn is_terminal(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && {
        let p = &text[t.span.range()];
        matches!(p, "." | "!" | "?" | "…" | "!!" | "?!") || p.starts_with("...")
    }
}

fn is_closing(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::QuoteMark(role) => role != QuoteMarkRole::Open,
        TokenKind::Punct => matches!(&text[t.span.range()], ")" | "]" | "!" | "?" | "."),
        _ => false,
    }
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::QuoteMark(role) => role != QuoteMarkRole::Close,
        TokenKind::Punct => matches!(&text[t.span.range()], "(" | "[" | "-" | "—" | "–"),
        TokenKind::Number => true,
        _ => text[t.span.range()]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
    }
}
