//! Hashed features of a token in its sentence, shared by the tagger and its trainer.
//!
//! Every feature is a 64-bit hash of (template, value); the model maps it to a row of a
//! fixed-size weight table, so neither extracting nor scoring a feature allocates.

/// A sentence's tokens prepared once for feature extraction.
#[derive(Debug, Default)]
pub struct SentenceInfo {
    /// Hash of each token's lower-cased text.
    pub lower: Vec<u64>,
    /// Hash of each token's shape ("Xx", "X", "d", "x-x"…).
    pub shape: Vec<u64>,
    /// Gazetteer tag of each token (see [`GAZ_NONE`] and friends).
    pub gazetteer: Vec<u8>,
    /// Whether the token may start or continue a name; others are tagged O without scoring.
    pub candidate: Vec<bool>,
    /// The nearest token before each token that is not a quotation mark (`usize::MAX`: none).
    /// Context features look through quotation marks: one training set has none, and `, "
    /// kata Budi` should look like `, kata Budi`.
    pub left: Vec<usize>,
    /// The nearest token after each token that is not a quotation mark (`usize::MAX`: none).
    pub right: Vec<usize>,
    /// Whether each token is a title, rank or position word (see [`TITLE_WORDS`]).
    pub title: Vec<bool>,
    /// The annotation convention to tag in (0: the shared one). Each feature also has a copy per
    /// convention, learnt from that convention's corpus only; tagging in a convention adds its
    /// copies to the shared weights.
    pub domain: u64,
}

/// Titles, honorifics, ranks and positions that stand before names, lower-cased and without a
/// final full stop. A feature, not a rule: the model learns how much they say about the next word.
pub const TITLE_WORDS: &[&str] = &[
    "bapak",
    "ibu",
    "pak",
    "bu",
    "sdr",
    "saudara",
    "dr",
    "prof",
    "profesor",
    "dokter",
    "h",
    "hj",
    "ir",
    "drs",
    "kh",
    "tn",
    "ny",
    "mr",
    "mrs",
    "ms",
    "kapten",
    "mayor",
    "kolonel",
    "letkol",
    "letnan",
    "brigjen",
    "mayjen",
    "letjen",
    "jenderal",
    "jendral",
    "kombes",
    "akbp",
    "akp",
    "iptu",
    "ipda",
    "aiptu",
    "aipda",
    "bripka",
    "brigpol",
    "briptu",
    "bripda",
    "irjen",
    "komjen",
    "laksamana",
    "laksma",
    "laksda",
    "marsekal",
    "marsma",
    "serda",
    "sertu",
    "serka",
    "serma",
    "praka",
    "pratu",
    "kopda",
    "koptu",
    "prada",
    "presiden",
    "wapres",
    "menteri",
    "mendagri",
    "menlu",
    "menkeu",
    "gubernur",
    "wagub",
    "bupati",
    "wabup",
    "walikota",
    "wali",
    "camat",
    "lurah",
    "ketua",
    "kepala",
    "direktur",
    "dirut",
    "sekjen",
    "kapolri",
    "kapolda",
    "kapolres",
    "kapolresta",
    "kapolsek",
    "kasat",
    "kanit",
    "kasubdit",
    "dirreskrimum",
    "dirreskrimsus",
    "kabid",
    "kabag",
    "panglima",
    "komandan",
    "dandim",
    "danrem",
    "pangdam",
    "kasad",
    "jubir",
    "ustaz",
    "ustadz",
    "kiai",
    "kyai",
    "habib",
    "syekh",
    "pangeran",
    "putri",
    "raja",
    "ratu",
    "sultan",
    "paus",
    "santo",
    "rektor",
    "dekan",
    "hakim",
    "jaksa",
    "senator",
    "kanselir",
    "perdana",
    "pemimpin",
    "pelatih",
    "kapten",
    "gelandang",
    "penyerang",
    "aktor",
    "aktris",
    "penyanyi",
    "rapper",
    "sutradara",
    "tersangka",
    "terdakwa",
    "korban",
    "politikus",
    "politisi",
    "pengamat",
    "ekonom",
    "peneliti",
    "anggota",
    "kader",
    "kakak",
    "adik",
    "istri",
    "suami",
    "anak",
    "ayah",
    "ibunda",
    "ayahanda",
    "almarhum",
    "almarhumah",
    "mendiang",
    "st",
    "sir",
];

