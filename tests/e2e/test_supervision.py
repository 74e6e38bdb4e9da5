"""`make run`'s supervision for real: scripts/serve on free ports, the Rasa server killed and hung.

One run of the supervisor for the module (the Rasa server loads in 30-60 s per start): it must
say "ready" only when everything answers, restart a Rasa server killed with SIGKILL and one
frozen with SIGSTOP (a hang that still holds its port), keep the conversation (SQLite tracker
store), and leave no process behind when stopped. Restart counts and recovery times are printed.
"""
import json
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

from harness.servers import BIN, HOST, ROOT, free_port, reply_text

READY = "The assistant is ready"


class Supervisor:
    """scripts/serve (which runs scripts/supervise.py) with its stdout read line by line."""

    def __init__(self, workdir: Path, env: dict):
        self.workdir = workdir
        self.run_dir = workdir / "run"
        self.lines: "queue.Queue[str]" = queue.Queue()
        self.output = []  # every line so far, for messages on failure
        self.process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line.rstrip())
            self.lines.put(line.rstrip())

    def wait_for(self, pattern: str, timeout: float) -> str:
        """The next line matching `pattern` (a regex), within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "supervisor exited:\n" + self.text()
                continue
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} in {timeout:.0f} s:\n" + self.text())

    def text(self) -> str:
        return "\n".join(self.output[-60:])

    def pid(self, name: str) -> int:
        return int((self.run_dir / f"{name}.pid").read_text())

    def started_pids(self):
        lines = "\n".join(self.output)
        return [int(pid) for pid in re.findall(r"started \S+ \(pid (\d+)\)", lines)]


def alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def say(port: int, message: str) -> str:
    response = requests.post(f"http://{HOST}:{port}/webhooks/rest/webhook",
                             json={"sender": "supervised-visitor", "message": message}, timeout=30)
    response.raise_for_status()
    return reply_text(response.json())


def environment(workdir: Path, rasa_port: int, action_port: int, web_port: int) -> dict:
    """What the Makefile exports for `make run`, on free ports and a temporary SQLite file."""
    env = dict(os.environ)
    env.update({
        "ENDPOINTS": "endpoints-from-env.yml",
        "RASA_HOST": HOST, "RASA_PORT": str(rasa_port),
        "ACTION_HOST": HOST, "ACTION_PORT": str(action_port),
        "ACTION_ENDPOINT_URL": f"http://{HOST}:{action_port}/webhook",
        "TRACKER_STORE_URL": f"sqlite:///{workdir / 'tracker.db'}",
        "LOCK_STORE_TYPE": "in_memory", "REDIS_HOST": HOST, "REDIS_PORT": "6379",
        "WEB_HOST": HOST, "WEB_PORT": str(web_port),
        "WEB_ORIGIN": f"http://{HOST}:{web_port}",
        "RASA_PUBLIC_URL": f"http://{HOST}:{rasa_port}",
        "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "LOG_DIR": str(workdir / "logs"), "RUN_DIR": str(workdir / "run"),
    })
    env.pop("RASA_API_TOKEN", None)
    return env


@pytest.fixture(scope="module")
def supervised(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("supervised")
    rasa_port, action_port, web_port = free_port(), free_port(), free_port()
    supervisor = Supervisor(workdir, environment(workdir, rasa_port, action_port, web_port))
    supervisor.rasa_port = rasa_port
    try:
        yield supervisor
    finally:
        supervisor.process.send_signal(signal.SIGTERM)  # by PID
        try:
            supervisor.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            supervisor.process.kill()
            supervisor.process.wait()


def test_restarts_a_killed_and_a_hung_rasa_server_and_keeps_the_conversation(supervised, capsys):
    started = time.monotonic()
    supervised.wait_for(READY, timeout=300)
    ready_after = time.monotonic() - started
    # "Ready" means answering, not merely an open port: the first message gets its answer.
    assert "$300 to $400" in say(supervised.rasa_port, "how much is it?")

    # 1. The Rasa server dies (SIGKILL): restarted, and the conversation goes on.
    killed = supervised.pid("rasa-server")
    os.kill(killed, signal.SIGKILL)
    down = time.monotonic()
    supervised.wait_for(r"rasa-server exited .*restarting \(restart 1", timeout=30)
    supervised.wait_for(r"rasa-server is back \(restart 1", timeout=300)
    after_kill = time.monotonic() - down
    assert supervised.pid("rasa-server") != killed
    # "and for six sessions?" only means cost because the stored conversation says so.
    assert "For 6 sessions that works out at about $1,800 to $2,400" in say(
        supervised.rasa_port, "and for six sessions?")

    # 2. The Rasa server hangs (SIGSTOP: it holds its port but never answers, ignores SIGTERM).
    hung = supervised.pid("rasa-server")
    os.kill(hung, signal.SIGSTOP)
    down = time.monotonic()
    supervised.wait_for(r"rasa-server stopped answering; restarting \(restart 2", timeout=60)
    noticed_hang = time.monotonic() - down
    # It ignores SIGTERM while stopped: the supervisor sends SIGKILL a few seconds later.
    deadline = time.monotonic() + 20
    while alive(hung) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not alive(hung), "the hung Rasa server was not killed"
    assert "ignored SIGTERM; killing it" in supervised.text()
    supervised.wait_for(r"rasa-server is back \(restart 2", timeout=300)
    after_hang = time.monotonic() - down
    assert "For 3 sessions that works out at about $900 to $1,200" in say(
        supervised.rasa_port, "and for three sessions?")

    # 3. Stopped by PID (SIGTERM, as systemd or Ctrl-C would): every server it started is gone.
    pids = supervised.started_pids()
    assert len(pids) == 5  # three servers, and the Rasa server twice more
    supervised.process.send_signal(signal.SIGTERM)
    assert supervised.process.wait(timeout=60) == 0
    strays = [pid for pid in pids if alive(pid)]
    assert not strays, f"processes left running: {strays}"
    with socket.socket() as sock:
        assert sock.connect_ex((HOST, supervised.rasa_port)) != 0, "Rasa port still open"
    assert not list(supervised.run_dir.glob("*.pid"))

    figures = {"ready_after_s": round(ready_after, 1), "restarts": 2,
               "recovery_after_sigkill_s": round(after_kill, 1),
               "hang_noticed_after_s": round(noticed_hang, 1),
               "recovery_after_sigstop_s": round(after_hang, 1)}
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "supervision.json").write_text(json.dumps(figures, indent=2) + "\n")
    with capsys.disabled():
        print(f"\nsupervision: ready after {ready_after:.0f} s; 2 restarts of the Rasa server: "
              f"SIGKILL -> answering again after {after_kill:.1f} s; SIGSTOP -> noticed after "
              f"{noticed_hang:.1f} s, answering again after {after_hang:.1f} s")
        for line in supervised.output:
            if "supervise:" in line:
                print("  " + line)


def test_refuses_to_start_when_a_port_is_taken(tmp_path):
    """Someone else's server on our port would answer our checks: nothing starts, no "ready"."""
    with socket.socket() as other:
        other.bind((HOST, 0))
        other.listen()
        taken = other.getsockname()[1]
        env = environment(tmp_path, free_port(), taken, free_port())
        result = subprocess.run([str(BIN / "python"), "scripts/supervise.py"], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{HOST}:{taken} (for the action-server) is already taken" in result.stdout
    assert not re.search(r"started \S+ \(pid", result.stdout) and READY not in result.stdout
