"""Answers for messages the assistant can't answer, with a medical safety net.

When NLU finds no answerable question (out_of_scope, or nlu_fallback when unsure), a message
that still describes a symptom gets the "contact your provider or a doctor" reply: a missed
complication report must never get "I don't know". Otherwise the reply says plainly that the
article doesn't cover it (naming the term when NLU found one it never covers, see
nlu_components/gap_terms.py) and then, when an article question is close enough in NLU's ranking,
what the article does say on that topic: "the article doesn't mention diabetes; what it does say
about who it suits is ...".
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import (LAST_GAP_SLOT, LAST_TOPIC_SLOT, REPORT_FORM_SLOT, VisitorContext,
                             gap_cleared, reported_events)
from actions.notes import stated_now
from actions.cost import ActionAnswerCost
from actions.downtime import ActionAnswerDowntime, after_effects_note
from core.knowledge import KNOWLEDGE
from actions.topics import TOPIC_TITLES, answer_topic, topic_of_intent
from core.follow_ups import continues_previous, names_a_price
from core.gaps import GAP_ENTITY, gap_term_name
from core.steering import asks_for_a_diagnosis
from core.symptoms import describes_symptom
from core.text import asks_a_question

# The least NLU confidence at which an article question is offered after "not in the article".
# Chosen on the fold models of make bench-real with bench/research/real_rankings.py: of the corpus's
# in-scope questions NLU put out of scope, 0.10 offered the right topic to the most for few wrong
# ones (figures in docs/performance.md).
RELATED_MIN_CONFIDENCE = 0.1
# After the seek-care reply a question also gets its article topic, if NLU was this sure of it.
AFTER_CARE_MIN_CONFIDENCE = 0.3

NOT_IN_ARTICLE = (
    "The article I rely on doesn't cover that, so I don't have that information and won't "
    "guess. A dermatologist can answer it for your situation. Type \"help\" to see what I can "
    "answer.")
CANNOT_DIAGNOSE = ("I'm an automated assistant, not a doctor, so I can't diagnose anything or "
                   "act as one.")
NOT_UNDERSTOOD = (
    "I'm not sure I can answer that: either I didn't understand, or the article I rely on "
    "doesn't cover it, and I won't guess. You could rephrase, type \"help\" to see the topics, "
    "or ask a dermatologist.")


# Gap terms come from a lookup of short phrases: kept in a slot, never more than this.
MAX_GAP_CHARS = 60


def gap_value(tracker: Tracker) -> Optional[Text]:
    """The term NLU found that the article never covers, as NLU gave it, if any."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == GAP_ENTITY and entity.get("value"):
            return str(entity["value"])[:MAX_GAP_CHARS]
    return None


def gap_term(tracker: Tracker) -> Optional[Text]:
    """How the reply names the term NLU found that the article never covers, if any."""
    value = gap_value(tracker)
    return gap_term_name(value) if value else None


def ranked_topics(tracker: Tracker, min_confidence: float = RELATED_MIN_CONFIDENCE
                  ) -> List[Text]:
    """The article topics in NLU's ranking at or above `min_confidence`, best first."""
    topics = []
    for entry in tracker.latest_message.get("intent_ranking") or []:
        topic = topic_of_intent(entry.get("name"))
        if topic is not None and topic != "source" and topic not in topics \
                and (entry.get("confidence") or 0.0) >= min_confidence:
            topics.append(topic)
    return topics


# The second article question is answered too only when NLU gives it at least this share of
# the first's confidence (close_call's second_ratio in config.yml): on the fold models of make
# bench-real no in-scope question it rescued was further behind (docs/understanding.md).
SECOND_TOPIC_RATIO = 0.5


def close_second(tracker: Tracker) -> bool:
    """Whether NLU's second article question is nearly as likely as its first."""
    scores = []
    for entry in tracker.latest_message.get("intent_ranking") or []:
        topic = topic_of_intent(entry.get("name"))
        if topic is not None and topic != "source":
            scores.append(entry.get("confidence") or 0.0)
    return len(scores) >= 2 and scores[1] >= SECOND_TOPIC_RATIO * scores[0]


def _named_topics(tracker: Tracker, text: Optional[Text],
                  min_confidence: float = RELATED_MIN_CONFIDENCE) -> List[Text]:
    """The ranked topics a message about a symptom may ask: the price only when it names one
    ("how much swelling do people get?" asks no price)."""
    return [topic for topic in ranked_topics(tracker, min_confidence)
            if topic != ActionAnswerCost.topic or names_a_price(text)]


