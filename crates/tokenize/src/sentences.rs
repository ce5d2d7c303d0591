//! Sentence splitting over tokens.

use crate::lexer::SENTENCE_FINAL_ABBREVIATIONS;
use kutip_core::{Paragraph, QuoteMarkRole, Sentence, Span, Token, TokenKind};

/// Splits tokens into sentences: never across a paragraph break; after `.`, `!`, `?` or `…`
/// (and any closing quotes or brackets that follow) when the next token starts a new sentence
/// (a capital letter, a digit, an opening quote or bracket). Abbreviations and numbers keep their
/// dots inside the token, so they never split; an abbreviation that can close a sentence
/// (`dll.`, `Tbk.`) splits before a capitalised word. A list number ("1. Pertama") is not a
/// sentence of its own.
pub fn split(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Sentence> {
    // Room for two sentences a paragraph (news paragraphs hold one to three): one allocation
    // a document instead of the doubling growth, which callgrind counted at about five
    // reallocations a document.
    let mut out = Vec::with_capacity(paragraphs.len() * 2);
    let mut t = 0;
    for p in paragraphs {
        // Tokens of this paragraph.
        while t < tokens.len() && tokens[t].span.start < p.span.start {
            t += 1;
        }
        let first = t;
        // Whether token `k` is still in the paragraph. Asked of each token in turn, from the
        // first (the sentence loop below and its closing runs only ever step on by one), so the
        // first token it refuses is the paragraph's end: no walk over the paragraph's tokens
        // of its own beforehand.
        let inside = |k: usize| tokens.get(k).is_some_and(|t| t.span.end <= p.span.end);
        let mut start = first;
        let mut i = first;
        while inside(i) {
            let terminal = is_terminal(text, &tokens[i])
                && !(i == start + 1 && tokens[start].kind == TokenKind::Number);
            let abbreviation = !terminal && is_final_abbreviation(text, &tokens[i]);
            if terminal || abbreviation {
                let mut j = i + 1;
                while inside(j) && is_closing(text, &tokens[j]) {
                    j += 1;
                }
                let next_starts = if abbreviation {
                    inside(j)
                        && tokens[j].kind == TokenKind::Word
                        && starts_sentence(text, &tokens[j])
                } else {
                    !inside(j) || starts_sentence(text, &tokens[j])
                };
                if next_starts {
                    push(&mut out, tokens, start, j);
                    start = j;
                }
                // The closing run is settled: any terminal inside it would reach the same `j`.
                i = j;
                continue;
            }
            i += 1;
        }
        // `i` is the paragraph's end.
        if start < i {
            push(&mut out, tokens, start, i);
        }
        t = i;
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

fn is_final_abbreviation(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && text.as_bytes()[t.span.end as usize - 1] == b'.' && {
        let word = &text[t.span.range()];
        SENTENCE_FINAL_ABBREVIATIONS.contains(&word)
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

#[cfg(test)]
mod tests {
    use crate::{Tokenizer, paragraphs};

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = Tokenizer::default().tokens(text);
        super::split(text, &tokens, &paragraphs(text))
            .iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    /// Each text with the sentences it must give.
    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Dr. Hendra Wijaya, S.H., M.H. hadir. Ia didampingi Prof. Budi dan M. Nuh.",
                &[
                    "Dr. Hendra Wijaya, S.H., M.H. hadir.",
                    "Ia didampingi Prof. Budi dan M. Nuh.",
                ],
            ),
            (
                "Harga naik menjadi Rp 3.500 pada 19/9/2023. Pukul 16.00 WIB antrean masih panjang.",
                &[
                    "Harga naik menjadi Rp 3.500 pada 19/9/2023.",
                    "Pukul 16.00 WIB antrean masih panjang.",
                ],
            ),
            (
                "”Kami sudah siap. Warga tetap waspada,” kata Budi. ”Perahu juga ada.” Ia lalu pergi.",
                &[
                    "”Kami sudah siap.",
                    "Warga tetap waspada,” kata Budi.",
                    "”Perahu juga ada.”",
                    "Ia lalu pergi.",
                ],
            ),
            (
                "“Siapa yang datang?” tanya dia. Tidak ada jawaban!",
                &["“Siapa yang datang?” tanya dia.", "Tidak ada jawaban!"],
            ),
            (
                "Penyebabnya kelalaian.Menurut polisi, sopir mengantuk.",
                &["Penyebabnya kelalaian.", "Menurut polisi, sopir mengantuk."],
            ),
            (
                "Ia membawa buku, pena, dll. Setelah itu ia pulang. Saham PT Maju Tbk. (MAJU) naik.",
                &[
                    "Ia membawa buku, pena, dll.",
                    "Setelah itu ia pulang.",
                    "Saham PT Maju Tbk. (MAJU) naik.",
                ],
            ),
            (
                "Syaratnya ada dua.\n1. Warga harus sehat.\n2. Warga membawa KTP.",
                &[
                    "Syaratnya ada dua.",
                    "1. Warga harus sehat.",
                    "2. Warga membawa KTP.",
                ],
            ),
            (
                "Judul tanpa titik\nIsi paragraf (lihat gambar). Selesai",
                &[
                    "Judul tanpa titik",
                    "Isi paragraf (lihat gambar).",
                    "Selesai",
                ],
            ),
            ("Tunggu... Ia datang.", &["Tunggu...", "Ia datang."]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
        }
    }

    #[test]
    fn sentences_hold_their_tokens() {
        let text = "Satu dua. Tiga empat!\n”Lima,” kata Enam.";
        let tokens = Tokenizer::default().tokens(text);
        let found = super::split(text, &tokens, &paragraphs(text));
        let mut next = 0;
        for s in &found {
            assert_eq!(s.first_token, next);
            assert!(s.end_token > s.first_token);
            assert_eq!(s.span.start, tokens[s.first_token as usize].span.start);
            assert_eq!(s.span.end, tokens[s.end_token as usize - 1].span.end);
            next = s.end_token;
        }
        assert_eq!(next as usize, tokens.len());
    }
}
