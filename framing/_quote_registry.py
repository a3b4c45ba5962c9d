"""The speaker registry: known people, bodies and states, with country and role.

Read from ``framing/data/speakers.csv`` (and optionally a user's CSV), validated with
file and row numbers. State rows (with nationality adjectives) also give the country
names, capitals and adjectives the rules use to read titles such as "Brazilian
Foreign Minister".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ._resources import packaged_text, read_csv_rows, read_text_file, split_list
from .errors import FramingError
from .text import _ASCII_LOOKALIKES, Match, PhraseMatcher
from ._quote_words import _ORG_WORDS


ROLES = ("official", "expert", "media", "other", "unnamed", "unknown")


REGISTRY_ROLES = ("official", "expert", "media", "other")


PACKAGED = "framing/data/speakers.csv"


class _Geo:
    """Country names (with capitals) and nationality adjectives: the state rows of the
    packaged speaker registry (rows with an ``adjectives`` value)."""

    def __init__(self, states: Iterable["Speaker"]):
        states = list(states)
        places = [(n, sp.country or sp.name, False) for sp in states for n in (sp.name, *sp.aliases)]
        adjs = [(a, sp.country or sp.name, False) for sp in states for a in sp.adjectives]
        self.place = PhraseMatcher(places)
        self.adj = PhraseMatcher(adjs)
        self.any = PhraseMatcher(adjs + places)
        self.not_country = {a.lower(): c for a, c, _ in adjs if a.lower() != c.lower()}
        # The first word (run of word characters) of every name and adjective. The phrases are matched
        # with their case, between word boundaries, and a word's characters match only themselves, so a
        # match starts with a whole word of the text that is one of these (None: a phrase starts otherwise).
        firsts = [_FIRST_WORD.match(p.strip()) for p, _, _ in adjs + places if p.strip()]
        self.leads = frozenset(m.group() for m in firsts) if all(firsts) else None

    def may_match(self, text: str) -> bool:
        """False when no name or adjective can match in ``text`` (it holds none
        of their first words): then ``place``, ``adj`` and ``any`` find nothing
        there, and need not look."""
        return self.leads is None or not self.leads.isdisjoint(_FIRST_WORD.findall(text))


_FIRST_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _geo() -> _Geo:
    return _Geo(sp for sp in _packaged() if sp.adjectives)


@dataclass(frozen=True)
class Speaker:
    """A registry entry: a person or a body, the country it speaks for and its role."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str = "unknown"
    note: str = ""
    adjectives: tuple[str, ...] = ()

    @property
    def is_state(self) -> bool:
        """True for a state (a row with nationality adjectives)."""
        return bool(self.adjectives)

    @property
    def is_body(self) -> bool:
        """True for institutions (by their name: an acronym, one word or an organisation word)."""
        key = (self.name, self.role)  # all the answer depends on
        hit = _IS_BODY.get(key)
        if hit is None:
            toks = self.name.split()
            hit = _IS_BODY[key] = (len(toks) == 1 or self.role == "media"
                                   or any(t in _ORG_WORDS or t.isupper() for t in toks)
                                   or any(True for _ in _geo().place.finditer(self.name)))
        return hit


#: is_body by (name, role): it is asked of the same registry entries over and over
_IS_BODY: dict[tuple[str, str], bool] = {}


