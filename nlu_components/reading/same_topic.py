"""A bare "why?" or "really?" after an answer asks about that answer again. A short message that
points back at the last answer ("is that the same for everyone?", "how long before?", "how do
they avoid that?") and that the classifier reads as another article question
without confidence (its top reading below `top_below`) is read as a question on the last
answer's topic, when the classifier gives that topic at least `min_last`. Each topic's question
is ask_<topic> (the last_topic slot's values, domain.yml). Last in the stage: any rule before it
that placed the message (a symptom, a gap, a price or count follow-up) has taken it out of
`from_intents`. Not for the second or third question of one message ("how much is it, and does
it hurt?": its "it" is micro-needling, not the first answer), which the input guard marks in
the message's metadata (channels/guard.py). The thresholds were picked on make bench-real's
fold models (docs/understanding.md, "Follow-ups"). A message last placed by one of `yields_to`
(config.yml: the rules that read the message's own words or the last answer, "ok and after?"
after the pain answer being after_the_session's after-effects) is left alone."""
import re
from typing import Optional, Text

from rasa.shared.nlu.constants import (ENTITIES, INTENT_NAME_KEY, INTENT_RANKING_KEY, METADATA,
                                       PREDICTED_CONFIDENCE_KEY, TEXT)
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import QUESTION_KEY, names_a_price, points_back
from core.gaps import GAP_ENTITY
from nlu_components.reading.rule import ReadingRule, State, intent_of, placed_by


# A bare "why?" or "really?" after an answer asks for that answer's reason or asks it again.
# "why though", "why is this", "why this is happen?", "how come tho": the same ask in more words.
ASKS_WHY = re.compile(r"^\W*(but\s+|and\s+|ok\s+|okay\s+|so\s+|hmm+\s+|wait\s+)?(why|why not|"
                      r"how come|how so|really|for real|fr|seriously|srsly|rly|are you sure|"
                      r"you sure|is that (true|right|so)|why is that|why's that|whys that)"
                      r"(\W+(though|tho|then|exactly|is\s+(that|this|it)|(that|this|it)(\s+is)?|"
                      r"(does|would|could|will)\s+(that|this|it)\s+happen|"
                      r"(is\s+)?happen(s|ing)?))*\W*$", re.IGNORECASE)


class SameTopic(ReadingRule):
    name = "same_topic"
    defaults = {"from_intents": [], "top_below": 0.7, "min_last": 0.05, "max_words": 9,
                "topics": [], "price_intent": "ask_cost", "yields_to": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if (message.get(METADATA) or {}).get(QUESTION_KEY) \
                or state.last_topic not in self.settings["topics"]:
            return None
        if ASKS_WHY.match(message.get(TEXT) or "") and not state.requested_slot:
            # "why?", "really?": about the last answer, however the classifier read two words
            return f"ask_{state.last_topic}"
        if intent_of(message) not in self.settings["from_intents"] \
                or placed_by(message) in self.settings["yields_to"] \
                or not points_back(message.get(TEXT), self.settings["max_words"]) \
                or any(e.get("entity") == GAP_ENTITY for e in message.get(ENTITIES) or []) \
                or (intent_of(message) == self.settings["price_intent"]
                    and names_a_price(message.get(TEXT))):
            return None
        last = f"ask_{state.last_topic}"
        ranking = {entry.get(INTENT_NAME_KEY): entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0
                   for entry in message.get(INTENT_RANKING_KEY) or []}
        top = max(ranking.values(), default=0.0)
        if intent_of(message) == last or top >= self.settings["top_below"] \
                or ranking.get(last, 0.0) < self.settings["min_last"]:
            return None
        return last
