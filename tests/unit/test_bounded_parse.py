"""What is stored of a parsed message stays bounded (nlu_components/bounded_parse.py)."""
from rasa.shared.nlu.constants import ENTITIES, TEXT, TEXT_TOKENS
from rasa.shared.nlu.training_data.message import Message

from nlu_components.bounded_parse import BoundedParseData


def test_token_offsets_are_not_stored_and_entities_are_capped():
    message = Message(data={TEXT: "keloids " * 20}, output_properties={TEXT_TOKENS})
    message.set(ENTITIES, [{"entity": "condition", "value": "keloids", "start": 8 * i,
                            "end": 8 * i + 7} for i in range(20)], add_to_output=True)
    [processed] = BoundedParseData({"max_entities": 8}).process([message])
    stored = processed.as_dict(only_output_properties=True)
    assert TEXT_TOKENS not in stored
    assert [e["start"] for e in stored[ENTITIES]] == [8 * i for i in range(8)]


def test_a_few_entities_are_kept_as_they_are():
    message = Message(data={TEXT: "keloids"})
    message.set(ENTITIES, [{"entity": "condition", "value": "keloids"}], add_to_output=True)
    [processed] = BoundedParseData({"max_entities": 8}).process([message])
    assert processed.get(ENTITIES) == [{"entity": "condition", "value": "keloids"}]
