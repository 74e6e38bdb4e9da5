"""A question read as one of `article_intents` that names a topic the article never covers (the
`not_in_article` entity, nlu_components/gap_terms.py: "is it safe during pregnancy?") becomes
`intent` (out_of_scope), the article question kept next in the ranking: the reply
(actions/safety.py) says the article doesn't cover the term, then what it does say on the nearest
topic."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

from core.gaps import GAP_ENTITY
from nlu_components.reading.rule import ReadingRule, State, intent_of


class TopicNotInArticle(ReadingRule):
    name = "topic_not_in_article"
    defaults = {"article_intents": [], "intent": "out_of_scope"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if intent_of(message) not in self.settings["article_intents"] \
                or not any(e.get("entity") == GAP_ENTITY for e in message.get(ENTITIES) or []):
            return None
        return self.settings["intent"]
