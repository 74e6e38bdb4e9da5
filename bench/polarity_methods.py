"""Which way of reading a condition's polarity, measured on the polarity set
(corpus/data/polarity/): each condition the entity ruler finds in a message is read as the
visitor's own (stated) or not (denied, asked about, someone else's) by

- none: every mention is stated (what the assistant did before core/polarity.py);
- word list: a negation word anywhere in the sentence denies every mention in it;
- ConText: core/polarity.py (trigger phrases with a scope).

and compared with the set's label. The two errors that matter are counted apart: a condition the
visitor did not state told back as theirs, and a stated one missed. Prints a table; writes
bench/results/polarity-methods.md.

Usage: python -m bench.polarity_methods
"""
import re
from collections import Counter
from pathlib import Path

import spacy

from corpus.sets import load_polarity
from core.polarity import read

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
# The set's condition names -> the entity values the assistant uses (core/knowledge.yml).
VALUES = {"keloid_scars": "keloid scars", "hypertrophic_scars": "hypertrophic scars",
          "open_wounds": "open wounds", "skin_infection": "skin infection",
          "poor_wound_healing": "poor wound healing", "darker_skin": "darker skin"}
NEGATION = re.compile(r"\b(no|not|never|none|nope|without|don'?t|doesn'?t|haven'?t|isn'?t|"
                      r"aren'?t|n't)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[.!?;\n]")


def synonyms():
    import yaml
    data = yaml.safe_load((ROOT / "data" / "nlu" / "synonyms.yml").read_text(encoding="utf-8"))
    mapping = {}
    for block in data["nlu"]:
        if "synonym" in block:
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    mapping[line.strip()[2:].lower()] = block["synonym"]
    return mapping


def word_list_stated(text: str, start: int) -> bool:
    begin = max([m.end() for m in SENTENCE.finditer(text, 0, start)] or [0])
    end = SENTENCE.search(text, start)
    return not NEGATION.search(text[begin:end.start() if end else len(text)])


def main() -> None:
    nlp = spacy.load(ROOT / "build" / "spacy_pipeline")
    canonical = synonyms()
    counts = {method: Counter() for method in ("none", "word list", "ConText")}
    found = missing = 0
    for item in load_polarity():
        doc = nlp(item.text)
        mentions = {}
        for ent in doc.ents:
            if ent.label_ in ("condition", "skin_tone"):
                value = canonical.get(ent.text.lower(), ent.text.lower())
                mentions.setdefault(value, (ent.start_char, ent.end_char))
        for condition, label in item.conditions.items():
            span = mentions.get(VALUES.get(condition, condition))
            if span is None:
                missing += 1
                continue
            found += 1
            truth = label == "stated"
            context = read(item.text, [span])[0].is_the_visitors
            for method, stated in (("none", True),
                                   ("word list", word_list_stated(item.text, span[0])),
                                   ("ConText", context)):
                counts[method]["right" if stated == truth else
                               ("told back" if stated else "missed")] += 1
    if not found:
        raise SystemExit("no labelled mention found: is build/spacy_pipeline current?")
    lines = ["# Reading a condition's polarity: three methods on the polarity set", "",
             f"{found} labelled mentions the entity ruler finds ({missing} it does not find).", "",
             "| method | right | not stated, told back as the visitor's | stated, missed |",
             "|---|---|---|---|"]
    for method, c in counts.items():
        lines.append(f"| {method} | {c['right'] / found:.3f} | {c['told back']} | {c['missed']} |")
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "polarity-methods.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
