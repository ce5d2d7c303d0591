//! Rules over tokens: gazetteer look-ups, capitalised runs, numbers, dates and roles.

use crate::Gazetteer;
use kutip_core::{BoilerplateKind, Document, Entity, EntityLabel, Span, Token, TokenKind};
use std::collections::HashMap;

/// Positions and titles that introduce a person. Matched case-insensitively on whole words,
/// longest first.
const ROLES: &[&str] = &[
    "juru bicara",
    "jubir",
    "presiden",
    "wakil presiden",
    "wapres",
    "menteri",
    "wakil menteri",
    "menteri luar negeri",
    "menteri pertahanan",
    "menteri keuangan",
    "perdana menteri",
    "gubernur",
    "wakil gubernur",
    "bupati",
    "wakil bupati",
    "wali kota",
    "walikota",
    "wakil wali kota",
    "kepala",
    "ketua",
    "ketua umum",
    "wakil ketua",
    "sekretaris",
    "sekretaris jenderal",
    "sekjen",
    "direktur",
    "direktur utama",
    "dirut",
    "kapolri",
    "kapolda",
    "kapolres",
    "kapolsek",
    "kasat",
    "kanit",
    "panglima",
    "pejabat",
    "pejabat tinggi",
    "duta besar",
    "dubes",
    "anggota",
    "koordinator",
    "komandan",
    "pengamat",
    "analis",
    "ekonom",
    "peneliti",
    "rektor",
    "dekan",
    "camat",
    "lurah",
    "kepala desa",
    "kades",
    "hakim",
    "jaksa",
    "kuasa hukum",
    "pengacara",
    "kabid humas",
    "kasubbid",
    "raja",
    "ratu",
    "paus",
    "senator",
    "jenderal",
];

/// Titles and honorifics that may precede a name but are not part of it.
const HONORIFICS: &[&str] = &[
    "Bapak", "Ibu", "Pak", "Bu", "Sdr.", "Dr.", "dr.", "Prof.", "H.", "Hj.", "Ir.", "Drs.", "KH.",
    "Tn.", "Ny.", "Mr.", "Mrs.", "Kapten", "Mayor", "Kolonel", "Letnan", "Brigjen", "Mayjen",
    "Letjen", "Jenderal", "Kombes", "AKBP", "AKP", "Iptu", "Ipda", "Aiptu", "Bripka", "Briptu",
];

/// Capitalised words that start sentences without naming anything.
const NOT_NAMES: &[&str] = &[
    "Para",
    "Di",
    "Ke",
    "Dari",
    "Pada",
    "Dalam",
    "Dan",
    "Atau",
    "Tetapi",
    "Namun",
    "Sementara",
    "Itu",
    "Ini",
    "Ia",
    "Dia",
    "Mereka",
    "Kami",
    "Kita",
    "Saya",
    "Aku",
    "Anda",
    "Yang",
    "Untuk",
    "Dengan",
    "Sebelumnya",
    "Selain",
    "Menurut",
    "Kata",
    "Setelah",
    "Sebelum",
    "Saat",
    "Ketika",
    "Jika",
    "Kalau",
    "Karena",
    "Sehingga",
    "Bahkan",
    "Juga",
    "Tak",
    "Tidak",
    "Bukan",
    "Sudah",
    "Akan",
    "Telah",
    "Masih",
    "Hal",
    "Adapun",
    "Oleh",
    "Sebab",
    "Maka",
    "Lalu",
    "Kemudian",
    "Agar",
    "Supaya",
    "Baca",
    "Juga",
    "Respons",
    "Hari",
    "Tahun",
    "Bulan",
    "Pekan",
    "Minggu",
    "Beberapa",
    "Banyak",
    "Semua",
    "Seluruh",
    "Setiap",
    "Sebuah",
    "Seorang",
    "Salah",
    "Apa",
    "Siapa",
    "Bagaimana",
    "Mengapa",
    "Kenapa",
    "Kapan",
    "Berita",
    "Foto",
    "Video",
    "Simak",
    "Sumber",
    "Editor",
    "Penulis",
    "Laporan",
    "Baik",
    "Ya",
    "Tapi",
];

