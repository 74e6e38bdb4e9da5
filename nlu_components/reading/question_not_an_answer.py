"""A question is no yes or no. The classifier reads short messages after "Was this helpful?" as
the answer to it: "how fast" became a thank-you for the feedback. A message read as one of
`answer_intents` that opens with a question word (how, what, when, where, which, who, why; after
a filler such as "ok" or "so") and has no word of a yes or a no in it (core/answers.py) gets the
best of `question_intents` in the ranking at `min` or above, or `fallback` (the honest "not
sure", which same_topic, later, may still point at the last answer). "Why not", "how about no",
"what for? no thanks" and "was helpful", "don't think so", "can't right now" stay answers: a
reviewer's replies to the assistant's yes/no questions (corpus/data/reading-review/yes-no.yml).
Inside a form, whose yes/no questions form_answer and the form read, only a question read as one
of `form_answer_intents` (unsure) that is only a question (only_a_question) is given its best
article reading, if one reaches `min`. A texting "n" for "and" ("n after?") read as a no is
a follow-up: `follow_up_intent`, which the follow-up rules after this one read in context; so is
a question after an answer read as one of `small_talk_intents` with no word of a greeting or a
goodbye ("all day?" after the after-effects, read as a goodbye)."""
import re
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.answers import read_yes_no, words
from core.symptoms import mentions_symptom
from core.text import LEADING_FILLERS
from nlu_components.reading.rule import ReadingRule, State, best_of, intent_of

ASKS = re.compile(r"^\W*(how|hows|how's|what|whats|what's|wat|when|where|which|who|whos|who's|"
                  r"why|y)\b(?!\W+not\b)", re.IGNORECASE)
# Words that consent after a question ("how many questions? fine"): an answer on a condition.
CONSENTS = {"ok", "okay", "k", "kk", "fine", "alright", "cool", "great", "good"}


# "n after?", "n for the neck?": texting's "and", then words of a question, no yes or no.
CARRIES_ON = re.compile(r"^\W*n\s+\w.*\?\W*$", re.IGNORECASE)


# A goodbye or a greeting keeps its reading with a question mark ("bye?", "anyone there?").
GREETS = re.compile(r"\b(bye+|goodbye|good\s*bye|cya|see\s+(ya|you|u)|later|laters|take\s+care|"
                    r"good\s*night|night|ttyl|hi+|hey+|hello+|hiya|yo|morning|afternoon|evening|"
                    r"anyone|there|you|good|ok|okay|fine|alright|well)\b", re.IGNORECASE)


# "gone by when": a question word anywhere asks as a question mark does.
QUESTION_WORD = re.compile(r"\b(when|how|what|why|which|where)\b", re.IGNORECASE)


def asks_not_greets(text: Optional[Text]) -> bool:
    """A question ("all day?", "gone by when") with no word of a greeting or goodbye."""
    text = (text or "").strip()
    return (text.endswith("?") or bool(QUESTION_WORD.search(text))) and not GREETS.search(text)


def carries_on(text: Optional[Text]) -> bool:
    text = (text or "").strip()
    return bool(CARRIES_ON.match(text)) and read_yes_no(text) is None


def opens_a_question(text: Optional[Text]) -> bool:
    """A question word first, and no yes, no or consent anywhere after it ("what for? no
    thanks" and "how many questions? fine" answer)."""
    text = LEADING_FILLERS.sub("", text or "")
    return bool(ASKS.match(text)) and read_yes_no(text) is None \
        and not CONSENTS.intersection(words(text))


# Entities that answer a screening question (a condition or skin tone the visitor has, not one
# asked about).
ANSWERING_ENTITIES = {"condition", "skin_tone"}


def only_a_question(message: Message) -> bool:
    """One clause that asks and tells nothing: no symptom (the care rules read those), no
    condition or skin tone of the visitor's, nothing after a comma or a question mark ("what do
    you mean raised? mine are flat", "why would I, my skin is clear")."""
    text = (message.get(TEXT) or "").strip()
    clauses = [c for c in re.split(r"[?,.;!]+", text) if c.strip()]
    named = any(e.get("entity") in ANSWERING_ENTITIES and e.get("role") != "asked"
                for e in message.get(ENTITIES) or [])
    return len(clauses) == 1 and not named and not mentions_symptom(text)


class QuestionNotAnAnswer(ReadingRule):
    name = "question_not_an_answer"
    defaults = {"answer_intents": ["affirm", "deny"], "question_intents": [], "min": 0.1,
                "fallback": "nlu_fallback", "form_answer_intents": [],
                "follow_up_intent": "inform", "small_talk_intents": []}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if not state.requested_slot and carries_on(message.get(TEXT)) \
                and intent_of(message) in self.settings["answer_intents"]:
            return self.settings["follow_up_intent"]
        if not state.requested_slot and state.last_topic \
                and intent_of(message) in self.settings["small_talk_intents"] \
                and asks_not_greets(message.get(TEXT)):
            # "all day?" after the after-effects, read as a goodbye: a follow-up
            return self.settings["follow_up_intent"]
        if not opens_a_question(message.get(TEXT)):
            return None
        if state.requested_slot:
            # Inside the screening, a question the classifier was unsure of ("how much to get it
            # done properly then") gets its best article reading, answered before the form asks
            # again, rather than "Sorry, I didn't catch that": otherwise it is left to the form.
            if intent_of(message) not in self.settings["form_answer_intents"] \
                    or not only_a_question(message):
                return None
            best = best_of(message, self.settings["question_intents"], self.settings["min"], "")
            return best or None
        if intent_of(message) not in self.settings["answer_intents"]:
            return None
        return best_of(message, self.settings["question_intents"], self.settings["min"],
                       self.settings["fallback"])
