"""Visitor text cleaned before it is stored or mailed: control characters go, real text stays intact.

Control characters (C0, DEL, C1) and the bidi embedding/override/isolate controls can hide or reorder text
(in the admin list, in an e-mail client) and NUL cannot be stored by PostgreSQL. Everything else, Polish
letters, emoji with zero-width joiners, right-to-left scripts and their LRM/RLM marks, is kept as typed.
"""

import re

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_SINGLE_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]+")


def clean_multiline(text):
    """Keep line breaks (as \\n) and tabs; drop every other control character."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", text))


def clean_single_line(text):
    """One line: line breaks and tabs become a space, other control characters are dropped.

    Also what makes a value safe for an e-mail header: no CR or LF can survive.
    """
    return _CONTROLS.sub("", _SINGLE_LINE_BREAKS.sub(" ", text))