/// First words that make a capitalised run an organisation ("Badan Penanggulangan Bencana").
const ORG_HEADS: &[&str] = &[
    "Badan",
    "Kementerian",
    "Dinas",
    "Pengadilan",
    "Komisi",
    "Dewan",
    "Partai",
    "Universitas",
    "Bank",
    "PT",
    "Polda",
    "Polres",
    "Polresta",
    "Polsek",
    "Pemprov",
    "Pemkab",
    "Pemkot",
    "Mahkamah",
    "Kejaksaan",
    "Kejari",
    "Kejati",
    "Rumah",
    "Sekolah",
    "Yayasan",
    "Lembaga",
    "Majelis",
    "Direktorat",
    "Kantor",
    "Kepolisian",
    "Kodam",
    "Korem",
    "Kodim",
    "Institut",
    "Akademi",
    "Komite",
    "Asosiasi",
    "Persatuan",
    "Perusahaan",
    "Koperasi",
    "Ikatan",
    "Himpunan",
    "Gerakan",
    "Forum",
    "Serikat",
];

/// First words that make a capitalised run a place ("Sungai Ciliwung").
const LOC_HEADS: &[&str] = &[
    "Sungai",
    "Gunung",
    "Jalan",
    "Jl.",
    "Pulau",
    "Danau",
    "Kota",
    "Kabupaten",
    "Provinsi",
    "Desa",
    "Kelurahan",
    "Kecamatan",
    "Selat",
    "Teluk",
    "Laut",
    "Samudra",
    "Pantai",
    "Bandara",
    "Pelabuhan",
    "Stasiun",
    "Terminal",
    "Kampung",
    "Dusun",
    "Lembah",
    "Tanjung",
    "Bukit",
    "Kepulauan",
];

const WEEKDAYS: &[&str] = &[
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu",
];
const PARTS_OF_DAY: &[&str] = &["pagi", "siang", "sore", "malam", "dini"];
const TIME_ZONES: &[&str] = &["WIB", "WITA", "WIT", "GMT", "UTC"];
const MONEY_UNITS: &[&str] = &["ribu", "juta", "miliar", "triliun"];

