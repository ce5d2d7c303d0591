//! Marks boilerplate — related-article links, datelines, bylines, credits, timestamps and
//! subheadings — as spans with a kind. Nothing is deleted: later stages skip these spans, and the
//! dateline's place and outlet and the byline's author and editor go into the document's metadata.

use kutip_core::{Boilerplate, BoilerplateKind, Document, Layers, Span};
use serde_json::Value;

/// Finds boilerplate in a document that has paragraphs (or, pre-tokenized, sentences), and records what it learns in `meta`.
pub fn mark_boilerplate(doc: &mut Document) {
    let mut found = Vec::new();
    let mut meta = Vec::new();
    // Pre-tokenized input has no paragraphs of its own; its sentences are the lines.
    let lines: Vec<Span> = if doc.is_pretokenized() {
        doc.sentences.iter().map(|s| s.span).collect()
    } else {
        doc.paragraphs.iter().map(|p| p.span).collect()
    };
    let last = lines.len().saturating_sub(1);
    for (n, &span) in lines.iter().enumerate() {
        let line = doc.slice(span);
        let start = span.start as usize;
        let whole = |kind| Boilerplate { span, kind };
        if is_related_link(line) {
            found.push(whole(BoilerplateKind::RelatedLink));
        } else if let Some((outlet, author)) = parenthesised_byline(line) {
            found.push(whole(BoilerplateKind::Byline));
            meta.push(("source", outlet.to_string()));
            meta.push(("author", author.to_string()));
        } else if let Some(fields) = labelled_byline(line) {
            found.push(whole(BoilerplateKind::Byline));
            meta.extend(fields);
        } else if starts_with_ci(line, "Laporan Wartawan")
            || starts_with_ci(line, "Laporan Reporter")
        {
            found.push(whole(BoilerplateKind::Credit));
        } else if is_timestamp(line) {
            found.push(whole(BoilerplateKind::Timestamp));
        } else if n > 0 && n < last && is_heading(line) {
            found.push(whole(BoilerplateKind::Heading));
        } else {
            if !meta.iter().any(|(k, _)| *k == "dateline_place") {
                if let Some((len, place, outlet)) = dateline(line) {
                    found.push(Boilerplate {
                        span: Span::new(start, start + len),
                        kind: BoilerplateKind::Dateline,
                    });
                    meta.push(("dateline_place", place.to_string()));
                    meta.push(("source", outlet.to_string()));
                }
            }
            inline_related_links(line, start, &mut found);
        }
    }
    for (key, value) in meta {
        doc.meta.entry(key).or_insert(Value::String(value));
    }
    found.sort_by_key(|b| b.span.start);
    doc.boilerplate = found;
    doc.layers |= Layers::BOILERPLATE;
}

