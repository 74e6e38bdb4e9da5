"""Entity extraction by the project's spaCy pipeline (build/spacy_pipeline, built by make)."""
import re
import pytest
import yaml

from conftest import ROOT

CONFIG = yaml.safe_load((ROOT / "config.yml").read_text())
DIMENSIONS = next(c for c in CONFIG["pipeline"]
                  if c["name"] == "SpacyEntityExtractor")["dimensions"]


def entities(nlp, text):
    """What the SpacyEntityExtractor of config.yml passes on: its dimensions only."""
    return [(ent.label_, ent.text.lower()) for ent in nlp(text).ents
            if ent.label_ in DIMENSIONS]


@pytest.mark.parametrize("text, expected", [
    ("is it safe for dark skin?", [("skin_tone", "dark skin")]),
    ("I have brown skin", [("skin_tone", "brown skin")]),
    ("what about skin of color", [("skin_tone", "skin of color")]),
    ("I'm dark-skinned", [("skin_tone", "dark-skinned")]),
    ("I have keloids", [("condition", "keloids")]),
    ("history of hypertrophic scars", [("condition", "hypertrophic scars")]),
    ("I have an open wound", [("condition", "open wound")]),
    ("I've got a skin infection", [("condition", "skin infection")]),
    ("I have poor wound healing", [("condition", "poor wound healing")]),
    ("cuts on my legs take ages to heal", [("body_area", "legs"),
                                           ("condition", "take ages to heal")]),
    ("mine are the raised kind not the dents", [("condition", "raised kind")]),
    ("a small scrape on my chin", [("condition", "scrape"), ("body_area", "chin")]),
    ("an infected bump", [("condition", "infected bump")]),
    ("what about my neck?", [("body_area", "neck")]),
    ("and my cheeks", [("body_area", "cheeks")]),
    ("how much for six sessions", [("num_sessions", "six sessions")]),
    ("what would 3 treatments cost", [("num_sessions", "3 treatments")]),
    ("how much is the full series", [("num_sessions", "the full series")]),
    ("does it hurt?", []),
    ("can I get it done on my back?", [("body_area", "back")]),
    ("my back and neck", [("body_area", "back"), ("body_area", "neck")]),
    ("can you call me back", []),
    ("please get back to me tomorrow", []),
    ("when will my skin be back to normal", []),
    ("how many sessions do I need", []),
])
def test_entity_ruler_finds_the_entities(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_two_entities_in_one_message(nlp):
    found = entities(nlp, "I have keloids and black skin, how much for my face?")
    assert ("condition", "keloids") in found
    assert ("skin_tone", "black skin") in found
    assert ("body_area", "face") in found


def test_pipeline_has_lemmas_and_vectors(nlp):
    doc = nlp("sessions were painful")
    assert [t.lemma_ for t in doc][:2] == ["session", "be"]
    assert nlp.vocab.vectors.shape[1] == 300


@pytest.mark.parametrize("text, expected", [
    ("im a black woman with acne scars, is it safe for me", [("skin_tone", "black woman")]),
    ("is it safe on african american skin", [("skin_tone", "african american skin")]),
    ("I'm fitzpatrick 5, should I be worried", [("skin_tone", "fitzpatrick 5")]),
    ("my skin is pretty dark, does that change anything",
     [("skin_tone", "my skin is pretty dark")]),
    ("my skin's on the darker side", [("skin_tone", "on the darker side")]),
    ("Is it safe for women of colour?", [("skin_tone", "women of colour")]),
    # A change in the skin is no skin tone: the symptom net reads it (core/symptoms.py).
    ("my skin is darker now after the session", []),
])
def test_the_ways_visitors_name_darker_skin(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_every_skin_tone_phrase_has_its_value():
    """A skin tone the ruler finds by a phrase reaches the actions as "darker skin" or "lighter
    skin" only through a synonym: a phrase with none would be a value no reply knows."""
    import json
    tones = {json.loads(line)["pattern"].lower() for line in
             (ROOT / "nlp" / "entity_patterns.jsonl").read_text().splitlines()
             if line.strip() and json.loads(line)["label"] == "skin_tone"
             and isinstance(json.loads(line)["pattern"], str)}
    synonyms = yaml.safe_load((ROOT / "data" / "nlu" / "synonyms.yml").read_text())["nlu"]
    mapped = {example.strip()[2:].lower() for entry in synonyms
              for example in entry["examples"].splitlines() if example.strip()}
    mapped |= {entry["synonym"] for entry in synonyms}
    # Olive, sensitive, oily and dry skin are found but kept as said: the replies give them all
    # the article says of skin types (actions/notes.py), tailored to neither value.
    kept_as_said = {t for t in tones if re.search(r"\b(olive|sensitive|oily|dry)\b", t)}
    assert tones and sorted(tones - mapped - kept_as_said) == []
