"""The NLP parts built from registry packages: the spaCy pipeline (build_spacy.py) and the
sentence encoder the Rasa server runs (minilm.py). Rasa-free (tests/unit/test_layout.py)."""
