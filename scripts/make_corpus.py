#!/usr/bin/env python3
"""Builds a JSONL corpus of real Indonesian news text from ../shared/eval (detokenized), for
benchmarks. The corpus is written under target/ and never committed.

  scripts/make_corpus.py OUT.jsonl [--mb 50]

Each CoNLL document (or, for files without document breaks, each run of 20 sentences) becomes one
JSONL line {"id", "text"}; the text is the tokens joined with the spacing a newspaper would use,
one sentence per line. The documents are repeated (with new ids) until the file reaches the size.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
FILES = ["pfsa-id/dev-40.conll", "kota/dev-40.conll", "ner/idner-news-2k.train.bio",
         "ner/nergrit.train.bio", "ner/idner-news-2k.dev.bio", "ner/nergrit.dev.bio"]
NO_SPACE_BEFORE = set(",.;:!?)]}%”’")
NO_SPACE_AFTER = set("([{“‘")


def detokenize(tokens):
    """Newspaper spacing: no space before closing punctuation, none after opening brackets and
    quotes; a straight quote opens and closes alternately. A Kompas-style ” that opens a quote
    is glued to the word after it."""
    out, prev, straight_open = [], None, False
    for t in tokens:
        glue = prev is None or t in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER
        if t == '"':
            glue = prev is None or straight_open
            straight_open = not straight_open
        elif prev == '"' and straight_open:
            glue = True
        out.append(t if glue else " " + t)
        prev = t
    return "".join(out).strip()


def documents():
    for name in FILES:
        path = os.path.join(EVAL, name)
        if not os.path.exists(path):
            continue
        doc, sent = [], []
        with open(path, encoding="utf-8") as f:
            for line in f:
                tok = line.rstrip("\n").split("\t")[0].strip()
                if tok == "-DOCSTART-":
                    if sent:
                        doc.append(sent)
                        sent = []
                    if doc:
                        yield doc
                    doc = []
                elif not tok:
                    if sent:
                        doc.append(sent)
                        sent = []
                    if len(doc) >= 20 and not name.startswith("pfsa"):
                        yield doc
                        doc = []
                else:
                    sent.append(tok)
        if sent:
            doc.append(sent)
        if doc:
            yield doc


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="the JSONL file to write (keep it under target/)")
    parser.add_argument("--mb", type=float, default=50.0, help="size to reach, in MB (default 50)")
    args = parser.parse_args()
    out, mb = args.out, args.mb
    texts = ["\n".join(detokenize(s) for s in d) for d in documents()]
    if not texts:
        sys.exit("no corpus found under ../shared/eval")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    size, n = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while size < mb * 1e6:
            for t in texts:
                line = json.dumps({"id": f"doc{n}", "text": t}, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
                n += 1
                if size >= mb * 1e6:
                    break
    print(f"{out}: {n} documents, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
