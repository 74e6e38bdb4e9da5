"""What the visitor says about a condition or a symptom they name: that they have it, that they
don't, that they only ask about it, that they are unsure, or that it is someone else's.

"I don't have any keloids or open wounds, am I a candidate?" names two contraindications and
denies both; "what if I had keloids?" asks; "my sister gets keloids" is about someone else. Only a
stated condition is the visitor's ("You mentioned ..."), and only a stated or unsure symptom is a
report for a provider or a doctor.

This is ConText (Harkema et al., 2009, the NegEx family; the algorithm behind medspaCy's ConText
component): trigger phrases (core/polarity.yml) reach the mentions after them (forward), before
them (backward) or both, within the sentence and the reading's scope, until a terminator ("but",
"and I") or a comma that does not continue a list of mentions. Two readings: CONDITIONS (broad:
what a reply may tell back as the visitor's) and SYMPTOMS (narrow: only an explicit denial,
hypothetical or other person close to a symptom clears it, since a missed report is the worst
mistake). Rasa-free: the Rasa server reads conditions with it
(nlu_components/condition_polarity.py) and both servers' symptom nets read symptoms with it
(core/symptoms.py). Why this and not a word list or medspaCy itself: docs/understanding.md.
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple

import yaml

RULES_FILE = Path(__file__).with_name("polarity.yml")

STATED, DENIED, ASKED, UNSURE = "stated", "denied", "asked", "uncertain"
# Over now ("had an infection last month but it's cleared up", "used to get keloids"): of a
# current condition (an open wound, an infection) a denial, of a history (keloid scars) still a
# statement (nlu_components/condition_polarity.py decides), of a symptom no report.
RESOLVED = "resolved"
# A disposition ("I bleed easily", "prone to infections"): of a condition, a statement; of a
# symptom, no report of one.
HABITUAL = "habitual"
TRIGGERS = (DENIED, ASKED, UNSURE, HABITUAL, RESOLVED, "other")
TIES = (UNSURE, DENIED, ASKED, HABITUAL, RESOLVED)
VISITOR, OTHER = "visitor", "other"
CONDITIONS, SYMPTOMS = "conditions", "symptoms"
BOUNDARIES = {".", "!", "?", ";", "\n"}
# Between a comma and the next mention of a list ("no keloids, wounds or infections").
LIST_WORDS = {"or", "and", "nor", "any", "a", "an", "no", "&", "/"}
# An answer word before a comma, at the end or before the visitor's own next words is no trigger
# of what follows ("no, I have keloids"); it denies the mention before it ("keloids? no", "thick
# scars? no I don't get those").
ANSWER_WORDS = {"no", "nope", "nah"}
# The terminators a RESOLVED trigger reaches back over.
CROSSED = {"but", "though", "although"}
ANSWER_FOLLOWERS = {",", "!", ".", "-", ";"}
# Of a condition, also before the visitor's own next words; never of a symptom ("it's bleeding no
# I'm not on blood thinners" is a report).
CONDITION_ANSWER_FOLLOWERS = ANSWER_FOLLOWERS | {"i", "im", "ive", "never", "dont", "not",
                                                 "none", "thanks", "thank", "lol"}
# What is read of a message: the input guard lets no longer one through; a longer text (the HTTP
# API's parse endpoint) is read up to here, and a mention beyond it keeps the plain reading.
MAX_CHARS = 2000
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|\n|[^\sa-z0-9]", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    polarity: str = STATED      # stated | denied | asked | uncertain | habitual | resolved
    experiencer: str = VISITOR  # visitor | other

    @property
    def is_the_visitors(self) -> bool:
        """Stated by the visitor about themselves: what a reply may say they have (a condition
        that is over counts only as a history: see RESOLVED)."""
        return self.polarity in (STATED, HABITUAL, RESOLVED) and self.experiencer == VISITOR

    @property
    def is_a_report(self) -> bool:
        """A symptom the visitor has or may have now: for a provider or a doctor."""
        return self.polarity in (STATED, UNSURE) and self.experiencer == VISITOR


@dataclass(frozen=True)
class _Phrase:
    kind: str                 # a TRIGGERS kind | terminate | pseudo | opposite
    direction: str = ""       # forward | backward | both
    condition: str = ""       # for an opposite: the condition it names
    reach: Optional[int] = None  # how far it reaches, when not the reading's scope
    crosses: bool = False     # reaches over "but", "though", "although" ("an infection but
                              # it's gone now"), never over a comma or another terminator


def _normal(token: str) -> str:
    return token.lower().replace("\u2019", "'").replace("'", "")


def _words(phrase: str) -> Tuple[str, ...]:
    return tuple(_normal(t) for t in TOKEN.findall(phrase.replace("\u2019", "'")))


@lru_cache(maxsize=None)
def _rules(language: str, reading: str
           ) -> Tuple[Dict[Tuple[str, ...], _Phrase], int, int, bool]:
    """The reading's phrases, its forward and backward scopes in tokens, and whether an unsure
    trigger wins over any other."""
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))[language]
    triggers = data[reading]
    phrases: Dict[Tuple[str, ...], _Phrase] = {}
    for kind in ("terminate", "pseudo"):
        for phrase in data[kind]:
            phrases[_words(phrase)] = _Phrase(kind)
    for kind in TRIGGERS:
        for direction in ("forward", "backward"):
            for phrase in (triggers.get(kind) or {}).get(direction) or []:
                words = _words(phrase)
                # A phrase both ways (e.g. "no longer") reaches both.
                old = phrases.get(words)
                both = old is not None and old.kind == kind and old.direction != direction
                phrases[words] = _Phrase(kind, "both" if both else direction)
    for kind in TRIGGERS:
        # Phrases that reach only the next word or two ("isn't infected", "never had a rash"),
        # or only the word before ("infection free").
        for phrase in (triggers.get(kind) or {}).get("near") or []:
            phrases[_words(phrase)] = _Phrase(kind, "forward", reach=1)
        for phrase in (triggers.get(kind) or {}).get("near_backward") or []:
            phrases[_words(phrase)] = _Phrase(kind, "backward", reach=1)
        # Phrases that reach the whole clause after them ("someone on tiktok said her face got
        # swollen"): hearsay frames a story, however long.
        for phrase in (triggers.get(kind) or {}).get("far") or []:
            phrases[_words(phrase)] = _Phrase(kind, "forward",
                                              reach=int(triggers["scope"]["far"]))
    # "... but it's all cleared up now": back over a "but", "though" or "although", never over a
    # comma or another terminator, within the trigger's reach.
    over = triggers.get(RESOLVED) or {}
    for phrase in over.get("backward") or []:
        phrases[_words(phrase)] = _Phrase(RESOLVED, "backward", reach=int(over["reach"]),
                                          crosses=True)
    denied = triggers.get(DENIED) or {}
    adverbs = [_words(a) for a in denied.get("opposite_adverbs") or []]
    for condition, named in (denied.get("opposites") or {}).items():
        for phrase in named:
            words = _words(phrase)
            for form in [words] + [words[:-1] + adverb + words[-1:] for adverb in adverbs]:
                phrases.setdefault(form, _Phrase("opposite", condition=condition))
    # A condition named in other words ("a cut on my chin", "my chin is infected"): a mention
    # like any other, read with the triggers around it (other_names below).
    for condition, named in (triggers.get("other_names") or {}).items():
        for phrase in named:
            phrases.setdefault(_words(phrase), _Phrase("named", condition=condition))
    # Phrases are matched longest first and never overlap, so a trigger would swallow the first
    # word of a phrase after it: "it's not stopping" would be the denial "it's not", never the
    # pseudo "not stopping", and "I'm not sure if" never the unsure "not sure if". Each such pair
    # is a phrase of its own, of the later phrase's kind (only these two kinds: a pseudo phrase
    # or an unsure trigger is what a message says most precisely).
    later = [(words, phrase) for words, phrase in phrases.items()
             if phrase.kind in ("pseudo", UNSURE)]
    for words, phrase in list(phrases.items()):
        if phrase.kind not in TRIGGERS:
            continue
        for overlap in range(1, len(words)):
            for other, other_phrase in later:
                if other[:overlap] == words[-overlap:]:
                    phrases.setdefault(words[:-overlap] + other, other_phrase)
    scope = triggers["scope"]
    return (phrases, int(scope["forward"]), int(scope["backward"]),
            bool(triggers.get("unsure_wins")))


def _tokens(text: str) -> List[Tuple[str, int, int]]:
    # Offsets of the text as given (lowercasing first would move them: "İ" is two characters
    # once lowercased).
    return [(_normal(m.group()), m.start(), m.end()) for m in TOKEN.finditer(text)]


@lru_cache(maxsize=None)
def _longest(language: str, reading: str) -> int:
    """The most words in one of the reading's phrases (counted once: there are thousands)."""
    return max(len(words) for words in _rules(language, reading)[0])