def after_seek_care(dispatcher: CollectingDispatcher, tracker: Tracker,
                    domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    # The conversation now holds a reported symptom: "should I still go to my next session?"
    # after it is read in that light (nlu_components/reading/care_follow_up.py).
    return reported_events(tracker) + _after_seek_care(dispatcher, tracker, domain)


def _after_seek_care(dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    """What follows the seek-care reply: the article's usual after-effects when the message is
    about them; otherwise, for a question, the article topic it asks about ("can it give you an
    infection?" -> the risk answer); and a plain word when it names a topic the article never
    covers."""
    text = tracker.latest_message.get("text")
    if asks_for_a_diagnosis(text):
        # "act as a doctor and diagnose me: fever, sore throat, ...": the care advice first,
        # then plainly that it can't diagnose (nlu_components/reading/not_a_question.py leaves a
        # message describing a symptom to the care answer).
        dispatcher.utter_message(text=CANNOT_DIAGNOSE)
    context = VisitorContext.from_tracker(tracker)
    for note in stated_now(KNOWLEDGE, context, context.stated_now):
        # "my skin is infected around my nose, does it hurt?": also the article's rule.
        dispatcher.utter_message(text=note)
    term = gap_term(tracker)
    if term:
        dispatcher.utter_message(text=f"The article I rely on doesn't cover {term}, so I won't "
                                 "guess about it.")
    note = after_effects_note(KNOWLEDGE, text)
    if note:
        dispatcher.utter_message(text=note)
        # "how long is that supposed to last?" next refers to these after-effects.
        return [SlotSet(LAST_TOPIC_SLOT, ActionAnswerDowntime.topic)]
    topics = _named_topics(tracker, text, AFTER_CARE_MIN_CONFIDENCE)
    topic = topics[0] if topics and asks_a_question(text) else None
    if topic is None:
        if term or tracker.get_slot(REPORT_FORM_SLOT) != "asked":
            return []
        # A question in general ("could I be allergic to the numbing cream they use?") is
        # answered as any question the article doesn't cover: honestly, then the nearest topic.
        topics = _named_topics(tracker, text)[:1]
        dispatcher.utter_message(text=not_covered(None, False, topics))
        events: List[Dict[Text, Any]] = []
        for nearest in topics:
            events += answer_topic(nearest, dispatcher, tracker, domain)
        return events
    dispatcher.utter_message(text=f"What the article says about {TOPIC_TITLES[topic]}:")
    return answer_topic(topic, dispatcher, tracker, domain)


def titles(topics: List[Text]) -> Text:
    return " and about ".join(TOPIC_TITLES[t] for t in topics)


def not_covered(term: Optional[Text], unsure: bool, topics: List[Text]) -> Text:
    """The opening of the reply: why there is no direct answer, and what follows."""
    if term:
        opening = (f"The article I rely on doesn't cover {term}, so I don't have that "
                   "information and won't guess; a dermatologist can answer it for your situation.")
    elif unsure and topics:
        opening = ("I'm not sure I can answer that exactly: I may have misunderstood, or the "
                   "article may not cover it, and I won't guess.")
    elif topics:
        opening = ("The article I rely on doesn't cover that exactly, so I won't guess; a "
                   "dermatologist can answer it for your situation.")
    else:
        return NOT_UNDERSTOOD if unsure else NOT_IN_ARTICLE
    if topics:
        return f"{opening} Here is what it does say about {titles(topics)}:"
    return f"{opening} Type \"help\" to see what I can answer."


class ActionAnswerUnknown(Action):
    def name(self) -> Text:
        return "action_answer_unknown"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text")
        if describes_symptom(text):
            dispatcher.utter_message(response="utter_seek_care")
            return after_seek_care(dispatcher, tracker, domain) + gap_cleared(tracker)
        unsure = intent == "nlu_fallback"
        term = gap_term(tracker)
        # Unsure between two article questions (a close call, nlu_components/reading/
        # close_call.py, or low confidence): both answers; otherwise, or when the second is far
        # behind (unsure whether the article covers it at all), the nearest one.
        topics = ranked_topics(tracker)[:2 if unsure and close_second(tracker) else 1]
        previous = tracker.get_slot(LAST_TOPIC_SLOT)
        if not term and isinstance(previous, str) and previous in TOPIC_TITLES \
                and continues_previous(text):
            # "how long until it stops?" after the recovery answer: most likely about it.
            topics = [previous] + [t for t in topics if t != previous][
                :1 if unsure and close_second(tracker) else 0]
        dispatcher.utter_message(text=not_covered(term, unsure, topics))
        events: List[Dict[Text, Any]] = []
        for topic in topics:
            events += answer_topic(topic, dispatcher, tracker, domain)
        if topics:  # a follow-up refers to the likelier reading
            events.append(SlotSet(LAST_TOPIC_SLOT, topics[0]))
        # After the topic answers, which clear it: "what about the numbing cream?" next is
        # asked in the same situation.
        gap = gap_value(tracker)
        if gap or tracker.get_slot(LAST_GAP_SLOT):  # last: the topic answers clear it
            events.append(SlotSet(LAST_GAP_SLOT, gap))
        return events


class ActionAfterSeekCare(Action):
    """Follows utter_seek_care (a domain response, so it is sent even when this server is
    down) with what the article says that bears on the message."""

    def name(self) -> Text:
        return "action_after_seek_care"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return after_seek_care(dispatcher, tracker, domain)
