"""Joins bench/results/nlu.md, load.md and, when they have run, real-ours.md (`make bench-real`)
and dev-split.md (`make bench-select`) into bench/reports/summary-DATE.md with the machine
it ran on. bench/results/ is build output; the dated summary is kept in git (quoted in
docs/performance.md)."""
import datetime
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    memory_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text()
                         .splitlines() if line.startswith("MemTotal")))
    return (f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024 ** 2:.0f} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def main() -> None:
    today = datetime.date.today().isoformat()
    parts = [f"# Benchmark summary, {today}", "", f"Machine: {machine()}", "",
             "Commands: `make bench` (= `make bench-nlu` + `make bench-load`).", ""]
    for name in ("nlu.md", "load.md", "real-ours.md", "dev-split.md"):
        if name in ("real-ours.md", "dev-split.md") and not (RESULTS / name).exists():
            continue  # separate, slower jobs
        text = (RESULTS / name).read_text()
        parts.append(text.replace("![confusion matrix of our config](nlu-confusion-ours.png)",
                                  "(confusion-matrix plot: bench/results/nlu-confusion-ours.png)")
                     .replace("\n# ", "\n## ").replace("# ", "## ", 1))
    out = RESULTS.parent / "reports" / f"summary-{today}.md"
    out.write_text("\n".join(parts))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