def _matches(tokens: List[Tuple[str, int, int]], phrases: Dict[Tuple[str, ...], _Phrase],
             longest: int, followers: Set[str] = ANSWER_FOLLOWERS
             ) -> List[Tuple[int, int, _Phrase]]:
    """The phrases in the text, longest first at each place, none overlapping."""
    words = [t[0] for t in tokens]
    found = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = phrases.get(tuple(words[i:i + size]))
            if phrase is None:
                continue
            if size == 1 and words[i] in ANSWER_WORDS and phrase.kind == DENIED and (
                    i + 1 == len(words) or words[i + 1] in followers):
                phrase = _Phrase(DENIED, "backward")  # "keloids? no." / "keloids: nah"
            found.append((i, i + size, phrase))
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


def _continues_list(tokens, comma: int, starts: Set[int]) -> bool:
    """A comma followed by the next mention of a list ("keloids, open wounds or infections")."""
    j = comma + 1
    while j < len(tokens) and tokens[j][0] in LIST_WORDS:
        j += 1
    return j in starts


def _clear(tokens, between: range, terminators: Set[int], targets: Sequence[Tuple[int, int]],
           starts: Set[int], forward: bool, crosses: bool = False, other: bool = False) -> bool:
    """No sentence end, terminator, or comma that ends a list between a trigger and a mention.
    Backward, a question mark right after the mention does not end it ("keloids? nope"). A
    terminator right after a forward trigger belongs to it ("what if | I had keloids"), but for
    another person ("my friend | said my face looks swollen": the visitor's own); a trigger that
    `crosses` is not stopped by terminators at all."""
    for i in between:
        word = tokens[i][0]
        if word in BOUNDARIES and (forward or word != "?" or len(between) > 1):
            return False
        if word == "," and not forward and len(between) > 1 \
                and not _continues_list(tokens, i, starts):
            # "keloids, never" and "keloids, wounds, infections: none" but not "heal normally,
            # doctor never flagged it"
            return False
        if i in terminators and not (crosses and word in CROSSED) \
                and not (forward and i == between.start and not other):
            return False
        if word == "," and forward:
            # A comma continues the scope only inside a list of mentions: one between the
            # trigger and the comma, and the next one right after it.
            listed = any(between.start <= first and last <= i for first, last in targets)
            if not (listed and _continues_list(tokens, i, starts)):
                return False
    return True


