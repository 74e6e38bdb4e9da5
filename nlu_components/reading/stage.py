"""The one stage of rules that rewrite the classifier's reading of a message.

The rules run in the order config.yml lists them; each reads the message as the rules before it
left it, so a later rule can override an earlier one (the symptom report, near the end, overrides
any reading but those in its `keep_intents`: a form's yes/no or answer, and the intents whose
actions run the symptom net themselves). A rule unknown here is refused when the model is
built. Which rule decides what, and why in this order: docs/understanding.md.
"""
from typing import Any, Dict, List, Optional, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu_components.reading.after_the_series import AfterTheSeries
from nlu_components.reading.after_the_session import AfterTheSession
from nlu_components.reading.avoid_it import AvoidIt
from nlu_components.reading.before_an_event import BeforeAnEvent
from nlu_components.reading.care_follow_up import CareFollowUp
from nlu_components.reading.close_call import CloseCall
from nlu_components.reading.condition_statement import ConditionStatement
from nlu_components.reading.form_answer import FormAnswer
from nlu_components.reading.gap_follow_up import GapFollowUp
from nlu_components.reading.harm_heard_of import HarmHeardOf
from nlu_components.reading.how_long import HowLong
from nlu_components.reading.not_a_question import NotAQuestion
from nlu_components.reading.once_it_heals import OnceItHeals
from nlu_components.reading.one_or_all import OneOrAll
from nlu_components.reading.own_candidacy import OwnCandidacy
from nlu_components.reading.price_follow_up import PriceFollowUp
from nlu_components.reading.question_not_an_answer import QuestionNotAnAnswer
from nlu_components.reading.report_form import ReportForm
from nlu_components.reading.results_last import ResultsLast
from nlu_components.reading.rule import PLACED_BY, ReadingRule, State, intent_of
from nlu_components.reading.same_topic import SameTopic
from nlu_components.reading.session_length import SessionLength
from nlu_components.reading.story_not_report import StoryNotReport
from nlu_components.reading.symptom_report import SymptomReport
from nlu_components.reading.the_device import TheDevice
from nlu_components.reading.the_source import TheSource
from nlu_components.reading.what_to_ask import WhatToAsk
from nlu_components.reading.topic_not_in_article import TopicNotInArticle
from nlu_components.reading.unsure_of_scope import UnsureOfScope
from nlu_components.reading.when_to_seek_care import WhenToSeekCare
from nlu_components.reading.who_performs import WhoPerforms
from nlu_components.relabel import relabel

RULES: Dict[Text, Type[ReadingRule]] = {rule.name: rule for rule in (
    CloseCall, QuestionNotAnAnswer, TheSource, NotAQuestion, FormAnswer, CareFollowUp,
    StoryNotReport, GapFollowUp, HarmHeardOf, BeforeAnEvent, OwnCandidacy, OnceItHeals,
    SessionLength, WhoPerforms, TheDevice, WhatToAsk, ResultsLast, PriceFollowUp, HowLong,
    AfterTheSeries, AfterTheSession, AvoidIt, ConditionStatement, WhenToSeekCare, SymptomReport,
    TopicNotInArticle, OneOrAll, SameTopic, UnsureOfScope, ReportForm)}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ReadingRules(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"rules": []}

    def __init__(self, config: Dict[Text, Any]) -> None:
        entries = config.get("rules") or []
        unknown = [entry.get("name") for entry in entries if entry.get("name") not in RULES]
        if unknown:
            raise ValueError(f"ReadingRules: unknown rules {unknown}; known: {sorted(RULES)}")
        self.rules = [RULES[entry["name"]](entry) for entry in entries]

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
                if intent is None:
                    continue
                if intent != intent_of(message):
                    relabel(message, intent)
                # also when it confirms the reading: a later rule sees a rule placed it
                message.set(PLACED_BY, rule.name)
        return messages
