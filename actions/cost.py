"""How much does it cost? Per session, per series, or for the visitor's number of sessions."""
import re
from typing import Any, Dict, Optional, Text, Tuple

from actions.context import VisitorContext
from actions.topic_action import TopicAction
from core.knowledge import citation, fact, source_year

# More sessions than this is not a plan anyone described; we don't multiply it out.
MAX_SESSIONS = 50

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "single": 1,
}
SERIES_WORDS = ("series",)


def parse_session_count(text: Optional[Text], series_sessions: int) -> Optional[int]:
    """"six sessions" -> 6, "3 treatments" -> 3, "the full series" -> the series length."""
    if not text:
        return None
    lowered = text.lower()
    if any(word in lowered for word in SERIES_WORDS):
        return series_sessions
    digits = re.search(r"\d+", lowered)
    if digits:
        return int(digits.group()) if len(digits.group()) <= 6 else None
    for word in re.findall(r"[a-z]+", lowered):
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word]
    return None


def cost_range(sessions: int, knowledge: Dict[Text, Any]) -> Tuple[int, int]:
    return (
        sessions * fact(knowledge, "cost.per_session_min"),
        sessions * fact(knowledge, "cost.per_session_max"),
    )


def money(amount: int, knowledge: Dict[Text, Any]) -> Text:
    return f"{fact(knowledge, 'cost.currency_symbol')}{amount:,}"


def answer(knowledge: Dict[Text, Any], context: VisitorContext) -> Text:
    low, high = cost_range(1, knowledge)
    series = fact(knowledge, "treatment_plan.series_sessions")
    sentences = [
        f"According to the article, each session costs {money(low, knowledge)} to "
        f"{money(high, knowledge)}, depending on {fact(knowledge, 'cost.depends_on')}."
    ]
    if context.asks_what_price_covers:
        # "is the numbing included?": the article names only what the price depends on.
        sentences.append("The article doesn't say what the price includes beyond that, so ask "
                         "the clinic what its quote covers.")
    sessions = parse_session_count(context.sessions_text, series)
    if sessions is not None and 1 < sessions <= MAX_SESSIONS:
        total_low, total_high = cost_range(sessions, knowledge)
        sentences.append(
            f"For {sessions} sessions that works out at about {money(total_low, knowledge)} to "
            f"{money(total_high, knowledge)}."
        )
    elif sessions is not None and sessions > MAX_SESSIONS:
        sentences.append(
            f"I won't multiply that out for {sessions} sessions: the article describes a series "
            f"of {series}, so please ask the clinic for a quote."
        )
    if sessions is None or sessions == 1:  # one session's price is the first sentence
        series_low, series_high = cost_range(series, knowledge)
        sentences.append(
            f"A typical series of {series} sessions would come to roughly "
            f"{money(series_low, knowledge)} to {money(series_high, knowledge)}. "
            f"{fact(knowledge, 'treatment_plan.maintenance')}."
        )
    if context.body_area:
        sentences.append(
            f"The article doesn't give a separate price for the {context.body_area}; the area "
            "treated is one of the things that moves the price within that range, so ask the "
            "clinic for a quote."
        )
    sentences.append(f"These are the article's figures from {source_year(knowledge)}; current "
                     f"prices may differ. {citation(knowledge)}")
    return " ".join(sentences)


class ActionAnswerCost(TopicAction):
    topic = "cost"
    action_name = "action_answer_cost"
    answer = staticmethod(answer)
