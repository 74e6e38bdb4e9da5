"""`rasa shell` in a real terminal (a pty), against the running action server; "delete my
conversation" erases there too (Rasa's terminal channel, not ours: nlu_components/delete_guard.py
applies the erasure)."""

import pexpect

from harness.datastores import stored_rows
from harness.servers import BIN, MODEL, ROOT, free_port

PROMPT = "Your input ->"


def test_rasa_shell_answers_the_three_headline_questions(assistant):
    env = dict(assistant.env, TERM="dumb", COLUMNS="200")
    shell = pexpect.spawn(
        str(BIN / "rasa"),
        ["shell", "--model", str(MODEL), "--endpoints", "endpoints-from-env.yml",
         "--port", str(free_port())],
        cwd=str(ROOT), env=env, encoding="utf-8", timeout=240, dimensions=(50, 200),
    )
    shell.logfile_read = open(assistant.workdir / "rasa-shell.log", "a")
    try:
        shell.expect(PROMPT)
        for question, fact in [("does it hurt?", "numbing cream"),
                               ("how much is it?", "$300 to $400"),
                               ("is it safe for dark skin?", "hyperpigmentation")]:
            shell.sendline(question)
            shell.expect_exact(fact, timeout=60)
            shell.expect(PROMPT, timeout=60)
        # Feedback in the terminal is plain words, not a button menu to pick from.
        shell.sendline("what is microneedling?")
        shell.expect_exact("Was this helpful? (yes/no)", timeout=60)
        shell.expect(PROMPT, timeout=60)
        shell.sendline("no")
        shell.expect_exact("asking in other words", timeout=60)
        shell.expect(PROMPT, timeout=60)
        shell.sendline("/stop")
        shell.expect(pexpect.EOF, timeout=60)
    finally:
        shell.terminate(force=True)



def test_rasa_shell_erases_the_conversation_on_request(assistant):
    env = dict(assistant.env, TERM="dumb", COLUMNS="200")
    shell = pexpect.spawn(
        str(BIN / "rasa"),
        ["shell", "--model", str(MODEL), "--endpoints", "endpoints-from-env.yml",
         "--port", str(free_port()), "--conversation-id", "shell-visitor"],
        cwd=str(ROOT), env=env, encoding="utf-8", timeout=240, dimensions=(50, 200),
    )
    shell.logfile_read = open(assistant.workdir / "rasa-shell-delete.log", "a")
    url = assistant.env["TRACKER_STORE_URL"]
    try:
        shell.expect(PROMPT)
        shell.sendline("does it hurt?")
        shell.expect_exact("numbing cream", timeout=60)
        shell.expect(PROMPT, timeout=60)
        assert stored_rows(url, "shell-visitor") > 0
        shell.sendline("delete my conversation")
        shell.expect_exact("deleted this conversation", timeout=60)
        shell.expect(PROMPT, timeout=60)
        assert stored_rows(url, "shell-visitor") == 0
        shell.sendline("/stop")
        shell.expect(pexpect.EOF, timeout=60)
    finally:
        shell.terminate(force=True)
