"""Is there any downtime, and what are the side effects?"""
from typing import Any, Dict, Text

from actions.context import VisitorContext
from actions.knowledge import citation, fact
from actions.topic_action import TopicAction


def answer(knowledge: Dict[Text, Any], context: VisitorContext) -> Text:
    hours = fact(knowledge, "downtime.resolved_within_hours")
    return (
        f"Downtime is {fact(knowledge, 'downtime.summary')}. "
        f"{fact(knowledge, 'downtime.redness_and_bleeding').capitalize()}; these usually settle "
        f"within {hours} hours. {fact(knowledge, 'downtime.other_effects').capitalize()}. "
        f"If anything worries you after a treatment, contact your provider. {citation(knowledge)}"
    )


class ActionAnswerDowntime(TopicAction):
    topic = "downtime"
    action_name = "action_answer_downtime"
    answer = staticmethod(answer)
