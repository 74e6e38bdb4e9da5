"""The condition reading (nlu_components/condition_polarity.py): each condition and skin tone
entity gets the role its polarity gives it, and the slots and replies follow the roles."""
import yaml
from rasa.shared.nlu.training_data.message import Message

from actions.context import VisitorContext
from actions.notes import personal_notes
from conftest import DOMAIN, ROOT, make_tracker
from core.knowledge import KNOWLEDGE, fact
from nlu_components.condition_polarity import ROLES, ConditionPolarity

CONFIG = yaml.safe_load((ROOT / "config.yml").read_text())


def marked(text, *entities):
    found = []
    for value, word in entities:
        start = text.lower().index(word)
        found.append({"entity": "condition" if value != "darker skin" else "skin_tone",
                      "value": value, "start": start, "end": start + len(word)})
    message = Message({"text": text, "entities": found})
    ConditionPolarity(ConditionPolarity.get_default_config()).process([message])
    return [(e["value"], e.get("role")) for e in message.get("entities")]


def test_roles_follow_what_the_visitor_says():
    assert marked("I don't have any keloids or open wounds. am I a good candidate?",
                  ("keloid scars", "keloids"), ("open wounds", "open wounds")) == [
        ("keloid scars", "denied"), ("open wounds", "denied")]
    assert marked("I have keloids", ("keloid scars", "keloids")) == [("keloid scars", None)]
    assert marked("what if I had keloids?", ("keloid scars", "keloids")) == [
        ("keloid scars", "asked")]
    assert marked("my sister gets keloids", ("keloid scars", "keloids")) == [
        ("keloid scars", "other")]
    assert marked("I'm not dark skinned", ("darker skin", "dark skinned")) == [
        ("darker skin", "denied")]


def test_a_condition_named_by_its_opposite_is_added():
    assert marked("my skin heals fine, can I get it?") == [("poor wound healing", "denied")]
    assert marked("I don't heal well, can I get it?") == [("poor wound healing", None)]


def test_the_component_is_in_the_pipeline_after_the_synonyms():
    names = [c["name"] for c in CONFIG["pipeline"]]
    here = names.index("nlu_components.condition_polarity.ConditionPolarity")
    assert names.index("EntitySynonymMapper") < here < names.index(
        "nlu_components.reading.stage.ReadingRules")


def test_the_domain_declares_the_roles_and_only_stated_ones_fill_the_slots():
    entities = {list(e)[0]: e[list(e)[0]] for e in DOMAIN["entities"] if isinstance(e, dict)}
    assert entities["condition"]["roles"] == ROLES == entities["skin_tone"]["roles"]
    for slot in ("condition", "skin_tone"):
        assert all("role" not in m for m in DOMAIN["slots"][slot]["mappings"])
    for slot in ("denied_conditions", "denied_skin_tone"):
        assert [m.get("role") for m in DOMAIN["slots"][slot]["mappings"]] == ["denied"]


def test_a_condition_denied_later_is_no_longer_the_visitor_s():
    tracker = make_tracker(slots={"condition": ["keloid scars"],
                                  "denied_conditions": ["keloid scars"],
                                  "denied_skin_tone": "darker skin"})
    context = VisitorContext.from_tracker(tracker)
    assert context.conditions == [] and set(context.denied) == {"keloid scars", "darker skin"}
    assert personal_notes(KNOWLEDGE, context) == []


def test_replies_speak_only_of_stated_conditions():
    denied = VisitorContext(denied=["keloid scars"])
    assert personal_notes(KNOWLEDGE, denied) == []
    stated = VisitorContext(conditions=["keloid scars"])
    assert "You mentioned a history of keloid scars" in personal_notes(KNOWLEDGE, stated)[0]
    tracker = make_tracker(text="what if I had keloids?", entities=[
        {"entity": "condition", "value": "keloid scars", "role": "asked"}])
    notes = personal_notes(KNOWLEDGE, VisitorContext.from_tracker(tracker))
    assert notes == ["The article says micro-needling is not recommended for anyone with a "
                     "history of keloid scars."]


