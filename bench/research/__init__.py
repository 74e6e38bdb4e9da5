"""Research kept for reproduction: the scripts that chose a setting (the classifier variants of
real_proxy.py, the close-call thresholds of real_rankings.py, model selection of dev_split.py).
Their findings: docs/performance.md (what each choice gained) and the dated reports in
bench/reports/."""
