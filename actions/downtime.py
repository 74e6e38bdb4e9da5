"""Is there any downtime, and what are the side effects?"""
import re
from typing import Any, Dict, Optional, Text

from actions.context import VisitorContext
from core.knowledge import citation, fact
from actions.topic_action import TopicAction


# Before the visitor's wedding or holiday: the article gives no lead time, only the days after.
BEFORE_AN_EVENT = ("The article doesn't say how long before an event to have it; what it says of "
                   "the days after: ")


def answer(knowledge: Dict[Text, Any], context: VisitorContext) -> Text:
    hours = fact(knowledge, "downtime.resolved_within_hours")
    return (
        (BEFORE_AN_EVENT if context.before_an_event else "") +
        f"Downtime is {fact(knowledge, 'downtime.summary')}. "
        f"{fact(knowledge, 'downtime.redness_and_bleeding').capitalize()}; these usually settle "
        f"within {hours} hours. {fact(knowledge, 'downtime.other_effects').capitalize()}. "
        f"If it goes beyond this, or anything worries you, contact the provider who treated you, "
        f"or a doctor. {citation(knowledge)}"
    )


# After-effects the article describes as normal, and ways of asking whether something is normal.
# A message the safety net sends to a provider also gets what the article says is usual when it
# names one of them or asks whether what it describes is normal, so the visitor can compare.
AFTER_EFFECT_WORDS = re.compile(
    # "pink", "flushed" and "sunburn" are how visitors describe the article's redness.
    r"\b(red|redness|reddish|pink|pinkish|flushed|sunburn\w*|bleed\w*|blood\w*|peel\w*|flak\w*|"
    r"dry|dryness|drie\w*|"
    r"normal|usual|expect\w*|supposed to|meant to)\b", re.IGNORECASE)


def after_effects_note(knowledge: Dict[Text, Any], text: Optional[Text]) -> Optional[Text]:
    """What the article says is usual after a session, if the message is about it."""
    if not AFTER_EFFECT_WORDS.search(text or ""):
        return None
    hours = fact(knowledge, "downtime.resolved_within_hours")
    return (
        f"For comparison, what the article describes as usual: "
        f"{fact(knowledge, 'downtime.redness_and_bleeding')}, which usually settles within "
        f"{hours} hours, and {fact(knowledge, 'downtime.other_effects')}. Anything more than "
        f"that, or anything that worries you, is for your provider. {citation(knowledge)}"
    )


class ActionAnswerDowntime(TopicAction):
    topic = "downtime"
    action_name = "action_answer_downtime"
    answer = staticmethod(answer)
