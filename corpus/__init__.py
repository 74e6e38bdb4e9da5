"""The realistic sets of visitors' messages and what is built from them (corpus/sets.py,
corpus/to_nlu.py). Rasa-free."""
