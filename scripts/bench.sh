#!/usr/bin/env bash
# End-to-end throughput of kutip, measured side by side in one run so the ratios hold on a noisy
# machine. Builds a ~50 MB JSONL corpus of real Indonesian news text from ../shared/eval (under
# target/bench, never committed), then times whole processes:
#   - a naive whitespace-and-punctuation split over the same text (the floor any tokenizer pays)
#   - kutip's tokenizer alone (a tokenize-only pipeline)
#   - kutip's default pipeline to JSONL, 1 thread and all threads
#   - spaCy's blank("id") tokenizer + sentencizer and a Matcher quote finder, if spaCy is installed
# It prints MB/s, documents/s, peak RSS and the ratios.
#
#   scripts/bench.sh [MB]           (default 50)
#   KUTIP_BENCH_RSS_MB=1000 scripts/bench.sh   also measures peak RSS on a 1 GB corpus
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
corpus=target/bench/corpus-${mb}mb.jsonl
[ -f "$corpus" ] || python3 scripts/make_corpus.py "$corpus" --mb "$mb"
cargo build --release --quiet --bin kutip --example naive_split --example startup
kutip=target/release/kutip
text_mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8'))/1e6)" "$corpus")
docs=$(wc -l < "$corpus")
tok=target/bench/tokenize-only.toml
printf '[input]\nformat = "jsonl"\n\n[[stage]]\ntype = "tokenize"\n\n[[export]]\ntype = "jsonl"\npath = "-"\n' > "$tok"

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o target/bench/time.txt "$@" > /dev/null 2> target/bench/stderr.txt || true
  local out; out=$(tail -1 target/bench/time.txt)
  local secs=${out% *} rss=${out#* }
  printf '%-34s %8.2f s %9.1f MB/s %9.0f docs/s %7.1f MB RSS\n' "$name" "$secs" \
    "$(echo "$text_mb / $secs" | bc -l)" "$(echo "$docs / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  echo "$secs" > "target/bench/$name.secs"
}

echo "corpus: $corpus, $docs documents, $text_mb MB of text, $(nproc) cores"
target/release/examples/naive_split "$corpus"
measure naive-split target/release/examples/naive_split "$corpus"
measure tokenize-1-thread "$kutip" run -q -j 1 -p "$tok" "$corpus"
measure default-1-thread "$kutip" run -q -j 1 "$corpus"
measure default-all-threads "$kutip" run -q -j 0 "$corpus"
"$kutip" run -q -j 1 --timings "$corpus" > /dev/null 2> target/bench/timings.txt || true
cat target/bench/timings.txt
one=$(cat target/bench/default-1-thread.secs); all=$(cat target/bench/default-all-threads.secs)
naive=$(cat target/bench/naive-split.secs); tk=$(cat target/bench/tokenize-1-thread.secs)
printf 'ratios: all threads / 1 thread = %.2fx; naive split / default pipeline = %.1fx; tokenize-only / naive = %.2f\n' \
  "$(echo "$one / $all" | bc -l)" "$(echo "$one / $naive" | bc -l)" "$(echo "$naive / $tk" | bc -l)"
if python3 -c "import spacy" 2>/dev/null; then
  python3 scripts/bench_spacy.py "$corpus" "$one"
else
  echo "spaCy not installed: skipping its comparison (pip install spacy)"
fi
# A one-article run is mostly process start-up: time 20 runs and give the mean (a single run is
# below the 10 ms resolution of /usr/bin/time), then what building each stage costs.
runs=20
started=$(date +%s%N)
for _ in $(seq "$runs"); do
  "$kutip" run -q tests/fixtures/karabakh-tribunnews.txt > /dev/null
done
printf 'one-article run: %.1f ms (mean of %d whole processes)\n' \
  "$(echo "($(date +%s%N) - $started) / $runs / 1000000" | bc -l)" "$runs"
target/release/examples/startup
if [ -n "${KUTIP_BENCH_RSS_MB:-}" ]; then
  big=target/bench/corpus-${KUTIP_BENCH_RSS_MB}mb.jsonl
  [ -f "$big" ] || python3 scripts/make_corpus.py "$big" --mb "$KUTIP_BENCH_RSS_MB"
  measure "default-all-threads-${KUTIP_BENCH_RSS_MB}MB" "$kutip" run -q -j 0 "$big"
fi
