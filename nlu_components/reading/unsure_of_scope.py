"""An article question the classifier is unsure of, with "not in the article" close behind it,
is marked unsure (`intent`, the ranking kept): the reply says it may not answer exactly and gives
the article's answer on the topic, instead of that answer alone as if the article covered the
question ("is it more expensive in a big city?" read as the price at 0.45, out of scope at 0.3).

Only the classifier's own reading: a message a rule before it placed keeps that reading (the
stage records it), and so does one naming a condition or skin tone, whose answer speaks of it,
one describing a symptom (symptom_report decided it), or one inside the screening. The
thresholds were chosen on the fold models of make bench-real (docs/understanding.md)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import (ENTITIES, INTENT_NAME_KEY, INTENT_RANKING_KEY,
                                       PREDICTED_CONFIDENCE_KEY, TEXT)
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import describes_symptom
from nlu_components.reading.rule import ReadingRule, State, intent_of, placed_by

# Entities whose answer speaks of the visitor ("You mentioned ..."): such a message keeps its
# reading.
PERSONAL_ENTITIES = {"condition", "skin_tone"}


class UnsureOfScope(ReadingRule):
    name = "unsure_of_scope"
    defaults = {"article_intents": [], "top_below": 0.0, "out_of_scope_ratio": 1.0,
                "out_of_scope": "out_of_scope", "intent": "nlu_fallback"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        ranking = message.get(INTENT_RANKING_KEY) or []
        if state.requested_slot or placed_by(message) is not None or not ranking \
                or intent_of(message) not in self.settings["article_intents"] \
                or ranking[0].get(INTENT_NAME_KEY) != intent_of(message) \
                or any(e.get("entity") in PERSONAL_ENTITIES
                       for e in message.get(ENTITIES) or []):
            return None
        top = ranking[0].get(PREDICTED_CONFIDENCE_KEY) or 0.0
        out = next((entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0 for entry in ranking
                    if entry.get(INTENT_NAME_KEY) == self.settings["out_of_scope"]), 0.0)
        if top >= float(self.settings["top_below"]) \
                or out < float(self.settings["out_of_scope_ratio"]) * top:
            return None
        # Last, being the dearest test: a message describing a symptom keeps what symptom_report
        # decided (the unsure answer runs the symptom net, the article's answer on the
        # after-effects does not).
        return None if describes_symptom(message.get(TEXT)) else self.settings["intent"]
