"""The compiled action-response check (rasa_patches/action_validation.py) accepts and rejects
exactly what Rasa's stock per-call `jsonschema.validate` does."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from rasa_patches.action_validation import validate_action_result

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


def test_rasa_uses_the_compiled_check_once_the_patches_are_applied():
    import rasa_patches
    rasa_patches.apply_all()
    assert RemoteAction._validate_action_result is validate_action_result


def test_importing_the_project_s_packages_patches_nothing():
    # Patches are applied by one call (rasa_patches.apply_all), never as a side effect of import.
    import subprocess
    import sys

    from conftest import ROOT
    code = ("import channels, channels.rest, channels.socketio, rasa_patches, nlu_components."
            "delete_guard, nlu_components.rasa_patches_step\n"
            "from rasa.core.actions.action import RemoteAction\n"
            "from rasa.core.processor import MessageProcessor\n"
            "from rasa.shared.core.events import Event\n"
            "from rasa.core.tracker_store import SQLTrackerStore\n"
            "assert RemoteAction._validate_action_result.__module__.startswith('rasa.')\n"
            "assert MessageProcessor.save_tracker.__module__.startswith('rasa.')\n"
            "assert MessageProcessor._has_session_expired.__module__.startswith('rasa.')\n"
            "assert SQLTrackerStore._event_query.__module__.startswith('rasa.')\n"
            "assert Event.resolve_by_type.__module__.startswith('rasa.')\n"
            "from sanic import Blueprint, Sanic\n"
            "from channels.server_setup import prepare_server\n"
            "prepare_server(Sanic('t'), Blueprint('b'))\n"
            "assert MessageProcessor.save_tracker.__module__.startswith('rasa.')\n"
            "assert Event.resolve_by_type.__module__.startswith('rasa.')\n"
            "print('clean')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip().endswith("clean"), result.stderr[-2000:]
