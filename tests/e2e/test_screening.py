"""The whole screening form over REST, with the transcript saved to results/screening.txt."""
from servers import ROOT, reply_text


def test_screening_form_end_to_end(assistant):
    sender = "screening-e2e"
    transcript = []

    def say(text):
        messages = assistant.say(sender, text)
        transcript.append(f"visitor: {text}")
        for message in messages:
            buttons = [b["title"] for b in message.get("buttons", [])]
            transcript.append(f"bot: {message.get('text', '')}"
                              + (f"  [buttons: {', '.join(buttons)}]" if buttons else ""))
        return reply_text(messages), messages

    say("I have dark skin")                                  # given before the form
    text, messages = say("am I a good candidate?")
    assert "open wounds or a skin infection" in text
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/affirm", "/deny"]
    text, _ = say("nope")
    assert "keloid" in text
    text, messages = say("hmm, maybe?")                      # unclear: asked once more
    assert "keloid" in text and messages[-1].get("buttons")
    text, _ = say("I had one keloid years ago")              # free text with the answer
    assert "heal poorly or slowly" in text
    text, _ = say("not that I know of")
    # Darker skin was said before the form: not asked again; the verdict comes now.
    assert "Would you describe your skin tone as darker?" not in text
    assert "not recommend" in text and "a history of keloid scars" in text
    assert "hyperpigmentation" in text and "dermatologist makes the decision" in text
    assert "background and training" in text
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "screening.txt").write_text("\n".join(transcript) + "\n")
