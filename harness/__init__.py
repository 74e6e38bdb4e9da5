"""Helpers the end-to-end tests and the benchmarks share: starting the real servers on free
local ports (servers.py) and stopping them by PID. Neither server imports this package."""
