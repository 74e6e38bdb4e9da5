"""The stock Rasa CLI with no environment variables: `rasa run actions`, `rasa run` and
`rasa shell`, as a Rasa developer starts them from the project root, answer with endpoints.yml's
defaults, in a checkout where `make run` has already run and been stopped (what it leaves
behind, PID files, logs, the SQLite file, must not change what the stock commands mean).

The servers run in a temporary copy of the project (its tracked files, virtualenv, model and
built files linked, not copied), so that what `make run` and the servers write lands there; only
the ports (`make run`'s from the environment, the copy's endpoints.yml and the command lines)
differ from the defaults, because other servers may hold 5005, 5055 and 8080 on this machine.
The environment holds PATH and HOME only, plus SANIC_HOST: rasa-sdk binds 0.0.0.0 without it,
and this project's servers stay on 127.0.0.1.

Plain `rasa test` (no arguments; about 1.5 minutes on 2 CPUs) runs in another such copy, with the
test stories linked too: it reads every test_*.yml with stories under "." and parses each user
text, and every one of this project's stories passes. The virtualenv is outside the copy; the
Makefile removes the sample stories Rasa ships in it (tests/unit/test_plain_rasa_test.py).
"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess

import pexpect
import pytest
import requests
import yaml

from harness.servers import BIN, HOST, ROOT, free_port, reply_text, stop, wait_until
from scripts.supervise import DEFAULT_RUN_DIR

# The project's packages (every top-level folder with an __init__.py but the tests' and benches'
# own) and what training and serving read.
PACKAGES = sorted(path.parent.name for path in ROOT.glob("*/__init__.py")
                  if path.parent.name not in ("tests", "bench", "harness", "review"))
LINKED = PACKAGES + ["models", "build", "data", "config.yml", "domain.yml", "credentials.yml"]
DEFAULT_ACTION_PORT = "5055"
READY = "The assistant is ready"


def used_checkout(project):
    """The copy as a developer leaves it after `make run` and Ctrl-C: every tracked top-level
    entry, the virtualenv and the model linked; build/ a folder of its own (make run writes its
    PID files there), its built parts linked."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    for name in sorted({path.split("/")[0] for path in tracked} | {".venv", "models"}):
        if name not in ("build", "endpoints.yml", "scripts"):
            (project / name).symlink_to(ROOT / name)
    # Copied: the supervisor finds the project root from its own file's real path.
    shutil.copytree(ROOT / "scripts", project / "scripts", symlinks=True)
    (project / "build").mkdir()
    for part in (ROOT / "build").iterdir():
        if part.name != "run":
            (project / "build" / part.name).symlink_to(part)
    ports = {name: str(free_port()) for name in ("RASA_PORT", "ACTION_PORT", "WEB_PORT")}
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(project), **ports}
    plan = subprocess.run(["make", "-n", "run"], cwd=project, env=env, capture_output=True,
                          text=True, check=True).stdout
    # Everything is built before the e2e tests (make test): any rebuild here would write into
    # the root's models, build or virtualenv through the links. make run only serves.
    assert [line for line in plan.splitlines() if line.strip()] == [
        "VENV_BIN=.venv/bin scripts/serve"], plan
    log = project / "make-run.log"
    with log.open("ab") as output:
        make = subprocess.Popen(["make", "run"], cwd=project, env=env, stdout=output,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: READY in log.read_text(errors="replace"), 300, "make run", make, log)
    finally:
        try:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=60)
        except ProcessLookupError:
            pass  # make had already exited: wait_until's message says why
        except subprocess.TimeoutExpired:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()
    # make run left its run folder (build/run, emptied of PID files on a clean stop), its logs
    # and the SQLite file in the copy: the state this test is about.
    assert (project / DEFAULT_RUN_DIR).is_dir() and (project / "logs").is_dir()


