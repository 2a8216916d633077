"""Every error storyline raises on purpose.

    StorylineError                 base: the CLI prints its message, never a traceback
    ├── InputError                 one input file or record cannot be used (names it and why)
    │   ├── UnsupportedFormat      the file's type is none we read
    │   └── MalformedInput         binary, empty, truncated, invalid UTF-8, broken HTML/WARC/feed
    ├── StoreError                 the SQLite store cannot be opened or is not ours
    │   └── StoreBusy              another storyline process is writing to the store
    └── UsageError                 arguments that cannot work together (says what to do instead)
"""
from __future__ import annotations


class StorylineError(Exception):
    """Base class; the message is meant for the user."""


class InputError(StorylineError):
    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(InputError):
    pass


class MalformedInput(InputError):
    pass


class StoreError(StorylineError):
    pass


class StoreBusy(StoreError):
    """Another process holds the store's writer lock (says who, and how to wait for it)."""


class UsageError(StorylineError):
    pass
