"""Only a message that asks to delete something keeps the intent that erases the conversation
(nlu_components/delete_guard.py): every training and held-out wording does, garbage read as a
deletion does not."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from conftest import ROOT
from nlu_components.delete_guard import DeleteRequestGuard, asks_to_delete
from test_training_data import examples

DELETE = "delete_conversation"


def wordings():
    return [text for path in (ROOT / "data" / "nlu" / "privacy.yml",
                              ROOT / "tests" / "nlu_heldout.yml")
            for intent, text in examples(path) if intent == DELETE]


def test_every_delete_wording_names_a_deleting_word():
    assert len(wordings()) >= 40
    assert [text for text in wordings() if not asks_to_delete(text)] == []
    assert asks_to_delete("/delete_conversation")  # the widget's button


@pytest.mark.parametrize("text", ["restart please", "please", "reset", "start over", "binary",
                                  "thank you so much", "can I combine it with a peel?"])
def test_other_messages_read_as_a_deletion_are_relabelled_unsure(text):
    message = Message(data={"text": text, "intent": {"name": DELETE, "confidence": 0.7},
                            "intent_ranking": [{"name": DELETE, "confidence": 0.7}]})
    guard = DeleteRequestGuard(DeleteRequestGuard.get_default_config())
    guard.process([message])
    assert message.get("intent")["name"] == "nlu_fallback"


def test_a_real_request_keeps_its_intent():
    message = Message(data={"text": "please erase this chat",
                            "intent": {"name": DELETE, "confidence": 0.9}})
    DeleteRequestGuard(DeleteRequestGuard.get_default_config()).process([message])
    assert message.get("intent")["name"] == DELETE