/// Tags every sentence's tokens. Related-article links, subheadings and datelines are skipped: a
/// name in another article's headline is not a mention in this one, and the dateline's place is
/// already in the document's metadata.
pub fn tag(doc: &Document, gazetteer: &Gazetteer) -> Vec<Entity> {
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    let skipped: Vec<Span> = doc
        .boilerplate
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BoilerplateKind::RelatedLink | BoilerplateKind::Heading | BoilerplateKind::Dateline
            )
        })
        .map(|b| b.span)
        .collect();
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::with_capacity(8);
    for sentence in &doc.sentences {
        let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
        let mut i = first;
        while i < end {
            let t = tokens[i];
            if skipped.iter().any(|s| s.contains(t.span)) {
                i += 1;
                continue;
            }
            let word = &text[t.span.range()];
            if let Some((n, label, value)) = number_or_date(text, tokens, i, end) {
                let span = tokens[i].span.cover(tokens[i + n - 1].span);
                out.push(Entity {
                    value,
                    ..Entity::new(span, label)
                });
                i += n;
                continue;
            }
            if let Some(n) = role_at(text, tokens, i, end) {
                out.push(Entity::new(
                    tokens[i].span.cover(tokens[i + n - 1].span),
                    EntityLabel::Role,
                ));
                i += n;
                continue;
            }
            if starts_upper(word) {
                if let Some((n, label)) = gazetteer_at(text, tokens, i, end, gazetteer, &mut words)
                {
                    out.push(Entity::new(
                        tokens[i].span.cover(tokens[i + n - 1].span),
                        label,
                    ));
                    i += n;
                    continue;
                }
                if HONORIFICS.contains(&word) || NOT_NAMES.contains(&word) || is_abbreviation(word)
                {
                    i += 1;
                    continue;
                }
                let n = capitalised_run(text, tokens, i, end, gazetteer, &mut words);
                let sentence_initial =
                    i == first || matches!(tokens[i - 1].kind, TokenKind::QuoteMark(_));
                if n > 0 && !(n == 1 && sentence_initial && !looks_like_name(doc, word)) {
                    let span = tokens[i].span.cover(tokens[i + n - 1].span);
                    let label = if ORG_HEADS.contains(&word) && n > 1 {
                        EntityLabel::Org
                    } else if LOC_HEADS.contains(&word) && n > 1 {
                        EntityLabel::Loc
                    } else if n == 1
                        && word.len() > 1
                        && word.chars().all(|c| c.is_uppercase() || c.is_numeric())
                    {
                        EntityLabel::Org
                    } else {
                        EntityLabel::Per
                    };
                    out.push(Entity::new(span, label));
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// "S.H.", "M.Si.", "Dr.": a degree or title, not part of a name. A single initial ("M.") is.
fn is_abbreviation(word: &str) -> bool {
    word.ends_with('.') && word.chars().count() > 2
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A sentence-initial capitalised word is a name only if it is not a known function word, does
/// not look like an affixed verb, and never appears in lower case in the document.
fn looks_like_name(doc: &Document, word: &str) -> bool {
    if NOT_NAMES.contains(&word) {
        return false;
    }
    let lower = word.to_lowercase();
    if ["ber", "me", "di", "ter", "se", "ke", "pe"]
        .iter()
        .any(|p| lower.starts_with(p))
        && lower.len() > 6
    {
        return false;
    }
    !doc.text.contains(&format!(" {lower} "))
}

fn gazetteer_at<'t>(
    text: &'t str,
    tokens: &[Token],
    i: usize,
    end: usize,
    gazetteer: &Gazetteer,
    words: &mut Vec<&'t str>,
) -> Option<(usize, EntityLabel)> {
    words.clear();
    let mut best = None;
    for (n, t) in tokens[i..end].iter().take(gazetteer.longest()).enumerate() {
        words.push(&text[t.span.range()]);
        if let Some(label) = gazetteer.get(words) {
            best = Some((n + 1, label));
        }
    }
    best
}

/// Capitalised words in a row, stopping before a gazetteer name or a role word.
fn capitalised_run<'t>(
    text: &'t str,
    tokens: &[Token],
    i: usize,
    end: usize,
    gazetteer: &Gazetteer,
    words: &mut Vec<&'t str>,
) -> usize {
    let mut n = 0;
    while i + n < end {
        let t = tokens[i + n];
        let w = &text[t.span.range()];
        if t.kind != TokenKind::Word
            || !starts_upper(w)
            || (n > 0 && NOT_NAMES.contains(&w))
            || is_abbreviation(w)
        {
            break;
        }
        if n > 0
            && (gazetteer_at(text, tokens, i + n, end, gazetteer, words).is_some()
                || role_at(text, tokens, i + n, end).is_some())
        {
            break;
        }
        n += 1;
    }
    n
}

/// A role phrase starting at token `i`: the longest entry of [`ROLES`], in tokens.
fn role_at(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<usize> {
    let mut best = None;
    let mut phrase = String::new();
    for (n, t) in tokens[i..end].iter().take(3).enumerate() {
        if t.kind != TokenKind::Word {
            break;
        }
        if n > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&text[t.span.range()].to_lowercase());
        if ROLES.contains(&phrase.as_str()) {
            best = Some(n + 1);
        }
    }
    best
}

/// Dates, times, money, percentages and plain numbers starting at token `i`; returns the token
/// count, label and normalised value.
fn number_or_date(
    text: &str,
    tokens: &[Token],
    i: usize,
    end: usize,
) -> Option<(usize, EntityLabel, Option<String>)> {
    let word = |k: usize| (k < end).then(|| &text[tokens[k].span.range()]);
    let w = word(i)?;
    // "hari Selasa (19/9/2023)", "Selasa (19/9/2023)", "Selasa malam", "hari Kamis"
    let weekday_at =
        if w.eq_ignore_ascii_case("hari") && word(i + 1).is_some_and(|x| WEEKDAYS.contains(&x)) {
            Some(i + 1)
        } else if WEEKDAYS.contains(&w) && w != "Minggu" {
            Some(i)
        } else {
            None
        };
    if let Some(d) = weekday_at {
        if word(d + 1) == Some("(")
            && word(d + 2).is_some_and(is_numeric_date)
            && word(d + 3) == Some(")")
        {
            let value = word(d + 2).and_then(iso_date);
            return Some((d + 4 - i, EntityLabel::Date, value));
        }
        if word(d + 1).is_some_and(|x| PARTS_OF_DAY.contains(&x)) {
            return Some((d + 2 - i, EntityLabel::Time, None));
        }
        return Some((d + 1 - i, EntityLabel::Date, None));
    }
    if w.eq_ignore_ascii_case("tahun")
        && word(i + 1).is_some_and(|x| x.len() >= 4 && x.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Some((2, EntityLabel::Date, None));
    }
    if w == "Rp" || w == "Rp." {
        if tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        {
            let unit = word(i + 2).is_some_and(|u| MONEY_UNITS.contains(&u));
            let value = money_value(word(i + 1)?, if unit { word(i + 2) } else { None });
            return Some((2 + unit as usize, EntityLabel::Money, value));
        }
        return None;
    }
    if w.eq_ignore_ascii_case("pukul")
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && i + 1 < end
    {
        let zone = word(i + 2).is_some_and(|z| TIME_ZONES.contains(&z));
        return Some((2 + zone as usize, EntityLabel::Time, None));
    }
    if tokens[i].kind != TokenKind::Number {
        return None;
    }
    if word(i + 1).is_some_and(|z| TIME_ZONES.contains(&z)) {
        return Some((2, EntityLabel::Time, None));
    }
    if is_numeric_date(w) {
        return Some((1, EntityLabel::Date, iso_date(w)));
    }
    if word(i + 1) == Some("%") || word(i + 1).is_some_and(|x| x.eq_ignore_ascii_case("persen")) {
        return Some((
            2,
            EntityLabel::Percent,
            parse_number(w).map(|n| n.to_string()),
        ));
    }
    Some((1, EntityLabel::Quantity, parse_number(w).map(format_number)))
}

fn is_numeric_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split('/').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "19/9/2023" → "2023-09-19".
fn iso_date(w: &str) -> Option<String> {
    let mut parts = w.split('/').map(|p| p.parse::<u32>().ok());
    let (d, m, y) = (parts.next()??, parts.next()??, parts.next()??);
    let y = if y < 100 { 2000 + y } else { y };
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Indonesian notation: `.` groups thousands, `,` is the decimal point ("120.000" → 120000,
/// "3,5" → 3.5). A lone `.` followed by other than three digits is a decimal point too ("2.5").
pub fn parse_number(w: &str) -> Option<f64> {
    let groups: Vec<&str> = w.split('.').collect();
    let thousands = groups.len() > 1
        && groups[1..]
            .iter()
            .all(|g| g.split(',').next().is_some_and(|x| x.len() == 3));
    let plain: String = if thousands {
        w.replace('.', "").replace(',', ".")
    } else if w.contains(',') {
        w.replace(',', ".")
    } else {
        w.to_string()
    };
    plain.parse::<f64>().ok()
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

fn money_value(number: &str, unit: Option<&str>) -> Option<String> {
    let n = parse_number(number)?;
    let factor = match unit {
        Some("ribu") => 1e3,
        Some("juta") => 1e6,
        Some("miliar") => 1e9,
        Some("triliun") => 1e12,
        _ => 1.0,
    };
    Some(format!("{} IDR", format_number(n * factor)))
}

/// Links short mentions of people to the full name introduced earlier ("Peskov" → "Dmitry
/// Peskov"), and gives every mention of the same name one cluster id.
pub fn link_names(doc: &mut Document) {
    let mut clusters: HashMap<String, u32> = HashMap::new();
    let mut full_names: Vec<(String, u32)> = Vec::new();
    for k in 0..doc.entities.len() {
        let e = &doc.entities[k];
        if !matches!(
            e.label,
            EntityLabel::Per | EntityLabel::Org | EntityLabel::Loc
        ) {
            continue;
        }
        let mention = doc.slice(e.span).to_string();
        let mut canonical = mention.clone();
        if e.label == EntityLabel::Per && !mention.contains(' ') {
            if let Some((full, _)) = full_names
                .iter()
                .rev()
                .find(|(full, _)| full.split(' ').any(|part| part == mention))
            {
                canonical = full.clone();
            }
        }
        let next = clusters.len() as u32;
        let cluster = *clusters.entry(canonical.clone()).or_insert(next);
        if e.label == EntityLabel::Per && mention.contains(' ') {
            full_names.push((mention.clone(), cluster));
        }
        let e = &mut doc.entities[k];
        e.cluster = Some(cluster);
        if canonical != mention {
            e.canonical = Some(canonical);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_numbers() {
        assert_eq!(parse_number("120.000"), Some(120000.0));
        assert_eq!(parse_number("3,5"), Some(3.5));
        assert_eq!(parse_number("10.000,50"), Some(10000.5));
        assert_eq!(
            money_value("3,5", Some("juta")).as_deref(),
            Some("3500000 IDR")
        );
        assert_eq!(iso_date("19/9/2023").as_deref(), Some("2023-09-19"));
        assert_eq!(iso_date("40/9/2023"), None);
    }
}
