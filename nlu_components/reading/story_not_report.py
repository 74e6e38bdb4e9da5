"""A message the classifier read as a complication report whose every symptom is denied, asked
about, a disposition or someone else's ("my friend got an infection after hers, how do I avoid
that?", core/polarity.py) is a question: it gets the best of `article_intents` in the ranking
at `min` or above, or `fallback` (the honest "not sure") when there is none. So is a question
that names no symptom at all but only conditions that are someone else's or asked about ("my
sister has dark skin, is it safe for her?"): the condition reading gave them their role
(nlu_components/condition_polarity.py). And so is good news asked about with no word of a
symptom or a worry ("skin feels smoother already, is that real?", core/symptoms.py), and a
question about what happened to someone else with no word of the visitor's own ("my aunt said
she had scabs for a week after hers, how do i avoid that?"), before any report of their own.
And so is a long question telling no symptom, no treatment had and nothing happening now
(`long_question_telling_nothing`), before any report of the visitor's own."""
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_ROLE, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.symptoms import (describes_symptom, long_question_telling_nothing, mentions_symptom,
                           reports_good_news, someone_else_s_story)
from core.text import asks_a_question
from nlu_components.condition_polarity import ASKED_ROLE, OTHER_ROLE
from nlu_components.reading.rule import ReadingRule, State, best_of, intent_of

CONDITION_ENTITIES = ("condition", "skin_tone")


class StoryNotReport(ReadingRule):
    name = "story_not_report"
    defaults = {"report_intent": "report_complication", "article_intents": [], "min": 0.1,
                "fallback": "nlu_fallback"}

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT) or ""
        if intent_of(message) != self.settings["report_intent"] or describes_symptom(text):
            return None
        # Good news counts only before any report of the visitor's own: after one, "will it get
        # better?" is about that symptom (care_follow_up).
        if not (mentions_symptom(text) or self.only_others_conditions(message, text)
                or (reports_good_news(text) and not state.reported)
                or (someone_else_s_story(text) and not state.reported)
                or (long_question_telling_nothing(text) and not state.reported)):
            return None
        return best_of(message, self.settings["article_intents"], self.settings["min"],
                       self.settings["fallback"])

    @staticmethod
    def only_others_conditions(message: Message, text: Text) -> bool:
        """A question naming conditions, every one someone else's or only asked about ("my
        sister has dark skin, is it safe for her?"). A denied one does not count: "I never had
        keloids but the marks are raised and hard now" is the visitor's report."""
        roles = [entity.get(ENTITY_ATTRIBUTE_ROLE) for entity in message.get(ENTITIES) or []
                 if entity.get("entity") in CONDITION_ENTITIES]
        return bool(roles) and all(role in (OTHER_ROLE, ASKED_ROLE) for role in roles) \
            and asks_a_question(text)
