"""The source code of a trained component, as part of its training fingerprint.

Rasa decides whether to retrain a component from its config and its training data, not from its
code: after an edit to the classifier or the sentence encoder, `rasa train` (and so `make run`)
would keep the old model. Each trained component returns this from `fingerprint_addon`, so an
edit to its module, or to a module it names, retrains it.
"""
import hashlib
import importlib
from typing import Text


def source_fingerprint(*module_names: Text) -> Text:
    digest = hashlib.sha256()
    for name in module_names:
        module = importlib.import_module(name)
        with open(module.__file__, "rb") as source:
            digest.update(name.encode() + b"\0" + source.read())
    return digest.hexdigest()
