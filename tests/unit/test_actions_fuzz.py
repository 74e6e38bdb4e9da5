"""Fuzz test: the custom actions never raise, whatever the slots and the latest message hold."""
import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa_sdk.executor import CollectingDispatcher

from actions.cost import ActionAnswerCost
from actions.downtime import ActionAnswerDowntime
from actions.follow_up import ActionAnswerFollowUp
from actions.pain import ActionAnswerPain
from actions.risk import ActionAnswerRisk
from actions.safety import ActionAnswerUnknown
from actions.screening import ActionCandidateVerdict, ValidateCandidateForm
from conftest import DOMAIN as PROJECT_DOMAIN
from conftest import SLOT_NAMES, make_tracker

ACTIONS = [ActionAnswerCost(), ActionAnswerDowntime(), ActionAnswerFollowUp(),
           ActionAnswerPain(), ActionAnswerRisk(), ActionAnswerUnknown(),
           ActionCandidateVerdict()]
ANY_VALUE = st.one_of(st.none(), st.text(max_size=60), st.integers(), st.floats(),
                      st.booleans(), st.lists(st.one_of(st.text(max_size=20), st.none()),
                                              max_size=4),
                      st.sampled_from(["darker skin", "keloid scars", "cost", "six sessions",
                                       "99999999999 sessions", "yes", "no", "unsure"]))
SLOTS = st.fixed_dictionaries({name: ANY_VALUE for name in SLOT_NAMES})
ENTITIES = st.lists(st.fixed_dictionaries({"entity": st.sampled_from(
    ["body_area", "skin_tone", "condition", "num_sessions", "other"]), "value": ANY_VALUE}),
    max_size=3)
# The domain as the action server receives it (Rasa adds requested_slot).
DOMAIN = {"forms": PROJECT_DOMAIN["forms"], "slots": {name: {} for name in SLOT_NAMES}}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slots=SLOTS, text=st.text(max_size=200), entities=ENTITIES,
       intent=st.sampled_from(["inform", "nlu_fallback", "ask_cost", "affirm", "deny", ""]))
def test_actions_never_raise(slots, text, entities, intent):
    tracker = make_tracker(slots=slots, text=text, intent=intent, entities=entities)
    for action in ACTIONS:
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, tracker, DOMAIN)
        assert isinstance(events, list)
        assert dispatcher.messages  # always says something
    events = asyncio.run(ValidateCandidateForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert isinstance(events, list)
