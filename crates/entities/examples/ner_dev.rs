//! Trains on the NER train files and prints the model's own span F1 on the dev files (no rules).
//! `cargo run --release -p kutip-entities --example ner_dev -- OUT.bin TRAIN... -- DEV...`
use kutip_entities::model::{self, TAGS};
use kutip_entities::{Gazetteer, Model, TrainOptions};

fn spans(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t != 0 {
            let label = t.div_ceil(2);
            let mut j = i + 1;
            while j < tags.len() && tags[j] != 0 && tags[j] % 2 == 0 && tags[j].div_ceil(2) == label
            {
                j += 1;
            }
            out.push((i, j, label));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sep = args.iter().position(|a| a == "--").unwrap();
    let out = &args[0];
    let train: Vec<(Option<String>, String)> = args[1..sep]
        .iter()
        .map(|a| match a.split_once('=') {
            Some((name, p)) => (Some(name.to_string()), std::fs::read_to_string(p).unwrap()),
            None => (None, std::fs::read_to_string(a).unwrap()),
        })
        .collect();
    let epochs = std::env::var("EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(12);
    let bits = std::env::var("BITS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(18);
    let seed = std::env::var("SEED")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(7);
    let opts = TrainOptions {
        epochs,
        bits,
        seed,
        ..TrainOptions::default()
    };
    let t = std::time::Instant::now();
    let m = kutip_entities::train_files(&train, &opts, |e, w| eprintln!("epoch {e}: {w} wrong"));
    eprintln!("trained in {:?}", t.elapsed());
    std::fs::write(out, m.to_bytes()).unwrap();
    let m = Model::from_bytes(&std::fs::read(out).unwrap()).unwrap();
    let g = Gazetteer::builtin();
    for (d, dev) in args[sep + 1..].iter().enumerate() {
        let text = std::fs::read_to_string(dev).unwrap();
        let mut scratch = model::Scratch::default();
        let conv = std::env::var("EVAL_CONV").unwrap_or_default();
        let conv = conv.split(',').nth(d).unwrap_or("");
        scratch.set_domain(model::convention_id(conv));
        let mut codes = Vec::new();
        let mut stats = [[0usize; 3]; 4]; // gold, pred, correct per label 1..3
        for (words, gold) in model::read_bio(&text) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            g.tag_tokens(&refs, &mut codes);
            m.tag(&refs, &codes, &mut scratch);
            let gs = spans(&gold);
            let ps = spans(&scratch.tags);
            for s in &gs {
                stats[s.2 as usize][0] += 1;
            }
            for s in &ps {
                stats[s.2 as usize][1] += 1;
                if gs.contains(s) {
                    stats[s.2 as usize][2] += 1;
                }
            }
        }
        let f = |g: usize, p: usize, c: usize| {
            let (pr, r) = (c as f64 / p.max(1) as f64, c as f64 / g.max(1) as f64);
            (
                pr * 100.0,
                r * 100.0,
                if pr + r > 0.0 {
                    200.0 * pr * r / (pr + r)
                } else {
                    0.0
                },
            )
        };
        let mut tot = [0usize; 3];
        for (l, name) in [(1, "PER"), (2, "ORG"), (3, "LOC")] {
            let [gg, p, c] = stats[l];
            tot[0] += gg;
            tot[1] += p;
            tot[2] += c;
            let (a, b, cc) = f(gg, p, c);
            println!("{dev} {name} g{gg} p{p} P {a:.1} R {b:.1} F {cc:.1}");
        }
        let (a, b, c) = f(tot[0], tot[1], tot[2]);
        println!("{dev} micro P {a:.1} R {b:.1} F {c:.1}");
    }
    let _ = TAGS;
}
