"""A question is no yes or no. The classifier reads short messages after "Was this helpful?" as
the answer to it: "how fast" became a thank-you for the feedback, "so is that a no" (after the
article's list of who it is not for) a "no problem". A message read as one of `answer_intents`
that asks a question (core/text.py) and does not open with a yes or a no ("no, how long does the
numbing take?" answers, then asks) gets the best of `question_intents` in the ranking at `min`
or above, or `fallback` (the honest "not sure", which same_topic, later, may still point at the
last answer). Not inside a form, whose yes/no questions form_answer and the form read."""
import re
from typing import Optional, Text

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.answers import words
from core.text import LEADING_FILLERS, asks_a_question
from nlu_components.reading.rule import ReadingRule, State, best_of, intent_of

# First words that answer before anything else is asked; and "why not", which is a yes.
OPENS_WITH_AN_ANSWER = {"yes", "yeah", "yea", "yep", "yup", "ya", "sure", "no", "nope", "nah",
                        "not", "never", "ok", "okay", "k", "thanks", "thank", "great", "cool",
                        "perfect", "right", "correct", "absolutely", "definitely", "please"}
A_YES = re.compile(r"^\W*why\s+not\W*$", re.IGNORECASE)


class QuestionNotAnAnswer(ReadingRule):
    name = "question_not_an_answer"
    defaults = {"answer_intents": ["affirm", "deny"], "question_intents": [], "min": 0.1,
                "fallback": "nlu_fallback"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.requested_slot or intent_of(message) not in self.settings["answer_intents"]:
            return None
        text = LEADING_FILLERS.sub("", message.get(TEXT) or "")
        said = words(text)
        if not said or said[0] in OPENS_WITH_AN_ANSWER or A_YES.match(text) \
                or not asks_a_question(text):
            return None
        return best_of(message, self.settings["question_intents"], self.settings["min"],
                       self.settings["fallback"])
