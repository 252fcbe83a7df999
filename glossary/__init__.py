"""glossary: the Chinese-English term base behind glosscheck."""

from glossary.errors import GlossaryError, GlosscheckError, InputError
from glossary.loading import load, load_default
from glossary.model import LANGUAGES, Boundary, Concept, Form, Glossary, Origin, Status

__all__ = [
    "LANGUAGES",
    "Boundary",
    "Concept",
    "Form",
    "Glossary",
    "GlossaryError",
    "GlosscheckError",
    "InputError",
    "Origin",
    "Status",
    "load",
    "load_default",
]