@pytest.fixture(scope="module")
def stock_servers(tmp_path_factory):
    project = tmp_path_factory.mktemp("stock-cli")
    used_checkout(project)
    action_port, rasa_port = free_port(), free_port()
    endpoints = (ROOT / "endpoints.yml").read_text(encoding="utf-8")
    assert f"{HOST}:{DEFAULT_ACTION_PORT}/webhook" in endpoints
    (project / "endpoints.yml").write_text(
        endpoints.replace(f":{DEFAULT_ACTION_PORT}/", f":{action_port}/"), encoding="utf-8")
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(project), "SANIC_HOST": HOST}
    processes = []

    def start(name, args):
        log = project / f"{name}.log"
        process = subprocess.Popen(args, cwd=project, env=env, stdout=log.open("ab"),
                                   stderr=subprocess.STDOUT)
        processes.append(process)
        return process, log

    try:
        actions, log = start("actions", ["rasa", "run", "actions", "--port", str(action_port)])
        wait_until(lambda: requests.get(f"http://{HOST}:{action_port}/health", timeout=2).ok,
                   120, "rasa run actions", actions, log)
        rasa, log = start("rasa", ["rasa", "run", "--interface", HOST, "--port", str(rasa_port)])
        wait_until(lambda: requests.get(f"http://{HOST}:{rasa_port}/", timeout=2).ok,
                   240, "rasa run", rasa, log)
        yield f"http://{HOST}:{rasa_port}", project, env
    finally:
        for process in reversed(processes):
            stop(process)


def test_stock_rasa_run_answers_with_the_custom_actions(stock_servers):
    url, project, _ = stock_servers
    response = requests.post(f"{url}/webhooks/rest/webhook",
                             json={"sender": "stock-cli", "message": "how much is it?"},
                             timeout=30)
    response.raise_for_status()
    text = reply_text(response.json())
    # The price comes from action_answer_cost: the action server was reached.
    assert "$300 to $400" in text
    # The default tracker store (sqlite:///rasa.db) is in the working directory.
    with sqlite3.connect(project / "rasa.db") as db:
        stored = db.execute("SELECT count(*) FROM events WHERE sender_id = 'stock-cli'").fetchone()
    assert stored[0] > 0


def test_plain_commands_stay_commands_in_the_used_checkout(stock_servers):
    """Rasa's CLI reads a last argument naming an existing path as the model: nothing `make run`
    left in the copy may turn `rasa run` into `rasa --model run`."""
    _, project, env = stock_servers
    program = ("import sys; from rasa.cli.utils import parse_last_positional_argument_as_model_path"
               " as parse; sys.argv = ['rasa', sys.argv[1]]; parse(); print(' '.join(sys.argv))")
    for command in ("run", "shell", "interactive", "train", "test"):
        done = subprocess.run([str(BIN / "python"), "-c", program, command], cwd=project, env=env,
                              capture_output=True, text=True, check=True)
        assert done.stdout.strip() == f"rasa {command}"


def test_stock_rasa_shell_answers_in_the_used_checkout(stock_servers):
    _, project, env = stock_servers
    shell = pexpect.spawn(str(BIN / "rasa"), ["shell", "--port", str(free_port())],
                          cwd=str(project), env=dict(env, TERM="dumb", COLUMNS="200"),
                          encoding="utf-8", timeout=240, dimensions=(50, 200))
    shell.logfile_read = (project / "rasa-shell.log").open("a")
    try:
        shell.expect("Your input ->")
        shell.sendline("how much is it?")
        # The price comes from action_answer_cost: the copy's action server was reached.
        shell.expect_exact("$300 to $400", timeout=60)
        shell.expect("Your input ->", timeout=60)
        shell.sendline("/stop")
        shell.expect(pexpect.EOF, timeout=60)
    finally:
        shell.terminate(force=True)


def test_stock_rasa_test_passes_every_story(tmp_path):
    for name in LINKED + ["tests", "endpoints.yml"]:
        (tmp_path / name).symlink_to(ROOT / name)
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(["rasa", "test"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=900)
    log = done.stdout.decode(errors="replace")
    assert done.returncode == 0, log[-3000:]
    ours = sum(len(yaml.safe_load(path.read_text(encoding="utf-8"))["stories"])
               for path in (ROOT / "tests").glob("test_*.yml"))
    report = json.loads((tmp_path / "results" / "story_report.json").read_text(encoding="utf-8"))
    # Every story collected is one of ours, and every one passed.
    assert report["conversation_accuracy"]["total"] == ours, log[-3000:]
    failed = (tmp_path / "results" / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert report["conversation_accuracy"]["correct"] == ours, failed
