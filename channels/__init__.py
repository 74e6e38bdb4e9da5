"""Input channels of the micro-needling assistant: Rasa's REST and socket.io channels behind
one guard (channels/guard.py) that screens every visitor message. Rasa itself is patched
elsewhere, from one call (rasa_patches/)."""
