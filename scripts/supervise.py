"""Keeps the assistant's three servers running: starts them, health-checks them, restarts them.

`make run` (through scripts/serve) runs this. It starts the action server, the clinic page and
the Rasa server with the addresses from the environment (the Makefile sets them; unset, the
local defaults below, the same as endpoints.yml's), prints
"The assistant is ready" only once every server answers its HTTP health check, then checks each
server every few seconds. A server that exits, or fails its check several times in a row (a hung
process still holds its port, so an open port proves nothing), is stopped (SIGTERM, then SIGKILL:
a hung process ignores SIGTERM) and started again, with a growing pause between repeated restarts.
Ctrl-C or SIGTERM stops every server by PID. The supervisor never sees visitors' messages.

Other modes, for the systemd units in deploy/systemd/ (same commands and checks as `make run`):
  supervise.py --exec NAME        replace this process with server NAME (a unit's ExecStart)
  supervise.py --wait NAME        wait until NAME answers its check (a unit's ExecStartPost;
                                  also `make shell`, for the action server)
  supervise.py --check-once NAME  exit 1 if NAME fails its check 3 times in a row (the watchdog)
NAME is action-server, web-server or rasa-server. Standard library only.
"""
import argparse
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
# The servers' commands come from the virtualenv this script runs in (the Makefile's and the
# systemd units' python).
BIN = Path(sys.executable).parent
MODEL = "models/microneedling.tar.gz"
# The PID files live under build/, never in a folder of their own at the root: Rasa's CLI reads a
# last argument that names an existing path as the model, so a root folder called `run` turns a
# plain `rasa run` into `rasa --model run`.
DEFAULT_RUN_DIR = "build/run"

CHECK_INTERVAL = 2.0     # seconds between health checks
CHECK_TIMEOUT = 3.0      # a check that takes longer has failed (a hung server never answers)
FAILURES_TO_RESTART = 3  # failed checks in a row before a running server is restarted
STOP_GRACE = 5.0         # seconds between SIGTERM and SIGKILL
BACKOFF_CAP = 60.0       # longest pause before a restart (1 s, 2 s, 4 s, ... up to this)
STABLE_AFTER = 60.0      # healthy this long after a restart: the next restart pauses 1 s again


# The Makefile's defaults (tests/unit/test_settings.py checks that they agree), so that this
# script also runs with no variables set.
DEFAULTS = {
    "RASA_HOST": "127.0.0.1", "RASA_PORT": "5005",
    "ACTION_HOST": "127.0.0.1", "ACTION_PORT": "5055",
    "WEB_HOST": "127.0.0.1", "WEB_PORT": "8080",
    "WEB_ORIGIN": "http://127.0.0.1:8080",
    # endpoints-from-env.yml when the addresses come from the environment (the Makefile).
    "ENDPOINTS": "endpoints.yml",
}


