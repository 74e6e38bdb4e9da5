"""The shape of a short follow-up read against the last answer: after an answer on one of
`topics`, a message the classifier read as one of `from_intents` that names no topic the article
never covers and that `asks` (a core/follow_ups.py test) is relabelled `intent`; the entities in
`drop_entities` are removed from it."""
from typing import Callable, Optional, Text

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.gaps import GAP_ENTITY
from nlu_components.reading.rule import ReadingRule, State, intent_of


class ContextFollowUp(ReadingRule):
    defaults = {"intent": "inform", "topics": [], "from_intents": [], "drop_entities": []}
    asks: Callable[[Optional[Text]], bool]

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        entities = message.get(ENTITIES) or []
        if state.last_topic not in self.settings["topics"] \
                or intent_of(message) not in self.settings["from_intents"] \
                or any(e.get("entity") == GAP_ENTITY for e in entities) \
                or not type(self).asks(message.get(TEXT)):
            return None
        drop = set(self.settings["drop_entities"])
        if drop:
            message.set(ENTITIES, [e for e in entities if e.get("entity") not in drop],
                        add_to_output=True)
        return self.settings["intent"]