def test_a_contraindication_stated_with_another_question_leads_the_answer(dispatcher, domain):
    from actions.cost import ActionAnswerCost
    tracker = make_tracker(slots={"condition": ["keloid scars"]},
                           text="I have keloids, how much is it?", intent="ask_cost",
                           entities=[{"entity": "condition", "value": "keloid scars"}])
    ActionAnswerCost().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("You mentioned a history of keloid scars: the article says")
    assert "$300 to $400" in text
    # Denied in this message: no note at all.
    dispatcher.messages.clear()
    tracker = make_tracker(text="no keloids here, how much is it?", intent="ask_cost",
                           entities=[{"entity": "condition", "value": "keloid scars",
                                      "role": "denied"}])
    ActionAnswerCost().run(dispatcher, tracker, domain)
    assert "You mentioned" not in dispatcher.messages[0]["text"]


def test_darker_skin_only_asked_about_gets_the_caution_not_a_claim():
    tracker = make_tracker(text="what if I have dark skin?", entities=[
        {"entity": "skin_tone", "value": "darker skin", "role": "asked"}])
    notes = personal_notes(KNOWLEDGE, VisitorContext.from_tracker(tracker))
    assert len(notes) == 1 and notes[0].startswith("If your skin is darker: ")
    assert personal_notes(KNOWLEDGE, VisitorContext(denied=["darker skin"])) == []


def _synonyms():
    """data/nlu/synonyms.yml as EntitySynonymMapper reads it: each example to its value."""
    blocks = yaml.safe_load((ROOT / "data" / "nlu" / "synonyms.yml").read_text())["nlu"]
    return {line.strip()[2:].strip().lower(): block["synonym"] for block in blocks
            if "synonym" in block for line in block["examples"].splitlines() if line.strip()}


SYNONYMS = _synonyms()


def read_conditions(nlp, text):
    """The condition entities as config.yml's pipeline gives them: the ruler and its synonyms,
    then this step."""
    found = [{"entity": e.label_, "value": SYNONYMS.get(e.text.lower(), e.text),
              "start": e.start_char, "end": e.end_char}
             for e in nlp(text).ents if e.label_ in ("condition", "skin_tone")]
    message = Message({"text": text, "entities": found})
    ConditionPolarity(ConditionPolarity.get_default_config()).process([message])
    return [(e["value"], e.get("role")) for e in message.get("entities")
            if e["entity"] == "condition"]


def test_a_condition_named_in_other_words_is_added_with_its_role(nlp):
    assert read_conditions(nlp, "got a small cut on my chin this morning, does it hurt?") == [
        ("open wounds", None)]
    assert read_conditions(nlp, "my chin is infected, can I still come in?") == [
        ("skin infection", None)]
    assert read_conditions(nlp, "no cuts on my face, can I book?") == [("open wounds", "denied")]
    assert read_conditions(nlp, "what if my skin is infected?") == [("skin infection", "asked")]
    assert read_conditions(nlp, "my brother has a cut on his forehead, can he come?") == [
        ("open wounds", "other")]


def test_the_reviewer_s_cuts_and_infections_are_read_as_said(nlp):
    # corpus/data/reading-review/rules-review.yml: a first version (single words "cut", "nick",
    # "scratch" and "is infected" as entities) told 13 of these 24 visitors they had an open
    # wound or an infection ("hi I'm Nick", "do the needles cut?", "a cut price package").
    review = yaml.safe_load((ROOT / "corpus" / "data" / "reading-review" / "rules-review.yml")
                            .read_text(encoding="utf-8"))
    told = [t for t in review["no_wound_or_infection"]
            if any(value in ("open wounds", "skin infection") and role is None
                   for value, role in read_conditions(nlp, t))]
    assert told == []
    missed = [t for t in review["wounds_and_infections"]
              if not any(role is None for _, role in read_conditions(nlp, t))]
    assert missed == []


def test_every_condition_named_in_other_words_is_a_contraindication_of_the_article():
    # core/polarity.yml names conditions by their opposite and in other words; the replies speak
    # of them by the knowledge file's names.
    rules = yaml.safe_load((ROOT / "core" / "polarity.yml").read_text())["en"]["conditions"]
    named = set(rules["other_names"]) | set(rules["denied"]["opposites"])
    assert named and named <= set(fact(KNOWLEDGE, "contraindications"))