def env(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


@dataclass
class Spec:
    """What to run for one server and how to tell that it answers."""
    name: str
    argv: List[str]
    extra_env: Dict[str, str]
    host: str
    port: int
    path: str             # health check: GET http://host:port/path must return 200
    expect: str           # ... with this text in the body ("" for any body)
    start_timeout: float  # failed checks do not count for this long after a start (loading)


def specs() -> Dict[str, Spec]:
    """The same commands, environment and addresses scripts/serve used before supervision."""
    rasa_host, rasa_port = env("RASA_HOST"), int(env("RASA_PORT"))
    action_host, action_port = env("ACTION_HOST"), int(env("ACTION_PORT"))
    web_host, web_port = env("WEB_HOST"), int(env("WEB_PORT"))
    # Rasa's HTTP API stays off unless an operator sets RASA_API_TOKEN; then it requires it.
    token = os.environ.get("RASA_API_TOKEN", "")
    api_args = ["--enable-api", "--auth-token", token] if token else []
    return {spec.name: spec for spec in [
        # rasa-sdk binds SANIC_HOST (its default is 0.0.0.0): keep it on ACTION_HOST.
        Spec("action-server",
             [str(BIN / "rasa"), "run", "actions", "--actions", "actions",
              "--port", str(action_port)],
             {"SANIC_HOST": action_host}, action_host, action_port, "/health", "", 60),
        Spec("web-server",
             [str(BIN / "python"), "web/serve.py", "--host", web_host, "--port", str(web_port)],
             {}, web_host, web_port, "/", "", 30),
        # The Rasa server loads the model for 30-60 s before it answers.
        Spec("rasa-server",
             [str(BIN / "rasa"), "run", "--model", MODEL, "--endpoints", env("ENDPOINTS"),
              "--credentials", "credentials.yml", "--interface", rasa_host,
              "--port", str(rasa_port), "--cors", env("WEB_ORIGIN"), *api_args],
             {}, rasa_host, rasa_port, "/", "Hello from Rasa", 240),
    ]}


def answers(spec: Spec) -> bool:
    """One health check: an HTTP answer with status 200 (and the expected text) in time."""
    url = f"http://{spec.host}:{spec.port}{spec.path}"
    try:
        with urllib.request.urlopen(url, timeout=CHECK_TIMEOUT) as response:
            body = response.read(200).decode("utf-8", "replace")
            return response.status == 200 and spec.expect in body
    except (OSError, ValueError):  # refused, timed out, reset, HTTP error status
        return False


def port_taken(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def die_with_parent() -> None:
    """In the child before exec: the kernel kills it if the supervisor dies (even by SIGKILL)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:  # not Linux/glibc: Ctrl-C and SIGTERM still stop the children
        pass


class Server:
    """One supervised server process and its health record."""

    def __init__(self, spec: Spec, log_dir: Path, run_dir: Path, say):
        self.spec = spec
        self.log = log_dir / f"{spec.name}.log"
        self.pid_file = run_dir / f"{spec.name}.pid"
        self.say = say
        self.process: Optional[subprocess.Popen] = None
        self.started_at = 0.0
        self.healthy = False         # answered its check since the last start
        self.ever_healthy = False    # answered at least once since the supervisor started
        self.failures = 0            # failed checks in a row
        self.restarts = 0            # restarts so far (for the messages)
        self.quick_restarts = 0      # restarts without a stable spell between them (back-off)
        self.restart_at: Optional[float] = None  # when a pending restart is due
        self.down_since = 0.0        # when the current outage was noticed

    def start(self) -> None:
        mode = "ab" if self.restarts else "wb"  # a restart keeps the earlier log
        with self.log.open(mode) as log:
            if self.restarts:
                log.write(f"\n--- supervise.py: restart {self.restarts} ---\n".encode())
                log.flush()
            # Own process group: Ctrl-C reaches only the supervisor, which stops servers in order.
            self.process = subprocess.Popen(
                self.spec.argv, cwd=ROOT, env={**os.environ, **self.spec.extra_env},
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, preexec_fn=die_with_parent)
        self.pid_file.write_text(f"{self.process.pid}\n")
        self.started_at = time.monotonic()
        self.healthy, self.failures = False, 0
        self.say(f"started {self.spec.name} (pid {self.process.pid})")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after STOP_GRACE: a hung (or SIGSTOPped) server ignores SIGTERM."""
        process = self.process
        if process is None:
            return
        if process.poll() is None:
            self.signal(signal.SIGTERM)
            try:
                process.wait(timeout=STOP_GRACE)
            except subprocess.TimeoutExpired:
                self.say(f"{self.spec.name} (pid {process.pid}) ignored SIGTERM; killing it")
                self.signal(signal.SIGKILL)
                process.wait()
        # No group signal once it is reaped: its PID could then belong to someone else.
        self.process = None
        self.pid_file.unlink(missing_ok=True)

    def signal(self, sig: int) -> None:
        try:
            # The whole group (its id is the server's PID), so a child it spawned stops too.
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass

    def schedule_restart(self, why: str) -> None:
        self.down_since = self.down_since or time.monotonic()
        self.restarts += 1
        self.quick_restarts += 1
        # Back off so that a server that keeps crashing does not spin: 1 s, 2 s, 4 s, ... capped.
        delay = min(2 ** (self.quick_restarts - 1), BACKOFF_CAP)
        self.say(f"{self.spec.name} {why}; restarting (restart {self.restarts}, in {delay:.0f} s)")
        self.stop()
        self.restart_at = time.monotonic() + delay

    def tick(self) -> None:
        """One round of supervision: start when due, notice an exit, check health."""
        now = time.monotonic()
        if self.process is None:
            if self.restart_at is not None and now >= self.restart_at:
                if port_taken(self.spec.host, self.spec.port):
                    self.schedule_restart(f"cannot start: {self.spec.host}:{self.spec.port} "
                                          "is taken by another process")
                    return
                self.restart_at = None
                self.start()
            return
        code = self.process.poll()
        if code is not None:
            self.schedule_restart(f"exited (status {code})")
            return
        if answers(self.spec):
            if not self.healthy and self.ever_healthy:
                took = time.monotonic() - self.down_since
                self.say(f"{self.spec.name} is back (restart {self.restarts}, "
                         f"{took:.1f} s after it went down)")
            self.healthy = self.ever_healthy = True
            self.failures, self.down_since = 0, 0.0
            if now - self.started_at > STABLE_AFTER:
                self.quick_restarts = 0
            return
        if not self.healthy and now - self.started_at < self.spec.start_timeout:
            return  # still loading
        self.failures += 1
        if not self.healthy:
            self.schedule_restart(f"did not answer within {self.spec.start_timeout:.0f} s")
        elif self.failures >= FAILURES_TO_RESTART:
            self.schedule_restart("stopped answering")


def supervise(log_dir: Path, run_dir: Path) -> int:
    log_dir.mkdir(parents=True, exist_ok=True)
    run_dir.mkdir(parents=True, exist_ok=True)
    own_log = (log_dir / "supervise.log").open("a")

    def say(message: str) -> None:  # stdout and logs/supervise.log, never message text
        line = f"{time.strftime('%H:%M:%S')} supervise: {message}"
        print(line, flush=True)
        own_log.write(line + "\n")
        own_log.flush()

    servers = [Server(spec, log_dir, run_dir, say) for spec in specs().values()]
    # Someone else's process on our port would answer our checks: refuse rather than say ready.
    for server in servers:
        spec = server.spec
        if port_taken(spec.host, spec.port):
            say(f"{spec.host}:{spec.port} (for the {spec.name}) is already taken by another "
                "process; stop it or choose another port. Nothing started.")
            return 1

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
    try:
        for server in servers:
            server.start()
        print("Starting the Rasa server (about 30-60 s; "
              f"log: {log_dir / 'rasa-server.log'})...", flush=True)
        ready = False
        while not stopping:
            for server in servers:
                if not ready and server.process is not None and server.process.poll() is not None:
                    # At first start-up a crash is a configuration error: restarting won't help.
                    say(f"the {server.spec.name} stopped at start-up "
                        f"(status {server.process.returncode}); last lines of {server.log}:")
                    print(server.log.read_text(errors="replace")[-1500:], flush=True)
                    return 1
                server.tick()
                if stopping:
                    break
            if not ready and all(server.healthy for server in servers):
                ready = True
                print_ready()
            time.sleep(CHECK_INTERVAL)
        say("stopping")
        return 0
    finally:
        for server in reversed(servers):
            server.stop()
        own_log.close()


def print_ready() -> None:
    print(f"""
  The assistant is ready.
  Website with the chat widget:  http://{env("WEB_HOST")}:{env("WEB_PORT")}/
  REST:       curl -XPOST {env("RASA_PUBLIC_URL")}/webhooks/rest/webhook \
-H 'Content-Type: application/json' -d '{{"sender":"me","message":"does it hurt?"}}'
  Terminal:   make shell
  Servers are restarted if they stop or stop answering. Stop with Ctrl-C.
""", flush=True)


def check_once(spec: Spec) -> int:
    """The watchdog's check: 0 if the server answers, 1 after FAILURES_TO_RESTART misses."""
    for attempt in range(FAILURES_TO_RESTART):
        if answers(spec):
            return 0
        if attempt + 1 < FAILURES_TO_RESTART:
            time.sleep(CHECK_INTERVAL)
    print(f"{spec.name} did not answer {spec.path} on {spec.host}:{spec.port} "
          f"{FAILURES_TO_RESTART} times in a row", flush=True)
    return 1


def wait(spec: Spec, pid: Optional[int]) -> int:
    """Wait until the server answers; give up early if process `pid` (when given) has exited."""
    deadline = time.monotonic() + spec.start_timeout
    while time.monotonic() < deadline:
        if answers(spec):
            return 0
        if pid and not Path(f"/proc/{pid}").exists():
            print(f"{spec.name} (pid {pid}) exited before it answered", flush=True)
            return 1
        time.sleep(CHECK_INTERVAL)
    print(f"{spec.name} did not answer within {spec.start_timeout:.0f} s", flush=True)
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--exec", metavar="NAME", dest="exec_name")
    mode.add_argument("--wait", metavar="NAME")
    mode.add_argument("--check-once", metavar="NAME")
    parser.add_argument("--pid", type=int, help="with --wait: stop waiting if this process exits")
    parser.add_argument("--log-dir", type=Path, default=Path(os.environ.get("LOG_DIR", "logs")))
    parser.add_argument("--run-dir", type=Path,
                        default=Path(os.environ.get("RUN_DIR", DEFAULT_RUN_DIR)))
    args = parser.parse_args()
    os.chdir(ROOT)  # the commands use paths relative to the project
    name = args.exec_name or args.wait or args.check_once
    if name is None:
        return supervise(args.log_dir, args.run_dir)
    all_specs = specs()
    if name not in all_specs:
        parser.error(f"unknown server {name!r}; one of {', '.join(all_specs)}")
    spec = all_specs[name]
    if args.exec_name:
        os.execve(spec.argv[0], spec.argv, {**os.environ, **spec.extra_env})
    return wait(spec, args.pid) if args.wait else check_once(spec)


if __name__ == "__main__":
    sys.exit(main())
