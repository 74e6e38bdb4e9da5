"""Throw-away PostgreSQL and Redis servers from Debian's packages, on 127.0.0.1.

Each gets its own data directory and a free port, and is stopped by its PID; both can be
stopped and started again on the same port (the fault tests). PostgreSQL refuses to run as
root, so as root it runs as the `postgres` user (setpriv execs, so our PID is the server's).
"""
import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

from harness.servers import HOST, free_port, stop
from store.events_table import count_rows, open_store

PG_BINS = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
PG_BIN = Path(PG_BINS[-1]) if PG_BINS else None


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


class PostgresServer:
    """A database `rasa` owned by user `rasa` (trust auth on 127.0.0.1 only)."""

    def __init__(self, logdir: Path):
        if PG_BIN is None:
            raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
        # Outside pytest's private (0700, root-owned) temp folder: postgres must reach it.
        self.data = Path(tempfile.mkdtemp(prefix="microneedling-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        logdir.mkdir(parents=True, exist_ok=True)
        self.log = logdir / "postgresql.log"
        self.port = free_port()
        self.process: Optional[subprocess.Popen] = None
        initdb = subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data),
                                              "-U", "rasa", "--auth=trust", "-E", "UTF8"]),
                                capture_output=True, text=True)
        if initdb.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{initdb.stdout}\n{initdb.stderr}")

    @property
    def url(self) -> str:
        return f"postgresql://rasa@{HOST}:{self.port}/rasa"

    @property
    def dsn(self) -> str:
        return f"host={HOST} port={self.port} user=rasa dbname=rasa"

    def start(self) -> None:
        self.process = subprocess.Popen(
            _as_postgres([str(PG_BIN / "postgres"), "-D", str(self.data), "-p", str(self.port),
                          "-c", f"listen_addresses={HOST}",
                          "-c", f"unix_socket_directories={self.data}"]),
            stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        _wait_for(lambda: subprocess.run(
            [str(PG_BIN / "pg_isready"), "-h", HOST, "-p", str(self.port)],
            capture_output=True).returncode == 0, 60, "PostgreSQL", self.process, self.log)

    def create_database(self) -> None:
        subprocess.run([str(PG_BIN / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "rasa",
                        "rasa"], check=True, capture_output=True)

    def stop(self) -> None:
        # SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for Rasa's pooled connections.
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        stop(self.process)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.data, ignore_errors=True)


class RedisServer:
    """An empty Redis without persistence."""

    def __init__(self, logdir: Path):
        self.logdir = logdir
        self.log = logdir / "redis.log"
        self.port = free_port()
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--bind", HOST, "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(self.logdir)],
            stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        _wait_for(lambda: subprocess.run(
            ["redis-cli", "-h", HOST, "-p", str(self.port), "ping"],
            capture_output=True, text=True).stdout.strip() == "PONG",
            30, "Redis", self.process, self.log)

    def stop(self) -> None:
        stop(self.process)


@contextmanager
def postgresql(logdir: Path) -> Iterator[PostgresServer]:
    server = PostgresServer(logdir)
    try:
        server.start()
        server.create_database()
        yield server
    finally:
        server.remove()


@contextmanager
def redis_server(logdir: Path) -> Iterator[RedisServer]:
    server = RedisServer(logdir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def stored_rows(url: str, sender: str) -> int:
    """How many events the tracker store at `url` holds for one conversation."""
    engine = open_store(url)
    try:
        with engine.connect() as connection:
            return count_rows(connection, sender)
    finally:
        engine.dispose()
