"""An edit to a trained component's code retrains it: Rasa's fingerprint of the component holds
its source (nlu_components/source_fingerprint.py)."""
import importlib
import sys

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.featurizer import Featurizer

from conftest import ROOT
from nlu_components.source_fingerprint import source_fingerprint


def custom_components():
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    for step in config["pipeline"]:
        module_name, _, class_name = step["name"].rpartition(".")
        if module_name:
            yield getattr(importlib.import_module(module_name), class_name)


def trains_or_featurizes(component) -> bool:
    registered = DefaultV1Recipe._registered_components[component.__name__]
    return registered.is_trainable or issubclass(component, Featurizer)


def test_every_trained_or_featurizing_component_fingerprints_its_own_source():
    checked = 0
    for component in custom_components():
        if not trains_or_featurizes(component):
            continue
        checked += 1
        assert component.fingerprint_addon({}) is not None, component.__name__
        assert component.fingerprint_addon({}) != source_fingerprint(), component.__name__
    # The classifier, the gap terms and the sentence encoder.
    assert checked == 3


def test_the_fingerprint_follows_the_source(tmp_path, monkeypatch):
    module = tmp_path / "fingerprinted_example.py"
    module.write_text("A = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = source_fingerprint("fingerprinted_example")
    assert source_fingerprint("fingerprinted_example") == before
    module.write_text("A = 2\n")
    assert source_fingerprint("fingerprinted_example") != before
    sys.modules.pop("fingerprinted_example", None)


def test_the_model_s_make_target_depends_on_every_component_config_yml_names():
    # Makefile: TRAIN_CODE := $(shell find DIR ... -name '*.py' ...): an edit to any custom
    # component (or the modules they read) makes `make run` / `make test` call rasa train.
    import re
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = re.search(r"^TRAIN_CODE\s*:=\s*\$\(shell find ([^-]+?) -name", makefile, re.M)
    assert line, "the Makefile has no TRAIN_CODE list"
    folders = line.group(1).split()
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    modules = [step["name"].rpartition(".")[0] for step in config["pipeline"]
               if "." in step["name"]]
    modules += ["nlp.minilm", "core.gaps", "core.polarity"]
    assert modules
    for module in modules:
        assert module.split(".")[0] in folders, module
    assert "$(TRAIN_CODE)" in re.search(r"^\$\(MODEL\):.*$", makefile, re.M).group(0)