def read(text: Optional[str], spans: Sequence[Tuple[int, int]], language: str = "en",
         reading: str = CONDITIONS) -> List[Reading]:
    """The reading of each mention, given by its character span in `text`."""
    text = (text or "")[:MAX_CHARS]
    phrases, forward_scope, backward_scope, unsure_wins = _rules(language, reading)
    tokens = _tokens(text)
    matches = _matches(tokens, phrases, _longest(language, reading),
                       CONDITION_ANSWER_FOLLOWERS if reading == CONDITIONS else ANSWER_FOLLOWERS)
    terminators = {start for start, _, phrase in matches if phrase.kind == "terminate"}
    targets = [_token_range(tokens, start, end) for start, end in spans]
    starts = {first for first, _ in targets}
    # Backward, the other mentions of a list between count as none ("keloids, open wounds,
    # infections: none of those"): counted[i] is how many tokens before i do count, so that a
    # distance costs nothing however long (or hostile) the message.
    in_target = [False] * (len(tokens) + 1)
    for a, b in targets:
        for i in range(a, min(b, len(tokens))):
            in_target[i] = True
    counted = [0]
    for i, token in enumerate(tokens):
        counted.append(counted[-1] + (token[0] not in LIST_WORDS and token[0] != ","
                                      and not in_target[i]))
    readings = []
    for (first, last), (span_start, _) in zip(targets, spans):
        if span_start >= len(text):
            readings.append(Reading())
            continue
        # (rank, distance, tie): a disposition yields to any other trigger ("if someone is prone
        # to keloids" asks), else the nearest trigger wins, and of two as near, unsure first
        # ("never had an allergic reaction like this" is a report).
        polarity: Optional[Tuple[int, int, int]] = None
        experiencer = VISITOR
        for start, end, phrase in matches:
            if phrase.kind not in TRIGGERS or first <= start < last:
                continue
            if end <= first and phrase.direction in ("forward", "both"):
                distance = first - end
                reach = forward_scope if phrase.reach is None else phrase.reach
                applies = distance <= reach and _clear(
                    tokens, range(end, first), terminators, targets, starts, forward=True,
                    other=phrase.kind == "other")
            elif start >= last and phrase.direction in ("backward", "both"):
                distance = counted[start] - counted[last]
                reach = backward_scope if phrase.reach is None else phrase.reach
                applies = distance <= reach and _clear(
                    tokens, range(last, start), terminators, targets, starts, forward=False,
                    crosses=phrase.crosses)
            else:
                continue
            if not applies:
                continue
            if phrase.kind == "other":
                experiencer = OTHER
                continue
            rank = 1 if phrase.kind == HABITUAL else 0
            if unsure_wins and phrase.kind != UNSURE:
                rank += 1
            candidate = (rank, distance, TIES.index(phrase.kind))
            if polarity is None or candidate < polarity:
                polarity = candidate
        readings.append(Reading(TIES[polarity[2]] if polarity else STATED, experiencer))
    return readings


