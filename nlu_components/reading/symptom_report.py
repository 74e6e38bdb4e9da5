"""A reported symptom goes to the seek-care answer (`intent`).

Small-talk intents are answered by rules with a plain response, so the symptom net in the actions
never sees them: "thanks, but it's still bleeding" read as `thanks` would get "You're welcome".
Likewise "help my skin is burning" read as `ask_treats` at 0.31 would get the article's list of
treatable conditions. So a message whose text reports a symptom (core/symptoms.py, the net the
actions use, which reads each mention's polarity) is relabelled when its intent is small talk,
or any other intent below `uncertain_below`, and whatever its intent when it reports a serious
sign (infection, pus, fever, an allergy) or is a report rather than a question. A confident article
question about a usual after-effect keeps its intent: "is bleeding normal?" is answered by the
article. `keep_intents` are never relabelled: an answer inside a form, deleting, and the intents
whose actions run the net themselves (actions/safety.py)."""
from typing import Optional, Text

from rasa.shared.nlu.constants import INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import describes_serious_symptom, describes_symptom
from core.text import asks_a_question
from nlu_components.reading.rule import ReadingRule, State, intent_of


class SymptomReport(ReadingRule):
    name = "symptom_report"
    defaults = {"intent": "report_complication", "small_talk_intents": [],
                "uncertain_below": 0.0, "keep_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        name = intent_of(message)
        text = message.get(TEXT)
        if name is None or name == self.settings["intent"] \
                or name in self.settings["keep_intents"] or not describes_symptom(text):
            return None
        confidence = (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0
        if name in self.settings["small_talk_intents"] or describes_serious_symptom(text) \
                or not asks_a_question(text) or confidence < self.settings["uncertain_below"]:
            return self.settings["intent"]
        return None