fn starts_with_ci(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// "Baca juga: …", "Baca Juga :", "BACA JUGA:", also with a non-breaking space.
fn is_related_link(line: &str) -> bool {
    let mut words = line
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let first = first.trim_start_matches(['(', '[']);
    first.eq_ignore_ascii_case("baca")
        && (second.to_ascii_lowercase().starts_with("juga")
            || first.len() < line.len() && line[..].contains(':'))
        && line.len() < 400
}

/// "(Baca: …)" or "(Baca juga: …)" inside a paragraph.
fn inline_related_links(line: &str, offset: usize, out: &mut Vec<Boilerplate>) {
    let mut from = 0;
    while let Some(pos) = line[from..].find("(Baca") {
        let open = from + pos;
        let Some(close) = line[open..].find(')') else {
            break;
        };
        let close = open + close + 1;
        out.push(Boilerplate {
            span: Span::new(offset + open, offset + close),
            kind: BoilerplateKind::RelatedLink,
        });
        from = close;
    }
}

/// "(Tribunnews.com, Tiara Shelavie)" → (outlet, author).
fn parenthesised_byline(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix('(')?.strip_suffix(')')?;
    if inner.len() > 120 || inner.contains('(') {
        return None;
    }
    let (outlet, author) = inner.split_once(',')?;
    let outlet = outlet.trim();
    looks_like_outlet(outlet).then(|| (outlet, author.trim()))
}

/// "Penulis: X | Editor: Y" (any order, `|` or `,` between).
fn labelled_byline(line: &str) -> Option<Vec<(&'static str, String)>> {
    if line.len() > 200 {
        return None;
    }
    let mut fields = Vec::new();
    for part in line.split(['|', '/']) {
        let Some((label, value)) = part.split_once(':') else {
            continue;
        };
        let key = match label.trim().to_ascii_lowercase().as_str() {
            "penulis" | "reporter" | "wartawan" | "pewarta" => "author",
            "editor" | "penyunting" => "editor",
            _ => continue,
        };
        fields.push((key, value.trim().to_string()));
    }
    (!fields.is_empty() && starts_with_any_label(line)).then_some(fields)
}

fn starts_with_any_label(line: &str) -> bool {
    [
        "Penulis",
        "Reporter",
        "Editor",
        "Pewarta",
        "Penyunting",
        "Wartawan",
    ]
    .iter()
    .any(|l| starts_with_ci(line, l))
}

fn looks_like_outlet(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.ends_with(".com")
        || lower.ends_with(".id")
        || lower.ends_with(".co.id")
        || [
            "kompas", "tribun", "antara", "detik", "liputan6", "tempo", "cnn", "reuters", "afp",
            "ap",
        ]
        .iter()
        .any(|o| lower.starts_with(o))
}

/// "JAKARTA, KOMPAS.com -", "TRIBUNNEWS.COM, SURABAYA –", "Liputan6.com, Jakarta -":
/// returns the prefix's length (dash and following space included), place and outlet.
fn dateline(line: &str) -> Option<(usize, &str, &str)> {
    let head = &line[..floor_boundary(line, 80)];
    let (dash, dash_len) = [" - ", " – ", " — ", " -", " –", " —"]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    let prefix = &head[..dash];
    let (a, b) = prefix.split_once(',')?;
    let (a, b) = (a.trim(), b.trim());
    let (place, outlet) = if looks_like_outlet(b) {
        (a, b)
    } else if looks_like_outlet(a) {
        (b, a)
    } else {
        return None;
    };
    if place.is_empty()
        || !place.chars().next().is_some_and(char::is_uppercase)
        || place.split_whitespace().count() > 4
    {
        return None;
    }
    let mut len = dash + dash_len;
    len += line[len..].len() - line[len..].trim_start().len();
    Some((len, place, outlet))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A line that is only a date and time ("Selasa, 19 September 2023 10:25 WIB").
fn is_timestamp(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 8
        && line.bytes().any(|b| b.is_ascii_digit())
        && [" WIB", " WITA", " WIT", " GMT"]
            .iter()
            .any(|z| line.ends_with(z.trim_start()) && line.contains(z))
}

/// A short line without a full stop, between paragraphs: a subheading.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=7).contains(&words)
        && !line.ends_with(['.', '!', '?', ',', ':', ';', '"', '”', '’'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs;

    fn marks(text: &str) -> (Vec<(BoilerplateKind, String)>, kutip_core::Meta) {
        let mut doc = Document::new("d", text);
        doc.paragraphs = paragraphs(text);
        mark_boilerplate(&mut doc);
        (
            doc.boilerplate
                .iter()
                .map(|b| (b.kind, doc.slice(b.span).to_string()))
                .collect(),
            doc.meta,
        )
    }

    #[test]
    fn sample_shapes() {
        let (found, meta) = marks(
            "JAKARTA, KOMPAS.com - Presiden datang.\nBaca juga: Rusia Marah\nRespons negara lain\nIa pergi (Baca: Lain) lagi.\n(Tribunnews.com, Tiara Shelavie)",
        );
        let kinds: Vec<_> = found.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (BoilerplateKind::Dateline, "JAKARTA, KOMPAS.com - "),
                (BoilerplateKind::RelatedLink, "Baca juga: Rusia Marah"),
                (BoilerplateKind::Heading, "Respons negara lain"),
                (BoilerplateKind::RelatedLink, "(Baca: Lain)"),
                (BoilerplateKind::Byline, "(Tribunnews.com, Tiara Shelavie)"),
            ]
        );
        assert_eq!(meta["dateline_place"], "JAKARTA");
        assert_eq!(meta["author"], "Tiara Shelavie");
    }

    #[test]
    fn other_datelines_and_bylines() {
        let (found, meta) = marks(
            "TRIBUNNEWS.COM, SURABAYA – Hujan turun.\nBaca\u{a0}Juga : Apa\nPenulis: Ani | Editor: Budi",
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(meta["dateline_place"], "SURABAYA");
        assert_eq!(meta["editor"], "Budi");
        let (found, _) = marks("Liputan6.com, Jakarta - Hujan turun.");
        assert_eq!(found[0].1, "Liputan6.com, Jakarta - ");
    }
}
