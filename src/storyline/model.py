"""Plain data that moves between the stages.

Each per-article stage takes and returns these dataclasses; the store persists them and
the presenters read them back. Dates are ISO strings at their known precision
("2020", "2020-06", "2020-01-05"); unknown is None.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum


@dataclass
class RawPage:
    """One article as a reader found it, before cleaning."""

    source: str  # file path, plus "#n" for the n-th record of a container file
    content: str
    kind: str  # "text" or "html"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as the container states it (JSONL, feed, WARC header)
    outlet: str | None = None


class DateFlag(StrEnum):
    """What is known about how far a document date can be trusted."""

    DISPLAY_DATE = "display-date"  # a site header's date, maybe the day of the scrape
    INFERRED = "inferred"  # no date on the page: the reference date was inferred from content
    REANCHORED = "re-anchored"  # the reference date was corrected after the content contradicted it
    CONTRADICTED = "contradicted"  # the page's own content contradicts its stated date


YEARLESS = "dateline without its year:"  # how a note keeps a dateline's month and day ("--09-30")


def yearless_day(note: str | None) -> tuple[int, int] | None:
    """The (month, day) of a dateline written without its year ("Sept 30 (Wire) -"), kept
    in a document's date note for the reference-date inference to give it a year."""
    m = re.search(re.escape(YEARLESS) + r" --(\d{2})-(\d{2})", note or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


@dataclass
class DocumentDate:
    """A document's date: what the page states and the reference date the stages use.

    `value` is the publication date as found (None when the page has none); `reference`
    is the date relative expressions are resolved against: the published date, or one
    inferred from the content, or a corrected one. `reference_date()` is the one answer
    every stage uses.
    """

    value: str | None
    granularity: str | None = None  # "year" | "month" | "day"
    origin: str | None = None  # "metadata" | "dateline" | "header" | "url" | "byline" ...
    flags: frozenset[DateFlag] = frozenset()
    reference: str | None = None
    reference_origin: str | None = None  # "published" | "inferred" | "corrected" | "none"
    note: str | None = None  # why the date was judged contradicted

    @classmethod
    def unknown(cls) -> DocumentDate:
        return cls(None)

    def has(self, flag: DateFlag) -> bool:
        return flag in self.flags

    def with_flag(self, flag: DateFlag, note: str | None = None) -> DocumentDate:
        day = yearless_day(self.note)
        if note and day and not yearless_day(note):
            note = f"{note}; {YEARLESS} --{day[0]:02d}-{day[1]:02d}"  # the page's own day stays known
        return replace(self, flags=self.flags | {flag}, note=note or self.note)

    @property
    def weak(self) -> bool:
        """No date, or one that may not be the article's own."""
        return (not self.value and not yearless_day(self.note)) or self.has(DateFlag.DISPLAY_DATE) \
            or self.has(DateFlag.REANCHORED)

    def reference_date(self) -> str | None:
        """The date every stage resolves relative expressions against and dates statements by:
        the reference date once one is set (published, inferred or corrected), else the
        published date."""
        return self.reference or self.value

    def flag_text(self) -> str | None:
        """The flags for people, e.g. "display-date; contradicted: ..." (None when clean)."""
        if not self.flags:
            return None
        text = "; ".join(sorted(f.value for f in self.flags))
        return f"{text} ({self.note})" if self.note else text


@dataclass
class Document:
    """A cleaned article: the unit every later stage annotates."""

    id: str  # content hash of the cleaned text
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    outlet_origin: str | None = None
    published: DocumentDate = field(default_factory=DocumentDate.unknown)
    url: str | None = None
    author: str | None = None
    kind: str = "text"
    removed: list[str] = field(default_factory=list)  # boilerplate lines, kept for audit
    duplicate_of: str | None = None
    lowercase: bool = False


# the words before a figure that leave it open above ("more than 4,000", "the total had passed
# one billion") or below ("fewer than 1,500"); annotate/quantities reads them as written
OPEN_ABOVE = ("more than", "over", "at least", "well over", "upwards of", "above",
              "passed", "topped", "exceeded", "surpassed", "crossed", "gone past", "went past")
OPEN_BELOW = ("fewer than", "less than", "under", "up to", "below")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # "count", "money:£", "percent", "bp", "length:km"
    head: str | None  # what is counted or measured, as a lemma ("dryer", "tunnel"); None if unknown
    approx: str | None  # "about", "more than", ... as written
    text: str
    start: int  # offset in the sentence

    def to_data(self) -> dict:
        return asdict(self)

    @classmethod
    def from_data(cls, d: dict) -> Quantity:
        return cls(**d)

    @property
    def low(self) -> float:
        """The least the words allow ("more than 4,000" -> 4,000)."""
        a = (self.approx or "").lower()
        if a in OPEN_BELOW:
            return 0.0
        return self.value

    @property
    def high(self) -> float:
        a = (self.approx or "").lower()
        if a in OPEN_ABOVE:
            return float("inf")
        return self.value


@dataclass
class Sentence:
    doc_id: str
    index: int
    start: int  # character offsets into Document.text
    end: int
    text: str
    verbs: list[str] = field(default_factory=list)  # lemmas of its verbs
    tense: str | None = None  # tense of its main clause
    quantities: list[Quantity] = field(default_factory=list)  # amounts, shares and counts it states
    summary: str | None = None  # who does what to what (annotate/summary.py); for sentences that date something


@dataclass
class Mention:
    """A named entity mention in one sentence."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, FACILITY, NORP, LOC, ...
    role: str | None = None  # "spokesman for ...", "Major General"
    entity_id: str | None = None


@dataclass
class TimeValue:
    """A time expression resolved against an anchor date."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    kind: str  # "date" | "duration" | "set"
    value: str | None  # ISO date at its granularity, or an ISO-8601 duration ("P3Y")
    granularity: str | None  # "year" | "month" | "day" | None
    anchor: str | None = None  # the reference date it was resolved against
    anchor_origin: str | None = None  # "published" | "inferred" | "absolute"
    modifier: str | None = None  # "by" | "until" | "since" | "end" | "within" | ...
    tense: str | None = None  # tense of the clause holding it: "past" | "present" | "future"
    verb: str | None = None  # lemma of the verb that governs it ("approve" in "approved ... in 2018")
    summary: str | None = None  # its own clause's summary, when that is not the sentence's main clause


@dataclass
class Evidence:
    doc: str
    sentence: int
    text: str


@dataclass
class Claim:
    id: str
    doc_id: str
    sentence: int
    speaker: str
    text: str
    cue: str  # the speech verb or pattern that attributed it
    speaker_entity: str | None = None
    anonymous: bool = False
    via: str | None = None  # "X told the Daily Echo": the outlet it was given to
    said_on: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    id: str
    when: str | None
    summary: str
    status: str  # "past" | "planned" | "conditional"
    participants: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    granularity: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0


@dataclass
class Contradiction:
    id: str
    summary: str
    kind: str  # "between-sources" | "change-over-time"
    sides: list[list[Evidence]] = field(default_factory=list)


@dataclass
class Commitment:
    id: str
    summary: str
    due: str | None
    stated_on: str | None = None
    committed_by: str | None = None
    superseded_by: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
