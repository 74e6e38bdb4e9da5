"""Validate action-server responses with a schema compiled once, not once per action call.

Rasa 3.6's RemoteAction checks every action-server response with `jsonschema.validate()`,
which re-checks the schema itself and builds a new validator on each call: the largest share of
the Rasa server's CPU time under load (docs/performance.md). This module swaps in the same
check against the same schema with one validator made at import time; invalid responses still
raise `jsonschema.ValidationError` with Rasa's message.

Applied by rasa_patches.apply_all().
"""
from typing import Any, Dict

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

from rasa_patches.rasa_version import require_supported_rasa

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR_CLASS = validators.validator_for(_SCHEMA)
_VALIDATOR_CLASS.check_schema(_SCHEMA)
ACTION_RESPONSE_VALIDATOR = _VALIDATOR_CLASS(_SCHEMA)


def validate_action_result(_action: RemoteAction, result: Dict[str, Any]) -> bool:
    """Same contract as RemoteAction._validate_action_result: True, or ValidationError."""
    try:
        ACTION_RESPONSE_VALIDATOR.validate(result)
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            "from the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions")
        raise
    return True


def apply() -> None:
    """Replace Rasa 3.6's per-call check; refuses any other Rasa version (the method's name and
    contract are Rasa 3.6's)."""
    require_supported_rasa("action_validation.py (it replaces "
                           "RemoteAction._validate_action_result)")
    RemoteAction._validate_action_result = validate_action_result
