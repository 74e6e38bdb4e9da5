"""A conversation continues after the Rasa server restarts (SQLite tracker store)."""
from harness.servers import reply_text, running_assistant


def test_context_survives_a_rasa_server_restart(tmp_path):
    with running_assistant(tmp_path) as assistant:
        first = reply_text(assistant.say("restart-visitor", "how much is it?"))
        assert "$300 to $400" in first

        assistant.stop_rasa_server()
        assistant.start_rasa_server()

        after = reply_text(assistant.say("restart-visitor", "and for six sessions?"))
        # "and for six sessions?" only means cost because the stored conversation says so.
        assert "For 6 sessions that works out at about $1,800 to $2,400" in after
