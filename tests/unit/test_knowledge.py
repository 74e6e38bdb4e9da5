"""The knowledge core: its validation, and that every figure and sentence of the replies
stating the article's facts comes from it (the fixed responses and the page are rendered from
it; the custom actions' answers take every figure from it)."""
import copy
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from actions import cost, downtime, pain, risk
from actions.context import VisitorContext
from actions.screening import screening_slots, verdict
from conftest import ROOT
from core.knowledge import (DOMAIN_REPLIES, KNOWLEDGE, PAGE_REPLIES, PLACEHOLDER, KnowledgeError,
                            citation, load_knowledge, render_reply, validate)
from core.render import rendered_files

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
        [str(Path(sys.executable).parent / "rasa"), "run", "actions", "--actions", "actions",
         "--port", "5999"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "missing key 'pain.tolerance'" in result.stdout + result.stderr


# The fixed replies: rendered from core/knowledge.yml into domain.yml and the page, unchanged.
def test_domain_and_page_hold_exactly_what_make_facts_writes():
    for path, text in rendered_files().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run make facts"


@pytest.mark.parametrize("name", DOMAIN_REPLIES)
def test_each_fixed_response_is_its_core_reply(name):
    assert [variant["text"] for variant in DOMAIN["responses"][name]] == [render_reply(name)]


def test_the_page_states_the_core_source_note():
    page = (ROOT / "web" / "index.html").read_text(encoding="utf-8")
    assert render_reply("page_note") == html.unescape(" ".join(
        re.search(r'<p class="note">(.*?)</p>', page, re.DOTALL)[1].split()))


@pytest.mark.parametrize("name", DOMAIN_REPLIES + PAGE_REPLIES)
def test_a_reply_writes_no_figure_of_its_own(name):
    template = KNOWLEDGE["replies"][name]
    assert not re.search(r"\d", PLACEHOLDER.sub("", template)), name


def with_figures_moved(knowledge):
    """A copy with every figure raised by 1000 (order kept): what the answers then say shows
    where their figures come from."""
    moved = copy.deepcopy(knowledge)

    def move(section):
        for key, value in section.items():
            if isinstance(value, dict):
                move(value)
            elif isinstance(value, int) and not isinstance(value, bool):
                section[key] = value + 1000
    move(moved)
    moved["source"]["date"] = "May 9, 3019"
    return moved


def numbers(text):
    return {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)}


def fact_numbers(knowledge):
    found = set()

    def collect(value):
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, int):
            found.add(value)
        elif isinstance(value, str):
            found.update(numbers(value))
    collect({key: value for key, value in knowledge.items() if key != "replies"})
    return found


@pytest.mark.parametrize("name", DOMAIN_REPLIES + PAGE_REPLIES)
def test_every_figure_of_a_fixed_reply_comes_from_the_facts(name):
    moved = with_figures_moved(KNOWLEDGE)
    assert numbers(render_reply(name, moved)) <= fact_numbers(moved)
    assert numbers(render_reply(name, moved)).isdisjoint(fact_numbers(KNOWLEDGE))


def test_every_figure_of_an_action_answer_comes_from_the_facts():
    moved = with_figures_moved(KNOWLEDGE)
    facts = fact_numbers(moved)
    # The cost answer multiplies a price by the series' session count.
    products = {a * b for a in facts for b in facts}
    answers = [module.answer(moved, VisitorContext()) for module in (cost, downtime, pain, risk)]
    answers.append(verdict({slot: "yes" for slot in screening_slots()}, moved))
    for text in answers:
        assert numbers(text) <= facts | products, text
        assert numbers(text).isdisjoint(fact_numbers(KNOWLEDGE)), text


def test_suitability_response_names_every_contraindication():
    text = response_text("utter_suitability").lower()
    for name in KNOWLEDGE["contraindications"]:
        first_word = name.split()[0]
        assert first_word in text, name


def test_no_response_states_a_figure_the_knowledge_file_lacks():
    known = fact_numbers(KNOWLEDGE)
    for name in DOMAIN["responses"]:
        for number in re.findall(r"\d+", response_text(name)):
            assert int(number) in known, f"{name} states {number}, not in knowledge.yml"


def test_no_hand_written_response_states_the_source():
    # The source and citation are stated only by the replies rendered from the core.
    source = KNOWLEDGE["source"]
    marks = [source["publisher"], source["expert_name"], source["title"], citation()]
    for name in set(DOMAIN["responses"]) - set(DOMAIN_REPLIES):
        text = response_text(name)
        assert not any(mark in text for mark in marks), name


def test_a_reply_naming_a_missing_fact_is_refused():
    data = copy.deepcopy(KNOWLEDGE)
    data["replies"]["utter_procedure"] += " {procedure.depth_mm}"
    with pytest.raises(KnowledgeError, match="'replies.utter_procedure' names "
                                             "'{procedure.depth_mm}'"):
        validate(data)


def test_a_missing_reply_is_named():
    data = copy.deepcopy(KNOWLEDGE)
    del data["replies"]["utter_source"]
    with pytest.raises(KnowledgeError, match="missing key 'replies.utter_source'"):
        validate(data)


def test_the_suitability_reply_says_every_contraindication_and_the_caution_from_the_facts():
    from core.knowledge import KNOWLEDGE, fact, render_reply
    reply = render_reply("utter_suitability")
    assert all(text in reply for text in fact(KNOWLEDGE, "contraindications").values())
    assert fact(KNOWLEDGE, "risk.darker_skin_caution") in reply
    assert "{" not in reply


def test_each_screening_question_names_the_contraindications_it_screens():
    # The questions are worded for a visitor (domain.yml); this keeps them to the facts.
    import yaml

    from conftest import ROOT
    from core.knowledge import KNOWLEDGE, fact
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    # How a question may name each contraindication (the key's first word, or "heal").
    named = {"open wounds": "open wound", "skin infection": "infection", "keloid scars": "keloid",
             "hypertrophic scars": "hypertrophic", "poor wound healing": "heal"}
    for slot, conditions in fact(KNOWLEDGE, "screening").items():
        question = responses[f"utter_ask_{slot}"][0]["text"].lower()
        assert all(named[c] in question for c in conditions), (slot, question)
    assert set(named) == set(fact(KNOWLEDGE, "contraindications"))
