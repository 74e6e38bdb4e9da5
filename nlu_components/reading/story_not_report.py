"""A message the classifier read as a complication report whose every symptom is denied, asked
about, a disposition or someone else's ("my friend got an infection after hers, how do I avoid
that?", core/polarity.py) is a question: it gets the best of `article_intents` in the ranking at
`min` or above, or `fallback` (the honest "not sure") when there is none. So is one that names no
symptom at all but a condition that is not the visitor's own ("my sister has dark skin, is it safe
for her?"): the condition reading gave it a role (nlu_components/condition_polarity.py)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_ROLE, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import describes_symptom, mentions_symptom
from nlu_components.reading.rule import ReadingRule, State, best_of, intent_of


class StoryNotReport(ReadingRule):
    name = "story_not_report"
    defaults = {"report_intent": "report_complication", "article_intents": [], "min": 0.1,
                "fallback": "nlu_fallback"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT) or ""
        if intent_of(message) != self.settings["report_intent"] or describes_symptom(text):
            return None
        not_theirs = any(entity.get(ENTITY_ATTRIBUTE_ROLE) for entity in
                         message.get(ENTITIES) or [])
        if not (mentions_symptom(text) or not_theirs):
            return None
        return best_of(message, self.settings["article_intents"], self.settings["min"],
                       self.settings["fallback"])
