#!/usr/bin/env bash
# Held-out intent scores of our config with and without the static word vectors, in one run.
# Usage: bash bench/research/compare_vectors.sh   (after `make train`; writes results/vectors/)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=results/vectors
bin=${VENV_BIN:-.venv/bin}  # the virtualenv's commands; VENV_BIN=... for another one
mkdir -p "$out"
"$bin/python" nlp/build_spacy.py build/spacy_pipeline_novectors --no-vectors
sed 's|model: build/spacy_pipeline$|model: build/spacy_pipeline_novectors|' config.yml > "$out/config-novectors.yml"
for variant in vectors novectors; do
  if [ "$variant" = vectors ]; then config=config.yml; else config="$out/config-novectors.yml"; fi
  rm -rf .rasa/cache   # a cached DIET from the other pipeline would be reused
  start=$(date +%s)
  "$bin/rasa" train nlu --config "$config" --nlu data/nlu --out "$out/models-$variant" \
    --fixed-model-name nlu >"$out/train-$variant.log" 2>&1
  echo "$variant: NLU training took $(( $(date +%s) - start )) s"
  "$bin/rasa" test nlu --nlu tests/nlu_heldout.yml --model "$out/models-$variant/nlu.tar.gz" \
    --out "$out/$variant" >"$out/test-$variant.log" 2>&1
  "$bin/python" tests/check_nlu_report.py "$out/$variant/intent_report.json" --min-macro-f1 0 \
    | head -1 | sed "s/^/$variant: /"
done
rm -rf .rasa/cache
