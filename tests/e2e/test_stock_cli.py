"""The stock Rasa CLI with no environment variables: `rasa run actions` and `rasa run`, as a Rasa
developer starts them from the project root, answer over REST with endpoints.yml's defaults.

The servers run in a temporary copy of the project (its code and model linked, not copied), so
that the SQLite file lands there; only the ports in the copy's endpoints.yml and on the command
line differ from the defaults, because other servers may hold 5005 and 5055 on this machine.
The environment holds PATH and HOME only, plus SANIC_HOST: rasa-sdk binds 0.0.0.0 without it,
and this project's servers stay on 127.0.0.1.

Plain `rasa test` (no arguments; about 1.5 minutes on 2 CPUs) runs in another such copy, with the
test stories linked too: it reads every test_*.yml with stories under "." and parses each user
text, and every one of this project's stories passes. The virtualenv is outside the copy; the
Makefile removes the sample stories Rasa ships in it (tests/unit/test_plain_rasa_test.py).
"""
import json
import subprocess

import pytest
import requests
import yaml

from harness.servers import BIN, HOST, ROOT, free_port, reply_text, stop, wait_until

# The project's packages (every top-level folder with an __init__.py but the tests' and benches'
# own) and what training and serving read.
PACKAGES = sorted(path.parent.name for path in ROOT.glob("*/__init__.py")
                  if path.parent.name not in ("tests", "bench", "harness", "review"))
LINKED = PACKAGES + ["models", "build", "data", "config.yml", "domain.yml", "credentials.yml"]
DEFAULT_ACTION_PORT = "5055"


@pytest.fixture(scope="module")
def stock_servers(tmp_path_factory):
    project = tmp_path_factory.mktemp("stock-cli")
    for name in LINKED:
        (project / name).symlink_to(ROOT / name)
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
        yield f"http://{HOST}:{rasa_port}", project
    finally:
        for process in reversed(processes):
            stop(process)


def test_stock_rasa_run_answers_with_the_custom_actions(stock_servers):
    url, project = stock_servers
    response = requests.post(f"{url}/webhooks/rest/webhook",
                             json={"sender": "stock-cli", "message": "how much is it?"},
                             timeout=30)
    response.raise_for_status()
    text = reply_text(response.json())
    # The price comes from action_answer_cost: the action server was reached.
    assert "$300 to $400" in text
    # The default tracker store (sqlite:///rasa.db) is in the working directory.
    assert (project / "rasa.db").exists()


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
