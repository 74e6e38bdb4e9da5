"""The knowledge file: its validation, and that the domain's responses quote its figures."""
import copy
import os
import re
import subprocess
import sys

import pytest
import yaml

from actions.knowledge import KNOWLEDGE, KnowledgeError, load_knowledge, validate
from conftest import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def response_text(name):
    return " ".join(variant["text"] for variant in DOMAIN["responses"][name])


def without(key):
    data = copy.deepcopy(KNOWLEDGE)
    section, _, leaf = key.partition(".")
    if leaf:
        del data[section][leaf]
    else:
        del data[section]
    return data


def test_shipped_knowledge_is_valid():
    assert validate(copy.deepcopy(KNOWLEDGE)) == KNOWLEDGE


@pytest.mark.parametrize("key", ["cost.per_session_min", "downtime.resolved_within_hours",
                                 "contraindications", "source"])
def test_missing_fact_is_named(key):
    with pytest.raises(KnowledgeError, match=f"missing key '{re.escape(key)}"):
        validate(without(key))


def test_wrong_type_is_named():
    data = copy.deepcopy(KNOWLEDGE)
    data["cost"]["per_session_max"] = "four hundred"
    with pytest.raises(KnowledgeError, match="'cost.per_session_max' must be a int"):
        validate(data)


def test_reversed_range_is_refused():
    data = copy.deepcopy(KNOWLEDGE)
    data["cost"]["per_session_min"] = 500
    with pytest.raises(KnowledgeError, match="'cost.per_session_min' is larger"):
        validate(data)


def test_malformed_yaml_is_refused(tmp_path):
    broken = tmp_path / "knowledge.yml"
    broken.write_text("cost: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not valid YAML"):
        load_knowledge(broken)


def test_action_server_refuses_to_start_on_a_missing_fact(tmp_path):
    broken = tmp_path / "knowledge.yml"
    broken.write_text(yaml.safe_dump(without("pain.tolerance")), encoding="utf-8")
    env = dict(os.environ, KNOWLEDGE_FILE=str(broken))
    result = subprocess.run(
        [str(ROOT / ".venv/bin/rasa"), "run", "actions", "--actions", "actions", "--port", "5999"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "missing key 'pain.tolerance'" in result.stdout + result.stderr


# The FAQ responses in domain.yml state figures the actions also use: they must agree.
def test_procedure_response_quotes_the_knowledge_figures():
    text = response_text("utter_procedure")
    p = KNOWLEDGE["procedure"]
    assert f"{p['session_minutes_min']} to {p['session_minutes_max']} minutes" in text
    assert f"{p['needles']} very fine needles" in text


def test_treatment_plan_response_quotes_the_knowledge_figures():
    text = response_text("utter_treatment_plan")
    plan = KNOWLEDGE["treatment_plan"]
    assert f"{plan['series_sessions']} sessions" in text
    assert f"{plan['weeks_between_min']} to {plan['weeks_between_max']} weeks" in text


def test_suitability_response_names_every_contraindication():
    text = response_text("utter_suitability").lower()
    for name in KNOWLEDGE["contraindications"]:
        first_word = name.split()[0]
        assert first_word in text, name


def test_no_response_states_a_figure_the_knowledge_file_lacks():
    known = set()

    def collect(value):
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, int):
            known.add(value)
        elif isinstance(value, str):
            known.update(int(n) for n in re.findall(r"\d+", value))

    collect(KNOWLEDGE)
    for name in DOMAIN["responses"]:
        for number in re.findall(r"\d+", response_text(name)):
            assert int(number) in known, f"{name} states {number}, not in knowledge.yml"
