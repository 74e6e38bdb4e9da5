"""Reading a stored conversation back: Rasa 3.6 finds each event's class by walking every
subclass of Event (calling inspect.isabstract on each) for every event it reads: 49 us a lookup
with Rasa's tracker store imported, 0.3 us from the table below. Under load that walk was about a
quarter of loading a conversation from the tracker store (py-spy of the load benchmark's Rasa
server; docs/performance.md). The event classes don't change while the server
runs, so a table from type name to class, filled from Rasa's own answers, gives the same class at
once; a name not yet in the table goes to Rasa's lookup (which also answers the old "topic"
events and unknown names)."""
from typing import Dict, Optional, Text, Type

from rasa.shared.core.events import Event

_stock_resolve_by_type = Event.resolve_by_type
_classes: Dict[Text, Type[Event]] = {}


def resolve_by_type(type_name: Text,
                    default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    found = _classes.get(type_name)
    if found is not None:
        return found
    found = _stock_resolve_by_type(type_name, default)
    # Only Rasa's own match is kept: a caller's default is not the class of that name.
    if found is not None and getattr(found, "type_name", None) == type_name:
        _classes[type_name] = found
    return found


def apply() -> None:
    Event.resolve_by_type = staticmethod(resolve_by_type)
