"""The realistic sets of visitors' messages (corpus/data/): the corpus of real questions
rewritten in our words (corpus/), the polarity sets (polarity/, held out; polarity-dev/, read
while tuning), loading them, folds by source, and the corpus's single questions as training data.
Scoring a reply against them is a benchmark's job: bench/realistic.py. How the sets were
gathered: corpus/README.md.
"""
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpus" / "data" / "questions"
POLARITY_DIR = ROOT / "corpus" / "data" / "polarity"
# A second polarity set, read while improving core/polarity.yml: its figures are not held out.
POLARITY_DEV_DIR = ROOT / "corpus" / "data" / "polarity-dev"
# Conversations and two- or three-question messages written by helpers that read nothing of the
# project: read while tuning, never training data (corpus/README.md).
QUESTIONS_DEV_DIR = ROOT / "corpus" / "data" / "questions-dev"
OUT_OF_SCOPE = "out_of_scope"
COMPLICATION = "complication"
NOT_A_QUESTION = "not_a_question"

# Fine topic of the corpus -> the intent that answers it. Training examples are made only from
# questions whose accepted topics all map to one intent.
TOPIC_INTENTS = {
    "what_is": "ask_what_is",
    "treats": "ask_treats",
    "session_length": "ask_procedure",
    "device": "ask_procedure",
    "who_performs": "ask_procedure",
    "serums": "ask_procedure",
    "numbing": "ask_pain",
    "pain": "ask_pain",
    "sessions": "ask_treatment_plan",
    "maintenance": "ask_treatment_plan",
    "skin_types": "ask_suitability",
    "darker_skin": "ask_suitability",
    "contraindications": "ask_suitability",
    "downtime": "ask_downtime",
    "side_effects": "ask_downtime",
    "risk": "ask_risk",
    "provider": "ask_provider",
    "results_timing": "ask_results",
    "results_after": "ask_results",
    "cost": "ask_cost",
    "source": "ask_source",
    COMPLICATION: "report_complication",
    OUT_OF_SCOPE: "out_of_scope",
    NOT_A_QUESTION: "steer_assistant",
}


def site_of(url: str) -> str:
    """The registrable domain: ca.feau.com and au.feau.com are one site; so are the pages of
    clinic.co.uk. All of a site's questions fall in one fold."""
    labels = urlparse(url).netloc.lower().split(":")[0].split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {
        "co", "com", "org", "net", "ac", "gov", "edu"} else 2
    return ".".join(labels[-keep:])


@dataclass
class Item:
    """One thing a visitor sends: a question, a two-question message, or a conversation."""
    kind: str            # "question" | "two_questions" | "conversation"
    source: str          # the page's address
    turns: List[str]     # one message, or a conversation's messages
    topics: List[List[str]]  # per message (question, conversation) or per question (two)
    gathering: str = ""      # the corpus file it was written into (one helper's gathering)

    @property
    def site(self) -> str:
        return site_of(self.source)


@dataclass
class Corpus:
    items: List[Item] = field(default_factory=list)

    def of_kind(self, kind: str) -> List[Item]:
        return [item for item in self.items if item.kind == kind]

    @property
    def sites(self) -> List[str]:
        return sorted({item.site for item in self.items})


def _topics(value, where: str) -> List[str]:
    topics = [value] if isinstance(value, str) else list(value or [])
    unknown = [t for t in topics if t not in TOPIC_INTENTS]
    if not topics or unknown:
        raise ValueError(f"{where}: unknown or missing topics {unknown or topics}")
    return topics


def load_corpus(directory: Path = CORPUS_DIR) -> Corpus:
    corpus = Corpus()
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for source in data.get("sources") or []:
            url = source["url"]
            where = f"{path.name} {url}"
            for q in source.get("questions") or []:
                corpus.items.append(Item("question", url, [str(q["text"])],
                                         [_topics(q["topics"], where)], path.stem))
            for q in source.get("two_questions") or []:
                corpus.items.append(Item("two_questions", url, [str(q["text"])],
                                         [_topics(t, where) for t in q["topics"]], path.stem))
            for conversation in source.get("conversations") or []:
                corpus.items.append(Item("conversation", url,
                                         [str(turn["text"]) for turn in conversation],
                                         [_topics(turn["topics"], where)
                                          for turn in conversation], path.stem))
    return corpus


