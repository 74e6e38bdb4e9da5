"""A message the classifier read as a complication report whose every symptom is denied, asked
about, a disposition or someone else's ("my friend got an infection after hers, how do I avoid
that?", core/polarity.py) is a question: it gets the best of `article_intents` in the ranking at
`min` or above, or `fallback` (the honest "not sure") when there is none."""
from typing import Optional, Text

from rasa.shared.nlu.constants import (INTENT_NAME_KEY, INTENT_RANKING_KEY,
                                       PREDICTED_CONFIDENCE_KEY, TEXT)
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import describes_symptom, mentions_symptom
from nlu_components.reading.rule import ReadingRule, State, intent_of


class StoryNotReport(ReadingRule):
    name = "story_not_report"
    defaults = {"report_intent": "report_complication", "article_intents": [], "min": 0.1,
                "fallback": "nlu_fallback"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT) or ""
        if intent_of(message) != self.settings["report_intent"] or not mentions_symptom(text) \
                or describes_symptom(text):
            return None
        article = set(self.settings["article_intents"])
        for entry in message.get(INTENT_RANKING_KEY) or []:
            if entry.get(INTENT_NAME_KEY) in article \
                    and (entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= self.settings["min"]:
                return entry[INTENT_NAME_KEY]
        return self.settings["fallback"]
