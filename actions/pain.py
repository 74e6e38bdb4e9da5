"""Does micro-needling hurt?"""
from typing import Any, Dict, Text

from actions.context import VisitorContext
from core.knowledge import citation, fact
from actions.topic_action import TopicAction


def answer(knowledge: Dict[Text, Any], context: VisitorContext) -> Text:
    return (
        f"You'll probably feel {fact(knowledge, 'pain.sensation')}. Providers apply numbing "
        f"cream to the area being treated {fact(knowledge, 'pain.numbing_cream_minutes_min')} to "
        f"{fact(knowledge, 'pain.numbing_cream_minutes_max')} minutes before the session starts, "
        f"so micro-needling is {fact(knowledge, 'pain.tolerance')}. {citation(knowledge)}"
    )


class ActionAnswerPain(TopicAction):
    topic = "pain"
    action_name = "action_answer_pain"
    answer = staticmethod(answer)
