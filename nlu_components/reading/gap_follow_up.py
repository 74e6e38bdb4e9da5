"""Right after an answer naming a topic the article never covers ("the article doesn't cover
breastfeeding"), a short follow-up about another part of the treatment ("what about the numbing
cream they put on before?", core/follow_ups.py's `asks_about_it_too`) asks about it in the same
situation: it takes that topic (the `last_gap` slot, set by actions/safety.py) as its own
`not_in_article` entity and becomes `intent`, whose reply says the article doesn't cover it,
then what the article says of the part asked about (the classifier's reading, kept next in the
ranking). Read alone, the numbing answer would have told a breastfeeding visitor nothing of what
they asked. Early in the stage, so the rules that place a topic see the uncovered one. A
follow-up naming a topic of its own the article never covers, a symptom, or one inside a form
keeps its reading."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import asks_about_it_too
from core.gaps import GAP_ENTITY
from core.symptoms import describes_symptom
from nlu_components.reading.rule import ReadingRule, State, intent_of


class GapFollowUp(ReadingRule):
    name = "gap_follow_up"
    defaults = {"from_intents": [], "intent": "out_of_scope"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        entities = message.get(ENTITIES) or []
        text = message.get(TEXT)
        if not state.last_gap or state.requested_slot \
                or intent_of(message) not in self.settings["from_intents"] \
                or any(e.get("entity") == GAP_ENTITY for e in entities) \
                or not asks_about_it_too(text) or describes_symptom(text):
            return None
        # First, so that what is kept of a message's entities keeps it.
        message.set(ENTITIES, [{"entity": GAP_ENTITY, "value": state.last_gap,
                                "extractor": type(self).__name__}] + entities,
                    add_to_output=True)
        return self.settings["intent"]
