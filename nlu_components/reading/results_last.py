"""A question that can only ask how long the results last ("how long will the effects remain?",
"are the results permanent?", core/asked_fact.py's `asks_how_long_results_last`) is the results
question (`intent`), whose reply says the article doesn't say how long they last and that
maintenance treatments follow the series; the classifier had read the "how long" of such
questions as the downtime or a session's length. From `from_intents` only, never inside a form;
a topic the article never covers ("results from PRP") is still named by topic_not_in_article."""
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.asked_fact import asks_how_long_results_last
from nlu_components.reading.rule import ReadingRule, State, intent_of


class ResultsLast(ReadingRule):
    name = "results_last"
    defaults = {"from_intents": [], "intent": "ask_results"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if asks_how_long_results_last(message.get(TEXT)) else None
