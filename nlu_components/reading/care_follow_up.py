"""Once the visitor has reported a symptom of their own (the `reported_symptom` slot, set with
the seek-care reply by actions/safety.py), a short question about their situation ("should I
still go to my next session?", "will it fade on its own?", "could it be the serum?") or news of
it going on ("it's spreading down my neck now"), core/follow_ups.py, is about that symptom: it
gets `intent` (the seek-care reply, then what the article says on the topic, if anything), not
the article's general answer alone. A message the classifier read as one of `from_intents`
only: the clinic's hours, a greeting or "stop" keep theirs."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.follow_ups import asks_about_own_situation, tells_more_of_it
from nlu_components.reading.rule import ReadingRule, State, intent_of


class CareFollowUp(ReadingRule):
    name = "care_follow_up"
    defaults = {"intent": "report_complication", "from_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if not state.reported or intent_of(message) not in self.settings["from_intents"]:
            return None
        text = message.get(TEXT)
        return self.settings["intent"] \
            if asks_about_own_situation(text) or tells_more_of_it(text) else None
