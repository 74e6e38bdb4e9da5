"""Load benchmark over the REST channel, with the action server: our model vs Rasa's default
config vs the framework's floor (keyword NLU + RulePolicy), same load, one run.

Locust (headless, its own venv) runs 1, 10 and 50 visitors against each Rasa server in turn;
we report messages/second, latency p50/p95/p99, errors, the Rasa server's peak RSS and its
cold start (process start to first answer). Writes bench/results/load.md.

Usage: .venv/bin/python bench/load_benchmark.py [--seconds 20]   (after bench/nlu_benchmark.py
trained bench/models/)
"""
import argparse
import csv
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from servers import Assistant, reply_text  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--visitors", type=int, nargs="+", default=VISITORS)
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    results, cold = {}, {}
    base = Assistant(workdir)
    base.start_action_server()
    try:
        for label, name in SYSTEMS.items():
            assistant = Assistant(workdir / name, model=MODELS / f"{name}.tar.gz")
            assistant.workdir.mkdir()
            assistant.env = dict(base.env, TRACKER_STORE_URL=f"sqlite:///{workdir / name}.db")
            start = time.monotonic()
            process = assistant.start_rasa_server()
            assert reply_text(assistant.say("warm-up", "does it hurt?")), f"{label}: no answer"
            cold[label] = time.monotonic() - start
            for users in args.visitors:
                sampler = PeakRss(process.pid)
                sampler.start()
                figures = run_locust(assistant.url, users, args.seconds,
                                     workdir / f"{name}-{users}")
                sampler.running = False
                sampler.join()
                figures["peak_rss_mb"] = sampler.peak
                results[(label, users)] = figures
                print(label, users, figures, flush=True)
            assistant.stop()
    finally:
        base.stop()

    lines = ["# Load benchmark", "",
             f"REST channel with the action server; Locust headless, {args.seconds} s per level, "
             "no think time; each visitor holds a 9-turn conversation (see bench/locustfile.py). "
             "One Rasa process each, SQLite tracker store, one after another on the same machine.",
             "", "| system | visitors | messages/s | p50 ms | p95 ms | p99 ms | requests | errors "
             "| peak RSS MB |", "|---|---|---|---|---|---|---|---|---|"]
    for (label, users), f in results.items():
        lines.append(f"| {label} | {users} | {f['rps']:.1f} | {f['p50']:.0f} | {f['p95']:.0f} | "
                     f"{f['p99']:.0f} | {f['requests']} | {f['errors']} | "
                     f"{f['peak_rss_mb']:.0f} |")
    lines += ["", "Ratios of our throughput (same run):", ""]
    for users in args.visitors:
        ours = results[("ours", users)]["rps"]
        default = results[("Rasa default config", users)]["rps"]
        floor = results[("floor", users)]["rps"]
        lines.append(f"- {users} visitors: {ours / default:.2f}x Rasa's default config, "
                     f"{ours / floor:.2f}x the floor")
    lines += ["", "Cold start (process start to first answer): " + ", ".join(
        f"{label} {seconds:.1f} s" for label, seconds in cold.items()), ""]
    report = "\n".join(lines)
    (RESULTS / "load.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
