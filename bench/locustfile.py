"""Locust visitors for the load benchmark: each holds one realistic multi-turn conversation
over the REST channel, then starts a new one (new sender id). No think time: the benchmark
measures how many messages the server answers, not how fast people type."""
import itertools
import uuid

from locust import FastHttpUser, constant, task

CONVERSATION = [
    "hi",
    "does it hurt?",
    "how much is it?",
    "what about my neck?",
    "and for three sessions?",
    "is it safe for dark skin?",
    "when will I see results?",
    "does insurance cover it?",
    "thanks, bye",
]


class Visitor(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.sender = str(uuid.uuid4())
        self.turns = itertools.cycle(enumerate(CONVERSATION))

    @task
    def say_next(self):
        turn, text = next(self.turns)
        if turn == 0:
            self.sender = str(uuid.uuid4())
        with self.client.post("/webhooks/rest/webhook", json={"sender": self.sender,
                                                              "message": text},
                              name=f"turn {turn}", catch_response=True) as response:
            if response.status_code != 200 or not response.json():
                response.failure(f"no reply ({response.status_code})")
