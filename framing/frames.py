"""Frame profiles: which generic news frames dominate an outlet's story.

A *frame* is the angle a story is told from. framing profiles seven generic
frames (``framing/data/frame_definitions.csv`` says what each captures):
conflict/security, diplomacy/cooperation, economic, legal/sanctions, world
order/ideology, human interest and morality. The conflict, economic, human
interest and morality frames follow the generic news frames of the
media-effects literature (Semetko & Valkenburg, 2000, "Framing European
politics: A content analysis of press and television news", *Journal of
Communication* 50(2)); diplomacy, legal/sanctions and world order are added
for foreign-affairs news.

Each frame is defined by indicator words and phrases in
``framing/data/frames.csv``. A sentence *counts for* a frame when it holds at
least one of the frame's indicators; a sentence can count for several frames
or none. The evidence of every count is the indicator with its character
offsets, so a student can see why a sentence counted.

Score: a frame's *share* for an outlet is the number of its sentences that
count for the frame divided by all its sentences, in [0, 1]; higher = the
outlet tells more of its story from that angle. Shares of one outlet do not
add up to 1.

Limits: indicators are words, not meaning. "Security" in "security guarantee"
and in "food security" both count for conflict; a sentence about sanctions
being lifted counts for legal/sanctions like one about sanctions imposed. The
lists were written for international news; for another kind of story, extend
or replace them (:func:`load_frames`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ._resources import packaged_text, read_csv_rows, read_text_file, split_list
from .errors import FramingError
from .text import PhraseMatcher, split_sentences

FRAMES_FILE = "frames.csv"
DEFINITIONS_FILE = "frame_definitions.csv"


@dataclass(frozen=True)
class Frame:
    """A frame: identifier, display label, what it captures, and its indicators."""

    frame: str
    label: str
    note: str
    indicators: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (indicator, forms)


@dataclass(frozen=True)
class FrameHit:
    """One indicator found in a text: ``text[start:end]``, in sentence ``sentence``."""

    frame: str
    indicator: str
    start: int
    end: int
    text: str
    sentence: int

    def to_dict(self) -> dict:
        return {"frame": self.frame, "indicator": self.indicator, "start": self.start, "end": self.end,
                "text": self.text, "sentence": self.sentence}


class Frames:
    """A validated set of frames. Build one with :func:`load_frames`."""

    def __init__(self, frames: Iterable[Frame]):
        self._frames = tuple(frames)
        self._matcher: PhraseMatcher | None = None

    @property
    def frames(self) -> tuple[Frame, ...]:
        return self._frames

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.frame for f in self._frames)

    def label(self, frame: str) -> str:
        return next((f.label for f in self._frames if f.frame == frame), frame)

    def __len__(self) -> int:
        return len(self._frames)

    def __iter__(self) -> Iterator[Frame]:
        return iter(self._frames)

    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            phrases = []
            for f in self._frames:
                for indicator, forms in f.indicators:
                    for form in forms:
                        if form == form.lower():
                            phrases.append((form, (f.frame, indicator), True))
                        else:  # exact case, but a sentence may start with it: "the West" -> "The West"
                            for variant in dict.fromkeys((form, form[:1].upper() + form[1:])):
                                phrases.append((variant, (f.frame, indicator), False))
            self._matcher = PhraseMatcher(phrases)
        return self._matcher

    def __repr__(self) -> str:
        return f"Frames({', '.join(self.names)})"


def parse_frames(frames_text: str, definitions_text: str, *, frames_source: str = FRAMES_FILE,
                 definitions_source: str = DEFINITIONS_FILE) -> list[Frame]:
    """Read and validate the definitions CSV (``frame,label,note``) and the
    indicators CSV (``frame,indicator[,forms]``).

    Errors name the file and row: a frame defined twice, an indicator for an
    undefined frame, a form listed for two frames, a form without letters.
    """
    defs: dict[str, tuple[str, str]] = {}
    for n, row in read_csv_rows(definitions_text, definitions_source, required=("frame", "label", "note")):
        name = row["frame"]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise FramingError(f"{definitions_source}, row {n}: frame id {name!r} must be lower-case letters, digits or _")
        if name in defs:
            raise FramingError(f"{definitions_source}, row {n}: frame {name!r} is defined twice")
        defs[name] = (row["label"], row["note"])
    indicators: dict[str, list[tuple[str, tuple[str, ...]]]] = {k: [] for k in defs}
    owners: dict[str, tuple[str, int]] = {}
    for n, row in read_csv_rows(frames_text, frames_source, required=("frame", "indicator"), optional=("forms",)):
        name = row["frame"]
        if name not in defs:
            raise FramingError(f"{frames_source}, row {n}: frame {name!r} is not defined in {definitions_source}; "
                               f"defined: {', '.join(defs)}")
        forms = tuple(dict.fromkeys([row["indicator"], *split_list(row.get("forms", ""))]))
        for form in forms:
            if not re.search(r"[^\W\d_]", form):
                raise FramingError(f"{frames_source}, row {n}: the form {form!r} has no letters")
            key = form if form != form.lower() else form.casefold()
            if key in owners and owners[key][0] != name:
                raise FramingError(f"{frames_source}, row {n}: {form!r} is already an indicator of "
                                   f"{owners[key][0]!r} (row {owners[key][1]})")
            owners[key] = (name, n)
        indicators[name].append((row["indicator"], forms))
    return [Frame(k, label, note, tuple(indicators[k])) for k, (label, note) in defs.items()]


@lru_cache(maxsize=1)
def _packaged_frames() -> Frames:
    return Frames(parse_frames(packaged_text(FRAMES_FILE), packaged_text(DEFINITIONS_FILE)))


def load_frames(indicators: str | Path | None = None, definitions: str | Path | None = None) -> Frames:
    """The frame set: the packaged one, or a user's files.

    ``indicators`` replaces the packaged ``frames.csv`` and ``definitions`` the
    packaged ``frame_definitions.csv``; a file not given is the packaged one,
    so a user can add indicators to the seven frames with a copy of
    ``frames.csv`` alone, or define new frames with both files.
    """
    if indicators is None and definitions is None:
        return _packaged_frames()
    ind_text = read_text_file(indicators) if indicators is not None else packaged_text(FRAMES_FILE)
    def_text = read_text_file(definitions) if definitions is not None else packaged_text(DEFINITIONS_FILE)
    return Frames(parse_frames(ind_text, def_text, frames_source=str(indicators or FRAMES_FILE),
                               definitions_source=str(definitions or DEFINITIONS_FILE)))


def find_frames(text: str, *, frames: Frames | None = None, sentences=None) -> list[FrameHit]:
    """Every frame indicator in ``text``, with its sentence index.

    ``sentences`` (from :func:`framing.text.split_sentences`) saves splitting
    the text again. Returns hits left to right.
    """
    if not isinstance(text, str):
        raise FramingError(f"find_frames: text must be a string, not {type(text).__name__}")
    frames = frames if frames is not None else load_frames()
    sentences = sentences if sentences is not None else split_sentences(text)
    hits: list[FrameHit] = []
    si = 0
    for start, end, s, _, (frame, indicator) in frames.matcher().spans(text):
        while si + 1 < len(sentences) and sentences[si].end <= start:
            si += 1
        if not sentences or not (sentences[si].start <= start < sentences[si].end):
            continue
        hits.append(FrameHit(frame, indicator, start, end, s, sentences[si].index))
    return hits
