"""A question that can only ask how long a session takes ("and each time how long do i need to
be there", "Ok. Face treatment how much time it takes?", core/asked_fact.py) gets `intent`, the
procedure question, whose reply leads with the session's length: the classifier, reading the
words of price, count or fear around it, had put such questions on the price, the series or the
pain. Taken from `from_intents`; from `gap_intents` (out of scope) only when the message names a
topic the article never covers ("I bruise really easily... how long is the appointment?"), so
topic_not_in_article, later, still says so before the session's length. After an answer on one
of `after_topics`, a short question naming a length of its own ("so roughly an hour all in?")
checks the session's length too. Not inside a form, whose answers form_answer reads."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.asked_fact import asks_session_length, checks_a_duration
from core.gaps import GAP_ENTITY
from nlu_components.reading.rule import ReadingRule, State, intent_of


class SessionLength(ReadingRule):
    name = "session_length"
    defaults = {"intent": "ask_procedure", "from_intents": [], "gap_intents": ["out_of_scope"],
                "after_topics": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        intent = intent_of(message)
        if state.requested_slot:
            return None
        if state.last_topic in self.settings["after_topics"] \
                and intent in self.settings["from_intents"] \
                and checks_a_duration(message.get(TEXT)):
            return self.settings["intent"]
        if not asks_session_length(message.get(TEXT)):
            return None
        if intent in self.settings["from_intents"]:
            return self.settings["intent"]
        names_a_gap = any(e.get("entity") == GAP_ENTITY for e in message.get(ENTITIES) or [])
        return self.settings["intent"] if intent in self.settings["gap_intents"] and names_a_gap \
            else None