def fold_of_sites(sites: Iterable[str], folds: int) -> Dict[str, int]:
    """Sites to folds by a stable hash: a site's items are never split across folds."""
    return {site: int(hashlib.sha256(site.encode()).hexdigest(), 16) % folds
            for site in sites}


# "Am I a good candidate?" starts our screening form (intent ask_candidate); the corpus labels it
# by the article topics that answer it, which name the general suitability question.
ASKS_OWN_CANDIDACY = re.compile(r"\bam i\b.*\bcandidate\b", re.IGNORECASE)


def training_examples(items: Iterable[Item], partials: bool = False) -> Dict[str, List[str]]:
    """intent -> example texts, from single questions whose topics name one intent (with
    `partials`, also those the article answers only in part: one intent beside out_of_scope)."""
    examples: Dict[str, List[str]] = {}
    for item in items:
        if item.kind != "question":
            continue
        intents = {TOPIC_INTENTS[t] for t in item.topics[0]}
        if partials and len(intents) == 2 and TOPIC_INTENTS[OUT_OF_SCOPE] in intents:
            intents.discard(TOPIC_INTENTS[OUT_OF_SCOPE])
        if intents == {"ask_suitability"} and ASKS_OWN_CANDIDACY.search(item.turns[0]):
            intents = {"ask_candidate"}
        if len(intents) == 1:
            examples.setdefault(intents.pop(), []).append(as_training_text(item.turns[0]))
    return examples


def nlu_yaml(examples: Dict[str, List[str]], header: str) -> str:
    """Rasa NLU training data (YAML) for the given examples, each text quoted safely."""
    lines = [header.rstrip(), 'version: "3.1"', "nlu:"]
    for intent in sorted(examples):
        lines += [f"- intent: {intent}", "  examples: |"]
        for text in sorted(set(examples[intent])):
            lines.append(f"    - {text}")
    return "\n".join(lines) + "\n"


def normalise(text: str) -> str:
    """For comparing sentences: lowercase words only (as tests/unit/test_training_data.py)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def as_training_text(text: str) -> str:
    """One line, and no square brackets (Rasa reads "[x](y)" as an entity annotation)."""
    return " ".join(text.replace("[", "(").replace("]", ")").split())


def visitors_nlu(corpus: Corpus, held_out: Iterable[str], header: str) -> str:
    """The corpus questions as training data, leaving out any sentence of a held-out set."""
    excluded = {normalise(text) for text in held_out}
    examples = {intent: [as_training_text(t) for t in texts if normalise(t) not in excluded]
                for intent, texts in training_examples(corpus.items).items()}
    return nlu_yaml({i: t for i, t in examples.items() if t}, header)


def held_out_sentences() -> List[str]:
    """Every sentence of the held-out test sets, which must never become training data."""
    sentences = []
    heldout = yaml.safe_load((ROOT / "tests" / "nlu_heldout.yml").read_text(encoding="utf-8"))
    for block in heldout.get("nlu", []):
        sentences += [line.strip()[2:] for line in block.get("examples", "").splitlines()
                      if line.strip().startswith("- ")]
    safety = yaml.safe_load((ROOT / "tests" / "safety_heldout.yml").read_text(encoding="utf-8"))
    return sentences + list(safety["phrasings"]) + [item.text for item in load_polarity()]


# --- the polarity set: conditions the visitor denies, states, asks about or tells of others ---

@dataclass
class PolarityItem:
    text: str
    conditions: Dict[str, str]   # condition -> denied | stated | asked | other
    asks: List[str]
    gathering: str = ""


def load_polarity(directory: Path = POLARITY_DIR) -> List[PolarityItem]:
    items = []
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("items") or []:
            conditions = dict(entry["conditions"])
            unknown = {c for c in conditions if c not in CONDITION_WORDS} | {
                p for p in conditions.values() if p not in POLARITIES}
            if unknown:
                raise ValueError(f"{path.name}: {entry['text']!r}: unknown {sorted(unknown)}")
            items.append(PolarityItem(str(entry["text"]), conditions,
                                      list(entry.get("asks") or []), path.stem))
    return items


POLARITIES = ("denied", "stated", "asked", "other")
# How a reply names each condition (core/knowledge.yml's contraindications, the darker-skin
# caution's "hyperpigmentation").
CONDITION_WORDS = {
    "keloid_scars": r"keloid",
    "hypertrophic_scars": r"hypertrophic",
    "open_wounds": r"open wounds?",
    "skin_infection": r"skin infection",
    "poor_wound_healing": r"poor wound healing",
    "darker_skin": r"darker skin",
}
