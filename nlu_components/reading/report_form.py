"""How a message that may go to care tells its symptom: `asked` in general ("can the numbing
cream make you faint?") is marked by a `report_form` entity that sets the slot of the same name
(every other message sets it to `told`, domain.yml; a `told` entity would have no place in the
text, which `rasa test` needs of every entity). So the seek-care reply (a domain response, sent
even when the action server is down) is put as a condition to a question that tells of nothing
happening to the visitor, and such a question does not mark the conversation as holding a
report.

It changes no intent: it only marks what the rules before it read. Last in the stage, so the
intent it sees is the one the dialogue gets. Why and which words: docs/understanding.md."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import asked_in_general, describes_symptom
from nlu_components.reading.rule import ReadingRule, State, intent_of

ENTITY = "report_form"
ASKED = "asked"
TOLD = "told"


class ReportForm(ReadingRule):
    name = "report_form"
    defaults = {"report_intent": "report_complication"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        if intent_of(message) != self.settings["report_intent"] and not describes_symptom(text):
            return None
        # After a report of their own, a question about their situation is theirs too.
        if state.reported or not asked_in_general(text):
            return None  # "told": the slot's own default for every other message (domain.yml)
        # First, so that the bound on a message's entities (bounded_parse.py) never drops it.
        kept = [e for e in message.get(ENTITIES) or [] if e.get("entity") != ENTITY]
        # The whole text is its place: `rasa test` and Rasa's story writer need one.
        message.set(ENTITIES, [{"entity": ENTITY, "value": ASKED, "start": 0,
                                "end": len(text or ""), "extractor": type(self).__name__}] + kept,
                    add_to_output=True)
        return None
