"""Imported by the fork server the annotation pool's processes are forked from
(`engine.pool_context`), once, before its first fork: it loads spaCy and warms what the
first annotation loads lazily, so each worker starts with them in memory it shares
(copy-on-write) instead of loading its own copy."""
from __future__ import annotations

from .engine import warm

warm()
