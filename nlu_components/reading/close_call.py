"""A close call between two article questions is marked unsure, keeping the ranking, so the reply
says so and gives the article's answer to both (actions/safety.py): "How Much Time Does A Session
Take?" read as cost at 0.45 and as the procedure at 0.35 gets both answers instead of the wrong
one alone. A close call: the top intent is an article question below `top_below`, and the next
article question has at least `second_ratio` of its confidence."""
from typing import Optional, Text

from rasa.shared.nlu.constants import INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from nlu_components.reading.rule import ReadingRule, State, intent_of


class CloseCall(ReadingRule):
    name = "close_call"
    defaults = {"article_intents": [], "top_below": 0.0, "second_ratio": 1.0,
                "intent": "nlu_fallback"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        ranking = message.get(INTENT_RANKING_KEY) or []
        if len(ranking) < 2 or intent_of(message) != ranking[0].get(INTENT_NAME_KEY):
            return None
        first, second = ranking[0], ranking[1]
        article = set(self.settings["article_intents"])
        if not {first.get(INTENT_NAME_KEY), second.get(INTENT_NAME_KEY)} <= article:
            return None
        top = first.get(PREDICTED_CONFIDENCE_KEY) or 0.0
        close = top < float(self.settings["top_below"]) and \
            (second.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= \
            float(self.settings["second_ratio"]) * top
        return self.settings["intent"] if close else None
