""""is microneedling a good fit for me?", "I'm 45 with olive skin, would I be suitable?": a
personal suitability question (core/candidacy.py) read as one of `from_intents` starts the
screening (`intent`), like "am I a good candidate?"; "who is it suitable for?" keeps its
general answer. Read as one of `told_from_intents` (what it treats, or unsure), it does so only
when the visitor tells a skin tone or condition of their own and the question ends on whether
they can have it ("hi, I'm black and want to fix my acne scars. can I get microneedling?",
core/candidacy.py): the screening weighs what they told, which the answer on what it treats
would not. Never with a topic the article never covers, whose honest "not covered" comes
first."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_ROLE, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.candidacy import asks_if_they_can_have_it, asks_own_candidacy
from core.gaps import GAP_ENTITY
from nlu_components.reading.rule import ReadingRule, State, intent_of


class OwnCandidacy(ReadingRule):
    name = "own_candidacy"
    defaults = {"from_intents": [], "told_from_intents": [], "intent": "ask_candidate"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        intent, text = intent_of(message), message.get(TEXT)
        if any(e.get("entity") == GAP_ENTITY for e in message.get(ENTITIES) or []):
            return None
        if intent in self.settings["from_intents"]:
            asks = asks_own_candidacy(text)
        elif intent in self.settings["told_from_intents"]:
            asks = tells_own_context(message) and asks_if_they_can_have_it(text)
        else:
            return None
        return self.settings["intent"] if asks else None


def tells_own_context(message: Message) -> bool:
    """A skin tone or condition the visitor states as their own (no role: not denied, asked
    about or someone else's; nlu_components/condition_polarity.py)."""
    return any(entity.get("entity") in ("skin_tone", "condition")
               and not entity.get(ENTITY_ATTRIBUTE_ROLE)
               for entity in message.get(ENTITIES) or [])
