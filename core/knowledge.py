"""The article's facts and the fixed replies stating them: loaded once from knowledge.yml and
validated. Rasa-free: the action server reads the facts, core/render.py writes the replies into
domain.yml and web/index.html.

The action server imports this module at start-up; a missing or malformed fact, or a reply that
names a fact the file lacks, stops it with a KnowledgeError that names the key.
"""
import os
import re
from pathlib import Path
from typing import Any, Dict

import yaml

# Overridable so that tests can start the action server on a broken copy.
KNOWLEDGE_FILE = Path(os.environ.get("KNOWLEDGE_FILE", Path(__file__).with_name("knowledge.yml")))

# Every fact the actions read, with its type. Keys are dotted paths into the YAML file.
REQUIRED_FACTS = {
    "source.title": str,
    "source.publisher": str,
    "source.date": str,
    "source.expert_name": str,
    "source.expert_title": str,
    "treats.conditions": str,
    "treats.also_mentioned": str,
    "procedure.session_minutes_min": int,
    "procedure.session_minutes_max": int,
    "procedure.needles": int,
    "treatment_plan.series_sessions": int,
    "treatment_plan.weeks_between_min": int,
    "treatment_plan.weeks_between_max": int,
    "treatment_plan.maintenance": str,
    "results.first_treatment": str,
    "cost.currency_symbol": str,
    "cost.per_session_min": int,
    "cost.per_session_max": int,
    "cost.depends_on": str,
    "pain.sensation": str,
    "pain.numbing_cream_minutes_min": int,
    "pain.numbing_cream_minutes_max": int,
    "pain.tolerance": str,
    "downtime.summary": str,
    "downtime.redness_and_bleeding": str,
    "downtime.resolved_within_hours": int,
    "downtime.other_effects": str,
    "risk.summary": str,
    "risk.darker_skin_caution": str,
    "contraindications": dict,
    "screening": dict,
    "replies": dict,
}

# The fixed replies: domain.yml's responses of these names, and the web page's source note.
DOMAIN_REPLIES = ("utter_greet", "utter_help", "utter_source", "utter_what_is", "utter_treats",
                  "utter_procedure", "utter_treatment_plan", "utter_suitability",
                  "utter_screening_intro", "utter_results", "utter_provider_referral")
PAGE_REPLIES = ("page_note",)
# {section.key} in a reply is a fact (a section of texts, such as {contraindications}, is said as
# "a, b or c"); {citation} the short citation.
PLACEHOLDER = re.compile(r"\{([a-z_.]+)\}")
CITATION = "citation"

# Pairs that must be ordered low <= high.
RANGES = [
    ("procedure.session_minutes_min", "procedure.session_minutes_max"),
    ("treatment_plan.weeks_between_min", "treatment_plan.weeks_between_max"),
    ("cost.per_session_min", "cost.per_session_max"),
    ("pain.numbing_cream_minutes_min", "pain.numbing_cream_minutes_max"),
]


class KnowledgeError(ValueError):
    """The knowledge file is missing a fact or holds one of the wrong kind."""


def fact(knowledge: Dict[str, Any], dotted_key: str) -> Any:
    value: Any = knowledge
    for part in dotted_key.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KnowledgeError(f"missing key '{dotted_key}'")
        value = value[part]
    return value


def validate(knowledge: Any, source: str = "knowledge") -> Dict[str, Any]:
    if not isinstance(knowledge, dict):
        raise KnowledgeError(f"{source}: expected a mapping at the top level")
    for key, expected_type in REQUIRED_FACTS.items():
        try:
            value = fact(knowledge, key)
        except KnowledgeError as error:
            raise KnowledgeError(f"{source}: {error}") from None
        # bool is an int in Python; a yes/no is never a figure here.
        if not isinstance(value, expected_type) or isinstance(value, bool):
            raise KnowledgeError(
                f"{source}: key '{key}' must be a {expected_type.__name__}, got {value!r}"
            )
        if expected_type in (str, dict) and not value:
            raise KnowledgeError(f"{source}: key '{key}' is empty")
        if expected_type is int and value <= 0:
            raise KnowledgeError(f"{source}: key '{key}' must be positive, got {value}")
    for low, high in RANGES:
        if fact(knowledge, low) > fact(knowledge, high):
            raise KnowledgeError(f"{source}: key '{low}' is larger than '{high}'")
    for name, description in knowledge["contraindications"].items():
        if not isinstance(description, str) or not description:
            raise KnowledgeError(f"{source}: key 'contraindications.{name}' must be a text")
    current = knowledge.get("current_contraindications")
    if not isinstance(current, list) or any(n not in knowledge["contraindications"]
                                            for n in current):
        raise KnowledgeError(f"{source}: key 'current_contraindications' must list "
                             "contraindications")
    for slot, names in knowledge["screening"].items():
        if not isinstance(names, list) or not names:
            raise KnowledgeError(f"{source}: key 'screening.{slot}' must be a list of "
                                 "contraindications")
        for name in names:
            if name not in knowledge["contraindications"]:
                raise KnowledgeError(f"{source}: key 'screening.{slot}' names '{name}', "
                                     "which is not in 'contraindications'")
    validate_replies(knowledge, source)
    return knowledge


def load_knowledge(path: Path = KNOWLEDGE_FILE) -> Dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeError(f"cannot read {path}: {error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: not valid YAML ({error})") from None
    return validate(data, source=str(path))


def validate_replies(knowledge: Dict[str, Any], source: str) -> None:
    replies = knowledge["replies"]
    for name in DOMAIN_REPLIES + PAGE_REPLIES:
        if name not in replies:
            raise KnowledgeError(f"{source}: missing key 'replies.{name}'")
    for name, text in replies.items():
        if not isinstance(text, str) or not text.strip():
            raise KnowledgeError(f"{source}: key 'replies.{name}' must be a text")
        for key in PLACEHOLDER.findall(text):
            if key == CITATION:
                continue
            try:
                value = fact(knowledge, key)
            except KnowledgeError:
                raise KnowledgeError(f"{source}: key 'replies.{name}' names '{{{key}}}', which "
                                     "is not a fact in the file") from None
            if isinstance(value, dict) and value and all(
                    isinstance(v, str) and v for v in value.values()):
                continue  # a list of texts, said as "a, b or c"
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise KnowledgeError(f"{source}: key 'replies.{name}' names '{{{key}}}', which "
                                     "is not a single fact")


KNOWLEDGE = load_knowledge()


def source_year(knowledge: Dict[str, Any] = KNOWLEDGE) -> str:
    """The article's year, the last word of its date ("April 6, 2017")."""
    return fact(knowledge, "source.date").split()[-1]


def citation(knowledge: Dict[str, Any] = KNOWLEDGE) -> str:
    return f"(Source: {fact(knowledge, 'source.publisher')}, {source_year(knowledge)})"


def render_reply(name: str, knowledge: Dict[str, Any] = KNOWLEDGE) -> str:
    """The fixed reply `name` with its facts and citation filled in."""
    def filled(match: "re.Match[str]") -> str:
        key = match[1]
        if key == CITATION:
            return citation(knowledge)
        value = fact(knowledge, key)
        if isinstance(value, dict):  # "open wounds, a skin infection or ..."
            texts = list(value.values())
            return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " or " + texts[-1]
        return str(value)
    return PLACEHOLDER.sub(filled, fact(knowledge, "replies")[name])
