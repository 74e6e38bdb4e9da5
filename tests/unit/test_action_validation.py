"""The compiled action-response check (channels/action_validation.py) accepts and rejects
exactly what Rasa's stock per-call `jsonschema.validate` does."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import channels  # noqa: F401  (importing the package installs the compiled check)
from channels.action_validation import validate_action_result

SCHEMA = RemoteAction.action_response_format_spec()

RESPONSES = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "last_topic", "value": "cost", "timestamp": None}],
     "responses": [{"text": "It costs $300 to $400.", "buttons": [
         {"title": "Downtime", "payload": "/ask_downtime"}]}]},
    {"events": [{"event": "active_loop", "name": None}], "responses": [
        {"response": "utter_seek_care"}]},
    {"events": [{"name": "no event key"}], "responses": []},
    {"events": [{"event": 42}], "responses": []},
    {"events": "not a list", "responses": []},
    {"events": [], "responses": "not a list"},
    {"events": [{"event": "slot", "timestamp": "yesterday"}]},
]


def stock_verdict(response):
    try:
        jsonschema.validate(response, SCHEMA)
        return True
    except jsonschema.ValidationError:
        return False


@pytest.mark.parametrize("response", RESPONSES)
def test_same_verdict_as_rasa_stock_check(response):
    expected = stock_verdict(response)
    if expected:
        assert validate_action_result(None, response) is True
    else:
        with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server"):
            validate_action_result(None, response)


def test_cases_cover_both_verdicts():
    assert {stock_verdict(response) for response in RESPONSES} == {True, False}


def test_rasa_uses_the_compiled_check_once_channels_is_imported():
    assert RemoteAction._validate_action_result is validate_action_result
