"""Input channels of the micro-needling assistant: Rasa's REST and socket.io channels behind
one guard (channels/guard.py) that screens every visitor message.

Importing this package also makes the Rasa server validate action-server responses with a
schema compiled once (channels/action_validation.py): the stock check rebuilt it per call."""
from channels.action_validation import use_compiled_validator

use_compiled_validator()
