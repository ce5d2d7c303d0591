//! Rules over tokens: gazetteer look-ups, capitalised runs, numbers, dates and roles.

use crate::Gazetteer;
use crate::features::{HashKeyed, combine, hash_exact, hash_lower, mix};
use crate::model::tag::{B_LOC, B_ORG, B_PER, I_LOC, I_ORG, I_PER};
use crate::model::{Model, Scratch, is_begin, tag_label};
use kutip_core::{BoilerplateKind, Document, Entity, EntityLabel, Span, Token, TokenKind};

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
    // Posts of firms, foundations, courts and the police or army commonly written before a
    // name ("Kurator Museum X Budi", "Kabid Y Dinas Z", "Wakapolres Sukamaju").
    "kurator",
    "advokat",
    "manajer",
    "manager",
    "general manager",
    "pendiri",
    "penyidik",
    "bendahara",
    "komisioner",
    "penanggung jawab",
    "penanggungjawab",
    "kabid",
    "kasubbag",
    "kasatreskrim",
    "dirreskrimsus",
    "wakapolres",
    "dandim",
    "kadisdik",
    "mendikdasmen",
];

/// Titles and honorifics that may precede a name but are not part of it.
const HONORIFICS: &[&str] = &[
    "Bapak",
    "Ibu",
    "Pak",
    "Bu",
    "Sdr.",
    "Dr.",
    "dr.",
    "Prof.",
    "H.",
    "Hj.",
    "Ir.",
    "Drs.",
    "KH.",
    "Tn.",
    "Ny.",
    "Mr.",
    "Mrs.",
    "Kapten",
    "Mayor",
    "Kolonel",
    "Letnan",
    "Brigjen",
    "Mayjen",
    "Letjen",
    "Jenderal",
    "Kombes",
    "AKBP",
    "AKP",
    "Iptu",
    "Ipda",
    "Aiptu",
    "Bripka",
    "Briptu",
    "Irjen",
    "Komjen",
    "Kompol",
    "Laksamana",
    "Marsekal",
    "Ustaz",
    "Ustadz",
    "Kiai",
    "Habib",
    "Dr",
    "Prof",
    "Drs",
    "Ir",
    "Sdr",
    "Saudara",
    "Komisaris",
    "Besar",
    // Written without the full stop too ("Ny Herawati"), and the police's "Pol" after a rank
    // ("Komjen Pol Badrodin Haiti").
    "Ny",
    "Tn",
    "Hj",
    "KH",
    "Pol",
    "Pol.",
    "Bripda",
    "Aipda",
    "Brigadir",
    "Letkol",
    "Kopda",
    "Serda",
    "Serka",
    "Pratu",
];

/// A token like "(30)" or "(2/9)": a bracket opens it and it has no letter.
fn is_bracketed_number(word: &str) -> bool {
    word.len() > 1 && word.starts_with('(') && !word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// A token like "(BES)": an acronym in brackets, written as one token.
fn is_bracketed_acronym(word: &str) -> bool {
    word.len() > 3
        && word.starts_with('(')
        && word.ends_with(')')
        && is_acronym(&word[1..word.len() - 1])
}

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
    // Buildings: both training sets tag "Rumah Sakit …", "Gedung …", "Hotel …" as places.
    "Rumah",
    "Gedung",
    "Hotel",
    "Istana",
    "Masjid",
];

/// `(first byte, length)` of every word of a list, as bits (`length` capped at 63): most words
/// asked about are in no list, and these bits say so without comparing them with every word of
/// the list (the head lists were scanned for every name of two words or more: 3.7 M
/// instructions over 450 articles).
const fn list_shapes(list: &[&str]) -> [u64; 256] {
    let mut bits = [0u64; 256];
    let mut k = 0;
    while k < list.len() {
        let b = list[k].as_bytes();
        if !b.is_empty() {
            let len = if b.len() < 63 { b.len() } else { 63 };
            bits[b[0] as usize] |= 1 << len;
        }
        k += 1;
    }
    bits
}

const ORG_HEAD_SHAPES: [u64; 256] = list_shapes(ORG_HEADS);
const LOC_HEAD_SHAPES: [u64; 256] = list_shapes(LOC_HEADS);

/// Whether `word` is in `list`, whose [`list_shapes`] are `shapes`.
fn in_list(list: &[&str], shapes: &[u64; 256], word: &str) -> bool {
    let b = word.as_bytes();
    b.first()
        .is_some_and(|&f| shapes[usize::from(f)] & 1 << b.len().min(63) != 0)
        && list.contains(&word)
}

const WEEKDAYS: &[&str] = &[
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu",
];
const PARTS_OF_DAY: &[&str] = &["pagi", "siang", "sore", "malam", "dini"];
/// Time zones written after a clock time, with their UTC offsets (ISO 8601).
const TIME_ZONES: &[(&str, &str)] = &[
    ("WIB", "+07:00"),
    ("WITA", "+08:00"),
    ("WIT", "+09:00"),
    ("GMT", "Z"),
    ("UTC", "Z"),
];
const MONEY_UNITS: &[&str] = &["ribu", "juta", "miliar", "triliun"];

