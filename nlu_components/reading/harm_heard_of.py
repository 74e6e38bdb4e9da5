"""A bad outcome the visitor heard of, asked about ("my cousin got an infection after hers at a
salon, how do I make sure that doesn't happen to me?", core/hearsay.py), is `intent`: the
article's word on risk and on choosing a provider, not who it suits or what it treats, which
the classifier often reads there. Never a message read as a report, or telling of the
visitor's own treatment or skin ("my face is ruined after the needling, I read online this
happens, is it permanent?"): that is their report, whatever words of hearsay it has (a
reviewer's probe: tests/unit/test_reading_rules.py). A message naming a topic the article
never covers keeps
its honest "not covered", and so does one naming a condition or skin tone of the visitor's own
or asked about ("is it safe for people prone to skin infections?"): the article's word on
that condition answers it."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_ROLE, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.gaps import GAP_ENTITY
from core.hearsay import asks_about_harm_heard_of
from core.symptoms import AFTER_TREATMENT, NEW_MARK, OWN, describes_symptom, someone_else_s
from core.text import asks_a_question
from nlu_components.condition_polarity import OTHER_ROLE
from nlu_components.reading.rule import ReadingRule, State, intent_of

CONDITION_ENTITIES = ("condition", "skin_tone")


def _own_story(text: Text) -> bool:
    """A treatment, a mark or the visitor's own skin told of, and no one else's story alone
    ("my cousin got an infection after microneedling" is hers)."""
    return bool(AFTER_TREATMENT.search(text) or NEW_MARK.search(text) or OWN.search(text)) \
        and not someone_else_s(text)


class HarmHeardOf(ReadingRule):
    name = "harm_heard_of"
    defaults = {"intent": "ask_risk", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT) or ""
        entities = message.get(ENTITIES) or []
        if state.requested_slot or intent_of(message) not in self.settings["from_intents"] \
                or any(e.get("entity") == GAP_ENTITY for e in entities) \
                or any(e.get("entity") in CONDITION_ENTITIES
                       and e.get(ENTITY_ATTRIBUTE_ROLE) != OTHER_ROLE for e in entities) \
                or not asks_a_question(text) or describes_symptom(text) \
                or _own_story(text):
            return None
        return self.settings["intent"] if asks_about_harm_heard_of(text) else None
