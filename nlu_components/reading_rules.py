"""One stage of rules that rewrite the classifier's reading of a message, applied in the order
config.yml lists them; the first rule that applies decides.

Each rule is a small class with a name and `rewrite(message, state)`, which returns the
intent the message should have or None; `state` is what the rules may know of the
conversation (the last answer's topic, the form question being asked). The stage runs after
the classifiers, the entity extractors and the condition reading
(nlu_components/condition_polarity.py), so the rules see each entity's role. Which rules
exist and why their order: docs/understanding.md.
"""
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import (ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY,
                                       PREDICTED_CONFIDENCE_KEY, TEXT)
from rasa.shared.nlu.training_data.message import Message

from core.candidacy import asks_own_candidacy
from core.follow_ups import asks_what_the_price_covers, session_count_follow_up
from core.screening import YES, answer_in_context
from core.steering import asks_about_the_assistant
from core.symptoms import describes_serious_symptom, describes_symptom, mentions_symptom
from nlu_components.relabel import relabel

COMPLICATION = "report_complication"


@dataclass(frozen=True)
class State:
    """What the rules know of the conversation: the topic of the last answer (the `last_topic`
    slot) and the question a form is asking (`requested_slot`)."""
    last_topic: Optional[Text] = None
    requested_slot: Optional[Text] = None

    @classmethod
    def of(cls, tracker: Optional[DialogueStateTracker]) -> "State":
        if tracker is None:  # a message parsed on its own (/model/parse, rasa test nlu)
            return cls()
        values = [tracker.get_slot(name) if name in tracker.slots else None
                  for name in ("last_topic", "requested_slot")]
        return cls(*[v if isinstance(v, str) else None for v in values])


def intent_of(message: Message) -> Optional[Text]:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


class ReadingRule:
    """A rule of the stage: `settings` come from the rule's entry in config.yml."""

    name = ""

    def __init__(self, settings: Dict[Text, Any]) -> None:
        self.settings = settings

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        raise NotImplementedError


class NotAQuestion(ReadingRule):
    """A request about the assistant itself (its instructions, a role, a diagnosis, other
    visitors: core/steering.py) gets the plain reply, whatever article question it resembles."""

    name = "not_a_question"

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        if intent_of(message) in self.settings.get("keep", []) or describes_symptom(text):
            return None
        return self.settings["intent"] if asks_about_the_assistant(text) else None


class StoryNotReport(ReadingRule):
    """A message the classifier read as a complication report whose every symptom is denied,
    asked about, a disposition or someone else's ("my friend got an infection after hers, how
    do I avoid that?", core/polarity.py) is a question: it gets the best article question in
    the ranking, or `fallback` when there is none."""

    name = "story_not_report"

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT) or ""
        if intent_of(message) != COMPLICATION or not mentions_symptom(text) \
                or describes_symptom(text):
            return None
        article = set(self.settings["article_intents"])
        for entry in message.get(INTENT_RANKING_KEY) or []:
            if entry.get(INTENT_NAME_KEY) in article \
                    and (entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= self.settings["min"]:
                return entry[INTENT_NAME_KEY]
        return self.settings["fallback"]


class OwnCandidacy(ReadingRule):
    """"is microneedling a good fit for me?", "I'm 45 with olive skin, would I be suitable?":
    a personal suitability question starts the screening (core/candidacy.py), like "am I a
    good candidate?"."""

    name = "own_candidacy"

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if intent_of(message) not in self.settings["from_intents"]:
            return None
        return self.settings["intent"] if asks_own_candidacy(message.get(TEXT)) else None


class PriceFollowUp(ReadingRule):
    """After the price answer (`topics`), "and for five?" asks the price of five sessions: the
    message becomes the follow-up `intent` with the count as a `num_sessions` entity; "is the
    serum part of that price?" asks what the price covers, which the price answer says
    (core/follow_ups.py)."""

    name = "price_follow_up"

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        if state.last_topic not in self.settings["topics"] \
                or intent_of(message) not in self.settings["from_intents"]:
            return None
        text = message.get(TEXT)
        count = session_count_follow_up(text)
        if count is not None:
            entities = [e for e in message.get(ENTITIES) or []
                        if e.get("entity") != "num_sessions"]
            entities.append({"entity": "num_sessions", "value": f"{count} sessions",
                             "extractor": type(self).__name__})
            message.set(ENTITIES, entities, add_to_output=True)
            return self.settings["intent"]
        return self.settings["intent"] if asks_what_the_price_covers(text) else None


class FormAnswer(ReadingRule):
    """Inside the screening, an answer in the visitor's own words ("I scratched my cheek
    yesterday and it hasn't closed yet" to the open-wound question, core/screening.py) is an
    answer (`intent`), not a complication report or a question; a serious sign still goes to
    care."""

    name = "form_answer"

    def rewrite(self, message: Message, state: State) -> Optional[Text]:
        text = message.get(TEXT)
        if state.requested_slot is None or describes_serious_symptom(text):
            return None
        return self.settings["intent"] \
            if answer_in_context(state.requested_slot, text) == YES else None


RULES: Dict[Text, Type[ReadingRule]] = {
    rule.name: rule for rule in (NotAQuestion, FormAnswer, StoryNotReport, OwnCandidacy,
                                 PriceFollowUp)}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ReadingRules(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"rules": []}

    def __init__(self, config: Dict[Text, Any]) -> None:
        unknown = [r.get("name") for r in config["rules"] if r.get("name") not in RULES]
        if unknown:
            raise ValueError(f"ReadingRules: unknown rules {unknown}; known: {sorted(RULES)}")
        self.rules = [RULES[r["name"]](r) for r in config.get("rules", [])]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ReadingRules":
        return cls(config)

    def process(self, messages: List[Message],
                tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        state = State.of(tracker)
        for message in messages:
            for rule in self.rules:
                intent = rule.rewrite(message, state)
                if intent is not None:
                    if intent != intent_of(message):
                        relabel(message, intent)
                    break
        return messages