/// Currency names, codes and symbols the stage knows, with their ISO 4217 codes; the
/// `currencies` option adds more. Written before an amount ("US$ 5 juta", "Rp 3,5 juta") or
/// after it ("100 juta dolar AS", "20 euro").
pub const BUILTIN_CURRENCIES: &[(&str, &str)] = &[
    ("Rp", "IDR"),
    ("Rp.", "IDR"),
    ("IDR", "IDR"),
    ("rupiah", "IDR"),
    ("US$", "USD"),
    ("USD", "USD"),
    ("$", "USD"),
    ("dolar AS", "USD"),
    ("dollar AS", "USD"),
    ("dolar Amerika", "USD"),
    ("dolar Amerika Serikat", "USD"),
    ("dollar Amerika Serikat", "USD"),
    ("dolar", "USD"),
    ("dollar", "USD"),
    ("S$", "SGD"),
    ("SGD", "SGD"),
    ("dolar Singapura", "SGD"),
    ("A$", "AUD"),
    ("AUD", "AUD"),
    ("dolar Australia", "AUD"),
    ("HK$", "HKD"),
    ("dolar Hong Kong", "HKD"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("euro", "EUR"),
    ("¥", "JPY"),
    ("JPY", "JPY"),
    ("yen", "JPY"),
    ("RM", "MYR"),
    ("MYR", "MYR"),
    ("ringgit", "MYR"),
    ("ringgit Malaysia", "MYR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("pound sterling", "GBP"),
    ("poundsterling", "GBP"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("won", "KRW"),
    ("KRW", "KRW"),
    ("baht", "THB"),
    ("peso", "PHP"),
    ("riyal", "SAR"),
    ("riyal Saudi", "SAR"),
    ("SAR", "SAR"),
    ("dirham", "AED"),
    ("rupee", "INR"),
    ("rupee India", "INR"),
    ("rubel", "RUB"),
    ("rubel Rusia", "RUB"),
    ("franc Swiss", "CHF"),
];

/// Currency names and symbols as word sequences, longest first, so that "dolar Singapura"
/// wins over "dolar".
#[derive(Clone, Debug, Default)]
pub struct Currencies {
    entries: Vec<(Vec<String>, String)>,
    /// Indices into `entries` (longest first) by the lower-case hash of the first token an
    /// entry may start with: its first word, and that word's leading letters when the tokenizer
    /// may split it ("US$" → "US" "$"). Most tokens miss here and are looked at no further.
    by_first_token: HashKeyed<Vec<usize>>,
    /// The byte lengths of the keys of `by_first_token` as bits (capped at 63), by their
    /// first byte in either case: an ASCII token no key has the first byte and length of is
    /// turned away before it is hashed (the look-up was 170 instructions a token, 39,000
    /// tokens over 450 articles). Empty, and every token turned away, with no entries.
    key_lengths_by_first_byte: Vec<u64>,
}

impl Currencies {
    /// The built-in currencies plus `extra` (name or symbol → ISO 4217 code); an extra entry
    /// replaces a built-in one of the same name.
    pub fn new<'a>(extra: impl IntoIterator<Item = (&'a str, &'a str)>) -> Currencies {
        let mut all: Vec<(&str, &str)> = BUILTIN_CURRENCIES.to_vec();
        for (name, code) in extra {
            all.retain(|(n, _)| *n != name);
            all.push((name, code));
        }
        let mut entries: Vec<(Vec<String>, String)> = all
            .into_iter()
            .filter(|(name, _)| !name.trim().is_empty())
            .map(|(name, code)| {
                let words = name.split_whitespace().map(String::from).collect();
                (words, code.to_string())
            })
            .collect();
        entries.sort_by_key(|(words, _)| {
            std::cmp::Reverse(words.iter().map(String::len).sum::<usize>() + words.len())
        });
        let mut by_first_token: HashKeyed<Vec<usize>> = HashKeyed::default();
        let mut key_lengths_by_first_byte = vec![0u64; 256];
        for (k, (words, _)) in entries.iter().enumerate() {
            let first = words[0].as_str();
            let letters = first
                .find(|c: char| !c.is_alphanumeric())
                .filter(|&end| end > 0)
                .map_or(first, |end| &first[..end]);
            for key in [first, letters] {
                let list = by_first_token.entry(hash_lower(key)).or_default();
                if !list.contains(&k) {
                    list.push(k);
                }
                mark_key_length(&mut key_lengths_by_first_byte, key);
            }
        }
        Currencies {
            entries,
            by_first_token,
            key_lengths_by_first_byte,
        }
    }

    /// Whether a token's text may have a key's lower case (by its first byte and length);
    /// false only for ASCII text, whose lower case keeps both.
    fn may_start(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let Some(&first) = b.first() else {
            return true;
        };
        let lengths = self
            .key_lengths_by_first_byte
            .get(usize::from(first))
            .copied()
            .unwrap_or(0);
        lengths & 1 << b.len().min(63) != 0 || !word.is_ascii()
    }

    /// The currency written at token `i` (before `end`): its length in tokens and its code.
    /// A word may be split into several touching tokens ("US" "$").
    #[inline]
    fn at(&self, text: &str, tokens: &[Token], i: usize, end: usize) -> Option<(usize, &str)> {
        let first = &text[tokens.get(i)?.span.range()];
        if !self.may_start(first) {
            return None;
        }
        self.listed_at(first, text, tokens, i, end)
    }

    /// [`Currencies::at`] past its filter, apart so that the filter is inlined where it runs.
    #[inline(never)]
    fn listed_at(
        &self,
        first: &str,
        text: &str,
        tokens: &[Token],
        i: usize,
        end: usize,
    ) -> Option<(usize, &str)> {
        let candidates = self.by_first_token.get(&hash_lower(first))?;
        candidates.iter().find_map(|&c| {
            let (words, code) = &self.entries[c];
            let mut k = i;
            for word in words {
                k = touching_tokens_spelling(text, tokens, k, end, word)?;
            }
            Some((k - i, code.as_str()))
        })
    }
}

/// Marks a currency key's byte length (capped at 63) under its lower-case first byte in both
/// cases, for [`Currencies::may_start`]. A key whose lower case is not ASCII ("€") needs no
/// mark: no ASCII token lower-cases to it, and other tokens are let through.
fn mark_key_length(lengths: &mut [u64], key: &str) {
    let lower = key.to_lowercase();
    if let Some(&first) = lower.as_bytes().first().filter(|_| lower.is_ascii()) {
        for b in [first, first.to_ascii_uppercase()] {
            lengths[usize::from(b)] |= 1 << lower.len().min(63);
        }
    }
}

/// The token index after the touching tokens from `k` that spell `word` (ASCII case ignored).
fn touching_tokens_spelling(
    text: &str,
    tokens: &[Token],
    k: usize,
    end: usize,
    word: &str,
) -> Option<usize> {
    let start = tokens.get(k)?.span.start as usize;
    for (m, t) in tokens[k..end].iter().enumerate().take(3) {
        let written = &text[start..t.span.end as usize];
        if written.len() > word.len() {
            return None;
        }
        if written.eq_ignore_ascii_case(word) {
            return Some(k + m + 1);
        }
    }
    None
}

/// Words naming a kind of place that NERGrit's annotators put inside the place's name, in lower
/// case too ("desa Sukamaju", "kecamatan Sukaraja", "kota Sukamaju", "Provinsi Jawa Barat": in
/// its training file 44 of 46 lower-case "desa" before a place are inside it, 31 of 35
/// "kecamatan", 15 of 20 "kota"); idner-news-2k leaves the lower-case ones outside.
const PLACE_HEADS: &[&str] = &[
    "desa",
    "dusun",
    "kampung",
    "kelurahan",
    "kecamatan",
    "kabupaten",
    "kota",
    "provinsi",
    "distrik",
    "prefektur",
    "pulau",
    "gunung",
    "sungai",
    "danau",
    "jalan",
    "jl",
];

/// Capitalised words naming a building or a site that NERGrit puts inside the name after them
/// ("Stadion Sukamaju", "Lapangan Cibodas", "Taman Sari"): in its training file a capitalised
/// one of these before a capitalised word opens a place 92 times in 106 (12 times neither is
/// tagged, once the name after it alone is a person).
const SITE_HEADS: &[&str] = &[
    "Stadion",
    "Stasiun",
    "Lapangan",
    "Taman",
    "Pasar",
    "Museum",
    "Gua",
    "Jembatan",
    "Gereja",
    "Menara",
    "Bandara",
    "Pelabuhan",
    "Terminal",
    "Candi",
    "Monumen",
    "Benteng",
    "Kastil",
    "Pura",
    "Makam",
    "Situs",
    "Kompleks",
];

/// With the `auto` convention, in a sentence tagged in the shared weights: a capitalised
/// [`SITE_HEADS`] word the model left untagged right before a name it found makes that name a
/// place with it ("Lapangan Sukamaju", the model having taken "Sukamaju" for a person).
fn site_heads_open_places(words: &[&str], tags: &mut [u8]) {
    for i in 0..tags.len().saturating_sub(1) {
        if tags[i] != 0 || !is_begin(tags[i + 1] as usize) || !SITE_HEADS.contains(&words[i]) {
            continue;
        }
        let inside = tags[i + 1] + 1;
        let mut j = i + 2;
        while j < tags.len() && tags[j] == inside {
            j += 1;
        }
        tags[i] = B_LOC;
        tags[i + 1..j].fill(I_LOC);
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights (one that does not
/// read like news): a place-kind word right before a place the model found joins it.
fn place_heads_inside(words: &[&str], tags: &mut [u8]) {
    for i in 1..tags.len() {
        if tags[i] == B_LOC
            && tags[i - 1] == 0
            && words[i - 1].len() <= 9
            && PLACE_HEADS
                .iter()
                .any(|h| words[i - 1].eq_ignore_ascii_case(h))
        {
            tags[i - 1] = B_LOC;
            tags[i] = I_LOC;
        }
    }
}

/// "Persikota U - 18", "Persikota U-23": a team's age category is not part of the club's name (NERGrit
/// tags the club alone; the model takes the "U" in). The category's "U" at the end of an
/// organisation, before a hyphen and a number, or written as one token ("U-23", "U23"), is
/// left out of it.
fn age_categories_outside_teams(words: &[&str], tags: &mut [u8]) {
    let is_number =
        |w: &str| !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    let mut k = 1;
    while k < words.len() {
        // Only an organisation's tag starts the rule, and it clears only that tag.
        if eight_untagged(tags, k) {
            k += 8;
            continue;
        }
        k += 1;
        let k = k - 1;
        if tags[k] != I_ORG || tags.get(k + 1) == Some(&I_ORG) {
            continue;
        }
        let w = words[k];
        let category = if w == "U" {
            words.get(k + 1) == Some(&"-") && words.get(k + 2).is_some_and(|n| is_number(n))
        } else {
            w.strip_prefix('U')
                .map(|rest| rest.strip_prefix('-').unwrap_or(rest))
                .is_some_and(is_number)
        };
        if category {
            tags[k] = 0;
        }
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: a "person" of two or
/// more words that alone fills double quotation marks and holds no common given name ("Senja
/// Kelabu", "Rumah Tua") is the title of a song, film or series, not a person; unless a word
/// that introduces a character comes before it ("sebagai \" Sari Wulandari \"", "tokoh",
/// "memerankan", "peran", "karakter", "untuk"). In NERGrit's training file (tagged by the
/// model trained on it) it drops 2 titles and 1 person; on its dev file 3 titles. A comma
/// before the quotation no longer keeps the person (", \" Lagu Baru \" menjadi…": in the
/// training file none of 32 such quoted names outside a list is a person; NERGrit dev +2
/// titles). A "person" of any length that fills one of a list of quoted items joined by
/// commas or "dan" is a title too (3 of 112 such items in the training file are people).
fn quoted_titles_not_people(words: &[&str], tags: &mut [u8]) {
    const INTRODUCERS: &[&str] = &[
        "sebagai",
        "tokoh",
        "memerankan",
        "peran",
        "karakter",
        "untuk",
    ];
    let is_quote = |w: &str| matches!(w, "\"" | "“" | "”");
    for a in 2..words.len() {
        // Places too, but only as list items below (in NERGrit's training file, tagged by
        // models trained on its other half, 5 such "places" are dropped, all titles in gold).
        if !(tags[a] == B_PER || tags[a] == B_LOC) || !is_quote(words[a - 1]) {
            continue;
        }
        let inside = tags[a] + 1;
        let mut b = a + 1;
        while b < words.len() && tags[b] == inside {
            b += 1;
        }
        // `b` is the first word after the name: it must close the quotation.
        if b >= words.len() || !is_quote(words[b]) {
            continue;
        }
        // One of a list of quoted items ("\" A \" , \" B \" dan \" C \""): titles of songs,
        // films, albums. In NERGrit's training file 3 of 112 such items are people. Not "atau":
        // "dikenal sebagai \" Budi \" atau \" Ubay \"" gives one person's other names.
        let is_joiner = |w: &str| matches!(w, "," | "dan");
        let in_list = (b + 2 < words.len() && is_joiner(words[b + 1]) && is_quote(words[b + 2]))
            || (a >= 3 && is_joiner(words[a - 2]) && is_quote(words[a - 3]));
        if in_list {
            tags[a..b].fill(0);
            continue;
        }
        if inside != I_PER || b - a < 2 {
            continue;
        }
        let before = words[a - 2];
        if INTRODUCERS.iter().any(|w| before.eq_ignore_ascii_case(w))
            || words[a..b]
                .iter()
                .any(|w| crate::given_names::is_given_name(hash_lower(w)))
        {
            continue;
        }
        tags[a..b].fill(0);
    }
}

/// Abbreviations that open the name of an Indonesian school ("SMA Negeri 1 Sukamaju").
const SCHOOL_HEADS: &[&str] = &[
    "SD", "SDN", "SMP", "SMPN", "SMA", "SMAN", "SMK", "SMKN", "SMU", "SMUN", "SLTP", "SLTA", "STM",
    "SMEA", "MI", "MIN", "MTs", "MTsN", "MA", "MAN",
];

/// Whether a token is a school's number: digits or a Roman numeral, with or without a class
/// letter ("1", "70", "IV", "4B", "IVB").
fn is_school_number(word: &str) -> bool {
    let body = word.trim_end_matches(|c: char| c.is_ascii_uppercase() && !"IVX".contains(c));
    let body = if body.is_empty() { word } else { body };
    !body.is_empty()
        && word.len() <= 5
        && (body.bytes().all(|b| b.is_ascii_digit())
            || body.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
}

/// Whether the eight tags from `i` are all O. Most tokens are untagged, so rules that look only
/// at tagged tokens skip eight at a time (a test a token had cost 2.5 M instructions over 450
/// articles).
fn eight_untagged(tags: &[u8], i: usize) -> bool {
    tags.get(i..i + 8)
        .is_some_and(|eight| u64::from_le_bytes(eight.try_into().expect("eight tags")) == 0)
}

/// "SMP Negeri 1 Sukamaju": the place after a school's number belongs to the school's name (the
/// model often stops at the number, or takes the place for a name of its own). In NERGrit's
/// training file, when such a school is tagged, the capitalised word after its number is inside
/// its name 95 times in 99 (two of the others are a street, "Jl Sukamaju", which stays apart).
/// Up to three capitalised words, in any convention (idner-news-2k names no schools).
fn school_names_run_on(words: &[&str], tags: &mut [u8]) {
    let mut i = 0;
    while i < words.len() {
        if eight_untagged(tags, i) {
            i += 8;
            continue;
        }
        i += 1;
        let i = i - 1;
        // Every head starts with S or M and has at most four letters: most names are rejected by
        // their first byte and length before the list is searched.
        let w = words[i].as_bytes();
        if tags[i] == 0
            || w.len() > 4
            || !matches!(w.first(), Some(b'S' | b'M'))
            || !is_begin(tags[i] as usize)
            || !SCHOOL_HEADS.contains(&words[i])
        {
            continue;
        }
        let inside = tags[i] + 1;
        let mut j = i + 1;
        if j < words.len() && tags[j] == inside && matches!(words[j], "Negeri" | "N") {
            j += 1;
        }
        if j >= words.len() || tags[j] != inside || !is_school_number(words[j]) {
            continue;
        }
        let mut k = j + 1;
        while k < words.len()
            && k - j <= 3
            && starts_upper(words[k])
            && !matches!(words[k], "Jl" | "Jl." | "Jalan")
        {
            k += 1;
        }
        // Only when the words after stand alone: untagged, or one name of their own that ends
        // with them.
        if k == j + 1
            || tags
                .get(k)
                .is_some_and(|&t| t != 0 && !is_begin(t as usize))
        {
            continue;
        }
        tags[j + 1..k].fill(inside);
    }
}

/// Academic degrees written after a name, as one token ("Budi Santoso SH", "Sari Wulandari
/// MSi").
const DEGREES: &[&str] = &[
    "SH", "MH", "SE", "MM", "MSi", "MBA", "BA", "PhD", "SPd", "MPd", "SSos", "SIP", "SKom", "MKes",
    "SKM", "SAg", "MAg", "MSc", "BSc", "MPH", "Lc", "SP", "SSi", "MHum", "SHI",
];

/// "Budi Santoso SH": an academic degree after a person's name is not part of it (NERGrit's
/// training file leaves all six it has outside; the model takes the capitalised degree in).
/// Only a degree that ends a person of two or more words.
fn degrees_outside_people(words: &[&str], tags: &mut [u8]) {
    let mut k = 1;
    while k < words.len() {
        if eight_untagged(tags, k) {
            k += 8;
            continue;
        }
        // The last word of a person; several degrees in a row all go ("MAg PhD").
        if tags[k] == I_PER && tags.get(k + 1) != Some(&I_PER) {
            let mut last = k;
            while last > 0
                && tags[last] == I_PER
                && words[last].len() <= 4
                && DEGREES.contains(&words[last])
            {
                tags[last] = 0;
                last -= 1;
            }
        }
        k += 1;
    }
}

/// "Harold Budiman , Jr ." : a generational suffix after a comma belongs to the person's name
/// (as NERGrit writes them; the model stops at the comma). `Jr`/`Sr` with or without their full
/// stop, as one token or two.
fn generational_suffixes(words: &[&str], tags: &mut [u8]) {
    let mut b = 0;
    while b < words.len().saturating_sub(2) {
        // Only a person's tag starts the rule, and it writes only after `b`.
        if eight_untagged(tags, b) {
            b += 8;
            continue;
        }
        b += 1;
        let b = b - 1;
        if !matches!(tags[b], 1 | 2)
            || tags[b + 1] != 0
            // The model often takes the suffix for a name of its own.
            || !matches!(tags[b + 2], 0 | 1)
            || tags.get(b + 3) == Some(&I_PER)
            || words[b + 1] != ","
            || !matches!(words[b + 2], "Jr" | "Sr" | "Jr." | "Sr.")
        {
            continue;
        }
        let mut end = b + 3;
        if !words[b + 2].ends_with('.') && words.get(end) == Some(&".") && tags[end] == 0 {
            end += 1;
        }
        tags[b + 1..end].fill(I_PER);
    }
}

/// Words that end the name of an organisation: bands, labels, companies, clubs ("Batara
/// Band", "Sukamaju Records", "Persatuan Sukamaju FC"). In NERGrit's training file the names
/// they end are organisations 46 times, places 4 and people 2 (another 20 of them stand
/// outside any name, most "Records" and "Entertainment" after a name of their own).
const ORG_TAILS: &[&str] = &[
    "Band",
    "Orchestra",
    "Records",
    "Entertainment",
    "Company",
    "FC",
    "Foundation",
    "Group",
    "Inc",
    "Ltd",
    "Pictures",
    "Corporation",
    "Airlines",
    // English company and society tails, general knowledge (the training file: "Network" 2,
    // "Association" 3, "Productions" 1, "Institute" 1, "Television" 1 organisations, no other
    // kind; "Systems" and "Aerospace" absent).
    "Systems",
    "Aerospace",
    "Network",
    "Association",
    "Productions",
    "Institute",
    "Television",
];

/// With the `auto` convention, in a sentence tagged in the shared weights: a name that ends
/// in an organisation's tail word ([`ORG_TAILS`]) is an organisation, with the capitalised
/// words before the tail: a person or a place the model found ("James Sukamaju Orchestra"
/// taken for a person), one it split from the tail ("Sukamaju" LOC + "FC" ORG), or untagged
/// words ("Batara Band" missed).
// Only with `auto`: out of line, as inlined into `tag` it cost the default pipeline 0.2%.
#[inline(never)]
fn organisations_by_tail(words: &[&str], tags: &mut [u8]) {
    for t in 1..words.len() {
        if !ORG_TAILS.contains(&words[t]) || tags.get(t + 1).is_some_and(|&x| x % 2 == 0 && x > 0) {
            continue;
        }
        // The name before the tail: the span the tail ends, or the one right before it, or
        // the untagged capitalised words before it.
        let inside = if tags[t] != 0 && !is_begin(tags[t] as usize) {
            Some(t)
        } else {
            (tags[t - 1] != 0).then_some(t - 1)
        };
        let mut a = t;
        if let Some(k) = inside {
            a = k;
            while a > 0 && !is_begin(tags[a] as usize) {
                a -= 1;
            }
        } else {
            while a > 0 && tags[a - 1] == 0 && starts_upper(words[a - 1]) && t - a < 4 {
                a -= 1;
            }
        }
        if a == t {
            continue;
        }
        tags[a] = B_ORG;
        tags[a + 1..=t].fill(I_ORG);
    }
}

/// Words that open an organisation's name and that the model sometimes leaves outside it
/// ("Politeknik | Sukamaju Raya"): in NERGrit's training file every span one of them starts
/// is an organisation but 15 universities, which it tags as places.
const ORG_OPENERS: &[&str] = &[
    "Universitas",
    "Politeknik",
    "Institut",
    "Akademi",
    "Yayasan",
    "Partai",
    "Lembaga",
];

/// With the `auto` convention, in a sentence tagged in the shared weights: an untagged
/// organisation opener ([`ORG_OPENERS`]) right before a name the model found opens that
/// name, which is then an organisation ("Politeknik" + ORG "LPP Sukamaju").
// Only with `auto`: out of line, as inlined into `tag` it cost the default pipeline 0.2%.
#[inline(never)]
fn organisation_openers_inside(words: &[&str], tags: &mut [u8]) {
    for i in 0..words.len().saturating_sub(1) {
        if tags[i] != 0 || !is_begin(tags[i + 1] as usize) || !ORG_OPENERS.contains(&words[i]) {
            continue;
        }
        tags[i] = B_ORG;
        let end = span_end(tags, i + 2);
        tags[i + 1..end].fill(I_ORG);
    }
}

/// Where the span running on at `from` ends: the first untagged word or new span's start at or
/// after `from` (`from` itself when nothing continues there).
fn span_end(tags: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < tags.len() && tags[end] != 0 && !is_begin(tags[end] as usize) {
        end += 1;
    }
    end
}

/// With the `auto` convention, in a sentence tagged in the shared weights: a sentence that
/// defines the name it opens ("Sukamaju adalah desa di …", "Batara adalah sebuah band …",
/// "Budi Santoso adalah seorang penyanyi …", encyclopaedic text's first sentence) gives the
/// name the kind of its defining noun, whatever the model took it for. In NERGrit's training
/// file the capitalised words opening such a sentence are a name of the noun's kind 27 times in
/// 30 (the others untagged: "Ia adalah penulis", "Desa Ini merupakan …"), so untagged words
/// take the kind only when none of them is written in lower case in the training data.
// Only with `auto`: out of line, as inlined into `tag` it cost the default pipeline 0.2%.
#[inline(never)]
fn defined_names(words: &[&str], tags: &mut [u8], model: &Model) {
    const KINDS: &[(&str, u8)] = &[
        ("desa", B_LOC),
        ("kelurahan", B_LOC),
        ("kecamatan", B_LOC),
        ("kabupaten", B_LOC),
        ("kota", B_LOC),
        ("gunung", B_LOC),
        ("pulau", B_LOC),
        ("sungai", B_LOC),
        ("danau", B_LOC),
        ("negara", B_LOC),
        ("provinsi", B_LOC),
        ("band", B_ORG),
        ("grup", B_ORG),
        ("perusahaan", B_ORG),
        ("partai", B_ORG),
        ("organisasi", B_ORG),
        ("penyanyi", B_PER),
        ("aktor", B_PER),
        ("aktris", B_PER),
        ("politikus", B_PER),
        ("pemain", B_PER),
        ("penulis", B_PER),
        ("musisi", B_PER),
    ];
    for end in 1..words.len().saturating_sub(1) {
        if !matches!(words[end], "adalah" | "merupakan") {
            continue;
        }
        // The capitalised words before it open the sentence (or follow a full stop inside
        // it: one line of NERGrit can hold two sentences).
        let mut start = end;
        while start > 0 && end - start < 5 && starts_upper(words[start - 1]) {
            start -= 1;
        }
        if start == end || (start > 0 && words[start - 1] != ".") {
            continue;
        }
        let mut k = end + 1;
        while k < words.len()
            && matches!(words[k], "sebuah" | "seorang" | "salah" | "satu" | "suatu")
        {
            k += 1;
        }
        let Some(&(_, kind)) = words
            .get(k)
            .and_then(|w| KINDS.iter().find(|(n, _)| n == w))
        else {
            continue;
        };
        // The name must be exactly one span, or untagged and no common word.
        let one_span = is_begin(tags[start] as usize)
            && tags[start + 1..end].iter().all(|&t| t == tags[start] + 1);
        let untagged = tags[start..end].iter().all(|&t| t == 0)
            && !words[start..end].iter().any(|w| model.is_common_word(w));
        if one_span || untagged {
            tags[start] = kind;
            tags[start + 1..end].fill(kind + 1);
        }
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: a company's legal
/// form alone ("PT", "CV", "Tbk", "Persero": "PT Sukamaju Jaya ( Persero )", "dikelola oleh
/// PT .") is no name; with the company's name it stays inside the name. NERGrit's training
/// file tags none of them alone (PT opens 5 names, is inside 2, and untagged once).
// Only with `auto`: out of line, as inlined into `tag` it cost the default pipeline 0.2%.
#[inline(never)]
fn bare_company_forms(words: &[&str], tags: &mut [u8]) {
    for i in 0..words.len() {
        if is_begin(tags[i] as usize)
            && tags
                .get(i + 1)
                .is_none_or(|&t| t == 0 || is_begin(t as usize))
            && matches!(words[i], "PT" | "CV" | "Tbk" | "Persero")
        {
            tags[i] = 0;
        }
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: a place-kind or
/// site word alone ("Pulau", "Kelurahan", "Dusun", "Jalan", "Stadion"), tagged as a place or
/// an organisation of its own, names no place: "sebuah Pulau", "tiga Kelurahan", "Dusun (
/// DSN ) Genengan". In NERGrit's training file, tagged by models trained on its other half,
/// this drops 18 such names, 16 of them untagged in gold (89%); NERGrit dev: one, right. So is
/// a school's abbreviation alone ("tamat SD", "dari Paud , SD , SMP"): 7 dropped there, all
/// untagged in gold; NERGrit dev: two, right.
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn lone_place_heads(words: &[&str], tags: &mut [u8]) {
    for i in 0..tags.len() {
        if (tags[i] == B_LOC || tags[i] == B_ORG)
            && tags.get(i + 1).is_none_or(|&t| t != tags[i] + 1)
            && words[i].len() <= 9
            && (PLACE_HEADS.iter().any(|h| words[i].eq_ignore_ascii_case(h))
                || SITE_HEADS.contains(&words[i])
                || SCHOOL_HEADS.contains(&words[i])
                || matches!(words[i], "Paud" | "PAUD" | "TK"))
        {
            tags[i] = 0;
        }
    }
}

/// The first word of the name starting at `i` leaves it; the next word, if the name goes on,
/// opens it.
fn drop_first_word(tags: &mut [u8], i: usize) {
    let inside = tags[i] + 1;
    tags[i] = 0;
    if let Some(next) = tags.get_mut(i + 1).filter(|t| **t == inside) {
        *next = inside - 1;
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: words that the
/// model or the place-kind rules put at the edge of a name but that belong to the sentence.
/// "Ibu Kota" is the noun *capital*, so its "Kota" opens no place ("Ibu Kota Sukamaju": LOC
/// *Sukamaju*); a compass word after "sebelah" is a direction ("di sebelah Selatan Jalan
/// Melati": LOC *Jalan Melati*; "Sebelah Utara adalah Desa Cibodas"); "Kode Pos" (a postal
/// code) is no place; and a capitalised relative "Yang" inside a place or an organisation ends
/// it ("di Karang Sari Yang berbasis …"; people are left alone: "Yang" is also a surname).
/// So are an honorific of the family kind ("Mbah Budi", "Nyonya Siti": the person), "daerah",
/// "wilayah" or "kawasan" before a place, and "Pemerintah" before a place or an organisation
/// ("Pemerintah Sukamaju": LOC *Sukamaju*, the place it governs). NERGrit's training file:
/// "Ibu Kota"/"ibu kota" before a place twice, outside it both times; a capitalised compass
/// word after "sebelah" opens a place once in five; neither "Kode Pos" nor "Yang" is ever
/// inside a place or an organisation; the honorifics are outside the person 8 times of 8,
/// the three place words outside the place 48 of 48, "Pemerintah" outside the name after it 6
/// of 6 (a place 5 times).
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn sentence_words_outside_names(words: &[&str], tags: &mut [u8]) {
    const COMPASS: &[&str] = &["Utara", "Selatan", "Timur", "Barat", "Tenggara"];
    for i in 0..words.len() {
        if !is_begin(tags[i] as usize) {
            continue;
        }
        let before = if i > 0 { words[i - 1] } else { "" };
        let goes_on = tags.get(i + 1) == Some(&(tags[i] + 1));
        if goes_on
            && matches!(
                words[i],
                "Mbah" | "Mbak" | "Nyonya" | "Kakek" | "daerah" | "wilayah" | "kawasan"
            )
        {
            drop_first_word(tags, i);
        } else if goes_on && words[i] == "Pemerintah" {
            // The government of a place: the place.
            drop_first_word(tags, i);
            let inside = tags[i + 1] + 1;
            tags[i + 1] = B_LOC;
            tags[i + 2..]
                .iter_mut()
                .take_while(|t| **t == inside)
                .for_each(|t| *t = I_LOC);
        } else if words[i].eq_ignore_ascii_case("kota")
            && before.eq_ignore_ascii_case("ibu")
            && tags[i] != B_PER
        {
            drop_first_word(tags, i);
        } else if before.eq_ignore_ascii_case("sebelah") && COMPASS.contains(&words[i]) {
            drop_first_word(tags, i);
            // "sebelah Barat Daya", "sebelah Timur Laut".
            if i + 1 < words.len()
                && is_begin(tags[i + 1] as usize)
                && matches!(words[i + 1], "Daya" | "Laut")
            {
                drop_first_word(tags, i + 1);
            }
        } else if words[i] == "Kode" && words.get(i + 1) == Some(&"Pos") {
            drop_first_word(tags, i);
            if is_begin(tags[i + 1] as usize) {
                drop_first_word(tags, i + 1);
            }
        }
    }
    for k in 1..words.len() {
        if (tags[k] == I_LOC || tags[k] == I_ORG) && words[k] == "Yang" {
            let inside = tags[k];
            tags[k..]
                .iter_mut()
                .take_while(|t| **t == inside)
                .for_each(|t| *t = 0);
        }
    }
}

/// Capitalised words that end a place's or an organisation's name as a qualifier ("Sukamaju
/// Baru", "Cibodas Kulon", "Mekarsari Utara", "Sukamaju Raya", "Partai Sukamaju Baru").
const NAME_QUALIFIERS: &[&str] = &[
    "Baru",
    "Lama",
    "Raya",
    "Jaya",
    "Utara",
    "Selatan",
    "Timur",
    "Barat",
    "Tengah",
    "Tenggara",
    "Besar",
    "Kecil",
    "Kulon",
    "Wetan",
    "Kidul",
    "Lor",
    "Hilir",
    "Hulu",
    "Agung",
    "Utama",
    "Indah",
    "Makmur",
    "Sejahtera",
    "Permai",
    "Asri",
];

/// With the `auto` convention, in a sentence tagged in the shared weights: a qualifier
/// ([`NAME_QUALIFIERS`]) or a Roman numeral of two letters or more right after a name, left out
/// of it by the model, ends that name ("Partai Sukamaju | Baru", "Budi Harja | Utama", "SD
/// Cibodas | II", "Budi Santoso | III"). In NERGrit's training file, tagged by models trained on
/// its other half, the qualifiers join 6 words (5 names right, one of another kind in gold
/// either way), the numerals 5 (4 right, one a name gold does not tag).
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn qualifiers_end_names(words: &[&str], tags: &mut [u8]) {
    let roman = |w: &str| (2..=5).contains(&w.len()) && w.bytes().all(|b| b"IVX".contains(&b));
    for i in 1..words.len() {
        if tags[i] == 0
            && tags[i - 1] != 0
            && (NAME_QUALIFIERS.contains(&words[i]) || roman(words[i]))
        {
            let before = tags[i - 1];
            tags[i] = if is_begin(before as usize) {
                before + 1
            } else {
                before
            };
        }
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: an untagged school
/// abbreviation ([`SCHOOL_HEADS`], "TK", "PAUD") right before a place or an organisation the
/// model found opens it, with its label ("SMA | Sukamaju", "TK | Melati Cibodas"). In NERGrit's
/// training file, tagged by models trained on its other half, 8 such names, all right; before a
/// person it is left alone (a school named after one, or "sejak SMP Budi …"). And a school
/// abbreviation with only "Negeri" or "Swasta" after it ("SMA Negeri unggulan", "jumlah SMA
/// Negeri yang …") is the common noun, a state or private school, not a name: there 2 such
/// names, both untagged in gold.
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn school_heads_open_names(words: &[&str], tags: &mut [u8]) {
    for i in 0..words.len().saturating_sub(1) {
        let next = tags[i + 1];
        // The tags first: the word lists are compared only where a name starts.
        let opens = tags[i] == 0 && (next == B_LOC || next == B_ORG);
        if !opens && !is_begin(tags[i] as usize) {
            continue;
        }
        let school = SCHOOL_HEADS.contains(&words[i]);
        if opens && (school || matches!(words[i], "TK" | "Paud" | "PAUD")) {
            tags[i] = next;
            tags[i + 1] = next + 1;
        }
        if school
            && is_begin(tags[i] as usize)
            && tags[i + 1] == tags[i] + 1
            && matches!(words[i + 1], "Negeri" | "Swasta")
            && tags.get(i + 2).is_none_or(|&t| t != tags[i] + 1)
        {
            tags[i..i + 2].fill(0);
        }
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: "RI" (Republik
/// Indonesia) standing alone — untagged or a name of its own — is an organisation, the state
/// ("Presiden RI", "Duta Besar RI", "Pemerintah RI"), as NERGrit tags it: in its training file
/// a lone "RI" is an organisation three times in four (inside a name it stays there).
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn lone_republic_acronym(words: &[&str], tags: &mut [u8]) {
    for i in 0..words.len() {
        if words[i].len() == 2
            && words[i] == "RI"
            && (tags[i] == 0 || is_begin(tags[i] as usize))
            && tags
                .get(i + 1)
                .is_none_or(|&t| t == 0 || is_begin(t as usize))
        {
            tags[i] = B_ORG;
        }
    }
}

/// Ranks written as two words ("Marsekal Muda", "Letnan Satu", "Mayor Jenderal"): the first
/// word. Not "Komisaris": "Komisaris Utama" is a company's post, which the role rules take
/// whole.
const TWO_WORD_RANK_HEADS: &[&str] = &[
    "Marsekal",
    "Laksamana",
    "Letnan",
    "Kapten",
    "Mayor",
    "Brigadir",
    "Ajun",
    "Inspektur",
    "Sersan",
    "Kopral",
    "Prajurit",
];

/// The second word of a two-word rank: its grade ("Muda", "Satu", "Jenderal") or its corps
/// ("Kapten Pilot").
const RANK_GRADES: &[&str] = &[
    "Muda",
    "Madya",
    "Utama",
    "Pertama",
    "Satu",
    "Dua",
    "Tiga",
    "Kepala",
    "Kolonel",
    "Jenderal",
    "Besar",
    "Polisi",
    "Pilot",
    "Penerbang",
];

/// Where the grades of a two-word rank that start at `from` ("Marsekal | Muda") end, before
/// `end`: `from` itself when the word before it is no rank head or the word no grade.
fn rank_grades_end(words: &[&str], from: usize, end: usize) -> usize {
    let mut k = from;
    while k < end
        && k > 0
        && RANK_GRADES.contains(&words[k])
        && TWO_WORD_RANK_HEADS.contains(&words[k - 1])
    {
        k += 1;
    }
    k
}

/// In every convention: a two-word rank ("Marsekal Muda", "Letnan Satu", "Kapten Pilot")
/// that the model took for a person, whole or its grade alone, is no part of a name: the name
/// after it, if any, begins after it (the rank is left to the role rules). On NERGrit's
/// training halves (models trained without the half they tag) all 5 such ranks were wrong;
/// neither NER set tags one.
#[inline(never)]
fn rank_grades_outside_people(words: &[&str], tags: &mut [u8]) {
    for i in 1..words.len() {
        if !(RANK_GRADES.contains(&words[i]) && TWO_WORD_RANK_HEADS.contains(&words[i - 1])) {
            continue;
        }
        // The rank untagged and its grade a person, or the whole rank taken as one.
        let grade_alone = tags[i - 1] == 0 && tags[i] == B_PER;
        let rank_as_person = tags[i - 1] == B_PER && tags[i] == I_PER;
        if grade_alone || rank_as_person {
            tags[i - 1] = 0;
            tags[i] = 0;
            if tags.get(i + 1) == Some(&I_PER) {
                tags[i + 1] = B_PER;
            }
        }
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: a person or an
/// organisation that lies inside short double quotation marks without filling them ("\" Lagu
/// untuk Budi \"", "\" Ik hou van Sari \"") is a word of a title (a song, film, book or
/// motto), not a name. In NERGrit's training file, tagged by models trained on its other half,
/// this drops 49 such names inside quotations of at most eight tokens, 48 of them untagged in
/// gold. Places are left alone: NERGrit tags those inside titles ("… in China", "Bahasa
/// Inggris"; with places the rule cost its dev file two right places for one wrong). Quotations
/// with a slash, a bracket or more than eight tokens are left alone: "\" Budi / Ranger Merah
/// \"" names a character by its actor, long ones are often quoted speech or a mismatched pair.
/// A name that fills the quotation is left to [`quoted_titles_not_people`].
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn names_inside_quoted_titles(words: &[&str], tags: &mut [u8]) {
    let is_quote = |w: &str| matches!(w, "\"" | "“" | "”");
    let mut open: Option<usize> = None;
    for k in 0..words.len() {
        if !is_quote(words[k]) {
            continue;
        }
        let Some(a) = open.take() else {
            open = Some(k);
            continue;
        };
        if k - a - 1 > 8
            || words[a + 1..k]
                .iter()
                .any(|w| matches!(*w, "/" | "(" | "["))
        {
            continue;
        }
        let mut m = a + 1;
        while m < k {
            if !is_begin(tags[m] as usize) {
                m += 1;
                continue;
            }
            let mut e = m + 1;
            while e < tags.len() && tags[e] == tags[m] + 1 {
                e += 1;
            }
            if e <= k && !(m == a + 1 && e == k) && tags[m] != B_LOC {
                tags[m..e].fill(0);
            }
            m = e;
        }
    }
}

/// Whether the words are only words of a position, the first one a position's first word
/// ([`ROLES`], "RT", "RW"; "sekolah" after it): "Pak Lurah", "Bapak Wakil Presiden", "Pak
/// Kepala Sekolah", "Brigadir Jenderal" name a position, not a person. ("Utama" alone, from
/// "direktur utama", is no position: it may open an organisation's name.)
fn only_role_words(words: &[&str]) -> bool {
    // (first words, all words) of the positions, split once, and the lengths of the first
    // words by their first letter as bits: most names ("Budi") fail that test alone.
    type Words = (Vec<&'static str>, Vec<&'static str>, [u32; 26]);
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let (firsts, all, lengths) = WORDS.get_or_init(|| {
        let mut firsts: Vec<&str> = ROLES.iter().filter_map(|r| r.split(' ').next()).collect();
        firsts.extend(["rt", "rw"]);
        let mut all: Vec<&str> = ROLES.iter().flat_map(|r| r.split(' ')).collect();
        all.extend(["rt", "rw", "sekolah"]);
        for v in [&mut firsts, &mut all] {
            v.sort_unstable();
            v.dedup();
        }
        let mut lengths = [0u32; 26];
        for w in &firsts {
            lengths[usize::from(w.as_bytes()[0] - b'a')] |= 1 << w.len();
        }
        (firsts, all, lengths)
    });
    let Some(first) = words.first() else {
        return false;
    };
    let letter = first.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    if !letter.is_ascii_lowercase()
        || first.len() >= 32
        || lengths[usize::from(letter - b'a')] & 1 << first.len() == 0
    {
        return false;
    }
    let listed = |list: &[&str], w: &str| list.iter().any(|r| r.eq_ignore_ascii_case(w));
    listed(firsts, first) && words.iter().all(|w| listed(all, w))
}

/// With the `auto` convention, in a sentence tagged in the shared weights: a person's name
/// written with a hyphen ("Kim Jae - won", "Ana Putri - Lestari", as NERGrit tokenizes them)
/// runs on over the hyphen and the word after it, which the model often leaves out or takes
/// for a name of its own. In NERGrit's training file 15 people hold a hyphen and one is
/// followed by a hyphen and a capitalised word outside the name. News writes pairs of people
/// that way ("Budi - Sari"), so only outside news.
// Only with `auto`: out of line, as inlined into `tag` it cost the default pipeline 0.2%.
#[inline(never)]
fn hyphenated_people(words: &[&str], tags: &mut [u8]) {
    for b in 0..words.len().saturating_sub(2) {
        if !matches!(tags[b], B_PER | I_PER)
            || tags[b + 1] != 0
            || words[b + 1] != "-"
            // A capitalised word, or a short syllable ("Park Jung - soo"): not a dash before
            // a lower-case word ("Budi Santoso - ketua …").
            || !(starts_upper(words[b + 2])
                || (words[b + 2].len() <= 3 && words[b + 2].bytes().all(|c| c.is_ascii_lowercase())))
        {
            continue;
        }
        // The word after the hyphen: untagged, a person's first word (the rest of that
        // person follows), or a one-word name of another kind.
        let next = tags[b + 2];
        let one_word = tags
            .get(b + 3)
            .is_none_or(|&t| t == 0 || is_begin(t as usize));
        if next == B_PER || (next == 0 && one_word) || (matches!(next, B_ORG | B_LOC) && one_word) {
            tags[b + 1] = I_PER;
            tags[b + 2] = I_PER;
        }
    }
}

/// Titles of gods and deified figures in Hindu-Javanese tradition ("Dewa Sukarsa", "Sang
/// Hyang Tirtamaya", "Batara Karsa"). "Sang" counts only together with another of them: alone it
/// is an article ("Sang Juara").
const DEITY_TITLES: &[&str] = &[
    "Dewa",
    "Dewi",
    "Batara",
    "Bathara",
    "Betara",
    "Sanghyang",
    "Hyang",
    "Sang",
];

/// With the `auto` convention, in a sentence tagged in the shared weights: a god's name is a
/// person with its title inside, as NERGrit writes people ("Dewi Sukarsih" PER in its training
/// file, and every god of its dev file), where the model takes "Dewa Sukarsa" for a place or
/// leaves the title out. The name is the span right after the title, or the title's own span,
/// or up to three untagged capitalised words that are no common words. A title inside another
/// name ("jalan Dewi Sukarsih", a place) is left alone; a band named like a god ("Batara
/// Band") is one again by [`organisations_by_tail`], which runs after this.
// Only with `auto`: out of line, as the other rules of the shared-weights sentences.
#[inline(never)]
fn deities_are_people(words: &[&str], tags: &mut [u8], model: &Model) {
    let mut i = 0;
    while i < words.len() {
        let titles = words[i..]
            .iter()
            .take_while(|w| DEITY_TITLES.contains(w))
            .count();
        let only_sang = words[i..i + titles].iter().all(|w| *w == "Sang");
        if titles == 0 || only_sang || !(tags[i] == 0 || is_begin(tags[i] as usize)) {
            i += titles.max(1);
            continue;
        }
        let name_start = i + titles;
        // The name's end: the span the title opens or the one right after the titles, else
        // the untagged capitalised words after them.
        let mut end = name_start;
        if tags[i] != 0 {
            end = span_end(tags, name_start);
        } else if end < words.len() && is_begin(tags[end] as usize) {
            end = span_end(tags, name_start + 1);
        } else {
            while end < words.len()
                && end - name_start < 3
                && tags[end] == 0
                && starts_upper(words[end])
                && !model.is_common_word(words[end])
            {
                end += 1;
            }
        }
        if end > name_start && words[name_start..end].iter().all(|w| starts_upper(w)) {
            tags[i] = B_PER;
            tags[i + 1..end].fill(I_PER);
        }
        i = end.max(i + 1);
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: capitalised words
/// the model left untagged right after a place-kind word ("distrik Sukaraja", "kota Cibodas",
/// "Kecamatan Sukaraja") are a place, with the kind word inside as NERGrit writes them. In
/// NERGrit's training file a capitalised word after one of these words starts or continues a
/// place in 720 of 770 cases. Words written in lower case in the training data ("Desa Ini",
/// "Dusun Utama") and Roman numerals ("dusun II") are not names; at most three words.
fn places_after_place_heads(words: &[&str], codes: &[u8], tags: &mut [u8], model: &Model) {
    for i in 0..words.len().saturating_sub(1) {
        if tags[i] != 0
            || words[i].len() > 9
            || !(PLACE_HEADS.iter().any(|h| words[i].eq_ignore_ascii_case(h))
                || SITE_HEADS.contains(&words[i]))
        {
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && j - i <= 3 && starts_upper(words[j]) {
            j += 1;
        }
        let name = &words[i + 1..j];
        if name.is_empty()
            || tags[i + 1..j].iter().any(|&t| t != 0)
            || (j < words.len() && starts_upper(words[j]))
            || name.iter().any(|w| model.is_common_word(w))
            || name[0].bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
            // A known name the model saw and still left alone ("Provinsi DKI Jakarta" in a
            // list of the provinces' officials) is left alone.
            || codes[i + 1..j].iter().any(|&c| c != 0)
        {
            continue;
        }
        tags[i] = B_LOC;
        tags[i + 1..j].fill(I_LOC);
    }
}

/// Posts that head an institution: the one word right after one is the office it heads
/// ("Kepala Disdukcapil"), far more often than the holder's name, which
/// comes after the office ("Kepala Disdukcapil Sukamaju Rina Hartati").
const INSTITUTION_POSTS: &[&str] = &[
    "Kepala",
    "Ketua",
    "Sekretaris",
    "Direktur",
    "Pimpinan",
    "Bendahara",
    "Kabid",
    "Kabag",
    "Kasi",
    "Kasubbag",
    "Kasubbid",
];

/// In every convention: a one-word "person" right after a post that heads an institution
/// (see [`INSTITUTION_POSTS`]) and before a word that is not capitalised is the institution,
/// an organisation ("Kepala Disdukcapil mengatakan …"), unless the word is a common given
/// name ("Ketua Budi mengatakan …"). An unknown agency abbreviation reads like a name to the
/// model; the post before it is the office's, not a title of the person.
fn institutions_after_posts(words: &[&str], tags: &mut [u8]) {
    // The persons' first words found with memchr, a few bytes at a time: the rule almost never
    // fires and testing every token's tag was 1.6 M instructions over 450 articles.
    let mut from = 1;
    while let Some(offset) = tags
        .get(from..)
        .and_then(|rest| memchr::memchr(B_PER, rest))
    {
        let i = from + offset;
        from = i + 1;
        if tags.get(i + 1).is_none_or(|&t| t != I_PER)
            && words.get(i + 1).is_none_or(|w| !starts_upper(w))
            && INSTITUTION_POSTS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(words[i - 1]))
            && !crate::given_names::is_given_name(hash_lower(words[i]))
        {
            tags[i] = B_ORG;
        }
    }
}

/// Nouns that open a name of something that is no organisation: an award or a cup, a
/// language, a literature or a field of knowledge, a community of people (generic vocabulary).
const NON_ORGANISATION_HEADS: &[&str] = &[
    "Anugerah",
    "Penghargaan",
    "Piala",
    "Bahasa",
    "Sastra",
    "Ilmu",
    "Umat",
    "Masyarakat",
    "Rakyat",
    "Warga",
    "Bangsa",
    "Kaum",
];

/// With the `auto` convention, in a sentence tagged in the shared weights: an "organisation"
/// that opens with a noun of something that is no organisation (see
/// [`NON_ORGANISATION_HEADS`]) and ends in a known place ("Anugerah Penulis Cilik Malaysia",
/// "Umat Sukamaju Malaysia") is no name but for that place, LOC. NERGrit's training file
/// leaves such a head outside every name each of the 20 times a country ends it ("Bahasa",
/// "Piala", "Sastra"), the country LOC 18 times; the model gets those heads right and
/// misreads the ones it saw less often.
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn places_out_of_non_organisations(words: &[&str], codes: &[u8], tags: &mut [u8]) {
    for i in 0..words.len() {
        if tags[i] != B_ORG || !NON_ORGANISATION_HEADS.contains(&words[i]) {
            continue;
        }
        let end = span_end(tags, i + 1);
        // The known place that ends the name: its first word (code 6) with only its later
        // words (7) after it.
        let Some(place) = (i + 1..end).rev().find(|&m| codes[m] == 6) else {
            continue;
        };
        if (place + 1..end).any(|m| codes[m] != 7) {
            continue;
        }
        tags[i..place].fill(0);
        tags[place] = B_LOC;
        tags[place + 1..end].fill(I_LOC);
    }
}

/// Well-known buildings and sites, written as a sentence's words (general knowledge, not taken
/// from any corpus): names that the statistical model often reads as the institution housed
/// there or as a person, but that encyclopaedic text uses as places ("langsung dari Gedung
/// Putih"). NERGrit's training file tags the named buildings it labels as places (names
/// opening with Istana, Stadion, Bandara, Masjid, Menara, Gereja, Hotel or Museum: 32 of 34
/// times LOC); it names none of these, so the list follows that convention.
const LANDMARKS: &[&[&str]] = &[
    &["Gedung", "Putih"],
    &["White", "House"],
    &["Pentagon"],
    &["Capitol", "Hill"],
    &["Gedung", "Capitol"],
    &["Istana", "Buckingham"],
    &["Buckingham", "Palace"],
    &["Downing", "Street"],
    &["Menara", "Eiffel"],
    &["Eiffel", "Tower"],
    &["Big", "Ben"],
    &["Taj", "Mahal"],
    &["Colosseum"],
    &["Koloseum"],
    &["Stonehenge"],
    &["Akropolis"],
    &["Parthenon"],
    &["Hagia", "Sophia"],
    &["Alhambra"],
    &["Angkor", "Wat"],
    &["Machu", "Picchu"],
    &["Piramida", "Giza"],
    &["Patung", "Liberty"],
    &["Times", "Square"],
    &["Lapangan", "Merah"],
    &["Lapangan", "Tiananmen"],
    &["Tembok", "Besar"],
    &["Menara", "Petronas"],
    &["Burj", "Khalifa"],
    &["Masjidil", "Haram"],
    &["Masjid", "Nabawi"],
    &["Kakbah"],
    &["Monas"],
    &["Monumen", "Nasional"],
    &["Candi", "Borobudur"],
    &["Candi", "Prambanan"],
    &["Istana", "Merdeka"],
    &["Istana", "Negara"],
    &["Istana", "Bogor"],
    &["Masjid", "Istiqlal"],
    &["Jam", "Gadang"],
    &["Tugu", "Pahlawan"],
];

/// The length of the landmark (see [`LANDMARKS`]) that starts at `i`, if one does.
fn landmark_at(words: &[&str], i: usize) -> Option<usize> {
    LANDMARKS
        .iter()
        .find(|name| words[i..].starts_with(name))
        .map(|name| name.len())
}

/// With the `auto` convention, in a sentence tagged in the shared weights: a well-known
/// building or site (see [`LANDMARKS`]) that stands as a name of its own, untagged or tagged
/// exactly over its words, is a place ("Pentagon" read as the ministry, "Capitol Hill" as a
/// person). A landmark inside a longer name ("Hotel Gedung Putih Sukamaju") is left to it.
// Only with `auto`: out of line, as the other rules of these sentences.
#[inline(never)]
fn landmarks_are_places(words: &[&str], tags: &mut [u8]) {
    let mut i = 0;
    while i < words.len() {
        // Every landmark starts with a capital: most words are never compared.
        let Some(n) = words[i]
            .as_bytes()
            .first()
            .filter(|b| b.is_ascii_uppercase())
            .and_then(|_| landmark_at(words, i))
        else {
            i += 1;
            continue;
        };
        let inside_longer = (tags[i] != 0 && !is_begin(tags[i] as usize))
            || tags
                .get(i + n)
                .is_some_and(|&t| t != 0 && !is_begin(t as usize));
        if !inside_longer {
            tags[i] = B_LOC;
            tags[i + 1..i + n].fill(I_LOC);
        }
        i += n;
    }
}

/// With the `auto` convention, in a sentence tagged in the shared weights: an enumeration of
/// three or more capitalised names ("Sukamaju , Cibodas , Karangwetan dan Tegalrejo") in which at least two
/// are places and more are places than people, and none an organisation, is a list of places:
/// its untagged names and its people become places. Encyclopaedic text lists villages and
/// districts the model has never seen, and a lone unknown name between two places is
/// one more of them (NERGrit dev: LOC 77.6 -> 78.5). Weekdays and months are left alone.
fn places_in_lists(words: &[&str], tags: &mut [u8]) {
    // Most sentences have no list of three names: a cheap count of separators first.
    if words.iter().filter(|w| **w == ",").count() < 2 {
        return;
    }
    let is_separator = |w: &str| matches!(w, "," | "dan" | "atau" | "serta");
    // The label a whole item carries: its tag when one name covers exactly the item, `O` (0)
    // when nothing does, `u8::MAX` for anything else.
    let item_tag = |tags: &[u8], a: usize, b: usize| -> u8 {
        let t = tags[a];
        if t == 0 {
            return if tags[a..b].iter().all(|&x| x == 0) {
                0
            } else {
                u8::MAX
            };
        }
        if t % 2 == 1
            && tags[a + 1..b].iter().all(|&x| x == t + 1)
            && tags.get(b).is_none_or(|&x| x != t + 1)
        {
            t
        } else {
            u8::MAX
        }
    };
    let mut i = 0;
    while i < words.len() {
        // One enumeration: items of capitalised words joined by single separators.
        let mut items: [(usize, usize); 16] = [(0, 0); 16];
        let mut n = 0;
        let mut k = i;
        loop {
            if k >= words.len() || !starts_upper(words[k]) {
                break;
            }
            let a = k;
            while k < words.len() && starts_upper(words[k]) {
                k += 1;
            }
            if n < items.len() {
                items[n] = (a, k);
                n += 1;
            }
            if k + 1 < words.len() && is_separator(words[k]) && starts_upper(words[k + 1]) {
                k += 1;
            } else {
                break;
            }
        }
        if n >= 3 {
            let (mut places, mut people, mut orgs) = (0, 0, 0);
            for &(a, b) in &items[..n] {
                match item_tag(tags, a, b) {
                    B_LOC => places += 1,
                    B_PER => people += 1,
                    B_ORG => orgs += 1,
                    _ => {}
                }
            }
            if places >= 2 && places > people && orgs == 0 {
                for &(a, b) in &items[..n] {
                    let t = item_tag(tags, a, b);
                    if (t == 0 || t == B_PER)
                        && b - a <= 3
                        && !(b - a == 1
                            && (is_month_name(words[a]) || WEEKDAYS.contains(&words[a])))
                    {
                        tags[a] = B_LOC;
                        tags[a + 1..b].fill(I_LOC);
                    }
                }
            }
        }
        i = k.max(i + 1);
    }
}

/// Sentences on either side whose genre counts in a sentence's (see [`news_sentences`]).
const GENRE_WINDOW: usize = 2;
/// How much each of them counts against the sentence's own log odds.
const GENRE_SHARE: f32 = 0.5;

/// With the `auto` convention, which sentences of the document read like news: each sentence's
/// own log odds (news against the other training set, `GenreClassifier::margin`) plus half of
/// those of the two sentences on either side. A document is one genre far more often than its
/// sentences are: a short encyclopaedic sentence of names and dates can read like news on its
/// own, but not among its neighbours, and a news sentence quoting a title is still news. On
/// the NER dev files (each one document) this picks news for all of idner-news-2k's sentences
/// and for none of NERGrit's, where one sentence alone was wrong for 11 of 367 and 16 of 209; a
/// window of one gets most of them, any window from two to five all.
fn news_sentences(doc: &Document, model: &Model) -> Vec<bool> {
    let text = doc.text.as_str();
    let mut words: Vec<&str> = Vec::with_capacity(64);
    let margins: Vec<f32> = doc
        .sentences
        .iter()
        .map(|sentence| {
            let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
            words.clear();
            words.extend(doc.tokens[first..end].iter().map(|t| &text[t.span.range()]));
            model.genre().margin(&words, news_id())
        })
        .collect();
    (0..margins.len())
        .map(|s| {
            let from = s.saturating_sub(GENRE_WINDOW);
            let to = (s + GENRE_WINDOW + 1).min(margins.len());
            let around: f32 = (from..to).filter(|&k| k != s).map(|k| margins[k]).sum();
            margins[s] + GENRE_SHARE * around > 0.0
        })
        .collect()
}

/// The convention id of `news` (hashed once).
fn news_id() -> u64 {
    static ID: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *ID.get_or_init(|| crate::model::convention_id("news"))
}

/// Tags every sentence's tokens: the model finds people, organisations and places; rules find
/// dates, times, amounts and roles in the rest, and split honorifics and ranks off names.
/// Related-article links, subheadings and datelines are skipped: a name in another article's
/// headline is not a mention in this one, and the dateline's place is already in the document's
/// metadata.
pub fn tag(
    doc: &Document,
    gazetteer: &Gazetteer,
    // The model, and with the `auto` convention the model folded with the news one.
    (model, news_model): (&Model, Option<&Model>),
    gazetteer_names: bool,
    name_cues: &[String],
    currencies: &Currencies,
    scratch: &mut Scratch,
) -> Vec<Entity> {
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
    // About one entity in eleven tokens in news: sized once, where growing from empty moved the
    // entities five or six times a document.
    let mut out = Vec::with_capacity(tokens.len() / 8);
    let mut covered: Vec<bool> = Vec::with_capacity(64);
    // The skipped spans that reach into the current sentence (usually none): every token was
    // checked against every skipped span of the document, quadratic on long documents.
    let mut sentence_skipped: Vec<Span> = Vec::new();
    // The name cues' lengths as bits (capped at 63): a case-blind comparison needs equal
    // lengths, so the word before a capitalised word is compared with the cues only when one
    // has its length (all fifteen were compared: 2.4 M instructions over 450 articles).
    let cue_lengths = name_cues
        .iter()
        .fold(0u64, |bits, c| bits | 1 << c.len().min(63));
    // Fetched once, not once a token.
    let roles = role_table();
    let mut lower_words = LowerWords::new(doc);
    // Acronyms introduced in brackets after their expansion, with the expansion's label.
    let mut acronyms: HashKeyed<EntityLabel> = HashKeyed::default();
    // The entities before `unsorted` are in order: each sentence's are sorted when the next
    // begins (a few at a time: sorting the whole document's at once cost 1% of the stage), so
    // the sort at the end finds them in order but the last sentence's.
    let mut unsorted = 0;
    let news_sentences = news_model.map(|_| news_sentences(doc, model));
    // Two passes over the sentences (a hot-path edit of the speed work, rules unchanged): the
    // gazetteer, the model and the rules that rewrite its tags first, for every sentence, into
    // one code and one tag a token; then the rules below. Each pass's code fits the instruction
    // cache on its own, not both together (one after the other for each sentence, they missed
    // it about 2.7 M times on 450 articles, cachegrind).
    let all_words: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
    let mut all_codes: Vec<u8> = vec![0; tokens.len()];
    let mut all_tags: Vec<u8> = vec![0; tokens.len()];
    // The gazetteer in a pass of its own too: its tables stay in the data cache from sentence
    // to sentence, where the model's caches pushed them out.
    for sentence in &doc.sentences {
        let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
        if first < end {
            gazetteer.mark_names(&all_words[first..end], &mut all_codes[first..end]);
        }
    }
    for (sentence_index, sentence) in doc.sentences.iter().enumerate() {
        let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
        if first >= end {
            continue;
        }
        let words = &all_words[first..end];
        let codes = &all_codes[first..end];
        // The `auto` convention: a sentence that reads like news is tagged in its convention.
        match news_model {
            Some(news) if news_sentences.as_ref().is_some_and(|n| n[sentence_index]) => {
                news.tag(words, codes, scratch)
            }
            Some(_) => {
                model.tag(words, codes, scratch);
                places_after_place_heads(words, codes, &mut scratch.tags, model);
                place_heads_inside(words, &mut scratch.tags);
                site_heads_open_places(words, &mut scratch.tags);
                places_in_lists(words, &mut scratch.tags);
                landmarks_are_places(words, &mut scratch.tags);
                places_out_of_non_organisations(words, codes, &mut scratch.tags);
                quoted_titles_not_people(words, &mut scratch.tags);
                hyphenated_people(words, &mut scratch.tags);
                names_inside_quoted_titles(words, &mut scratch.tags);
                deities_are_people(words, &mut scratch.tags, model);
                organisations_by_tail(words, &mut scratch.tags);
                organisation_openers_inside(words, &mut scratch.tags);
                defined_names(words, &mut scratch.tags, model);
                bare_company_forms(words, &mut scratch.tags);
                lone_place_heads(words, &mut scratch.tags);
                sentence_words_outside_names(words, &mut scratch.tags);
                qualifiers_end_names(words, &mut scratch.tags);
                school_heads_open_names(words, &mut scratch.tags);
                lone_republic_acronym(words, &mut scratch.tags);
            }
            None => model.tag(words, codes, scratch),
        }
        generational_suffixes(words, &mut scratch.tags);
        school_names_run_on(words, &mut scratch.tags);
        degrees_outside_people(words, &mut scratch.tags);
        rank_grades_outside_people(words, &mut scratch.tags);
        age_categories_outside_teams(words, &mut scratch.tags);
        institutions_after_posts(words, &mut scratch.tags);
        all_tags[first..end].copy_from_slice(&scratch.tags);
    }
    for sentence in doc.sentences.iter() {
        out[unsorted..].sort_by_key(|e: &Entity| (e.span.start, e.span.end));
        unsorted = out.len();
        let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
        let sentence_tokens = &tokens[first..end];
        if sentence_tokens.is_empty() {
            continue;
        }
        let words = &all_words[first..end];
        let codes = &all_codes[first..end];
        let tags = &mut all_tags[first..end];
        covered.clear();
        covered.resize(words.len(), false);
        let sentence_span = sentence_tokens[0]
            .span
            .cover(sentence_tokens[sentence_tokens.len() - 1].span);
        sentence_skipped.clear();
        sentence_skipped.extend(
            skipped
                .iter()
                .filter(|s| s.start <= sentence_span.end && sentence_span.start <= s.end),
        );
        let is_skipped = |k: usize| {
            !sentence_skipped.is_empty()
                && sentence_skipped
                    .iter()
                    .any(|s| s.contains(sentence_tokens[k].span))
        };
        // Names from the model.
        let mut k = 0;
        while k < words.len() {
            let tag = tags[k] as usize;
            let Some(label) = tag_label(tag) else {
                k += 1;
                continue;
            };
            let mut j = k + 1;
            while j < words.len()
                && !is_begin(tags[j] as usize)
                && tag_label(tags[j] as usize) == Some(label)
            {
                j += 1;
            }
            // "Budi Santoso (30)" read as one token: a bracketed number after a name is an age
            // or a count, never part of the name (neither NER set has one inside a name).
            while j > k + 1 && is_bracketed_number(words[j - 1]) {
                j -= 1;
                tags[j] = 0;
            }
            // "Bursa Efek Sukamaju (BES) Timur" read with the acronym as one token: the
            // bracketed acronym closes the name (what follows it is a qualifier, in the news
            // training set nine times in ten).
            if label != EntityLabel::Per {
                if let Some(m) = (k + 1..j - 1).find(|&m| is_bracketed_acronym(words[m])) {
                    tags[m + 1..j].fill(0);
                    j = m + 1;
                }
            }
            // "awal Februari": a month the model took for a name is left to the date rules.
            if (k..j).any(is_skipped) || (j == k + 1 && is_month_name(words[k])) {
                k = j;
                continue;
            }
            // "Kremlin Dmitry Peskov", "KPK Agus Rahardjo": a known organisation or place run
            // together with the name after it.
            let gaz_end = (k + 1..j).find(|&m| codes[m] != codes[k] + 1).unwrap_or(j);
            if label != EntityLabel::Per
                && matches!(codes[k], 4 | 6)
                && gaz_end < j
                && j - gaz_end >= 2
                && (gaz_end..j).all(|m| codes[m] == 0 && starts_upper(words[m]))
            {
                let gaz_label = if codes[k] == 4 {
                    EntityLabel::Org
                } else {
                    EntityLabel::Loc
                };
                out.push(Entity::new(
                    sentence_tokens[k]
                        .span
                        .cover(sentence_tokens[gaz_end - 1].span),
                    gaz_label,
                ));
                out.push(Entity::new(
                    sentence_tokens[gaz_end]
                        .span
                        .cover(sentence_tokens[j - 1].span),
                    EntityLabel::Per,
                ));
                covered[k..j].iter_mut().for_each(|c| *c = true);
                k = j;
                continue;
            }
            let mut name_start = k;
            // "Kapten Budi", "Dr. Siti": the title is a ROLE, the name is the PER.
            while label == EntityLabel::Per && name_start + 1 < j && is_title(words[name_start]) {
                out.push(Entity::new(
                    sentence_tokens[name_start].span,
                    EntityLabel::Role,
                ));
                name_start += 1;
            }
            // "Komjen Pol | Badrodin Haiti" tagged as two names: the first is only titles.
            if label == EntityLabel::Per
                && j < words.len()
                && tag_label(tags[j] as usize) == Some(EntityLabel::Per)
                && is_title(words[name_start])
            {
                out.push(Entity::new(
                    sentence_tokens[name_start].span,
                    EntityLabel::Role,
                ));
                covered[k..j].iter_mut().for_each(|c| *c = true);
                k = j;
                continue;
            }
            // A "person" that is only words of a position after its titles ("Pak Lurah",
            // "Bapak Wakil Presiden RI" with the model's PER on "Wakil Presiden", "Brigadir
            // Jenderal (Pol) …") is no person: its titles are roles, its words are left to the
            // role rules. In NERGrit's training file, tagged by models trained on its other
            // half, every such "person" (9) is untagged in gold; NERGrit dev: one.
            if label == EntityLabel::Per && only_role_words(&words[name_start..j]) {
                covered[k..name_start].iter_mut().for_each(|c| *c = true);
                k = j;
                continue;
            }
            // A known place or organisation the model took for a person ("Jerman mengatakan…"
            // opens a sentence like a name does) keeps its gazetteer label.
            let label = match codes[k] {
                4 | 6
                    if gazetteer_names
                        && label == EntityLabel::Per
                        && (k + 1..j).all(|m| codes[m] == codes[k] + 1)
                        && codes.get(j).is_none_or(|c| *c != codes[k] + 1) =>
                {
                    if codes[k] == 4 {
                        EntityLabel::Org
                    } else {
                        EntityLabel::Loc
                    }
                }
                _ => label,
            };
            // A name's head word decides its kind where the model hesitates between them
            // ("Sungai Ciliwung" is a place, "Pengadilan Negeri Surabaya" an organisation).
            let label = if j - name_start > 1
                && in_list(ORG_HEADS, &ORG_HEAD_SHAPES, words[name_start])
            {
                EntityLabel::Org
            } else if j - name_start > 1 && in_list(LOC_HEADS, &LOC_HEAD_SHAPES, words[name_start])
            {
                EntityLabel::Loc
            } else {
                label
            };
            out.push(Entity::new(
                sentence_tokens[name_start]
                    .span
                    .cover(sentence_tokens[j - 1].span),
                label,
            ));
            covered[k..j].iter_mut().for_each(|c| *c = true);
            // "Badan Penanggulangan Bencana Daerah (BPBD)": the acronym in brackets after a
            // name is the same kind of name (and `link_names` links the two).
            if label != EntityLabel::Per
                && j - name_start > 1
                && j + 2 < words.len()
                && words[j] == "("
                && words[j + 2] == ")"
                && is_acronym(words[j + 1])
                && tags[j + 1] == 0
            {
                out.push(Entity::new(sentence_tokens[j + 1].span, label));
                covered[j + 1] = true;
                acronyms.insert(hash_exact(words[j + 1]), label);
            }
            k = j;
        }
        // Numbers, dates, roles, and gazetteer names the model left out.
        let mut i = first;
        // The first number token after `i` (or `end`), moved forward as `i` is: whether one
        // follows within three tokens is asked for nearly every token, and testing the three
        // each time cost 2% of the stage.
        let mut next_number = first;
        while i < end {
            let local = i - first;
            if covered[local] || is_skipped(local) {
                i += 1;
                continue;
            }
            if next_number <= i {
                next_number = i + 1;
                while next_number < end && tokens[next_number].kind != TokenKind::Number {
                    next_number += 1;
                }
            }
            let number_after = next_number < end.min(i + 4);
            let free = |n: usize| !covered[local..local + n].iter().any(|c| *c);
            if let Some((n, label, value)) =
                number_or_date(words[local], number_after, text, tokens, i, end, currencies)
            {
                let span = tokens[i].span.cover(tokens[i + n - 1].span);
                // "100 dolar AS": the model's place inside an amount's currency gives way.
                if label == EntityLabel::Money
                    && !free(n)
                    && out
                        .iter()
                        .filter(|e| e.span.overlaps(span))
                        .all(|e| span.contains(e.span))
                {
                    out.retain(|e| !e.span.overlaps(span));
                    out.push(Entity {
                        value,
                        ..Entity::new(span, label)
                    });
                    i += n;
                    continue;
                }
                if free(n) {
                    let span = tokens[i].span.cover(tokens[i + n - 1].span);
                    out.push(Entity {
                        value,
                        ..Entity::new(span, label)
                    });
                    i += n;
                    continue;
                }
            }
            if let Some(n) = role_at(roles, words[local], text, tokens, i, end) {
                if free(n) {
                    out.push(Entity::new(
                        tokens[i].span.cover(tokens[i + n - 1].span),
                        EntityLabel::Role,
                    ));
                    i += n;
                    continue;
                }
            }
            // A word starting with an ASCII lower-case letter (most tokens) starts none of the
            // rules below but for the honorific "dr.": acronyms, titles, names after a cue,
            // sentence-initial surnames and gazetteer names all start with a capital (each rule
            // tests it), so their tests are skipped.
            if words[local]
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_lowercase)
                && words[local] != "dr."
            {
                i += 1;
                continue;
            }
            // An acronym introduced earlier in brackets ("… Daerah (BPBD)"), used alone.
            // Only acronyms are in the map, and none starts in lower case: most words are
            // never hashed.
            if codes[local] == 0
                && !acronyms.is_empty()
                && !words[local].starts_with(|c: char| c.is_lowercase())
            {
                if let Some(label) = acronyms.get(&hash_exact(words[local])) {
                    out.push(Entity::new(tokens[i].span, *label));
                    i += 1;
                    continue;
                }
            }
            // "Kombes Sambodo Purnomo", "Pak Budi": capitalised words after a rank or an
            // honorific are a person's name, the title a ROLE.
            if is_title(words[local]) && words.get(local + 1) != Some(&"Kota") {
                let n = free_capitalised(words, &covered, codes, sentence_tokens, local, 1);
                let mut start = 0;
                while start < n && is_title(words[local + start]) {
                    start += 1;
                }
                // "Komjen Pol" before a name the model found: titles only.
                if start == n && covered.get(local + n) == Some(&true) {
                    for t in 0..n {
                        out.push(Entity::new(tokens[i + t].span, EntityLabel::Role));
                    }
                    i += n;
                    continue;
                }
                // "Marsekal Muda", "Letnan Satu Budi": a rank's grade is part of the rank; the
                // name, if any, begins after it.
                let grades_end = rank_grades_end(words, local + start, local + n) - local;
                if start > 0 && grades_end > start {
                    for t in 0..start {
                        out.push(Entity::new(tokens[i + t].span, EntityLabel::Role));
                    }
                    if grades_end < n {
                        out.push(Entity::new(
                            tokens[i + grades_end].span.cover(tokens[i + n - 1].span),
                            EntityLabel::Per,
                        ));
                    }
                    i += n;
                    continue;
                }
                start = start.min(n - 1);
                // "Pak Lurah", "Bapak Wakil Presiden", "Brigadir Jenderal": a position, not a
                // person's name; the titles are roles, the words after them are left to the
                // role rules.
                if start > 0 && only_role_words(&words[local + start..local + n]) {
                    for t in 0..start {
                        out.push(Entity::new(tokens[i + t].span, EntityLabel::Role));
                    }
                    i += start;
                    continue;
                }
                if start > 0 && start < n {
                    for t in 0..start {
                        out.push(Entity::new(tokens[i + t].span, EntityLabel::Role));
                    }
                    out.push(Entity::new(
                        tokens[i + start].span.cover(tokens[i + n - 1].span),
                        EntityLabel::Per,
                    ));
                    i += n;
                    continue;
                }
            }
            // "…,” ujar Panut.": capitalised words right after a reporting verb name its
            // speaker, whether or not the model knew the name.
            if starts_upper(words[local])
                && tokens[i].kind == TokenKind::Word
                && codes[local] == 0
                && local > 0
                && previous_word(words, local).is_some_and(|w| {
                    cue_lengths & 1 << w.len().min(63) != 0
                        && name_cues.iter().any(|c| c.eq_ignore_ascii_case(w))
                })
            {
                let n = free_capitalised(words, &covered, codes, sentence_tokens, local, 0);
                let mut start = 0;
                while start + 1 < n && is_title(words[local + start]) {
                    out.push(Entity::new(tokens[i + start].span, EntityLabel::Role));
                    start += 1;
                }
                if !(n == 1 && model.is_common_word(words[local])) {
                    out.push(Entity::new(
                        tokens[i + start].span.cover(tokens[i + n - 1].span),
                        EntityLabel::Per,
                    ));
                    i += n;
                    continue;
                }
            }
            // A sentence-initial capitalised word the model left alone, that is neither a
            // common word nor written in lower case elsewhere in the document, and is followed
            // by a lower-case word: a surname used alone ("Blinken mungkin akan…").
            if gazetteer_names
                && local == 0
                && codes[local] == 0
                && tokens[i].kind == TokenKind::Word
                && starts_upper(words[local])
                && words[local].chars().skip(1).all(char::is_lowercase)
                && words[local].chars().count() > 3
                && words
                    .get(local + 1)
                    .is_some_and(|w| w.chars().all(char::is_lowercase))
                && !model.is_common_word(words[local])
                && !has_common_suffix(words[local])
                && !HONORIFICS.contains(&words[local])
                && !lower_words.contains(words[local])
            {
                out.push(Entity::new(tokens[i].span, EntityLabel::Per));
                i += 1;
                continue;
            }
            if gazetteer_names
                && codes[local] % 2 == 0
                && codes[local] > 0
                && starts_upper(words[local])
            {
                let mut n = 1;
                while local + n < words.len() && codes[local + n] == codes[local] + 1 {
                    n += 1;
                }
                let label = match codes[local] / 2 {
                    1 => EntityLabel::Per,
                    2 => EntityLabel::Org,
                    _ => EntityLabel::Loc,
                };
                if free(n) {
                    out.push(Entity::new(
                        tokens[i].span.cover(tokens[i + n - 1].span),
                        label,
                    ));
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    if let Some(news) = &news_sentences {
        repeated_names(doc, news, &mut out);
    }
    out
}

/// With the `auto` convention, in the sentences tagged in the shared weights: a name the
/// first pass tagged at least twice in the document (once for a name of two or more words),
/// always with the same label, is that name again where it stands alone untagged ("… awak
/// kapal berbangsa Sukamaju yang …" after "Sukamaju" tagged a place twice). A label agreement
/// vote, not every repeat: a one-word name tagged once, or any name tagged with two labels, is
/// left alone, and so is a repeat next to an untagged capitalised word or a hyphen (part of a
/// longer name: "Bank Sukamaju"). On NERGrit's dev file (one document) it tags 7 repeats, 6 of
/// them right (one-word names tagged once would add 3 right and 9 wrong); tagging every
/// untagged repeat instead had been 13 right and 18 wrong. Only with `auto`, and costs one
/// hash look-up for each uncovered capitalised token of the shared-weights sentences.
// Only with `auto`: out of line, as inlined into `tag` it cost the default pipeline 0.2%.
#[inline(never)]
fn repeated_names(doc: &Document, news: &[bool], out: &mut Vec<Entity>) {
    const MIN_VOTES: u32 = 2;
    // A news document (every sentence in the news convention) has nothing to vote on.
    if news.iter().all(|&n| n) {
        return;
    }
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    let word = |k: usize| &text[tokens[k].span.range()];
    // Token index of each entity's first token, and which tokens any entity covers.
    let mut covered = vec![false; tokens.len()];
    // name (its tokens' exact text, hashed) -> (label, votes, length in tokens); a name seen
    // with two labels is marked with `None`.
    let mut names: HashKeyed<(Option<EntityLabel>, u32, usize)> = HashKeyed::default();
    let mut sentence = 0;
    for e in out.iter() {
        let first = tokens.partition_point(|t| t.span.start < e.span.start);
        let end = tokens.partition_point(|t| t.span.start < e.span.end);
        covered[first..end].iter_mut().for_each(|c| *c = true);
        if !matches!(
            e.label,
            EntityLabel::Per | EntityLabel::Org | EntityLabel::Loc
        ) {
            continue;
        }
        while sentence < doc.sentences.len() && doc.sentences[sentence].end_token as usize <= first
        {
            sentence += 1;
        }
        if sentence >= news.len() || news[sentence] || end - first > 4 {
            continue;
        }
        let key = (first..end).fold(0, |h, k| combine(h, hash_exact(word(k))));
        let entry = names.entry(key).or_insert((Some(e.label), 0, end - first));
        if entry.0 != Some(e.label) {
            entry.0 = None;
        }
        entry.1 += 1;
    }
    // A name of two or more words is seldom anything else: one vote is enough.
    names.retain(|_, (label, votes, len)| label.is_some() && (*votes >= MIN_VOTES || *len > 1));
    if names.is_empty() {
        return;
    }
    let loose =
        |covered: &[bool], k: usize| !covered[k] && (starts_upper(word(k)) || word(k) == "-");
    let mut added = false;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if news.get(s) != Some(&false) {
            continue;
        }
        let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
        for k in first..end {
            if covered[k] || !starts_upper(word(k)) || (k > first && loose(&covered, k - 1)) {
                continue;
            }
            let mut key = 0;
            for n in 1..=4.min(end - k) {
                if covered[k + n - 1] {
                    break;
                }
                key = combine(key, hash_exact(word(k + n - 1)));
                let Some(&(Some(label), _, len)) = names.get(&key) else {
                    continue;
                };
                if len != n || (k + n < end && loose(&covered, k + n)) {
                    continue;
                }
                out.push(Entity::new(
                    tokens[k].span.cover(tokens[k + n - 1].span),
                    label,
                ));
                covered[k..k + n].iter_mut().for_each(|c| *c = true);
                added = true;
                break;
            }
        }
    }
    if added {
        out.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

/// The word before `local`, looking through quotation marks.
/// How far a run of capitalised words, not yet tagged and unknown to the gazetteer, reaches
/// from `local + n` (returned as the run's length from `local`).
fn free_capitalised(
    words: &[&str],
    covered: &[bool],
    codes: &[u8],
    tokens: &[Token],
    local: usize,
    mut n: usize,
) -> usize {
    while local + n < words.len()
        && !covered[local + n]
        && codes[local + n] == 0
        && tokens[local + n].kind == TokenKind::Word
        && starts_upper(words[local + n])
    {
        n += 1;
    }
    n
}

fn previous_word<'t>(words: &[&'t str], local: usize) -> Option<&'t str> {
    words[..local]
        .iter()
        .rev()
        .find(|w| !matches!(**w, "\"" | "“" | "”" | "'" | "‘" | "’"))
        .copied()
}

/// Hashes of the words written in lower case in a document, built on first use. Only words of
/// four letters or more are asked about, so shorter ASCII words ("di", "ke", "dan", "itu": a
/// third of the tokens) are never hashed.
///
/// A document is asked about a few words at most (about three in a news article), and hashing
/// all its lower-case words cost 6% of the stage: the first [`LowerWords::SCANS`] ASCII words
/// are looked for in a lower-cased copy of the text with `memmem`, each match then checked for
/// being a whole token, and the set is built only for a document asked about more. (Comparing
/// every token of the document's length was 14,000 instructions a word, 8 M over 450 articles.)
struct LowerWords<'d> {
    doc: &'d Document,
    words: Option<HashKeyed<()>>,
    /// The text with its ASCII letters in lower case (byte offsets unchanged), made once for
    /// the first scan.
    folded: Option<Vec<u8>>,
    /// The word looked for, in lower case (a buffer reused from word to word).
    needle: Vec<u8>,
    scans: usize,
}

impl LowerWords<'_> {
    /// Words looked for by scanning before the set is built.
    const SCANS: usize = 16;

    fn new(doc: &Document) -> LowerWords<'_> {
        LowerWords {
            doc,
            words: None,
            folded: None,
            needle: Vec::new(),
            scans: 0,
        }
    }

    /// Whether the word occurs in lower case (as a whole token) anywhere in the document.
    fn contains(&mut self, word: &str) -> bool {
        debug_assert!(word.chars().count() > 3, "short words are not in the set");
        let doc = self.doc;
        if self.words.is_none() && self.scans < Self::SCANS && word.is_ascii() {
            self.scans += 1;
            return self.scan(word);
        }
        let words = self.words.get_or_insert_with(|| {
            // Sized once for the document (about half its tokens are lower-case words): growing
            // from empty rehashed the set several times.
            let mut words =
                HashKeyed::with_capacity_and_hasher(doc.tokens.len() / 2, Default::default());
            words.extend(
                doc.tokens
                    .iter()
                    .map(|t| doc.slice(t.span))
                    .filter(|w| (w.len() > 3 || !w.is_ascii()) && starts_lower(w))
                    .map(|w| (hash_lower(w), ())),
            );
            words
        });
        words.contains_key(&hash_lower(word))
    }

    /// [`LowerWords::contains`] for an ASCII word, without the set. A lower-case token with
    /// the word's letters has its length and is ASCII too (only the Kelvin sign lower-cases from
    /// other than ASCII to ASCII), so it is where the folded text holds the folded word.
    fn scan(&mut self, word: &str) -> bool {
        let doc = self.doc;
        let folded = self
            .folded
            .get_or_insert_with(|| doc.text.as_bytes().to_ascii_lowercase());
        self.needle.clear();
        self.needle
            .extend(word.bytes().map(|b| b.to_ascii_lowercase()));
        let finder = memchr::memmem::Finder::new(&self.needle);
        // Each match, overlapping ones too, until one is a whole lower-case token.
        let mut from = 0;
        while let Some(at) = finder.find(&folded[from..]) {
            let start = from + at;
            if is_lower_token_at(doc, start, word.len()) {
                return true;
            }
            from = start + 1;
        }
        false
    }
}

/// Whether a token of the document spans exactly `len` bytes from byte `start` and starts in
/// lower case (tokens are in order and do not overlap: found by bisection).
fn is_lower_token_at(doc: &Document, start: usize, len: usize) -> bool {
    let tokens = &doc.tokens;
    let k = tokens.partition_point(|t| (t.span.start as usize) < start);
    tokens[k..]
        .iter()
        .take_while(|t| t.span.start as usize == start)
        .any(|t| t.span.len() == len && starts_lower(doc.slice(t.span)))
}

/// "KPK", "BPBD", "PDI-P": two or more capitals (digits and hyphens allowed), no lower case.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Endings of Indonesian derived words and particles ("Dasarnya", "Pengubahan", "Makanya"),
/// which names rarely have.
fn has_common_suffix(word: &str) -> bool {
    ["nya", "kan", "lah", "kah", "pun"]
        .iter()
        .any(|s| word.ends_with(s))
        || (word.len() > 6 && word.ends_with("an"))
}

/// An honorific, rank or academic title written before a name.
#[inline]
fn is_title(word: &str) -> bool {
    let b = word.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    // Most tokens are lower-case words, and the only honorific that is one is "dr.". (Tested
    // before the bit table is fetched: this runs for nearly every token.)
    if first.is_ascii_lowercase() && word != "dr." {
        return false;
    }
    is_listed_title(word, first, last)
}

/// [`is_title`] past its lower-case test, apart so that the test is inlined where it runs.
fn is_listed_title(word: &str, first: u8, last: u8) -> bool {
    let b = word.as_bytes();
    // `(first byte, length)` and `(last byte, length)` of every honorific, as bits: nearly
    // every token fails these tests, so the list is rarely scanned (it was for every
    // capitalised word: 6% of the stage).
    // The list itself as a set: the capitalised words the bits let through were looked for
    // one honorific at a time, 3% of the stage.
    type Table = ([[u64; 256]; 2], foldhash::HashSet<&'static str>);
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    let (bits, set) = TABLE.get_or_init(|| {
        let mut bits = [[0u64; 256]; 2];
        for h in HONORIFICS
            .iter()
            .map(|h| h.as_bytes())
            .filter(|h| h.len() < 64)
        {
            bits[0][usize::from(h[0])] |= 1 << h.len();
            bits[1][usize::from(h[h.len() - 1])] |= 1 << h.len();
        }
        (bits, HONORIFICS.iter().copied().collect())
    });
    b.len() < 64
        && bits[0][usize::from(first)] & bits[1][usize::from(last)] & 1 << b.len() != 0
        && (starts_upper(word) || word == "dr.")
        && set.contains(word)
}

/// Whether the word's first letter is lower case; ASCII first bytes skip the Unicode tables.
fn starts_lower(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => word.chars().next().is_some_and(char::is_lowercase),
    }
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// [`ROLES`] keyed by the combined lower-case hashes of their words, with their prefixes.
struct RoleTable {
    phrases: HashKeyed<()>,
    prefixes: HashKeyed<()>,
    /// `(length, first byte)` of every first word, in either case, as bits: most tokens fail
    /// this test and are never hashed.
    first_words: [u64; 256],
    /// `(length, last byte)` of every first word, in either case: the first test alone let a
    /// fifth of all tokens through.
    last_words: [u64; 256],
    /// A 4096-bit filter of the first words by [`folded_key`]: the two tests above still let
    /// a sixth of all tokens through ("kepada" looks like "kepala" to them), each then hashed
    /// and looked up.
    first_word_filter: [u64; 64],
}

/// A quick hash of an ASCII word's bytes with bit 5 set in each (which lower-cases letters and
/// keeps lower-case ones as they are), for [`RoleTable::first_word_filter`]: a word that
/// equals a lower-case word but for ASCII case has that word's key.
fn folded_key(word: &[u8]) -> u64 {
    folded_key_and_ascii(word).0
}

/// [`folded_key`], and whether the word is ASCII, from the same eight-byte loads: a word's
/// last bytes are read by overlapping loads of its own bytes (the bytes they share are the
/// same), not one at a time.
#[inline]
fn folded_key_and_ascii(word: &[u8]) -> (u64, bool) {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    let mut h = word.len() as u64;
    let mut seen = 0u64;
    let mut chunks = word.chunks_exact(8);
    let mut step = |v: u64| {
        seen |= v;
        h = (h ^ (v | FOLD))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    };
    for chunk in &mut chunks {
        step(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
    }
    let rest = chunks.remainder();
    let n = rest.len();
    if n > 0 {
        let u32_at =
            |i: usize| u64::from(u32::from_le_bytes(rest[i..i + 4].try_into().expect("4")));
        let byte_at = |i: usize| u64::from(rest[i]) << (8 * i);
        step(if n >= 4 {
            u32_at(0) | u32_at(n - 4) << (8 * (n - 4))
        } else {
            byte_at(0) | byte_at(n / 2) | byte_at(n - 1)
        });
    }
    (mix(h), seen & 0x8080_8080_8080_8080 == 0)
}

impl RoleTable {
    fn may_start(&self, word: &str) -> bool {
        // The tables hold both cases of each letter: no lower-casing here (it ran for nearly
        // every token).
        let first = word.as_bytes()[0];
        let last = word.as_bytes()[word.len() - 1];
        word.len() < 64
            && self.first_words[usize::from(first)]
                & self.last_words[usize::from(last)]
                & 1 << word.len()
                != 0
            // A word with other than ASCII bytes is let through (its lower case may differ).
            && {
                let (key, ascii) = folded_key_and_ascii(word.as_bytes());
                !ascii || self.first_word_filter[(key >> 6 & 63) as usize] & 1 << (key & 63) != 0
            }
    }
}

fn role_table() -> &'static RoleTable {
    static TABLE: std::sync::OnceLock<RoleTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = RoleTable {
            phrases: HashKeyed::default(),
            prefixes: HashKeyed::default(),
            first_words: [0; 256],
            last_words: [0; 256],
            first_word_filter: [0; 64],
        };
        for role in ROLES {
            let first = role.split(' ').next().unwrap_or(role);
            debug_assert!(first.bytes().all(|b| b.is_ascii_lowercase()), "{first}");
            let key = folded_key(first.as_bytes());
            table.first_word_filter[(key >> 6 & 63) as usize] |= 1 << (key & 63);
            let (head, last) = (first.as_bytes()[0], first.as_bytes()[first.len() - 1]);
            for b in [head, head.to_ascii_uppercase()] {
                table.first_words[usize::from(b)] |= 1 << first.len();
            }
            for b in [last, last.to_ascii_uppercase()] {
                table.last_words[usize::from(b)] |= 1 << first.len();
            }
            let mut h = 0;
            let words: Vec<&str> = role.split(' ').collect();
            for (n, w) in words.iter().enumerate() {
                h = if n == 0 {
                    hash_lower(w)
                } else {
                    combine(h, hash_lower(w))
                };
                if n + 1 < words.len() {
                    table.prefixes.insert(h, ());
                }
            }
            table.phrases.insert(h, ());
        }
        table
    })
}

/// A role phrase starting at token `i` (whose text is `word`): the longest entry of
/// [`ROLES`], in tokens.
fn role_at(
    table: &RoleTable,
    word: &str,
    text: &str,
    tokens: &[Token],
    i: usize,
    end: usize,
) -> Option<usize> {
    if !table.may_start(word) {
        return None;
    }
    let mut best = None;
    let mut h = 0;
    for (n, t) in tokens[i..end].iter().take(3).enumerate() {
        if t.kind != TokenKind::Word {
            break;
        }
        let w = hash_lower(&text[t.span.range()]);
        h = if n == 0 { w } else { combine(h, w) };
        if table.phrases.contains_key(&h) {
            best = Some(n + 1);
        }
        if !table.prefixes.contains_key(&h) {
            break;
        }
    }
    best
}

/// Dates, times, money, percentages and plain numbers starting at token `i`; returns the token
/// count, label and normalised value.
/// `w` is token `i`'s text, `number_after` whether a number token is among the three after it
/// (before `end`): both known to the caller, which asks about nearly every token.
fn number_or_date(
    w: &str,
    number_after: bool,
    text: &str,
    tokens: &[Token],
    i: usize,
    end: usize,
    currencies: &Currencies,
) -> Option<(usize, EntityLabel, Option<String>)> {
    let word = |k: usize| (k < end).then(|| &text[tokens[k].span.range()]);
    debug_assert!(i < end && word(i) == Some(w));
    debug_assert_eq!(
        number_after,
        tokens[i + 1..end.min(i + 4)]
            .iter()
            .any(|t| t.kind == TokenKind::Number)
    );
    let number_after = || number_after;
    // Nearly every token is a word that starts none of the rules below: only a number, a
    // capitalised word (weekdays, months), "hari", "tahun" or "pukul" in any case, or a
    // currency before a number can. Rejecting the rest here skips the comparisons with every
    // weekday and month for most tokens.
    let capitalised = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    // The keyword test last, and by length first: three case-blind comparisons a token had
    // cost 10 M instructions over 450 articles.
    if !number_after()
        && !capitalised
        && !matches!(tokens[i].kind, TokenKind::Number)
        && !is_date_keyword(w)
    {
        return None;
    }
    // "hari Selasa (19/9/2023)", "Selasa (19/9/2023)", "Selasa malam", "hari Kamis"
    let weekday_at =
        if w.eq_ignore_ascii_case("hari") && word(i + 1).is_some_and(|x| WEEKDAYS.contains(&x)) {
            Some(i + 1)
        } else if capitalised && WEEKDAYS.contains(&w) && w != "Minggu" {
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
        let value = word(i + 1).and_then(year_number).map(|y| format!("{y:04}"));
        return Some((2, EntityLabel::Date, value));
    }
    // "September 2023" (→ 2023-09), "awal Februari": a month, with its year when written. A
    // month alone must be spelt out and capitalised ("Mei" may be a name, "mar" a word).
    if let Some(month) = month_number(w) {
        if let Some(year) = word(i + 1).and_then(year_number) {
            return Some((2, EntityLabel::Date, Some(format!("{year:04}-{month:02}"))));
        }
        if MONTHS.iter().any(|(name, _)| *name == w) && w != "Mei" {
            return Some((1, EntityLabel::Date, None));
        }
    }
    // "Rp 3,5 juta", "US$ 5 juta", "€20": a currency before an amount.
    if tokens[i].kind != TokenKind::Number && number_after() {
        if let Some((n, code)) = currencies.at(text, tokens, i, end) {
            if tokens
                .get(i + n)
                .is_some_and(|t| t.kind == TokenKind::Number)
                && i + n < end
            {
                let unit = word(i + n + 1).filter(|u| MONEY_UNITS.contains(u));
                let value = money_value(word(i + n)?, unit, code);
                return Some((n + 1 + unit.is_some() as usize, EntityLabel::Money, value));
            }
        }
    }
    if w.eq_ignore_ascii_case("pukul")
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && i + 1 < end
    {
        // "pukul 14.30 WIB", "pukul 8 malam"
        let zone = word(i + 2).and_then(time_zone);
        let part = word(i + 2).filter(|p| zone.is_none() && PARTS_OF_DAY.contains(p));
        let value = clock_value(word(i + 1)?, part, zone);
        let n = 2 + (zone.is_some() || part.is_some()) as usize;
        return Some((n, EntityLabel::Time, value));
    }
    if tokens[i].kind != TokenKind::Number {
        return None;
    }
    if let Some(zone) = word(i + 1).and_then(time_zone) {
        return Some((2, EntityLabel::Time, clock_value(w, None, Some(zone))));
    }
    // "100 juta dolar AS", "20 euro": a currency after an amount.
    let unit = word(i + 1).filter(|u| MONEY_UNITS.contains(u));
    let after = i + 1 + unit.is_some() as usize;
    if after < end {
        if let Some((n, code)) = currencies.at(text, tokens, after, end) {
            let value = money_value(w, unit, code);
            return Some((after + n - i, EntityLabel::Money, value));
        }
    }
    if is_numeric_date(w) {
        return Some((1, EntityLabel::Date, iso_date(w)));
    }
    // "19 September 2023", "19 Sept": a day of the month.
    if let Some(month) = word(i + 1).and_then(month_number) {
        if let Ok(day @ 1..=31) = w.parse::<u32>() {
            let year = word(i + 2).and_then(year_number);
            let value = year.map(|y| format!("{y:04}-{month:02}-{day:02}"));
            return Some((2 + year.is_some() as usize, EntityLabel::Date, value));
        }
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

/// Whether a word is "hari", "tahun" or "pukul" in any case (what [`number_or_date`] asks of
/// nearly every token): by its length, then its bytes with bit 5 set, which is a case-blind
/// comparison with a word of ASCII letters (no other byte becomes a letter by it).
fn is_date_keyword(w: &str) -> bool {
    let b = w.as_bytes();
    match b.len() {
        4 => {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]) | 0x2020_2020
                == u32::from_le_bytes(*b"hari")
        }
        5 => {
            let head = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) | 0x2020_2020;
            let last = b[4] | 0x20;
            (head == u32::from_le_bytes(*b"tahu") && last == b'n')
                || (head == u32::from_le_bytes(*b"puku") && last == b'l')
        }
        _ => false,
    }
}

/// Month names and their usual abbreviations, with the month's number.
const MONTHS: &[(&str, u32)] = &[
    ("Januari", 1),
    ("Februari", 2),
    ("Pebruari", 2),
    ("Maret", 3),
    ("April", 4),
    ("Mei", 5),
    ("Juni", 6),
    ("Juli", 7),
    ("Agustus", 8),
    ("September", 9),
    ("Oktober", 10),
    ("November", 11),
    ("Nopember", 11),
    ("Desember", 12),
];
const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Agu", 8),
    ("Agt", 8),
    ("Ags", 8),
    ("Agst", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Okt", 10),
    ("Nov", 11),
    ("Des", 12),
];

/// The number of a month written by name or abbreviation ("September", "Sept.", "Okt"),
/// capitalised.
fn month_number(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() > 9 {
        return None;
    }
    let bare = w.strip_suffix('.').unwrap_or(w);
    MONTHS
        .iter()
        .chain(MONTH_ABBREVIATIONS)
        .find(|(name, _)| *name == bare)
        .map(|(_, m)| *m)
}

/// A year written in four digits (1000–2999).
fn year_number(w: &str) -> Option<u32> {
    (w.len() == 4)
        .then(|| w.parse::<u32>().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
}

/// Whether a word is a month's name: never a person, organisation or place.
fn is_month_name(w: &str) -> bool {
    MONTHS.iter().any(|(name, _)| *name == w)
}

fn is_numeric_date(w: &str) -> bool {
    // Counted without collecting the parts: this runs for every number. Nearly every number
    // has no slash, told by a byte loop before the splitting (112 instructions a number).
    w.as_bytes().contains(&b'/')
        && w.split('/').count() == 3
        && w.split('/')
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
    // Most numbers are a few digits: their value is exact as an integer (below 2^53), which
    // is what the float parser, ten times the instructions, returns for them.
    if let Some(n) = small_integer(w) {
        return Some(n as f64);
    }
    // Most other numbers have no separator: parsed as they are, without the copies below.
    if !w.bytes().any(|b| b == b'.' || b == b',') {
        return w.parse::<f64>().ok();
    }
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

/// The value of one to fifteen ASCII digits (exact as an `f64`); `None` for anything else.
fn small_integer(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 15 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0')))
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        n.to_string()
    }
}

/// The UTC offset of a time zone written after a clock time ("WIB" → "+07:00").
fn time_zone(word: &str) -> Option<&'static str> {
    TIME_ZONES
        .iter()
        .find(|(zone, _)| *zone == word)
        .map(|(_, offset)| *offset)
}

/// "14.30" or "14:30" (and a part of the day or a zone offset) → "14:30+07:00"; "8" with
/// "malam" → "20:00". `None` when the digits are not a time of day.
fn clock_value(w: &str, part_of_day: Option<&str>, offset: Option<&str>) -> Option<String> {
    let mut parts = w.split(['.', ':']);
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = match parts.next() {
        Some(m) if m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() || hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
        return None;
    }
    // Indonesians count hours to twelve with the part of the day ("pukul 8 malam").
    let hour = match part_of_day {
        Some("siang") if hour < 6 => hour + 12,
        Some("sore") if hour < 12 => hour + 12,
        Some("malam") if (6..12).contains(&hour) => hour + 12,
        Some("malam") if hour == 12 => 0,
        _ => hour,
    };
    Some(format!("{hour:02}:{minute:02}{}", offset.unwrap_or("")))
}

fn money_value(number: &str, unit: Option<&str>, currency: &str) -> Option<String> {
    let n = parse_number(number)?;
    let factor = match unit {
        Some("ribu") => 1e3,
        Some("juta") => 1e6,
        Some("miliar") => 1e9,
        Some("triliun") => 1e12,
        _ => 1.0,
    };
    Some(format!("{} {currency}", format_number(n * factor)))
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// "2023-09-19…" → day count.
fn parse_iso(value: &str) -> Option<i64> {
    let date = value.get(..10)?;
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days_from_civil(y, m, d))
}

/// Gives weekday-only dates ("hari Kamis") an ISO date: the latest such weekday on or before
/// the document's date, or the next one after it when the sentence speaks of the future ("akan",
/// "mendatang", "depan", "besok"). The document's date is its `date`, `published`,
/// `published_at` or `datePublished` metadata, else the first full date written in it (news
/// gives the day of the events in its first sentences).
pub fn resolve_weekdays(doc: &mut Document) {
    let from_meta = ["date", "published", "published_at", "datePublished"]
        .iter()
        .find_map(|k| {
            doc.meta
                .get(*k)
                .and_then(|v| v.as_str())
                .and_then(parse_iso)
        });
    let reference = from_meta.or_else(|| {
        doc.entities
            .iter()
            .filter(|e| e.label == EntityLabel::Date)
            .find_map(|e| e.value.as_deref().and_then(parse_iso))
    });
    let Some(reference) = reference else { return };
    for k in 0..doc.entities.len() {
        let e = &doc.entities[k];
        if e.label != EntityLabel::Date || e.value.is_some() {
            continue;
        }
        let text = &doc.text[e.span.range()];
        // "19 September": the year nearest the document's date (within half a year of it).
        let mut parts = text.split_whitespace();
        if let (Some(Ok(day @ 1..=31)), Some(Some(month)), None) = (
            parts.next().map(str::parse::<i64>),
            parts.next().map(month_number),
            parts.next(),
        ) {
            let (year, _, _) = civil_from_days(reference);
            let day_of = |y: i64| days_from_civil(y, i64::from(month), day);
            let year = if day_of(year) > reference + 183 {
                year - 1
            } else if day_of(year) < reference - 183 {
                year + 1
            } else {
                year
            };
            doc.entities[k].value = Some(format!("{year:04}-{month:02}-{day:02}"));
            continue;
        }
        // Monday = 0 … Sunday = 6; 1970-01-01 was a Thursday (3).
        let Some(weekday) = text.split_whitespace().find_map(|w| match w {
            "Senin" => Some(0),
            "Selasa" => Some(1),
            "Rabu" => Some(2),
            "Kamis" => Some(3),
            "Jumat" | "Jum'at" => Some(4),
            "Sabtu" => Some(5),
            "Minggu" => Some(6),
            _ => None,
        }) else {
            continue;
        };
        let reference_weekday = (reference + 3).rem_euclid(7);
        // Sentences are in text order: the last one starting at or before the date.
        let sentence = doc
            .sentences
            .partition_point(|s| s.span.start <= e.span.start)
            .checked_sub(1)
            .map(|k| &doc.sentences[k]);
        let future = sentence
            .filter(|s| s.span.contains(e.span))
            .is_some_and(|s| {
                doc.text[s.span.range()].split_whitespace().any(|w| {
                    matches!(
                        w.trim_matches(|c: char| !c.is_alphanumeric()),
                        "akan" | "mendatang" | "depan" | "besok" | "nanti"
                    )
                })
            });
        let day = if future {
            reference + (weekday - reference_weekday - 1).rem_euclid(7) + 1
        } else {
            reference - (reference_weekday - weekday).rem_euclid(7)
        };
        let (y, m, d) = civil_from_days(day);
        doc.entities[k].value = Some(format!("{y:04}-{m:02}-{d:02}"));
    }
}

/// Well-known nicknames and acronyms and the names they stand for.
pub const BUILTIN_ALIASES: &[(&str, &str)] = &[
    ("Jokowi", "Joko Widodo"),
    ("SBY", "Susilo Bambang Yudhoyono"),
    ("Ahok", "Basuki Tjahaja Purnama"),
    ("BTP", "Basuki Tjahaja Purnama"),
    ("Gus Dur", "Abdurrahman Wahid"),
    ("JK", "Jusuf Kalla"),
    ("AHY", "Agus Harimurti Yudhoyono"),
    ("Bamsoet", "Bambang Soesatyo"),
    ("Cak Imin", "Muhaimin Iskandar"),
    ("Zulhas", "Zulkifli Hasan"),
    ("KPK", "Komisi Pemberantasan Korupsi"),
    ("DPR", "Dewan Perwakilan Rakyat"),
    ("DPD", "Dewan Perwakilan Daerah"),
    ("MPR", "Majelis Permusyawaratan Rakyat"),
    ("TNI", "Tentara Nasional Indonesia"),
    ("Polri", "Kepolisian Negara Republik Indonesia"),
    ("PBB", "Perserikatan Bangsa-Bangsa"),
    ("KNKT", "Komite Nasional Keselamatan Transportasi"),
    ("BUMN", "Badan Usaha Milik Negara"),
    ("BNPB", "Badan Nasional Penanggulangan Bencana"),
    ("BMKG", "Badan Meteorologi, Klimatologi, dan Geofisika"),
    ("KPU", "Komisi Pemilihan Umum"),
    ("Bawaslu", "Badan Pengawas Pemilihan Umum"),
    ("MK", "Mahkamah Konstitusi"),
    ("MA", "Mahkamah Agung"),
    ("OJK", "Otoritas Jasa Keuangan"),
    ("BI", "Bank Indonesia"),
    ("BPS", "Badan Pusat Statistik"),
    ("BIN", "Badan Intelijen Negara"),
    ("BNN", "Badan Narkotika Nasional"),
    ("MUI", "Majelis Ulama Indonesia"),
    ("NU", "Nahdlatul Ulama"),
    ("UI", "Universitas Indonesia"),
    ("UGM", "Universitas Gadjah Mada"),
    ("ITB", "Institut Teknologi Bandung"),
    ("AS", "Amerika Serikat"),
];

/// Links mentions within a document: a one-word person mention takes the full name introduced
/// earlier that contains it ("Peskov" → "Dmitry Peskov"); an alias takes its name ("Jokowi" →
/// "Joko Widodo", "KPK" → "Komisi Pemberantasan Korupsi"), and so does an acronym written in
/// brackets after its expansion ("Badan Penanggulangan Bencana Daerah (BPBD)"). Every mention of
/// one canonical name gets one cluster id.
pub fn link_names(doc: &mut Document, aliases: &foldhash::HashMap<String, String>) {
    // Cluster ids by the hash of the canonical name; full names by the hash of each of their
    // words (the latest full name wins).
    // Sized once for the document's entities: growing from empty had rehashed them a few times
    // a document.
    let mut clusters: HashKeyed<u32> =
        HashKeyed::with_capacity_and_hasher(doc.entities.len(), Default::default());
    let mut full_names: HashKeyed<Span> =
        HashKeyed::with_capacity_and_hasher(doc.entities.len(), Default::default());
    // Acronyms expanded in this document: hash of the acronym → span of the expansion.
    let mut expanded: HashKeyed<Span> = HashKeyed::default();
    let named = |e: &Entity| {
        matches!(
            e.label,
            EntityLabel::Per | EntityLabel::Org | EntityLabel::Loc
        )
    };
    for k in 1..doc.entities.len() {
        let (before, acronym) = (&doc.entities[k - 1], &doc.entities[k]);
        let between = &doc.text[before.span.end as usize..acronym.span.start as usize];
        let after = &doc.text[acronym.span.end as usize..];
        if named(before)
            && before.label != EntityLabel::Per
            && named(acronym)
            && between.trim() == "("
            && after.trim_start().starts_with(')')
            && doc.text[before.span.range()].contains(' ')
        {
            let text = &doc.text[acronym.span.range()];
            expanded.insert(hash_exact(text), before.span);
        }
    }
    for k in 0..doc.entities.len() {
        let e = &doc.entities[k];
        if !named(e) {
            continue;
        }
        let mention = &doc.text[e.span.range()];
        let is_person = e.label == EntityLabel::Per;
        // Asked twice of each person, by bytes: `str::contains` with a char went through the
        // pattern searcher, about a hundred instructions a mention.
        let several_words = is_person && mention.as_bytes().contains(&b' ');
        let mut canonical_span = e.span;
        let mut alias = None;
        // The mention's hash, computed once: the canonical name is most often the mention.
        let mention_hash = hash_exact(mention);
        if let Some(span) = expanded.get(&mention_hash) {
            canonical_span = *span;
        } else if let Some(name) = aliases.get(mention) {
            alias = Some(name.as_str());
        } else if is_person && !several_words {
            if let Some(span) = full_names.get(&mention_hash) {
                canonical_span = *span;
            }
        }
        let canonical = alias.unwrap_or(&doc.text[canonical_span.range()]);
        let canonical_hash = if alias.is_none() && canonical_span == e.span {
            mention_hash
        } else {
            hash_exact(canonical)
        };
        let next = clusters.len() as u32;
        let cluster = *clusters.entry(canonical_hash).or_insert(next);
        if several_words {
            for part in mention.split(' ') {
                full_names.insert(hash_exact(part), e.span);
            }
        }
        let canonical = (canonical != mention).then(|| canonical.to_string());
        let e = &mut doc.entities[k];
        e.cluster = Some(cluster);
        if canonical.is_some() {
            e.canonical = canonical;
        }
    }
}

/// Links a role mentioned without a name to the person introduced with it earlier: after
/// "Ketua KPK Firli Bahuri", a later "Ketua KPK" (or "kata Ketua KPK") gets Firli Bahuri's
/// canonical name and cluster. A role is the ROLE mention with the organisation or place right
/// after it; honorifics ("Pak", "Dr.") name no one on their own and are left alone.
pub fn link_roles(doc: &mut Document) {
    // Hash of "role|organisation" → the index of the person's mention.
    let mut introduced: HashKeyed<usize> = HashKeyed::default();
    let only_space = |doc: &Document, a: &Entity, b: &Entity| {
        a.span.end <= b.span.start
            && doc.text[a.span.end as usize..b.span.start as usize]
                .chars()
                .all(|c| c.is_whitespace() || c == ',')
    };
    let mut k = 0;
    while k < doc.entities.len() {
        let role = &doc.entities[k];
        if role.label != EntityLabel::Role || HONORIFICS.contains(&doc.slice(role.span)) {
            k += 1;
            continue;
        }
        let mut key = hash_lower(doc.slice(role.span));
        let mut next = k + 1;
        if let Some(org) = doc.entities.get(next).filter(|e| {
            matches!(e.label, EntityLabel::Org | EntityLabel::Loc) && only_space(doc, role, e)
        }) {
            let name = org.canonical.as_deref().unwrap_or(doc.slice(org.span));
            key = combine(key, hash_lower(name));
            next += 1;
        }
        let before_name = doc.entities.get(next - 1).unwrap_or(role);
        let person = doc
            .entities
            .get(next)
            .filter(|e| e.label == EntityLabel::Per && only_space(doc, before_name, e));
        if person.is_some() {
            introduced.insert(key, next);
        } else if let Some(&p) = introduced.get(&key) {
            let person = &doc.entities[p];
            let name = person
                .canonical
                .clone()
                .unwrap_or_else(|| doc.slice(person.span).to_string());
            let cluster = person.cluster;
            let role = &mut doc.entities[k];
            role.canonical = Some(name);
            role.cluster = cluster;
        }
        k = next;
    }
}

/// Takes an acronym or short name written in brackets right after an organisation's or a
/// place's name, the brackets touching it ("Komisi Antarbangsa (KAB)", "PT Sinar Jaya
/// (Persero)"), into the name, as idner-news-2k annotates it; a separate mention inside the
/// brackets is dropped. A person's nickname in brackets stays a mention of its own.
pub fn join_bracketed_acronyms(doc: &mut Document) {
    let text = doc.text.as_str();
    let mut inner: Vec<Span> = Vec::new();
    for k in 0..doc.entities.len() {
        let span = doc.entities[k].span;
        if !matches!(doc.entities[k].label, EntityLabel::Org | EntityLabel::Loc) {
            continue;
        }
        let end = span.end as usize;
        let rest = &text[end..];
        let after_space = rest.trim_start_matches(' ');
        if after_space.len() == rest.len() || after_space.len() + 1 < rest.len() {
            continue;
        }
        let Some(inside) = after_space.strip_prefix('(') else {
            continue;
        };
        let word_len = inside
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.' || c == '&'))
            .unwrap_or(inside.len());
        let word = &inside[..word_len];
        if !word.chars().next().is_some_and(char::is_uppercase)
            || !inside[word_len..].starts_with(')')
        {
            continue;
        }
        let open = text.len() - after_space.len();
        let close = open + 1 + word_len + 1;
        inner.push(Span::new(open, close));
        doc.entities[k].span = Span::new(span.start as usize, close);
    }
    if !inner.is_empty() {
        doc.entities.retain(|e| {
            !inner
                .iter()
                .any(|s| e.span.start >= s.start && e.span.start < s.end)
        });
    }
}

/// Tags as a person the capitalised words right before an age in brackets ("Seorang warga,
/// Wati (37), mengaku…"), when no other mention covers them: news introduces people so.
pub fn people_before_ages(doc: &mut Document) {
    let text = doc.text.as_str();
    let bytes = text.as_bytes();
    let tokens = &doc.tokens;
    let word = |k: usize| &text[tokens[k].span.range()];
    let touching = |a: usize, b: usize| {
        bytes[tokens[a].span.end as usize..tokens[b].span.start as usize]
            .iter()
            .all(|&b| b == b' ')
    };
    let mut found: Vec<Span> = Vec::new();
    // Brackets are rare: find them in the text (memchr), not by walking every token. (The
    // `memchr` crate's, by 32 bytes: `str::find` went a word at a time, 3.2 M instructions
    // over 450 articles.)
    for at in memchr::memchr_iter(b'(', bytes) {
        let i = tokens.partition_point(|t| (t.span.start as usize) < at);
        if i == 0
            || i + 2 >= tokens.len()
            || tokens[i].span.start as usize != at
            || tokens[i].span.len() != 1
            || word(i + 2) != ")"
        {
            continue;
        }
        let age = word(i + 1);
        if !(1..=3).contains(&age.len()) || !age.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let is_name_word = |k: usize| {
            let w = word(k);
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        };
        let mut first = i;
        while first > 0 && i - first < 4 && is_name_word(first - 1) && touching(first - 1, first) {
            first -= 1;
        }
        if first == i {
            continue;
        }
        let name = tokens[first].span.cover(tokens[i - 1].span);
        // Entities come in text order: only those starting before the name's end, and the few
        // last of them, can overlap it.
        let before = doc.entities.partition_point(|e| e.span.start < name.end);
        if doc.entities[..before]
            .iter()
            .rev()
            .take(4)
            .any(|e| e.span.end > name.start)
        {
            continue;
        }
        found.push(name);
    }
    if !found.is_empty() {
        doc.entities
            .extend(found.into_iter().map(|s| Entity::new(s, EntityLabel::Per)));
        doc.entities.sort_by_key(|e| e.span.start);
    }
}

/// Splits a place off the front of a person's name when the document names that place on its
/// own elsewhere ("Warga di Bekasi mengungsi. … Ketua Bawaslu Bekasi Hartono"): "Bekasi" is a
/// place, "Hartono" the person, not "Bekasi Hartono".
pub fn places_before_people(doc: &mut Document) {
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    // foldhash, as the stage's other sets: the standard set's SipHash of every place cost
    // more than the rest of the rule.
    let places: foldhash::HashSet<&str> = doc
        .entities
        .iter()
        .filter(|e| e.label == EntityLabel::Loc)
        .map(|e| &text[e.span.range()])
        .filter(|name| !name.contains(' '))
        .collect();
    if places.is_empty() {
        return;
    }
    // (index of the person, the token that is a place, the token after it)
    let mut split = Vec::new();
    for (k, e) in doc.entities.iter().enumerate() {
        if e.label != EntityLabel::Per {
            continue;
        }
        let first = doc.token_at(e.span.start);
        let (Some(head), Some(next)) = (tokens.get(first), tokens.get(first + 1)) else {
            continue;
        };
        if next.span.end <= e.span.end && places.contains(&text[head.span.range()]) {
            split.push((k, head.span, next.span.start));
        }
    }
    for &(k, place, rest) in split.iter().rev() {
        let person = &mut doc.entities[k];
        person.span = Span::new(rest as usize, person.span.end as usize);
        doc.entities.insert(k, Entity::new(place, EntityLabel::Loc));
    }
}

/// Words that introduce the title of a work: what follows them in quotation marks is a title
/// ("lagu \"Sari Wulandari\"", "film \"Kota Lama\""), not a person, organisation or place
/// (in NERGrit's training file 126 of 133 such quoted titles hold no name).
const WORK_WORDS: &[&str] = &[
    "lagu",
    "lagunya",
    "album",
    "albumnya",
    "film",
    "filmnya",
    "single",
    "singel",
    "singelnya",
    "judul",
    "berjudul",
    "bertajuk",
    "tajuk",
    "novel",
    "buku",
    "serial",
    "sinetron",
    "drama",
    "lakon",
    "puisi",
    "sajak",
    "tembang",
    "kartun",
    "klip",
    "video",
];

/// The tokens that are exactly a quotation mark `"`, `“` or `”` (E2 80 9C / 9D), in order:
/// the marks are found in the text with memchr and their tokens by binary search, since testing
/// every token's bytes cost 3% of the stage (a document has a few dozen marks and thousands of
/// tokens).
fn quote_mark_tokens(text: &str, tokens: &[Token]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut quotes = Vec::new();
    let mut from = 0;
    for at in memchr::memchr2_iter(b'"', 0xE2, bytes) {
        let len = if bytes[at] == b'"' {
            1
        } else if bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0x9C | 0x9D))
        {
            3
        } else {
            continue;
        };
        // Tokens are in order and do not overlap: the ones starting at `at` follow those before.
        from += tokens[from..].partition_point(|t| (t.span.start as usize) < at);
        let mut k = from;
        while let Some(t) = tokens.get(k).filter(|t| t.span.start as usize == at) {
            if t.span.range().len() == len {
                quotes.push(k);
            }
            k += 1;
        }
    }
    quotes
}

/// Drops the people, organisations and places inside quotation marks that hold the title of a
/// work: the quotation follows a work word ("lagu", "album", "film", "berjudul"…), directly or
/// through a list of quoted titles ("album \"A\" , \"B\" dan \"C\"").
pub fn titles_of_works(doc: &mut Document) {
    if doc.entities.is_empty() {
        return;
    }
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    // The quotation marks, found once by their bytes (`"`, and `“` `”`: E2 80 9C / 9D): looking
    // around every name instead cost 5% of the stage.
    let quotes = quote_mark_tokens(text, tokens);
    let word = |k: usize| &text[tokens[k].span.range()];
    // Whether the quotation opened by the `m`-th quotation mark follows a work word.
    let after_work_word = |m: usize| -> bool {
        let (mut m, mut k) = (m, quotes[m]);
        for _ in 0..6 {
            let Some(before) = k.checked_sub(1) else {
                return false;
            };
            k = before;
            while matches!(word(k), "," | "dan" | "atau" | "serta") {
                let Some(before) = k.checked_sub(1) else {
                    return false;
                };
                k = before;
            }
            // The closing mark of an earlier quoted title: go on before its opening mark.
            if m >= 2 && quotes[m - 1] == k {
                m -= 2;
                k = quotes[m];
                continue;
            }
            let w = word(k);
            return w.len() <= 10 && WORK_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t));
        }
        false
    };
    let mut titles: Vec<Span> = Vec::new();
    for m in 0..quotes.len().saturating_sub(1) {
        let (open, close) = (quotes[m], quotes[m + 1]);
        if (2..=12).contains(&(close - open)) && after_work_word(m) {
            titles.push(Span::new(
                tokens[open].span.end as usize,
                tokens[close].span.start as usize,
            ));
        }
    }
    if titles.is_empty() {
        return;
    }
    doc.entities.retain(|e| {
        !(matches!(
            e.label,
            EntityLabel::Per | EntityLabel::Org | EntityLabel::Loc
        ) && titles
            .iter()
            .any(|t| t.start <= e.span.start && e.span.end <= t.end))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_lists_answer_as_their_scans() {
        for w in [
            "Badan", "Sungai", "Jl.", "Kota", "PT", "Bandung", "Sungaiku", "badan", "", "K", "Ü",
        ] {
            assert_eq!(
                in_list(ORG_HEADS, &ORG_HEAD_SHAPES, w),
                ORG_HEADS.contains(&w),
                "{w}"
            );
            assert_eq!(
                in_list(LOC_HEADS, &LOC_HEAD_SHAPES, w),
                LOC_HEADS.contains(&w),
                "{w}"
            );
        }
        for w in ORG_HEADS.iter().chain(LOC_HEADS) {
            assert!(
                in_list(ORG_HEADS, &ORG_HEAD_SHAPES, w) || in_list(LOC_HEADS, &LOC_HEAD_SHAPES, w)
            );
        }
    }

    #[test]
    fn date_keywords_are_told_by_length_and_folded_bytes() {
        // The same answers as the case-blind comparisons it replaced.
        for w in [
            "hari",
            "Hari",
            "HARI",
            "tahun",
            "Tahun",
            "TAHUN",
            "pukul",
            "Pukul",
            "hati",
            "harim",
            "tahu",
            "pukulan",
            "",
            "h",
            "ha\u{e9}",
            "tahu\u{e9}",
            "HaRi",
            "hari.",
            "@ari",
        ] {
            let expected = ["hari", "tahun", "pukul"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k));
            assert_eq!(is_date_keyword(w), expected, "{w}");
        }
    }

    #[test]
    fn every_role_passes_the_first_word_filters_in_any_case() {
        let table = role_table();
        for role in ROLES {
            let first = role.split(' ').next().unwrap();
            let mut capitalised = first.to_string();
            capitalised[..1].make_ascii_uppercase();
            for word in [first.to_string(), capitalised, first.to_ascii_uppercase()] {
                assert!(table.may_start(&word), "{word}");
            }
        }
        // Words the byte tests alone let through.
        assert!(!table.may_start("kepada"));
        assert!(!table.may_start("kedua"));
    }

    /// The marks found in the text are the tokens that are exactly a straight or double curly
    /// quotation mark, as testing every token finds them.
    #[test]
    fn quotation_mark_tokens_are_found_in_the_text() {
        let text = "Budi menulis buku “Jalan Pulang” — dan \"Hujan\" — ‘kata’ itu…\"”“x“";
        let mut tokens = Vec::new();
        let mut at = 0;
        for (i, c) in text.char_indices() {
            // One token a character, and the last two characters as one token.
            if i >= at && i + c.len_utf8() <= text.len() - 4 {
                tokens.push(Token::new(Span::new(i, i + c.len_utf8()), TokenKind::Punct));
                at = i + c.len_utf8();
            }
        }
        tokens.push(Token::new(Span::new(at, text.len()), TokenKind::Punct));
        let want: Vec<usize> = (0..tokens.len())
            .filter(|&k| matches!(&text[tokens[k].span.range()], "\"" | "“" | "”"))
            .collect();
        assert_eq!(want.len(), 7);
        assert_eq!(quote_mark_tokens(text, &tokens), want);
    }

    #[test]
    fn a_teams_age_category_is_not_part_of_its_name() {
        let words: Vec<&str> = "Ia bermain untuk Persikota U - 18 dan Persikota U-23 ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, 0, 3, 4, 0, 0, 0, 3, 4, 0];
        age_categories_outside_teams(&words, &mut tags);
        assert_eq!(tags, [0, 0, 0, 3, 0, 0, 0, 0, 3, 0, 0]);
        // A "U" inside a name stays ("Bank U Sukamaju").
        let words: Vec<&str> = "Bank U Sukamaju - 2".split(' ').collect();
        let mut tags = vec![3, 4, 4, 0, 0];
        age_categories_outside_teams(&words, &mut tags);
        assert_eq!(tags, [3, 4, 4, 0, 0]);
    }

    #[test]
    fn a_quoted_title_is_not_a_person() {
        let words: Vec<&str> = "lagu seperti \" Senja Kelabu \" dan sebagai \" Budi Santoso \" ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, 0, 1, 2, 0, 0, 0, 0, 1, 2, 0, 0];
        quoted_titles_not_people(&words, &mut tags);
        // The title goes; the character after "sebagai" stays.
        assert_eq!(tags, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0]);
        // A given name keeps it a person.
        let words: Vec<&str> = "film berjudul \" Budi Kelabu \" .".split(' ').collect();
        let mut tags = vec![0, 0, 0, 1, 2, 0, 0];
        quoted_titles_not_people(&words, &mut tags);
        assert_eq!(tags, [0, 0, 0, 1, 2, 0, 0]);
    }

    #[test]
    fn a_generational_suffix_joins_the_name() {
        let words: Vec<&str> = "Budi Santoso , Jr . lahir di Sukamaju".split(' ').collect();
        let mut tags = vec![1, 2, 0, 0, 0, 0, 0, 5];
        generational_suffixes(&words, &mut tags);
        assert_eq!(tags, [1, 2, 2, 2, 2, 0, 0, 5]);
        let words: Vec<&str> = "Budi Santoso , Sr. lahir".split(' ').collect();
        let mut tags = vec![1, 2, 0, 1, 0];
        generational_suffixes(&words, &mut tags);
        assert_eq!(tags, [1, 2, 2, 2, 0]);
        // Not after a place, and not without the comma's suffix.
        let words: Vec<&str> = "Sukamaju , Jr . Budi , Sari".split(' ').collect();
        let mut tags = vec![5, 0, 0, 0, 1, 0, 1];
        generational_suffixes(&words, &mut tags);
        assert_eq!(tags, [5, 0, 0, 0, 1, 0, 1]);
    }

    #[test]
    fn untagged_names_after_a_place_kind_word_are_places() {
        let model = crate::builtin_model();
        let words: Vec<&str> = "Ia lahir di distrik Karangwetan , dusun II dan Desa Ini ."
            .split(' ')
            .collect();
        let codes = vec![0; words.len()];
        let mut tags = vec![0; words.len()];
        places_after_place_heads(&words, &codes, &mut tags, &model);
        // "II" is a numeral and "Ini" a common word, not names.
        assert_eq!(tags, [0, 0, 0, 5, 6, 0, 0, 0, 0, 0, 0, 0]);
        // A known name the model left alone stays alone; so does one the model tagged.
        let mut codes = vec![0; words.len()];
        codes[4] = 5;
        let mut tags = vec![0; words.len()];
        places_after_place_heads(&words, &codes, &mut tags, &model);
        assert!(tags.iter().all(|&t| t == 0));
        let mut tags = vec![0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
        places_after_place_heads(&words, &vec![0; words.len()], &mut tags, &model);
        assert_eq!(tags, [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn unknown_names_in_a_list_of_places_are_places() {
        let words: Vec<&str> =
            "Desa ini dekat Sukamaju , Cibodas , Karangwetan , Tegalrejo dan Senin"
                .split(' ')
                .collect();
        // Sukamaju and Cibodas places, Karangwetan untagged, Tegalrejo taken for a person.
        let mut tags = vec![0, 0, 0, 5, 0, 5, 0, 0, 0, 1, 0, 0];
        places_in_lists(&words, &mut tags);
        assert_eq!(
            tags,
            [0, 0, 0, 5, 0, 5, 0, 5, 0, 5, 0, 0],
            "a weekday stays"
        );
        // One place is not a list of places, and an organisation in it makes it no list.
        let mut tags = vec![0, 0, 0, 5, 0, 0, 0, 0, 0, 1, 0, 0];
        places_in_lists(&words, &mut tags);
        assert_eq!(tags, [0, 0, 0, 5, 0, 0, 0, 0, 0, 1, 0, 0]);
        let mut tags = vec![0, 0, 0, 5, 0, 5, 0, 3, 0, 0, 0, 0];
        places_in_lists(&words, &mut tags);
        assert_eq!(tags, [0, 0, 0, 5, 0, 5, 0, 3, 0, 0, 0, 0]);
        // More people than places: a list of people.
        let words: Vec<&str> = "Budi , Sari , Sukamaju , Cibodas dan Hartono hadir"
            .split(' ')
            .collect();
        let mut tags = vec![1, 0, 1, 0, 5, 0, 5, 0, 1, 0];
        let before = tags.clone();
        places_in_lists(&words, &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn titles_are_found_only_as_written() {
        for word in ["Pak", "Dr.", "dr.", "Kapten"] {
            assert!(is_title(word), "{word}");
        }
        for word in ["pak", "kapten", "", "Budi", "dr"] {
            assert!(!is_title(word), "{word}");
        }
    }

    #[test]
    fn indonesian_numbers() {
        assert_eq!(parse_number("120.000"), Some(120000.0));
        assert_eq!(parse_number("3,5"), Some(3.5));
        assert_eq!(parse_number("10.000,50"), Some(10000.5));
        assert_eq!(
            money_value("3,5", Some("juta"), "IDR").as_deref(),
            Some("3500000 IDR")
        );
        assert_eq!(iso_date("19/9/2023").as_deref(), Some("2023-09-19"));
        assert_eq!(iso_date("40/9/2023"), None);
        let day = days_from_civil(2023, 9, 19);
        assert_eq!(civil_from_days(day), (2023, 9, 19));
        assert_eq!(
            (day + 3).rem_euclid(7),
            1,
            "19 September 2023 was a Tuesday"
        );
        assert_eq!(
            parse_iso("2024-02-29T10:00:00Z"),
            Some(days_from_civil(2024, 2, 29))
        );
        // Without a separator a number is parsed as it is; the dates' test counts parts.
        assert_eq!(parse_number("2023"), Some(2023.0));
        assert_eq!(parse_number("12x"), None);
        assert!(is_numeric_date("1/2/3") && !is_numeric_date("1/2") && !is_numeric_date("1//3"));
        assert!(!is_numeric_date("1/2/3/4") && !is_numeric_date("1/a/3"));
    }

    #[test]
    fn the_byte_filters_keep_every_title_and_role() {
        // The filters only skip the list: they must let every entry through.
        for title in HONORIFICS {
            assert!(is_title(title), "{title}");
        }
        for word in ["Budi", "Bapa", "Dra.", "dr", "pak", "Kota", "", "Ü"] {
            assert!(!is_title(word), "{word}");
        }
        let table = role_table();
        for role in ROLES {
            let first = role.split(' ').next().unwrap();
            assert!(table.may_start(first), "{role}");
            assert!(table.may_start(&first.to_uppercase()), "{role}");
        }
        assert!(!table.may_start("kata") && !table.may_start("dan"));
    }

    #[test]
    fn a_place_named_on_its_own_is_split_off_a_person() {
        let text = "Warga di Sukamaju mengungsi. Ketua Bawaslu Sukamaju Hartono Wibowo hadir. \
                    Ketua Sukamaju Hartono datang.";
        let mut doc = Document::new("t", text);
        let mut start = 0;
        for (k, c) in doc.text.char_indices().chain([(doc.text.len(), ' ')]) {
            if c == ' ' || c == '.' {
                if k > start {
                    doc.tokens
                        .push(Token::new(Span::new(start, k), TokenKind::Word));
                }
                start = k + c.len_utf8();
            }
        }
        let at = |word: &str, nth: usize| {
            let k = text.match_indices(word).nth(nth).unwrap().0;
            Span::new(k, k + word.len())
        };
        doc.entities = vec![
            Entity::new(at("Sukamaju", 0), EntityLabel::Loc),
            Entity::new(at("Bawaslu", 0), EntityLabel::Org),
            Entity::new(at("Sukamaju Hartono Wibowo", 0), EntityLabel::Per),
            Entity::new(at("Sukamaju Hartono", 1), EntityLabel::Per),
        ];
        places_before_people(&mut doc);
        let found: Vec<(EntityLabel, &str)> = doc
            .entities
            .iter()
            .map(|e| (e.label, &text[e.span.range()]))
            .collect();
        assert_eq!(
            found,
            [
                (EntityLabel::Loc, "Sukamaju"),
                (EntityLabel::Org, "Bawaslu"),
                (EntityLabel::Loc, "Sukamaju"),
                (EntityLabel::Per, "Hartono Wibowo"),
                (EntityLabel::Loc, "Sukamaju"),
                (EntityLabel::Per, "Hartono"),
            ]
        );
        // A one-word person is left alone, and so is a name whose first word names no place.
        doc.entities = vec![
            Entity::new(at("Sukamaju", 0), EntityLabel::Loc),
            Entity::new(at("Hartono Wibowo", 0), EntityLabel::Per),
            Entity::new(at("Sukamaju", 2), EntityLabel::Per),
        ];
        let before = doc.entities.clone();
        places_before_people(&mut doc);
        assert_eq!(doc.entities, before);
    }

    #[test]
    fn a_scan_and_the_set_agree_on_words_written_in_lower_case() {
        let mut doc = Document::new(
            "t",
            "Cahaya redup. Warga melihat cahaya itu. Sinarnya terang, kata Wargi. WARGA pulang.",
        );
        // Tokens by whitespace and full stops are enough here.
        let mut start = 0;
        for (k, c) in doc.text.char_indices().chain([(doc.text.len(), ' ')]) {
            if c == ' ' || c == '.' || c == ',' {
                if k > start {
                    doc.tokens
                        .push(Token::new(Span::new(start, k), TokenKind::Word));
                }
                start = k + c.len_utf8();
            }
        }
        let queries = [
            "Cahaya", "Warga", "Wargi", "Terang", "Sinarnya", "CAHAYA", "Pulang",
        ];
        let expected = [true, false, false, true, false, true, true];
        let mut scanned = LowerWords::new(&doc);
        let mut hashed = LowerWords {
            scans: LowerWords::SCANS,
            ..LowerWords::new(&doc)
        };
        for (word, expected) in queries.iter().zip(expected) {
            assert_eq!(scanned.contains(word), expected, "scan: {word}");
            assert_eq!(hashed.contains(word), expected, "set: {word}");
        }
        assert!(
            scanned.words.is_none(),
            "a few words are looked for by scanning"
        );
        assert!(hashed.words.is_some());
    }
}

#[cfg(test)]
mod genre_window_tests {
    use super::*;

    /// A document of pre-tokenized sentences (tokens split at spaces), one a string.
    pub(super) fn document(sentences: &[&str]) -> Document {
        let text = sentences.join(" ");
        let mut doc = Document::new("t", &text);
        let mut start = 0;
        for sentence in sentences {
            let first = doc.tokens.len() as u32;
            let from = start;
            for word in sentence.split(' ') {
                doc.tokens.push(Token::new(
                    Span::new(start, start + word.len()),
                    TokenKind::Word,
                ));
                start += word.len() + 1;
            }
            doc.sentences.push(kutip_core::Sentence {
                span: Span::new(from, start - 1),
                first_token: first,
                end_token: doc.tokens.len() as u32,
            });
        }
        doc
    }

    #[test]
    fn a_sentence_takes_the_genre_of_the_sentences_around_it() {
        let model = crate::builtin_model();
        let news = "Kapolres Sukamaju AKBP Budi Santoso mengatakan kepada wartawan , Senin , bahwa polisi masih menyelidiki kasus itu .";
        let encyclopaedic = [
            "Sari Wulandari adalah seorang penyanyi dan aktris yang lahir di Sukamaju pada tahun 1980 .",
            "Ia merilis album pertamanya , \" Senja \" , pada tahun 1999 bersama grup musik Kota Lama .",
            "Album tersebut terjual lebih dari satu juta keping dan meraih penghargaan musik terbaik .",
            "Pada tahun 2005 ia menikah dengan seorang pengusaha asal Cibodas dan dikaruniai dua anak .",
        ];
        let alone = news_sentences(&document(&[news]), &model);
        assert_eq!(alone, [true], "news on its own");
        let among = [
            encyclopaedic[0],
            encyclopaedic[1],
            news,
            encyclopaedic[2],
            encyclopaedic[3],
        ];
        let genres = news_sentences(&document(&among), &model);
        assert_eq!(genres, [false; 5], "one genre among its neighbours");
        let mut own = Vec::new();
        for s in among {
            let words: Vec<&str> = s.split(' ').collect();
            own.push(model.genre().classify(&words) == news_id());
        }
        assert_eq!(own, [false, false, true, false, false], "each alone");
    }
}

#[cfg(test)]
mod school_tests {
    use super::*;

    #[test]
    fn the_place_after_a_schools_number_joins_its_name() {
        let words: Vec<&str> = "Ia belajar di SMP Negeri 1 Sukamaju Baru dan SMAN 70 Cibodas ."
            .split(' ')
            .collect();
        // The model stopped at the numbers; the second place it took for a name of its own.
        let mut tags = vec![0u8; words.len()];
        tags[3] = B_LOC;
        tags[4] = I_LOC;
        tags[5] = I_LOC;
        tags[9] = B_ORG;
        tags[10] = I_ORG;
        tags[11] = B_LOC;
        school_names_run_on(&words, &mut tags);
        assert_eq!(tags[3..8], [B_LOC, I_LOC, I_LOC, I_LOC, I_LOC]);
        assert_eq!(tags[9..12], [B_ORG, I_ORG, I_ORG]);
        assert_eq!(tags[8], 0);
        // A street after the school stays apart, and so does a school without a number.
        let words: Vec<&str> = "SMA Negeri 4 Jl Sukamaju dan SMA Kartika Cibodas"
            .split(' ')
            .collect();
        let mut tags = vec![B_LOC, I_LOC, I_LOC, B_LOC, I_LOC, 0, B_ORG, I_ORG, 0];
        let before = tags.clone();
        school_names_run_on(&words, &mut tags);
        assert_eq!(tags, before);
        for (word, number) in [
            ("1", true),
            ("70", true),
            ("IV", true),
            ("IVB", true),
            ("4B", true),
            ("Negeri", false),
            ("Baru", false),
        ] {
            assert_eq!(is_school_number(word), number, "{word}");
        }
    }
}

#[cfg(test)]
mod site_tests {
    use super::*;

    #[test]
    fn a_capitalised_site_word_opens_the_place_after_it() {
        let words: Vec<&str> = "Upacara digelar di Lapangan Sukamaju Baru dan Stadion Cibodas ."
            .split(' ')
            .collect();
        // The model took the first name for a person and the second for a place.
        let mut tags = vec![0u8; words.len()];
        tags[4] = B_PER;
        tags[5] = I_PER;
        tags[8] = B_LOC;
        site_heads_open_places(&words, &mut tags);
        assert_eq!(tags[3..6], [B_LOC, I_LOC, I_LOC]);
        assert_eq!(tags[7..9], [B_LOC, I_LOC]);
        assert_eq!(tags[6], 0);
        // Lower case, it is left out ("di lapangan Sukamaju" is a common noun before the name).
        let words: Vec<&str> = "di lapangan Sukamaju".split(' ').collect();
        let mut tags = vec![0, 0, B_LOC];
        site_heads_open_places(&words, &mut tags);
        assert_eq!(tags, [0, 0, B_LOC]);
    }
}

#[cfg(test)]
mod degree_tests {
    use super::*;

    #[test]
    fn a_degree_after_a_name_is_left_out_of_it() {
        let words: Vec<&str> = "Ketua yayasan Budi Santoso SH hadir bersama Sari MSi PhD ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, B_PER, I_PER, I_PER, 0, 0, B_PER, I_PER, I_PER, 0];
        degrees_outside_people(&words, &mut tags);
        assert_eq!(tags, [0, 0, B_PER, I_PER, 0, 0, 0, B_PER, 0, 0, 0]);
        // A degree-like word inside a name, or a name that is only the word, stays.
        let words: Vec<&str> = "Ia bertemu SE dan Budi SE Santoso".split(' ').collect();
        let mut tags = vec![0, 0, B_PER, 0, B_PER, I_PER, I_PER];
        let before = tags.clone();
        degrees_outside_people(&words, &mut tags);
        assert_eq!(tags, before);
    }
}

#[cfg(test)]
mod consistency_tests {
    use super::*;

    #[test]
    fn quoted_names_in_a_list_or_after_a_comma_are_titles() {
        let words: Vec<&str> = "seperti \" Hujan \" , \" Senja Kelabu \" dan \" Rumah Tua \" ."
            .split(' ')
            .collect();
        let mut tags = vec![
            0, 0, B_PER, 0, 0, 0, B_PER, I_PER, 0, 0, 0, B_PER, I_PER, 0, 0,
        ];
        quoted_titles_not_people(&words, &mut tags);
        assert!(tags.iter().all(|&t| t == 0), "{tags:?}");
        let words: Vec<&str> = "Singel keduanya , \" Senja Kelabu \" meraih penghargaan"
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, 0, 0, B_PER, I_PER, 0, 0, 0];
        quoted_titles_not_people(&words, &mut tags);
        assert!(tags.iter().all(|&t| t == 0), "{tags:?}");
        // Other names of one person ("atau") stay.
        let words: Vec<&str> = "dikenal sebagai \" Ubay \" atau \" Ubaydillah \" ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, 0, B_PER, 0, 0, 0, B_PER, 0, 0];
        let before = tags.clone();
        quoted_titles_not_people(&words, &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn quoted_places_in_a_list_are_titles() {
        let words: Vec<&str> = "lagu \" Sukamaju \" , \" Cibodas \" dan \" Senja \" ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, B_LOC, 0, 0, 0, B_LOC, 0, 0, 0, 0, 0, 0];
        quoted_titles_not_people(&words, &mut tags);
        assert!(tags.iter().all(|&t| t == 0), "{tags:?}");
        // A quoted place alone stays.
        let words: Vec<&str> = "dikenal dengan nama \" Pulau Cibodas \" ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, 0, 0, B_LOC, I_LOC, 0, 0];
        let before = tags.clone();
        quoted_titles_not_people(&words, &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn names_inside_a_short_quotation_are_words_of_a_title() {
        let words: Vec<&str> = "lagu \" Cinta untuk Bank Sukamaju \" dan \" Lagu untuk Budi \" ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, 0, 0, B_ORG, I_ORG, 0, 0, 0, 0, 0, B_PER, 0, 0];
        names_inside_quoted_titles(&words, &mut tags);
        assert!(tags.iter().all(|&t| t == 0), "{tags:?}");
        // Places inside titles are tagged in NERGrit: they stay.
        let words: Vec<&str> = "film \" Cinta di Sukamaju \" .".split(' ').collect();
        let mut tags = vec![0, 0, 0, 0, B_LOC, 0, 0];
        names_inside_quoted_titles(&words, &mut tags);
        assert_eq!(tags[4], B_LOC);
        // A name that fills the quotation, a character named with its actor ("/"), and a name
        // outside the quotation stay.
        let words: Vec<&str> = "\" Budi Santoso \" sebagai \" Sari / Ranger Merah \" di Cibodas"
            .split(' ')
            .collect();
        let mut tags = vec![0, B_PER, I_PER, 0, 0, 0, B_PER, 0, 0, 0, 0, 0, B_LOC];
        let before = tags.clone();
        names_inside_quoted_titles(&words, &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn a_place_kind_word_alone_is_no_place() {
        let words: Vec<&str> = "sebuah Pulau dekat Pulau Cibodas dan tiga Kelurahan tamat SD"
            .split(' ')
            .collect();
        let mut tags = vec![0, B_LOC, 0, B_LOC, I_LOC, 0, 0, B_ORG, 0, B_ORG];
        lone_place_heads(&words, &mut tags);
        assert_eq!(tags, vec![0, 0, 0, B_LOC, I_LOC, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn positions_are_only_role_words() {
        assert!(only_role_words(&["Lurah"]));
        assert!(only_role_words(&["Wakil", "Presiden"]));
        assert!(only_role_words(&["Kepala", "Sekolah"]));
        assert!(!only_role_words(&["Lurah", "Budi"]));
        assert!(!only_role_words(&[]));
        assert!(!only_role_words(&["Utama"]));
    }

    /// `words` as pre-tokenized sentences split at " | ", with `names` (token ranges and
    /// labels) as the first pass's entities.
    fn document(words: &str, names: &[(usize, usize, EntityLabel)]) -> (Document, Vec<Entity>) {
        let text = words.replace(" | ", " ");
        let mut doc = Document::new("t", &text);
        let (mut start, mut first) = (0, 0);
        for sentence in words.split(" | ") {
            let from = start;
            for word in sentence.split(' ') {
                let span = Span::new(start, start + word.len());
                doc.tokens.push(Token::new(span, TokenKind::Word));
                start += word.len() + 1;
            }
            doc.sentences.push(kutip_core::Sentence {
                span: Span::new(from, start - 1),
                first_token: first,
                end_token: doc.tokens.len() as u32,
            });
            first = doc.tokens.len() as u32;
        }
        let entities = names
            .iter()
            .map(|&(a, b, label)| {
                Entity::new(doc.tokens[a].span.cover(doc.tokens[b - 1].span), label)
            })
            .collect();
        (doc, entities)
    }

    #[test]
    fn a_name_tagged_twice_with_one_label_is_tagged_where_it_stands_alone() {
        let (doc, mut out) = document(
            "Ia lahir di Sukamaju . | Sukamaju kota kecil . | warga Sukamaju datang ke Bank Sukamaju",
            &[(3, 4, EntityLabel::Loc), (5, 6, EntityLabel::Loc)],
        );
        repeated_names(&doc, &[false, false, false], &mut out);
        let found: Vec<&str> = out.iter().map(|e| doc.slice(e.span)).collect();
        // The third stands alone; the fourth is part of a longer name.
        assert_eq!(found, ["Sukamaju", "Sukamaju", "Sukamaju"]);
        assert_eq!(out[2].span, doc.tokens[10].span);
        // Tagged once, or in a news sentence: nothing.
        let (doc, mut out) = document(
            "Ia lahir di Sukamaju . | warga Sukamaju datang",
            &[(3, 4, EntityLabel::Loc)],
        );
        repeated_names(&doc, &[false, false], &mut out);
        assert_eq!(out.len(), 1);
        // A name of two words tagged once is enough.
        let (doc, mut out) = document(
            "Ia kuliah di Institut Sukamaju . | lulusan Institut Sukamaju itu",
            &[(3, 5, EntityLabel::Org)],
        );
        repeated_names(&doc, &[false, false], &mut out);
        assert_eq!(out.len(), 2);
        let (doc, mut out) = document(
            "Ia lahir di Sukamaju . | Sukamaju kota kecil . | warga Sukamaju datang",
            &[(3, 4, EntityLabel::Loc), (5, 6, EntityLabel::Loc)],
        );
        repeated_names(&doc, &[false, false, true], &mut out);
        assert_eq!(out.len(), 2);
        // Tagged with two labels: nothing.
        let (doc, mut out) = document(
            "Ia lahir di Sukamaju . | Sukamaju kota kecil . | Sukamaju menang . | warga Sukamaju datang",
            &[
                (3, 4, EntityLabel::Loc),
                (5, 6, EntityLabel::Loc),
                (9, 10, EntityLabel::Org),
            ],
        );
        repeated_names(&doc, &[false; 4], &mut out);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn a_name_ending_in_an_organisation_word_is_an_organisation() {
        let words: Vec<&str> = "Budi Santoso memimpin Sukamaju Orchestra , main untuk Sukamaju FC dan membentuk Batara Band ."
            .split(' ')
            .collect();
        let mut tags = vec![
            B_PER, I_PER, 0, B_PER, I_PER, 0, 0, 0, B_LOC, B_ORG, 0, 0, 0, 0, 0,
        ];
        organisations_by_tail(&words, &mut tags);
        assert_eq!(
            tags,
            [
                B_PER, I_PER, 0, B_ORG, I_ORG, 0, 0, 0, B_ORG, I_ORG, 0, 0, B_ORG, I_ORG, 0
            ]
        );
        // A tail word alone is left alone.
        let words: Vec<&str> = "Band itu bubar".split(' ').collect();
        let mut tags = vec![0, 0, 0];
        organisations_by_tail(&words, &mut tags);
        assert_eq!(tags, [0, 0, 0]);
    }

    #[test]
    fn an_untagged_organisation_opener_opens_the_name_after_it() {
        let words: Vec<&str> = "kuliah di Politeknik Sukamaju Raya dan Universitas , Bandung"
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, 0, B_LOC, I_LOC, 0, 0, 0, B_LOC];
        organisation_openers_inside(&words, &mut tags);
        assert_eq!(tags, [0, 0, B_ORG, I_ORG, I_ORG, 0, 0, 0, B_LOC]);
    }

    #[test]
    fn a_defining_noun_gives_the_name_its_kind() {
        let model = crate::builtin_model();
        let words: Vec<&str> = "Batara adalah sebuah band rock".split(' ').collect();
        let mut tags = vec![B_PER, 0, 0, 0, 0];
        defined_names(&words, &mut tags, &model);
        assert_eq!(tags, [B_ORG, 0, 0, 0, 0]);
        let words: Vec<&str> = "Karangwetan adalah desa di Sukamaju".split(' ').collect();
        let mut tags = vec![0, 0, 0, 0, B_LOC];
        defined_names(&words, &mut tags, &model);
        assert_eq!(tags, [B_LOC, 0, 0, 0, B_LOC]);
        // A common word is no name; a capitalised noun after "adalah" names another place.
        for text in [
            "Ia adalah penulis buku",
            "Sebelah Selatan adalah Desa Sukamaju",
        ] {
            let words: Vec<&str> = text.split(' ').collect();
            let mut tags = vec![0; words.len()];
            defined_names(&words, &mut tags, &model);
            assert!(tags.iter().all(|&t| t == 0), "{text}: {tags:?}");
        }
    }

    /// The tags after `rule` has run over `sentence` (split at spaces) tagged `tags`.
    fn retagged(rule: fn(&[&str], &mut [u8]), sentence: &str, tags: &[u8]) -> Vec<u8> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut tags = tags.to_vec();
        rule(&words, &mut tags);
        tags
    }

    #[test]
    fn words_of_the_sentence_leave_the_names_around_them() {
        let rule = sentence_words_outside_names;
        let tags = [
            0, 0, B_LOC, I_LOC, 0, 0, 0, B_LOC, I_LOC, I_LOC, 0, 0, B_LOC, I_LOC,
        ];
        assert_eq!(
            retagged(
                rule,
                "menjadi Ibu Kota Sukamaju , di sebelah Selatan Jalan Melati dan sebelah Barat Daya",
                &tags
            ),
            [0, 0, 0, B_LOC, 0, 0, 0, 0, B_LOC, I_LOC, 0, 0, 0, 0]
        );
        let tags = [
            B_LOC, I_LOC, 0, B_LOC, I_LOC, 0, 0, 0, B_LOC, I_LOC, I_LOC, 0,
        ];
        assert_eq!(
            retagged(
                rule,
                "Kecamatan Cibodas , Kode Pos 12345 , di Karang Sari Yang berbasis",
                &tags
            ),
            [B_LOC, I_LOC, 0, 0, 0, 0, 0, 0, B_LOC, I_LOC, 0, 0]
        );
        let tags = [B_PER, I_PER, 0, B_LOC, I_LOC, 0, B_ORG, I_ORG, I_ORG, 0];
        assert_eq!(
            retagged(
                rule,
                "Mbah Hartono dari daerah Cibodas , Pemerintah Kabupaten Sukamaju .",
                &tags
            ),
            [0, B_PER, 0, 0, B_LOC, 0, 0, B_LOC, I_LOC, 0]
        );
        // A person named Yang, "Kota" in another place's name and a compass word elsewhere stay.
        let tags = [B_PER, I_PER, 0, B_LOC, I_LOC, 0, B_LOC, I_LOC];
        assert_eq!(
            retagged(rule, "Budi Yang dari Kota Baru di Jawa Timur", &tags),
            tags
        );
    }

    #[test]
    fn a_qualifier_after_a_name_ends_it() {
        let tags = [0, B_ORG, I_ORG, 0, 0, B_LOC, 0, 0, B_PER, I_PER, 0];
        assert_eq!(
            retagged(
                qualifiers_end_names,
                "dari Partai Sukamaju Baru , Cibodas Kulon dan Budi Harja Utama",
                &tags
            ),
            [
                0, B_ORG, I_ORG, I_ORG, 0, B_LOC, I_LOC, 0, B_PER, I_PER, I_PER
            ]
        );
        let tags = [0, B_LOC, I_LOC, 0, 0, B_PER, I_PER, 0, 0];
        assert_eq!(
            retagged(
                qualifiers_end_names,
                "di SD Cibodas II , Budi Santoso III .",
                &tags
            ),
            [0, B_LOC, I_LOC, I_LOC, 0, B_PER, I_PER, I_PER, 0]
        );
        // Not after an untagged word, nor at the start of the sentence.
        let tags = [0, 0, 0, 0];
        assert_eq!(
            retagged(qualifiers_end_names, "Utara dari kota Baru", &tags),
            tags
        );
    }

    #[test]
    fn a_school_abbreviation_opens_the_place_or_organisation_after_it() {
        let tags = [0, 0, B_LOC, 0, 0, B_ORG, I_ORG, 0, 0, B_PER];
        assert_eq!(
            retagged(
                school_heads_open_names,
                "di SMA Sukamaju dan TK Melati Cibodas sejak SMP Budi",
                &tags
            ),
            [0, B_LOC, I_LOC, 0, B_ORG, I_ORG, I_ORG, 0, 0, B_PER]
        );
        // A state school, whether the model took "SMA" in or not; with a name it stays one.
        let tags = [0, B_LOC, I_LOC, 0, 0, 0, B_LOC, 0, B_LOC, I_LOC, I_LOC];
        assert_eq!(
            retagged(
                school_heads_open_names,
                "sebuah SMA Negeri dan sebuah SMP Negeri , SMA Negeri Sukamaju",
                &tags
            ),
            [0, 0, 0, 0, 0, 0, 0, 0, B_LOC, I_LOC, I_LOC]
        );
    }

    #[test]
    fn a_lone_ri_is_an_organisation() {
        let tags = [0, B_PER, 0, 0, 0, 0, 0, B_ORG, I_ORG];
        assert_eq!(
            retagged(
                lone_republic_acronym,
                "Presiden RI , Duta Besar RI dan DPR RI",
                &tags
            ),
            [0, B_ORG, 0, 0, 0, B_ORG, 0, B_ORG, I_ORG]
        );
    }

    #[test]
    fn the_grade_of_a_two_word_rank_is_no_person() {
        // "Muda" alone, "Satu" opening the name after it; "Jenderal" after a tagged word and
        // a grade word after no rank stay.
        let tags = [
            0, B_PER, 0, 0, 0, B_PER, I_PER, I_PER, 0, B_LOC, I_LOC, I_LOC, 0, B_PER,
        ];
        assert_eq!(
            retagged(
                rank_grades_outside_people,
                "Marsekal Muda TNI , Letnan Satu Wirasena Jati di Jalan Letnan Jenderal Kaswira Muda",
                &tags
            ),
            [
                0, 0, 0, 0, 0, 0, B_PER, I_PER, 0, B_LOC, I_LOC, I_LOC, 0, B_PER
            ]
        );
    }

    #[test]
    fn a_company_form_alone_is_no_name() {
        let words: Vec<&str> = "PT Sukamaju Jaya ( Persero ) dan PT".split(' ').collect();
        let mut tags = vec![B_ORG, I_ORG, I_ORG, 0, B_ORG, 0, 0, B_ORG];
        bare_company_forms(&words, &mut tags);
        assert_eq!(tags, [B_ORG, I_ORG, I_ORG, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn a_hyphen_and_the_word_after_it_join_a_person() {
        // The model stopped at the hyphen, or took the word after it for a place.
        let words: Vec<&str> = "diperankan oleh Kim Jae - won dan Ana Putri - Lestari ."
            .split(' ')
            .collect();
        let mut tags = vec![0, 0, B_PER, I_PER, 0, 0, 0, B_PER, I_PER, 0, B_LOC, 0];
        hyphenated_people(&words, &mut tags);
        assert_eq!(
            tags,
            [
                0, 0, B_PER, I_PER, I_PER, I_PER, 0, B_PER, I_PER, I_PER, I_PER, 0
            ]
        );
        // A dash before a lower-case word, or a hyphen before a name of several words of
        // another kind, is left alone.
        let words: Vec<&str> = "Budi Santoso - ketua yayasan , Sari - Bank Sukamaju"
            .split(' ')
            .collect();
        let mut tags = vec![B_PER, I_PER, 0, 0, 0, 0, B_PER, 0, B_ORG, I_ORG];
        let before = tags.clone();
        hyphenated_people(&words, &mut tags);
        assert_eq!(tags, before);
    }
}

#[cfg(test)]
mod lookup_filter_tests {
    use super::*;

    /// A one-sentence document of the words split at spaces.
    fn document(words: &str) -> Document {
        super::genre_window_tests::document(&[words])
    }

    #[test]
    fn lower_words_scan_answers_as_the_set() {
        let doc =
            document("Wirasena datang ke wirasenaku lalu wIRAMBA naik bukit Caraka , bukitan");
        let words = |scans| LowerWords {
            scans,
            ..LowerWords::new(&doc)
        };
        let (mut scanned, mut hashed) = (words(0), words(LowerWords::SCANS));
        for (word, expected) in [
            ("Wirasena", false), // only inside a longer word
            ("Wiramba", true),   // lower-case first letter, the rest in any case
            ("Bukit", true),
            ("Caraka", false), // capitalised only
            ("Datangan", false),
            ("Bukitan", true),
        ] {
            assert_eq!(scanned.contains(word), expected, "{word} scanned");
            assert_eq!(hashed.contains(word), expected, "{word} hashed");
        }
        assert!(scanned.words.is_none(), "six words are scanned");
        assert!(hashed.words.is_some());
    }

    #[test]
    fn currency_filter_turns_away_only_words_no_key_starts_as() {
        let currencies = Currencies::new([("Gulden", "XGD")]);
        for (name, _) in BUILTIN_CURRENCIES.iter().chain(&[("Gulden", "XGD")]) {
            let first = name.split(' ').next().unwrap_or(name);
            for w in [
                first.to_string(),
                first.to_uppercase(),
                first.to_lowercase(),
            ] {
                assert!(currencies.may_start(&w), "{w}");
            }
        }
        for w in ["kepada", "Sukamaju", "dan", "Rupiahnya"] {
            assert!(!currencies.may_start(w), "{w}");
        }
        // Text that is not ASCII may lower-case to a key of another length: let through.
        assert!(currencies.may_start("\u{212A}RW"));
        let doc = document("GULDEN 5");
        assert_eq!(
            currencies.at(&doc.text, &doc.tokens, 0, 2),
            Some((1, "XGD"))
        );
        assert!(
            Currencies::default()
                .at(&doc.text, &doc.tokens, 0, 2)
                .is_none()
        );
    }
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_parse_as_the_float_parser_reads_them() {
        for w in [
            "0",
            "7",
            "0012",
            "2023",
            "999999999999999",
            "1000000000000000",
            "",
            "+5",
            "-3",
            "1e3",
            "3,5",
            "1.250",
            "1.250.000",
            "14.30",
            "12a",
        ] {
            let plain = if w.contains(['.', ',']) {
                None
            } else {
                Some(w.parse::<f64>().ok())
            };
            if let Some(expected) = plain {
                assert_eq!(parse_number(w), expected, "{w}");
            }
        }
        assert_eq!(parse_number("1.250.000"), Some(1_250_000.0));
        assert_eq!(parse_number("3,5"), Some(3.5));
        assert!(is_numeric_date("19/9/2023"));
        for w in ["2023", "19/9", "19//2023", "/9/2023", "19/9/20a3"] {
            assert!(!is_numeric_date(w), "{w}");
        }
    }
}

#[cfg(test)]
mod institution_tests {
    use super::*;

    #[test]
    fn one_word_people_after_posts_become_institutions_wherever_they_stand() {
        // Two offices in one sentence, the second at its very end: both found by the scan.
        let words = ["Kepala", "Diskoperin", "dan", "Ketua", "Bapelkab"];
        let mut tags = [0, B_PER, 0, 0, B_PER];
        institutions_after_posts(&words, &mut tags);
        assert_eq!(tags, [0, B_ORG, 0, 0, B_ORG]);
    }

    #[test]
    fn people_of_several_words_and_a_first_word_are_left() {
        let words = ["Diskoperin", "kata", "Kepala", "Bapelkab", "Wiratma"];
        let mut tags = [B_PER, 0, 0, B_PER, I_PER];
        institutions_after_posts(&words, &mut tags);
        assert_eq!(tags, [B_PER, 0, 0, B_PER, I_PER]);
    }
}
