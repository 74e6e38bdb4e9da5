""""How long should I wait once it heals?", "when the infection clears can I book?"
(core/candidacy.py's `asks_once_it_heals`) asks when a wound or an infection that rules it out
for now is over: `intent`, who it suits, whose reply lists what rules it out, led by the plain
word that the article names no wait (actions/suitability.py). The classifier read such questions
as the downtime or the booking. After own_candidacy, so they start no screening; never inside a
form, whose answers form_answer reads."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.candidacy import asks_once_it_heals
from core.symptoms import describes_symptom
from nlu_components.reading.rule import ReadingRule, State, intent_of


class OnceItHeals(ReadingRule):
    name = "once_it_heals"
    defaults = {"intent": "ask_suitability", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        if state.requested_slot or state.reported \
                or intent_of(message) not in self.settings["from_intents"] \
                or describes_symptom(text):
            return None
        return self.settings["intent"] if asks_once_it_heals(text) else None