fn is_title_word(word: &str) -> bool {
    static HASHES: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        let mut h: Vec<u64> = TITLE_WORDS.iter().map(|w| hash_lower(w)).collect();
        h.sort_unstable();
        h
    });
    hashes
        .binary_search(&hash_lower(word.strip_suffix('.').unwrap_or(word)))
        .is_ok()
}

fn is_quote_mark(word: &str) -> bool {
    matches!(
        word,
        "\"" | "“" | "”" | "\'" | "‘" | "’" | "«" | "»" | "``" | "\'\'"
    )
}

/// No gazetteer name covers the token.
pub const GAZ_NONE: u8 = 0;

/// Stable 64-bit FNV-1a over bytes, then finalised; enough spread for a hashed weight table.
fn fnv(bytes: impl IntoIterator<Item = u8>, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (from SplitMix64): spreads every input bit over the output.
pub fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Hash of a word as written (case kept): gazetteer keys.
pub fn hash_exact(word: &str) -> u64 {
    fnv(word.bytes(), 0)
}

/// Hash of a word lower-cased, without allocating.
pub fn hash_lower(word: &str) -> u64 {
    let mut buf = [0u8; 4];
    fnv(
        word.chars()
            .flat_map(char::to_lowercase)
            .flat_map(move |c| {
                let n = c.encode_utf8(&mut buf).len();
                let bytes = buf;
                bytes.into_iter().take(n)
            }),
        1,
    )
}

/// Combines hashes of consecutive tokens into one (gazetteer keys of several words).
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The word's shape: letters to X/x, digits to d, runs collapsed, at most five symbols.
fn shape(word: &str) -> u64 {
    let mut out = [0u8; 5];
    let mut n = 0;
    let mut last = 0u8;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_alphabetic() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if s != last {
            if n == out.len() {
                break;
            }
            out[n] = s;
            n += 1;
            last = s;
        }
    }
    fnv(out[..n].iter().copied(), 2)
}

/// Whether a token can be part of a name: it has a capital letter or a digit, or a gazetteer
/// name covers it.
fn strong(word: &str, gazetteer: u8) -> bool {
    gazetteer != GAZ_NONE || word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
}

impl SentenceInfo {
    /// Prepares a sentence. `gazetteer` holds one tag a token (may be all [`GAZ_NONE`]).
    pub fn fill(&mut self, words: &[&str], gazetteer: &[u8]) {
        self.lower.clear();
        self.shape.clear();
        self.gazetteer.clear();
        self.candidate.clear();
        self.left.clear();
        self.right.clear();
        self.title.clear();
        self.gazetteer.extend_from_slice(gazetteer);
        let mut last = usize::MAX;
        for (i, w) in words.iter().enumerate() {
            self.left.push(last);
            if !is_quote_mark(w) {
                last = i;
            }
        }
        self.right.resize(words.len(), usize::MAX);
        let mut next = usize::MAX;
        for (i, w) in words.iter().enumerate().rev() {
            self.right[i] = next;
            if !is_quote_mark(w) {
                next = i;
            }
        }
        for (i, w) in words.iter().enumerate() {
            let is_strong = strong(w, gazetteer[i]);
            self.title.push(is_title_word(w));
            self.candidate.push(is_strong);
            if is_strong {
                self.lower.push(hash_lower(w));
                self.shape.push(shape(w));
            } else {
                // Lower-case words are only context for their neighbours: their own text is
                // hashed as is (it is already lower case, or nearly) and their shape is fixed.
                self.lower.push(hash_lower(w));
                self.shape.push(LOWER_SHAPE);
            }
        }
        // A lower-case word right before a name ("desa Sukamaju", "kabupaten Bogor") or between
        // two name words ("Bank of America") may belong to it.
        let n = words.len();
        for i in 0..n {
            if !self.candidate[i]
                && i + 1 < n
                && strong(words[i + 1], gazetteer[i + 1])
                && words[i].chars().all(char::is_alphabetic)
                && words[i].len() > 1
            {
                self.candidate[i] = true;
            }
        }
    }
}

