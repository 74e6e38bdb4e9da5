"""The reading rules: one stage (stage.py) of small rules, one per file, that rewrite what the
classifier read, in the order config.yml lists them. docs/understanding.md says which rule
decides what and why in that order."""
