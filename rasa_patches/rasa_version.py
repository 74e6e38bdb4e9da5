"""The Rasa version this package was written for. Some of its modules replace a method of Rasa
3.6 (action_validation.py, session_limit.py, store_indexes.py, erasure.py, event_types.py); on
another version they could silently do the wrong thing, so the server refuses to start instead."""
import rasa

SUPPORTED_RASA = "3.6."


def require_supported_rasa(what: str) -> None:
    """Raise if the installed Rasa is not 3.6.x; `what` names the code that depends on it."""
    if not rasa.__version__.startswith(SUPPORTED_RASA):
        raise RuntimeError(f"rasa_patches/ was written for Rasa {SUPPORTED_RASA}x, not "
                           f"{rasa.__version__}: check {what}")
