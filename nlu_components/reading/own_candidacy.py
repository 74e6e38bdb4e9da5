""""is microneedling a good fit for me?", "I'm 45 with olive skin, would I be suitable?": a
personal suitability question (core/candidacy.py) read as one of `from_intents` starts the
screening (`intent`), like "am I a good candidate?"; "who is it suitable for?" keeps its
general answer."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.candidacy import asks_own_candidacy
from nlu_components.reading.rule import ReadingRule, State, intent_of


class OwnCandidacy(ReadingRule):
    name = "own_candidacy"
    defaults = {"from_intents": [], "intent": "ask_candidate"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if asks_own_candidacy(message.get(TEXT)) else None
