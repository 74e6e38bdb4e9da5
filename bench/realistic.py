"""End-to-end scoring of a reply as the visitor sees it, against the realistic sets
(corpus/sets.py loads them).

A reply passes when it states the article's fact for one of the question's accepted topics
(TOPIC_PATTERNS, built from core/knowledge.yml), or, for an out-of-scope question, says
plainly that the article doesn't cover it. How the sets were gathered: corpus/README.md.
"""
import re
from collections import defaultdict
from typing import Dict, List, Sequence

from core.knowledge import KNOWLEDGE, fact
from corpus.sets import (COMPLICATION, CONDITION_WORDS, NOT_A_QUESTION, OUT_OF_SCOPE,
                         PolarityItem)


def _range(low: int, high: int, unit: str = "") -> str:
    return rf"\$?{low}\s*(?:to|-|–|and)\s*\$?{high}{unit}"


def topic_patterns(knowledge: Dict) -> Dict[str, List[str]]:
    """For each topic, the phrasings of its fact; a reply must contain one of them."""
    def k(key: str):
        return fact(knowledge, key)

    hours = k("downtime.resolved_within_hours")
    return {
        "what_is": [r"collagen and elastin", r"minimally invasive", r"tiny punctures"],
        "treats": [r"acne scars", r"fine lines", r"large pores", r"stretch marks"],
        "session_length": [_range(k("procedure.session_minutes_min"),
                                  k("procedure.session_minutes_max"), r" minutes")],
        "device": [rf"\b{k('procedure.needles')} (?:very )?fine needles", r"pen-like device"],
        "who_performs": [r"dermatologist or an? aesthetician"],
        "serums": [r"hyaluronic acid", r"growth factors"],
        "numbing": [r"numbing cream[^.]*" + _range(k("pain.numbing_cream_minutes_min"),
                                                  k("pain.numbing_cream_minutes_max"))],
        "pain": [r"pricking", r"well tolerated"],
        "sessions": [rf"\b{k('treatment_plan.series_sessions')} sessions",
                     _range(k("treatment_plan.weeks_between_min"),
                            k("treatment_plan.weeks_between_max"), r" weeks")],
        "maintenance": [r"maintenance treatments"],
        "skin_types": [r"all skin types"],
        "darker_skin": [r"hyperpigmentation"],
        "contraindications": [r"keloid", r"hypertrophic", r"open wounds", r"poor wound healing"],
        "downtime": [rf"within {hours} hours", r"recovery is minimal", r"downtime is very little"],
        "side_effects": [r"peeling", r"dryness", rf"within {hours} hours"],
        "risk": [r"not performed appropriately"],
        "provider": [r"well qualified", r"background and training"],
        "results_timing": [r"after one treatment", r"full effect"],
        "results_after": [r"months after"],
        "cost": [_range(k("cost.per_session_min"), k("cost.per_session_max"))],
        "source": [r"Kingsley"],
        # The care reply itself: the downtime answer also names the provider ("if it goes
        # beyond this ..."), which is no escalation.
        COMPLICATION: [r"I can'?t assess symptoms"],
        OUT_OF_SCOPE: [r"doesn't cover", r"not sure I can answer", r"doesn't say"],
        # The plain reply to a request about the assistant itself (utter_not_a_question), or
        # to a question of what it is ("are you a bot?", utter_iamabot): each says what the
        # assistant is and can do.
        NOT_A_QUESTION: [r"can't show, change or ignore how I work",
                         r"I'm an automated assistant"],
    }


TOPIC_PATTERNS = {topic: [re.compile(p, re.IGNORECASE) for p in patterns]
                  for topic, patterns in topic_patterns(KNOWLEDGE).items()}


def states(reply: str, topic: str) -> bool:
    return any(p.search(reply) for p in TOPIC_PATTERNS[topic])


def passes(reply: str, accepted: Sequence[str]) -> bool:
    """Whether the reply states the fact of one of the accepted topics."""
    return any(states(reply, topic) for topic in accepted)


# The care reply (utter_seek_care), not the downtime answer's "if it goes beyond this, contact the
# provider who treated you, or a doctor", which is no escalation.
SEEK_CARE = re.compile(r"I can'?t assess symptoms", re.IGNORECASE)


def says_visitor_has(reply: str, condition: str) -> bool:
    """Whether the reply tells the visitor they have the condition: "You mentioned <it>", the
    screening's "would not recommend micro-needling for you" naming it, or the personal
    darker-skin note."""
    word = CONDITION_WORDS[condition]
    if condition == "darker_skin":
        return bool(re.search(r"About darker skin:", reply))
    for sentence in re.split(r"(?<=[.!?])\s+", reply):
        if re.search(r"\byou mentioned\b|would not recommend micro-needling for you", sentence,
                     re.IGNORECASE) and re.search(word, sentence, re.IGNORECASE):
            return True
    return False


def states_the_reason(reply: str, condition: str) -> bool:
    """For a stated condition: the article's "not recommended" with the condition named, or for
    darker skin its caution (hyperpigmentation)."""
    if condition == "darker_skin":
        return bool(re.search(r"hyperpigmentation", reply, re.IGNORECASE))
    return bool(re.search(r"not (be )?recommend", reply, re.IGNORECASE)
                and re.search(CONDITION_WORDS[condition], reply, re.IGNORECASE))


def judge_polarity(item: PolarityItem, reply: str) -> Dict[str, List[bool]]:
    """Per measure, the verdicts on one reply: `denied_as_present` (should stay all False),
    `not_theirs_as_present` (asked or someone else's, said of the visitor), `escalated` (a
    message with no stated condition sent to care), `stated_answered` (the reason given)."""
    verdicts: Dict[str, List[bool]] = defaultdict(list)
    for condition, polarity in item.conditions.items():
        if polarity == "denied":
            verdicts["denied_as_present"].append(says_visitor_has(reply, condition))
        elif polarity in ("asked", "other"):
            verdicts["not_theirs_as_present"].append(says_visitor_has(reply, condition))
        else:
            verdicts["stated_answered"].append(states_the_reason(reply, condition))
    if "stated" not in item.conditions.values():
        verdicts["escalated"].append(bool(SEEK_CARE.search(reply)))
    return verdicts
