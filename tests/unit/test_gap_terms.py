"""Topics the article never covers (nlu_components/gap_terms.py): a question naming one gets a
`not_in_article` entity, and, read as an article question, the topic_not_in_article reading rule
makes it out_of_scope with that question kept next in the ranking."""
import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from conftest import ROOT, reading_rule
from nlu_components.gap_terms import GapTermExtractor

CONFIG = next(c for c in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
              if c["name"].endswith(".GapTermExtractor"))


class Extracted:
    """The extractor, then the reading rule, as the pipeline runs them."""

    def __init__(self, extractor):
        self.extractor = extractor

    def process(self, messages):
        return reading_rule("topic_not_in_article").process(self.extractor.process(messages))


@pytest.fixture
def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("gap_terms")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**GapTermExtractor.get_default_config(), **CONFIG}
    guard = GapTermExtractor.create(config, storage, resource, context)
    guard.train(TrainingData(lookup_tables=[
        {"name": "topic_not_in_article", "elements": ["pregnancy", "vitamin c", "PRP"]},
        {"name": "another_table", "elements": ["cost"]}]))
    return Extracted(GapTermExtractor.load(config, storage, resource, context))


def parsed(text, intent, confidence=0.8):
    ranking = [{"name": intent, "confidence": confidence},
               {"name": "out_of_scope", "confidence": 0.1}]
    return Message({"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking})


def test_an_article_question_naming_a_gap_is_out_of_scope_with_the_term(trained):
    (message,) = trained.process([parsed("is it safe during Pregnancy?", "ask_risk")])
    assert message.get("intent")["name"] == "out_of_scope"
    assert [e["name"] for e in message.get("intent_ranking")] == ["out_of_scope", "ask_risk"]
    entity = message.get("entities")[0]
    assert (entity["entity"], entity["value"]) == ("not_in_article", "pregnancy")
    assert "is it safe during Pregnancy?"[entity["start"]:entity["end"]] == "Pregnancy"


def test_the_longest_term_wins_and_words_inside_words_do_not_count(trained):
    (message,) = trained.process([parsed("can I use vitamin c after?", "ask_downtime")])
    assert message.get("entities")[0]["value"] == "vitamin c"
    (message,) = trained.process([parsed("what about approaching sessions", "ask_treatment_plan")])
    assert message.get("intent")["name"] == "ask_treatment_plan"  # "prp" is not a word here
    assert not message.get("entities")


@pytest.mark.parametrize("intent", ["out_of_scope", "greet", "report_complication", "inform"])
def test_other_intents_keep_their_intent_but_get_the_term(trained, intent):
    (message,) = trained.process([parsed("PRP please", intent)])
    assert message.get("intent")["name"] == intent
    assert message.get("entities")[0]["value"] == "prp"


def test_training_without_the_lookup_table_names_the_problem(tmp_path):
    guard = GapTermExtractor.create({**GapTermExtractor.get_default_config(), **CONFIG},
                                    LocalModelStorage(tmp_path), Resource("g"),
                                    ExecutionContext(GraphSchema({}), "test"))
    with pytest.raises(ValueError, match="topic_not_in_article"):
        guard.train(TrainingData())
