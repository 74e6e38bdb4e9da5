"""The report's figures, computed from the visitor turns: per day, per topic, the unanswered
questions in groups, the escalated complications and the reply times; with the answers
visitors rated and the callback requests, which come from the store as they are."""
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Optional, Sequence, Tuple

from review.feedback import Feedback
from review.grouping import QuestionGroup, group_questions
from review.turns import Turn


@dataclass
class Summary:
    conversations: int
    messages: int
    per_day: Dict[date, Tuple[int, int]]  # day -> (conversations, messages), days in order
    per_intent: List[Tuple[str, int]]  # most asked first
    unanswered: List[QuestionGroup]
    escalated: List[Turn]
    latencies: List[float]  # seconds, one per answered message
    feedback: List[Feedback]  # oldest first
    callback_requests: List[dict]  # rows of store/callback_requests.py, oldest first

    @property
    def not_helpful(self) -> List[Feedback]:
        return [rating for rating in self.feedback if not rating.helpful]

    @property
    def unanswered_count(self) -> int:
        return sum(group.count for group in self.unanswered)

    def latency_percentile(self, percent: float) -> Optional[float]:
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        rank = math.ceil(percent / 100 * len(ordered)) - 1  # nearest rank
        return ordered[max(0, min(len(ordered) - 1, rank))]


def summarise(turns: List[Turn], feedback: Sequence[Feedback] = (),
              callback_requests: Sequence[dict] = ()) -> Summary:
    conversations_by_day: Dict[date, set] = {}
    messages_by_day: Counter = Counter()
    for turn in turns:
        conversations_by_day.setdefault(turn.day, set()).add(turn.conversation)
        messages_by_day[turn.day] += 1
    per_day = {day: (len(conversations_by_day[day]), messages_by_day[day])
               for day in sorted(messages_by_day)}
    intents = Counter(turn.intent or "(none)" for turn in turns)
    return Summary(
        conversations=len({turn.conversation for turn in turns}),
        messages=len(turns),
        per_day=per_day,
        per_intent=sorted(intents.items(), key=lambda item: (-item[1], item[0])),
        unanswered=group_questions([turn for turn in turns if turn.unanswered]),
        escalated=[turn for turn in turns if turn.escalated],
        latencies=[turn.latency for turn in turns if turn.latency is not None],
        feedback=sorted(feedback, key=lambda rating: rating.timestamp),
        callback_requests=list(callback_requests),
    )