const LOWER_SHAPE: u64 = 0x5a5a_1234_0000_0001;

/// Sentinel hashes for positions outside the sentence.
const BEFORE: u64 = 0x0bef_0bef_0bef_0bef;
const AFTER: u64 = 0x0af7_0af7_0af7_0af7;

/// Appends the feature hashes of token `i` to `out`.
pub fn token_features(words: &[&str], info: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    let at = |k: usize, values: &[u64], edge: u64| -> u64 {
        if k == usize::MAX { edge } else { values[k] }
    };
    let (left, right) = (info.left[i], info.right[i]);
    let f = |template: u64, value: u64| mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ value);
    let w0 = info.lower[i];
    let s0 = info.shape[i];
    let (w_prev, w_next) = (at(left, &info.lower, BEFORE), at(right, &info.lower, AFTER));
    let (s_prev, s_next) = (at(left, &info.shape, BEFORE), at(right, &info.shape, AFTER));
    let gaz = |k: usize| -> u64 {
        if k == usize::MAX {
            99
        } else {
            u64::from(info.gazetteer[k])
        }
    };
    let first = left == usize::MAX || matches!(words[left], "(" | ":" | "-" | "—" | "–");
    out.push(f(0, 0));
    out.push(f(1, w0));
    out.push(f(2, s0));
    out.push(f(3, w_prev));
    out.push(f(4, w_next));
    out.push(f(7, s_prev));
    out.push(f(8, s_next));
    out.push(f(9, combine(w_prev, w0)));
    out.push(f(10, combine(w0, w_next)));
    out.push(f(11, combine(s_prev, combine(s0, s_next))));
    out.push(f(12, gaz(i)));
    out.push(f(13, gaz(left)));
    out.push(f(14, gaz(right)));
    out.push(f(15, combine(u64::from(first), s0)));
    out.push(f(16, combine(u64::from(first), w0)));
    out.push(f(17, combine(w_prev, s0)));
    out.push(f(18, combine(s0, w_next)));
    let title = |k: usize| k != usize::MAX && info.title[k];
    out.push(f(50, combine(u64::from(title(left)), s0)));
    // out.push(f(51, combine(u64::from(title(i)), s_next)));
    let word = words[i];
    // Affixes mark common words (me-, ber-, di-, -an, -kan, -nya) and name endings (-o, -wati).
    let mut prefix_hash = 0xabcd_u64;
    for (k, c) in word
        .chars()
        .flat_map(char::to_lowercase)
        .take(4)
        .enumerate()
    {
        prefix_hash = combine(prefix_hash, u64::from(c));
        if k >= 1 {
            out.push(f(20 + k as u64, prefix_hash));
        }
    }
    let mut suffix_hash = 0xdcba_u64;
    for (k, c) in word
        .chars()
        .rev()
        .flat_map(char::to_lowercase)
        .take(4)
        .enumerate()
    {
        suffix_hash = combine(suffix_hash, u64::from(c));
        if k >= 1 {
            out.push(f(30 + k as u64, suffix_hash));
        }
    }
    let len = word.chars().count().min(8) as u64;
    out.push(f(40, combine(len, s0)));
    if info.domain != 0 {
        let salt = mix(info.domain);
        for k in 0..out.len() {
            let copy = mix(out[k] ^ salt);
            out.push(copy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_ignores_case() {
        assert_eq!(hash_lower("Jakarta"), hash_lower("JAKARTA"));
        assert_eq!(hash_lower("Ümit"), hash_lower("ümit"));
        assert_ne!(hash_lower("Jakarta"), hash_exact("Jakarta"));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Jakarta"), shape("Bandung"));
        assert_eq!(shape("KPK"), shape("DPR"));
        assert_ne!(shape("KPK"), shape("Kpk"));
    }
}
