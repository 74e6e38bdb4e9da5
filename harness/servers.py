"""Start the real action server and Rasa server for a test or a benchmark, and stop them by PID."""
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

import requests

ROOT = Path(__file__).resolve().parents[1]
# The servers' commands come from the virtualenv running the tests.
BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "microneedling.tar.gz"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until(check, timeout: float, what: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited early:\n{log.read_text()[-3000:]}")
        try:
            if check():
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{what} not ready after {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def stop(process: Optional[subprocess.Popen]) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Assistant:
    """An action server and a Rasa server on free local ports, logs under `workdir`."""

    def __init__(self, workdir: Path, env: Optional[Dict[str, str]] = None,
                 cors_origin: Optional[str] = None, model: Path = MODEL):
        self.workdir = workdir
        self.model = model
        self.cors_origin = cors_origin
        self.rasa_port = free_port()
        self.action_port = free_port()
        self.env = dict(os.environ)
        self.env.update({
            "ACTION_ENDPOINT_URL": f"http://{HOST}:{self.action_port}/webhook",
            "TRACKER_STORE_URL": f"sqlite:///{workdir / 'tracker.db'}",
            "LOCK_STORE_TYPE": "in_memory",
            "REDIS_HOST": HOST,
            "REDIS_PORT": "6379",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_TELEMETRY_ENABLED": "false",
            "SANIC_HOST": HOST,
        })
        self.env.update(env or {})
        self.action_server: Optional[subprocess.Popen] = None
        self.rasa_servers: Dict[int, subprocess.Popen] = {}
        self.web_server: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.rasa_port}"

    def _spawn(self, name: str, args) -> subprocess.Popen:
        log = self.workdir / f"{name}.log"
        handle = log.open("ab")
        return subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=handle,
                                stderr=subprocess.STDOUT)

    def start_action_server(self) -> None:
        self.action_server = self._spawn("action-server", [
            str(BIN / "rasa"), "run", "actions", "--actions", "actions",
            "--port", str(self.action_port)])
        wait_until(lambda: requests.get(f"http://{HOST}:{self.action_port}/health",
                                        timeout=2).ok,
                   120, "action server", self.action_server, self.workdir / "action-server.log")

    def stop_action_server(self) -> None:
        stop(self.action_server)

    def start_rasa_server(self, port: Optional[int] = None, extra_args=()) -> subprocess.Popen:
        """Start a Rasa server (on `rasa_port` unless another port is given)."""
        port = port or self.rasa_port
        args = [str(BIN / "rasa"), "run", "--model", str(self.model),
                "--endpoints", "endpoints-from-env.yml", "--credentials", "credentials.yml",
                "--interface", HOST, "--port", str(port), *extra_args]
        if self.cors_origin:
            args += ["--cors", self.cors_origin]
        name = f"rasa-server-{port}"
        process = self._spawn(name, args)
        self.rasa_servers[port] = process
        wait_until(lambda: requests.get(f"http://{HOST}:{port}/", timeout=2).ok,
                   240, "Rasa server", process, self.workdir / f"{name}.log")
        return process

    def stop_rasa_server(self, port: Optional[int] = None) -> None:
        stop(self.rasa_servers.pop(port or self.rasa_port, None))

    def start_web_server(self, port: int) -> subprocess.Popen:
        env = dict(self.env, RASA_PUBLIC_URL=self.url)
        log = (self.workdir / "web-server.log").open("ab")
        self.web_server = subprocess.Popen(
            [str(BIN / "python"), "web/serve.py", "--host", HOST, "--port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_until(lambda: requests.get(f"http://{HOST}:{port}/", timeout=2).ok,
                   30, "web server", self.web_server, self.workdir / "web-server.log")
        return self.web_server

    def stop(self) -> None:
        stop(self.web_server)
        for port in list(self.rasa_servers):
            self.stop_rasa_server(port)
        stop(self.action_server)

    def say(self, sender: str, message: str, timeout: float = 30, port: Optional[int] = None):
        url = f"http://{HOST}:{port or self.rasa_port}"
        response = requests.post(f"{url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": message}, timeout=timeout)
        response.raise_for_status()
        return response.json()


def reply_text(messages) -> str:
    return " ".join(m.get("text", "") for m in messages)


@contextmanager
def running_assistant(workdir: Path, **options) -> Iterator[Assistant]:
    assistant = Assistant(workdir, **options)
    try:
        assistant.start_action_server()
        assistant.start_rasa_server()
        yield assistant
    finally:
        assistant.stop()


CHROMIUM = "/usr/bin/chromium"
# Debian's chromium as the browser tests and bench/widget_latency.py launch it.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


@contextmanager
def running_site(workdir: Path) -> Iterator[Assistant]:
    """The assistant plus the clinic page on a free port, for a browser test: CORS allows the
    page's origin, kept as `assistant.origin`. Fails if Debian's chromium is missing."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    web_port = free_port()
    origin = f"http://{HOST}:{web_port}"
    with running_assistant(workdir, cors_origin=origin) as assistant:
        assistant.start_web_server(web_port)
        assistant.origin = origin
        yield assistant
