"""Groups the questions the assistant could not answer, so that the same question asked in
different words shows once, with how often it was asked.

Two rules, simple enough to explain to the clinic's staff: questions naming the same topic the
article never covers (the gap term NLU found, e.g. "pregnancy") form one group; the others join
the first group whose first question shares at least SIMILARITY of their content words
(Jaccard overlap after dropping common words and a plural "s"), else start their own group.
Largest groups first.
"""
import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional

from review.turns import Turn

SIMILARITY = 0.5
STOP_WORDS = frozenset("""
a an the and or but if then so of to in on at for with about from by as into is are was were be
been being am do does did doing have has had can could will would shall should may might must i
me my mine you your yours we our it its this that these those there here what which who whom
how when where why any some much many more most very just also too not no yes please thanks
thank hi hello hey get got ok okay micro needling microneedling microneedle micro-needling
""".split())


def content_words(text: str) -> FrozenSet[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                     for w in words if w not in STOP_WORDS)


def jaccard(a: FrozenSet[str], b: FrozenSet[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass
class QuestionGroup:
    label: str  # the gap term, or the group's first question
    gap_term: Optional[str]
    turns: List[Turn] = field(default_factory=list)
    words: FrozenSet[str] = frozenset()

    @property
    def count(self) -> int:
        return len(self.turns)

    @property
    def questions(self) -> List[str]:
        """The distinct wordings, most asked first."""
        counts: Dict[str, int] = {}
        for turn in self.turns:
            counts[turn.text] = counts.get(turn.text, 0) + 1
        return sorted(counts, key=lambda text: (-counts[text], text))

    @property
    def next_intent(self) -> Optional[str]:
        """NLU's most frequent second guess in the group, a hint for labelling."""
        guesses = [t.next_intent for t in self.turns if t.next_intent]
        return max(sorted(set(guesses)), key=guesses.count) if guesses else None


def group_questions(turns: List[Turn], similarity: float = SIMILARITY) -> List[QuestionGroup]:
    by_term: Dict[str, QuestionGroup] = {}
    by_words: List[QuestionGroup] = []
    for turn in turns:
        if turn.gap_term:
            term = turn.gap_term.lower()
            by_term.setdefault(term, QuestionGroup(term, term)).turns.append(turn)
            continue
        words = content_words(turn.text)
        group = next((g for g in by_words if jaccard(g.words, words) >= similarity), None)
        if group is None:
            group = QuestionGroup(turn.text, None, words=words)
            by_words.append(group)
        group.turns.append(turn)
    groups = list(by_term.values()) + by_words
    return sorted(groups, key=lambda g: (-g.count, g.label.lower()))