def _named(text: str, kind: str, language: str) -> List[Tuple[str, Reading]]:
    """The conditions named by the condition phrases of `kind` ("opposite", "named"), each with
    the reading of its phrase."""
    phrases = _rules(language, CONDITIONS)[0]
    tokens = _tokens(text)
    found = [(phrase.condition, (tokens[start][1], tokens[end - 1][2]))
             for start, end, phrase in _matches(tokens, phrases, _longest(language, CONDITIONS),
                                                CONDITION_ANSWER_FOLLOWERS)
             if phrase.kind == kind]
    return list(zip([condition for condition, _ in found],
                    read(text, [span for _, span in found], language)))


def other_names(text: Optional[str], language: str = "en") -> List[Tuple[str, Reading]]:
    """Conditions named in other words than the entity ruler's ("a cut on my chin" is an open
    wound, "my chin is infected" a skin infection), each with its reading: only phrases that
    cannot mean anything else, so a cut as a verb, a price cut or a name ("I'm Nick") is none."""
    return _named((text or "")[:MAX_CHARS], "named", language)


def opposites(text: Optional[str], language: str = "en") -> List[Tuple[str, str]]:
    """Conditions named by their opposite, with their polarity: "my skin heals fine" denies poor
    wound healing, "I don't heal well" states it; an opposite only asked about, unsure or
    someone else's ("I don't think I heal well", "my sister heals fine") says nothing."""
    result = []
    for condition, reading in _named((text or "")[:MAX_CHARS], "opposite", language):
        if reading.experiencer != VISITOR:
            continue
        if reading.polarity == STATED:
            result.append((condition, DENIED))      # "heals fine"
        elif reading.polarity == DENIED:
            result.append((condition, STATED))      # "doesn't heal well"
    return result