class SpeakerRegistry:
    """Known speakers, looked up by name or alias (see :func:`load_speakers`)."""

    def __init__(self, speakers: Iterable[Speaker] = ()):
        self.speakers: tuple[Speaker, ...] = tuple(speakers)
        self._by_key = {}
        for sp in self.speakers:
            for n in (sp.name, *sp.aliases):
                self._by_key.setdefault(_key(n), sp)
        self._matcher = PhraseMatcher((n, sp, not n.isupper()) for sp in self.speakers for n in (sp.name, *sp.aliases))
        # The first words (runs of word characters) of all names and aliases, in lower case. In a text of
        # ASCII characters a name matches (between word boundaries) only where the text has its first word,
        # whole, in any case, so a text with none of them holds no name. (None: a name starts with no word
        # character, or holds a character that matches an ASCII letter when case is ignored, such as "K".)
        names = [n.strip() for sp in self.speakers for n in (sp.name, *sp.aliases) if n.strip()]
        firsts = [_FIRST_WORD.match(n) for n in names]
        self._leads = (frozenset(m.group().lower() for m in firsts)
                       if all(firsts) and not any(c in n for n in names for c in _ASCII_LOOKALIKES) else None)
        self._people: tuple[tuple[Speaker, ...], dict[str, dict[str, Speaker]]] | None = None

    def __len__(self) -> int:
        return len(self.speakers)

    def __iter__(self) -> Iterator[Speaker]:
        return iter(self.speakers)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None

    def lookup(self, name: str) -> Speaker | None:
        """The entry whose name or alias is ``name`` (case, hyphens and a leading "the" ignored)."""
        return self._by_key.get(_key(name))

    def find(self, text: str) -> list[Match[Speaker]]:
        """Every name or alias of a registered speaker in ``text``, left to right."""
        if self._leads is not None and text.isascii() and self._leads.isdisjoint(
                map(str.lower, _FIRST_WORD.findall(text))):
            return []  # none of the names' first words: no name (see __init__)
        return list(self._matcher.finditer(text))

    def people_named(self, part: str) -> dict[str, Speaker]:
        """The entries that are not bodies and have ``part`` as one of the words
        of their name (split at spaces and hyphens), by name, in registry order.
        The index behind it is built once per registry (per tuple of speakers)."""
        index = getattr(self, "_people", None)
        if index is None or index[0] is not self.speakers:
            table: dict[str, dict[str, Speaker]] = {}
            for sp in self.speakers:
                if not sp.is_body:
                    for w in set(_NAME_PARTS.split(sp.name)):
                        table.setdefault(w, {})[sp.name] = sp
            index = self._people = (self.speakers, table)
        return dict(index[1].get(part, {}))


_NAME_PARTS = re.compile(r"[\s-]+")


def _key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return re.sub(r"[\s\-‐‑–]+", " ", name.replace("’", "'")).lower()


def _parse_registry(text: str, source: str, not_country: dict[str, str] | None = None) -> list[Speaker]:
    rows = read_csv_rows(text, source, required=("name", "role"),
                         optional=("aliases", "country", "note", "adjectives"))
    out: list[Speaker] = []
    owner: dict[str, tuple[str, int]] = {}
    adj_of = dict(not_country or {})
    for _, row in rows:
        for a in split_list(row.get("adjectives", "")):
            if a.lower() != row["name"].lower():
                adj_of.setdefault(a.lower(), row.get("country") or row["name"])
    for n, row in rows:
        role = row["role"].lower()
        if role not in REGISTRY_ROLES:
            raise FramingError(f"{source}, row {n}: role '{row['role']}' is not one of {', '.join(REGISTRY_ROLES)}")
        country = row.get("country") or None
        if country and country.lower() in adj_of:
            raise FramingError(f"{source}, row {n}: country '{country}' should be written as the country's "
                               f"plain English name ('{adj_of[country.lower()]}')")
        sp = Speaker(row["name"], tuple(split_list(row.get("aliases", ""))), country, role, row.get("note", ""),
                     tuple(split_list(row.get("adjectives", ""))))
        for name in {_key(x) for x in (sp.name, *sp.aliases)}:
            if name in owner:
                raise FramingError(f"{source}, row {n}: the name '{name}' is already used by "
                                   f"'{owner[name][0]}' (row {owner[name][1]})")
            owner[name] = (sp.name, n)
        out.append(sp)
    return out


@lru_cache(maxsize=1)
def _packaged() -> tuple[Speaker, ...]:
    return tuple(_parse_registry(packaged_text("speakers.csv"), PACKAGED))


@lru_cache(maxsize=1)
def default_registry() -> SpeakerRegistry:
    """The packaged registry, built once per process: what :func:`extract_quotes`
    reads when it is given none (building it takes longer than reading an
    article)."""
    return SpeakerRegistry(_packaged())


def load_speakers(path: str | Path | None = None, *, extend: bool = True) -> SpeakerRegistry:
    """Load the speaker registry.

    ``path=None`` gives the packaged ``framing/data/speakers.csv``. With a path,
    the user's CSV (columns ``name,aliases,country,role,note[,adjectives]``;
    ``name`` and ``role`` required, aliases ``|``-separated, role one of
    official, expert, media, other; ``adjectives`` marks a state) is added to
    the packaged one (``extend=True``; a user entry replaces a packaged entry
    of the same name) or replaces it (``extend=False``). Nationality adjectives
    used to read titles come from the packaged state rows.
    Every problem raises :class:`FramingError` naming the file and row.
    """
    if path is None:
        return SpeakerRegistry(_packaged())
    own = _parse_registry(read_text_file(path), str(path), _geo().not_country)
    if not extend:
        return SpeakerRegistry(own)
    taken = {_key(x) for sp in own for x in (sp.name, *sp.aliases)}
    keep = [sp for sp in _packaged() if not taken & {_key(x) for x in (sp.name, *sp.aliases)}]
    return SpeakerRegistry(own + keep)
