"""What the visitor says about a condition or a symptom they name: that they have it, that they
don't, that they only ask about it, that they are unsure, or that it is someone else's.

"I don't have any keloids or open wounds, am I a candidate?" names two contraindications and
denies both; "what if I had keloids?" asks; "my sister gets keloids" is about someone else. Only a
stated condition is the visitor's ("You mentioned ..."), and only a stated or unsure symptom is a
report for a provider or a doctor.

This is ConText (Harkema et al., 2009, the NegEx family; the algorithm behind medspaCy's ConText
component): trigger phrases (core/polarity.yml) reach the mentions after them (forward), before
them (backward) or both, within the sentence, until a terminator ("but", "and I") or a comma that
does not continue a list of mentions. Rasa-free: the Rasa server reads conditions with it
(nlu_components/condition_polarity.py) and both servers' symptom nets read symptoms with it
(core/symptoms.py). Why this and not a word list or medspaCy itself: docs/understanding.md.
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

RULES_FILE = Path(__file__).with_name("polarity.yml")

STATED, DENIED, ASKED, UNSURE = "stated", "denied", "asked", "uncertain"
# A disposition ("I bleed easily", "prone to infections"): of a condition, a statement; of a
# symptom, no report of one.
HABITUAL = "habitual"
TRIGGERS = (DENIED, ASKED, UNSURE, HABITUAL, "other")
VISITOR, OTHER = "visitor", "other"
# How far a trigger reaches, in tokens between it and the mention.
FORWARD_SCOPE = 10
BACKWARD_SCOPE = 5
BOUNDARIES = {".", "!", "?", ";", "\n"}
# Between a comma and the next mention of a list ("no keloids, wounds or infections").
LIST_WORDS = {"or", "and", "nor", "any", "a", "an", "no", "&", "/"}
# An answer word before a comma is no trigger: "no, I have keloids".
ANSWER_FOLLOWERS = {",", "!", ".", "-"}
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|\n|[^\sa-z0-9]")


@dataclass(frozen=True)
class Reading:
    polarity: str = STATED      # stated | denied | asked | uncertain | habitual
    experiencer: str = VISITOR  # visitor | other

    @property
    def is_the_visitors(self) -> bool:
        """Stated by the visitor about themselves: what a reply may say they have."""
        return self.polarity in (STATED, HABITUAL) and self.experiencer == VISITOR

    @property
    def is_a_report(self) -> bool:
        """A symptom the visitor has or may have now: for a provider or a doctor."""
        return self.polarity in (STATED, UNSURE) and self.experiencer == VISITOR



@dataclass(frozen=True)
class _Phrase:
    kind: str                 # a TRIGGERS kind | terminate | pseudo | opposite
    direction: str = ""       # forward | backward
    condition: str = ""       # for an opposite: the condition it denies


def _words(phrase: str) -> Tuple[str, ...]:
    return tuple(_normal(t) for t in TOKEN.findall(phrase.lower().replace("\u2019", "'")))


def _normal(token: str) -> str:
    return token.replace("'", "")


@lru_cache(maxsize=None)
def _rules(language: str = "en") -> Dict[Tuple[str, ...], _Phrase]:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))[language]
    phrases: Dict[Tuple[str, ...], _Phrase] = {}
    for kind in ("terminate", "pseudo"):
        for phrase in data[kind]:
            phrases[_words(phrase)] = _Phrase(kind)
    for kind in TRIGGERS:
        for direction in ("forward", "backward"):
            for phrase in data[kind].get(direction) or []:
                words = _words(phrase)
                # A phrase both ways (e.g. "no longer") reaches both.
                old = phrases.get(words)
                both = old is not None and old.kind == kind and old.direction != direction
                phrases[words] = _Phrase(kind, "both" if both else direction)
    for condition, opposite_phrases in (data[DENIED].get("opposites") or {}).items():
        for phrase in opposite_phrases:
            phrases[_words(phrase)] = _Phrase("opposite", condition=condition)
    return phrases


def _tokens(text: str) -> List[Tuple[str, int, int]]:
    lowered = text.lower().replace("\u2019", "'")
    return [(_normal(m.group()), m.start(), m.end()) for m in TOKEN.finditer(lowered)]


def _matches(tokens: List[Tuple[str, int, int]], language: str
             ) -> List[Tuple[int, int, _Phrase]]:
    """The phrases in the text, longest first at each place, none overlapping."""
    rules = _rules(language)
    longest = max(len(words) for words in rules)
    words = [t[0] for t in tokens]
    found = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = rules.get(tuple(words[i:i + size]))
            if phrase is None:
                continue
            is_answer_word = (size == 1 and phrase.kind == DENIED and i + 1 < len(words)
                              and words[i + 1] in ANSWER_FOLLOWERS and words[i] in {"no", "nope"})
            # "no, I have keloids": only the mention before it ("keloids? no.") is denied.
            found.append((i, i + size, _Phrase(DENIED, "backward") if is_answer_word else phrase))
            i += size
            break
        else:
            i += 1
    return found


def _token_range(tokens: List[Tuple[str, int, int]], start: int, end: int) -> Tuple[int, int]:
    inside = [i for i, (_, s, e) in enumerate(tokens) if s < end and e > start]
    if not inside:
        return len(tokens), len(tokens)
    return inside[0], inside[-1] + 1


def _clear(tokens, between: range, matches, targets: Sequence[Tuple[int, int]],
           forward: bool) -> bool:
    """No sentence end, terminator, or comma that ends a list between a trigger and a mention.
    Backward, a question mark right after the mention does not end it ("keloids? nope")."""
    for i in between:
        word = tokens[i][0]
        if word in BOUNDARIES and (forward or word != "?" or len(between) > 1):
            return False
        if word == "," and forward:
            j = i + 1
            while j < len(tokens) and tokens[j][0] in LIST_WORDS:
                j += 1
            if not any(start == j for start, _ in targets):
                return False
    # A terminator right after a forward trigger belongs to it: "what if | I had keloids".
    return not any(start in between and phrase.kind == "terminate"
                   and not (forward and start == between.start)
                   for start, _, phrase in matches)


def read(text: str, spans: Sequence[Tuple[int, int]], language: str = "en") -> List[Reading]:
    """The reading of each mention, given by its character span in `text`."""
    tokens = _tokens(text)
    matches = _matches(tokens, language)
    targets = [_token_range(tokens, start, end) for start, end in spans]
    readings = []
    for first, last in targets:
        # (rank, distance, polarity): a disposition yields to any other trigger ("if someone is
        # prone to keloids" asks), else the nearest trigger wins.
        polarity: Optional[Tuple[int, int, str]] = None
        experiencer = VISITOR
        for start, end, phrase in matches:
            if phrase.kind not in TRIGGERS or first <= start < last:
                continue
            if end <= first and phrase.direction in ("forward", "both"):
                distance = first - end
                applies = distance <= FORWARD_SCOPE and _clear(
                    tokens, range(end, first), matches, targets, forward=True)
            elif start >= last and phrase.direction in ("backward", "both"):
                distance = start - last
                applies = distance <= BACKWARD_SCOPE and _clear(
                    tokens, range(last, start), matches, targets, forward=False)
            else:
                continue
            if not applies:
                continue
            if phrase.kind == "other":
                experiencer = OTHER
                continue
            candidate = (1 if phrase.kind == HABITUAL else 0, distance, phrase.kind)
            if polarity is None or candidate < polarity:
                polarity = candidate
        readings.append(Reading(polarity[2] if polarity else STATED, experiencer))
    return readings


def opposites(text: str, language: str = "en") -> List[Tuple[str, str]]:
    """Conditions named by their opposite, with their polarity: "my skin heals fine" denies poor
    wound healing, "I don't heal well" states it."""
    found = []
    matches = _matches(_tokens(text), language)
    for index, (start, _, phrase) in enumerate(matches):
        if phrase.kind != "opposite":
            continue
        negated = index > 0 and matches[index - 1][2].kind == DENIED \
            and start - matches[index - 1][1] <= 1
        found.append((phrase.condition, STATED if negated else DENIED))
    return found
