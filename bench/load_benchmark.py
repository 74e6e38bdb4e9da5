"""Load benchmark over the REST channel, with the action server: our model vs Rasa's default
config vs the framework's floor (keyword NLU + RulePolicy), same load, one run.

Locust (headless, its own venv) runs 1, 10 and 50 visitors against each Rasa server; the three
servers are up side by side and the runs are interleaved over several rounds. We report medians
of messages/second and latency p50/p95/p99, errors, the Rasa server's peak RSS and its cold
start (process start to first answer). Writes bench/results/load.md.

Usage (after bench/nlu_benchmark.py trained bench/models/):
    python -m bench.load_benchmark [--seconds 20] [--rounds 3] [--visitors 1 10 50]
"""
import argparse
import csv
import statistics
import subprocess
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from harness.servers import Assistant, reply_text

ROOT = Path(__file__).resolve().parents[1]

MODELS = ROOT / "bench" / "models"
RESULTS = ROOT / "bench" / "results"
LOCUST = ROOT / "build" / "locust-venv" / "bin" / "locust"
SYSTEMS = {"ours": "ours", "Rasa default config": "rasa-default", "floor": "floor"}
VISITORS = [1, 10, 50]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class PeakRss(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self):
        while self.running:
            try:
                self.peak = max(self.peak, rss_mb(self.pid))
            except OSError:
                return
            time.sleep(0.2)


def run_locust(url: str, users: int, seconds: int, prefix: Path) -> dict:
    subprocess.run([str(LOCUST), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                    "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", url,
                    "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR"],
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv") as handle:
        total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
    return {"rps": float(total["Requests/s"]), "p50": float(total["50%"]),
            "p95": float(total["95%"]), "p99": float(total["99%"]),
            "requests": int(total["Request Count"]), "errors": int(total["Failure Count"])}


def visitors(count: int) -> str:
    return f"{count} visitor" if count == 1 else f"{count} visitors"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--visitors", type=int, nargs="+", default=VISITORS)
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    runs = defaultdict(list)  # (label, users) -> figures of each round
    cold, servers = {}, {}
    # Each Locust visitor sends its next message at once, far above a person's pace: the rate
    # limit (channels/rate_limit.py) would answer most with "slow down". Off, to measure the
    # cost of answering.
    base = Assistant(workdir, env={"RATE_LIMIT_PER_MINUTE": "0"})
    base.start_action_server()
    try:
        # All three servers stay up (idle ones use no CPU), so every round runs the same load
        # against each of them back to back: the ratios come from the same minutes.
        for label, name in SYSTEMS.items():
            assistant = Assistant(workdir / name, model=MODELS / f"{name}.tar.gz")
            assistant.workdir.mkdir()
            assistant.env = dict(base.env, TRACKER_STORE_URL=f"sqlite:///{workdir / name}.db")
            start = time.monotonic()
            process = assistant.start_rasa_server()
            assert reply_text(assistant.say("warm-up", "does it hurt?")), f"{label}: no answer"
            cold[label] = time.monotonic() - start
            servers[label] = (assistant, process)
        for round_number in range(args.rounds):
            for users in args.visitors:
                for label, (assistant, process) in servers.items():
                    sampler = PeakRss(process.pid)
                    sampler.start()
                    figures = run_locust(assistant.url, users, args.seconds,
                                         workdir / f"{SYSTEMS[label]}-{users}-{round_number}")
                    sampler.running = False
                    sampler.join()
                    figures["peak_rss_mb"] = sampler.peak
                    runs[(label, users)].append(figures)
                    print(round_number, label, users, figures, flush=True)
    finally:
        for assistant, _ in servers.values():
            assistant.stop()
        base.stop()

    lines = ["# Load benchmark", "",
             f"REST channel with the action server; Locust headless, no think time; each visitor "
             "holds a 9-turn conversation (see bench/locustfile.py). One Rasa process per "
             "system, each with its own SQLite tracker store, all three up at once; "
             f"{args.rounds} rounds of {args.seconds} s per system and level, interleaved. "
             "Figures are medians over the rounds (requests and errors: totals; RSS: peak).",
             "", "| system | visitors | messages/s | p50 ms | p95 ms | p99 ms | requests | errors "
             "| peak RSS MB |", "|---|---|---|---|---|---|---|---|---|"]
    for users in args.visitors:
        for label in SYSTEMS:
            rounds = runs[(label, users)]
            lines.append(
                f"| {label} | {users} | {statistics.median([r['rps'] for r in rounds]):.1f} | "
                f"{statistics.median([r['p50'] for r in rounds]):.0f} | "
                f"{statistics.median([r['p95'] for r in rounds]):.0f} | "
                f"{statistics.median([r['p99'] for r in rounds]):.0f} | "
                f"{sum(r['requests'] for r in rounds)} | {sum(r['errors'] for r in rounds)} | "
                f"{max(r['peak_rss_mb'] for r in rounds):.0f} |")
    lines += ["", "Ratios of our throughput (median messages/s; in brackets the lowest and "
              "highest ratio of a single round):", ""]
    for users in args.visitors:
        ratios = []
        for peer in ("Rasa default config", "floor"):
            per_round = [o["rps"] / p["rps"] for o, p in zip(runs[("ours", users)],
                                                             runs[(peer, users)])]
            whole = (statistics.median([r["rps"] for r in runs[("ours", users)]])
                     / statistics.median([r["rps"] for r in runs[(peer, users)]]))
            name = "Rasa's default config" if peer != "floor" else "the floor"
            ratios.append(f"{whole:.2f}x {name} ({min(per_round):.2f}-{max(per_round):.2f})")
        lines.append(f"- {visitors(users)}: " + ", ".join(ratios))
    lines += ["", "Cold start (process start to first answer): " + ", ".join(
        f"{label} {seconds:.1f} s" for label, seconds in cold.items()), ""]
    report = "\n".join(lines)
    (RESULTS / "load.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
