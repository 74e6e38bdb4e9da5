"""Inside the screening, an answer in the visitor's own words ("I scratched my cheek yesterday
and it hasn't closed yet" to the open-wound question, core/screening.py's answer_in_context) is
an answer (`intent`), not a complication report or a question; a serious sign still goes to
care (the symptom report rule runs later and keeps it)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.screening import YES, answer_in_context
from core.symptoms import describes_serious_symptom
from nlu_components.reading.rule import ReadingRule, State


class FormAnswer(ReadingRule):
    name = "form_answer"
    defaults = {"intent": "inform"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        if state.requested_slot is None or describes_serious_symptom(text):
            return None
        return self.settings["intent"] \
            if answer_in_context(state.requested_slot, text) == YES else None
