"""Throw-away PostgreSQL and Redis servers from Debian's packages, on 127.0.0.1.

Each gets its own data directory and a free port, and is stopped by its PID. PostgreSQL
refuses to run as root, so as root it runs as the `postgres` user (setpriv execs, so the
PID we hold is the server's own).
"""
import glob
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List

from servers import HOST, free_port, stop

PG_BIN = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]) if glob.glob(
    "/usr/lib/postgresql/*/bin") else None


def _as_postgres(args: List[str]) -> List[str]:
    if os.geteuid() != 0:
        return args
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"] + args


def _wait_for(check, timeout: float, what: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited:\n{log.read_text()[-2000:]}")
        if check():
            return
        time.sleep(0.3)
    raise TimeoutError(f"{what} not ready:\n{log.read_text()[-2000:]}")


@contextmanager
def postgresql(workdir: Path) -> Iterator[dict]:
    """Yields {"url", "port", "process", "dsn"}: a database `rasa` owned by user `rasa`."""
    if PG_BIN is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
    # Outside pytest's private (0700, root-owned) temp folder: the postgres user must reach it.
    data = Path(tempfile.mkdtemp(prefix="microneedling-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "postgresql.log"
    initdb = subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "rasa",
                                          "--auth=trust", "-E", "UTF8"]),
                            capture_output=True, text=True)
    if initdb.returncode != 0:
        shutil.rmtree(data, ignore_errors=True)
        raise RuntimeError(f"initdb failed:\n{initdb.stdout}\n{initdb.stderr}")
    port = free_port()
    process = subprocess.Popen(
        _as_postgres([str(PG_BIN / "postgres"), "-D", str(data), "-p", str(port),
                      "-c", f"listen_addresses={HOST}", "-c", f"unix_socket_directories={data}",
                      "-c", "fsync=on"]),
        stdout=log.open("ab"), stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: subprocess.run(
            [str(PG_BIN / "pg_isready"), "-h", HOST, "-p", str(port)],
            capture_output=True).returncode == 0, 60, "PostgreSQL", process, log)
        subprocess.run([str(PG_BIN / "createdb"), "-h", HOST, "-p", str(port), "-U", "rasa",
                        "rasa"], check=True, capture_output=True)
        yield {"url": f"postgresql://rasa@{HOST}:{port}/rasa", "port": port,
               "process": process, "dsn": f"host={HOST} port={port} user=rasa dbname=rasa"}
    finally:
        stop(process)
        shutil.rmtree(data, ignore_errors=True)


@contextmanager
def redis_server(workdir: Path) -> Iterator[dict]:
    """Yields {"port", "process"}: an empty Redis without persistence."""
    port = free_port()
    log = workdir / "redis.log"
    process = subprocess.Popen(
        ["redis-server", "--bind", HOST, "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", str(workdir)],
        stdout=log.open("ab"), stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: subprocess.run(["redis-cli", "-h", HOST, "-p", str(port), "ping"],
                                         capture_output=True, text=True).stdout.strip() == "PONG",
                  30, "Redis", process, log)
        yield {"port": port, "process": process}
    finally:
        stop(process)
