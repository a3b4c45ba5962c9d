"""Actor sets and alias matching.

An *actor* is a party to the story (a country, a bloc) whose treatment the
library compares across outlets. Each actor has aliases of several kinds:
names, leaders and officials, capitals and seats of power used as metonyms
("Moscow", "the Kremlin"), institutions, and adjectives or demonyms. Every
alias found in a text is a :class:`Mention` with character offsets.

Actor sets come from a TOML file (the packaged ``framing/data/actors.toml``
shows the format), a CSV file with columns ``actor,alias[,kind][,side]``, or
a Python dict such as ``{"Russia": ["Moscow", "Kremlin"]}`` or
``{"Russia": {"aliases": [...], "side": "..."}}``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Mapping

from ._resources import packaged_text, read_csv_rows, read_text_file
from .errors import FramingError
from .text import PhraseMatcher

ALIAS_KINDS = ("names", "leaders", "places", "institutions", "adjectives")
OTHER_SIDE = "other"


@dataclass(frozen=True)
class Actor:
    """A party to the story: display name, side, speaker countries, aliases by kind."""

    name: str
    side: str = OTHER_SIDE
    countries: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, kind)


@dataclass(frozen=True)
class Mention:
    """One alias of an actor found in a text: ``text[start:end]``."""

    start: int
    end: int
    text: str
    actor: str
    kind: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "actor": self.actor, "kind": self.kind}


@dataclass(frozen=True)
class ActorSet:
    """A set of actors plus the opposing sides used for quotation balance.

    Use :func:`load_actors` to build one. ``find_mentions`` finds every alias,
    longest first and without overlaps, so "North Korean" is one mention of
    North Korea, not a mention of "Korea".
    """

    actors: tuple[Actor, ...]
    sides: tuple[str, ...] = ()

    @cached_property
    def _matcher(self) -> PhraseMatcher:
        return PhraseMatcher((alias, (a.name, kind), False) for a in self.actors for alias, kind in a.aliases)

    @cached_property
    def _country_actor(self) -> dict[str, Actor]:
        out: dict[str, Actor] = {}
        for a in self.actors:
            for c in (a.name, *a.countries):
                out.setdefault(c.lower(), a)
        return out

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.actors]

    def find_mentions(self, text: str) -> list[Mention]:
        """Every actor alias in ``text``, left to right."""
        return [Mention(start, end, s, *payload) for start, end, s, _, payload in self._matcher.spans(text)]

    def actor_for_country(self, country: str | None) -> str | None:
        """The actor a speaker's country belongs to, or None."""
        if not country:
            return None
        a = self._country_actor.get(country.lower())
        return a.name if a else None

    def side_for_speaker(self, speaker: str | None, country: str | None) -> str:
        """The side of a quoted speaker: its country's (:meth:`side_for_country`),
        or, when the country is unknown, the side of the actors whose aliases
        the speaker's name holds, if they share one ("Anna de Vries", listed
        among a union's people, speaks for the union's side). So a story whose
        sides are not countries (a strike: union and employers) can still
        tell its speakers' sides apart."""
        side = self.side_for_country(country)
        if side != "unknown" or not speaker:
            return side
        sides = {self._by_name[m.actor].side for m in self.find_mentions(speaker)}
        if len(sides) != 1:
            return "unknown"
        (side,) = sides
        return side if side in self.sides else OTHER_SIDE

    @cached_property
    def _by_name(self) -> dict[str, Actor]:
        return {a.name: a for a in self.actors}

    def side_for_country(self, country: str | None) -> str:
        """The side of a speaker's country: one of ``sides``, "other", or
        "unknown" when the country is unknown."""
        if not country:
            return "unknown"
        a = self._country_actor.get(country.lower())
        if a is None or a.side not in self.sides:
            return OTHER_SIDE
        return a.side


def _actor(name: str, side: str, countries, aliases, source: str) -> Actor:
    name = str(name).strip()
    if not name:
        raise FramingError(f"{source}: an actor has no name")
    clean = tuple((str(al).strip(), kind) for al, kind in aliases if str(al).strip())
    if not clean:
        raise FramingError(f"{source}: actor {name!r} has no aliases")
    return Actor(name, str(side or OTHER_SIDE).strip(), tuple(str(c) for c in countries), clean)


def _from_toml(text: str, source: str) -> ActorSet:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FramingError(f"{source}: not valid TOML ({exc})") from None
    entries = data.get("actor")
    if not isinstance(entries, list) or not entries:
        raise FramingError(f"{source}: no [[actor]] tables found")
    allowed = {"name", "side", "countries", *ALIAS_KINDS, "aliases"}
    actors = []
    for i, e in enumerate(entries, start=1):
        where = f"{source}, actor #{i}"
        if not isinstance(e, dict):
            raise FramingError(f"{where}: each actor must be a [[actor]] table, not {type(e).__name__} {e!r}")
        unknown = set(e) - allowed
        if unknown:
            raise FramingError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}")
        aliases = []
        for kind in (*ALIAS_KINDS, "aliases"):
            vals = e.get(kind, [])
            if not isinstance(vals, list) or not all(isinstance(v, str) for v in vals):
                raise FramingError(f"{where}: {kind} must be a list of strings")
            aliases += [(v, "names" if kind == "aliases" else kind) for v in vals]
        countries = e.get("countries", [])
        if not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
            raise FramingError(f"{where}: countries must be a list of strings")
        for key in ("name", "side"):
            if key in e and not isinstance(e[key], str):
                raise FramingError(f"{where}: {key} must be a string, not {e[key]!r}")
        actors.append(_actor(e.get("name", ""), e.get("side", OTHER_SIDE), countries, aliases, where))
    sides = data.get("sides", [])
    if not isinstance(sides, list) or not all(isinstance(s, str) for s in sides):
        raise FramingError(f"{source}: sides must be a list of strings")
    return _finish(actors, sides, source)


def _from_csv(text: str, source: str) -> ActorSet:
    rows = read_csv_rows(text, source, required=("actor", "alias"), optional=("kind", "side", "country"))
    by_name: dict[str, dict] = {}
    for n, row in rows:
        kind = row.get("kind") or "names"
        if kind not in ALIAS_KINDS:
            raise FramingError(f"{source}, row {n}: kind must be one of {', '.join(ALIAS_KINDS)}, not {kind!r}")
        entry = by_name.setdefault(row["actor"], {"side": "", "aliases": [], "countries": []})
        if row.get("side"):
            if entry["side"] and entry["side"] != row["side"]:
                raise FramingError(f"{source}, row {n}: actor {row['actor']!r} already has side {entry['side']!r}")
            entry["side"] = row["side"]
        if row.get("country"):
            entry["countries"].append(row["country"])
        entry["aliases"].append((row["alias"], kind))
    actors = [_actor(name, e["side"], e["countries"], e["aliases"], source) for name, e in by_name.items()]
    sides = list(dict.fromkeys(a.side for a in actors if a.side != OTHER_SIDE))
    return _finish(actors, sides, source)


def _from_dict(data: Mapping, source: str = "actors dict") -> ActorSet:
    actors = []
    for name, spec in data.items():
        if isinstance(spec, str):
            raise FramingError(f"{source}: actor {name!r}: give a list of aliases, not a single string")
        if isinstance(spec, Mapping):
            unknown = set(spec) - {"aliases", "side", "countries", *ALIAS_KINDS}
            if unknown:
                raise FramingError(f"{source}: actor {name!r}: unknown key(s) {', '.join(sorted(unknown))}")
            aliases = []
            for key in ("aliases", *ALIAS_KINDS):
                values = spec.get(key, [])
                if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
                    raise FramingError(f"{source}: actor {name!r}: {key} must be a list of strings")
                aliases += [(v, "names" if key == "aliases" else key) for v in values]
            countries = spec.get("countries", [])
            if not isinstance(countries, (list, tuple)) or not all(isinstance(c, str) for c in countries):
                raise FramingError(f"{source}: actor {name!r}: countries must be a list of strings")
            actors.append(_actor(name, spec.get("side", OTHER_SIDE), countries, aliases, source))
        else:
            try:
                aliases = [(a, "names") for a in spec]
            except TypeError:
                raise FramingError(f"{source}: actor {name!r}: aliases must be a list of strings") from None
            actors.append(_actor(name, OTHER_SIDE, [], aliases, source))
    sides = list(dict.fromkeys(a.side for a in actors if a.side != OTHER_SIDE))
    return _finish(actors, sides, source)


def _finish(actors: list[Actor], sides, source: str) -> ActorSet:
    if not actors:
        raise FramingError(f"{source}: no actors defined")
    names = [a.name for a in actors]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise FramingError(f"{source}: actor(s) defined twice: {', '.join(sorted(dup))}")
    owner: dict[str, str] = {}
    for a in actors:
        for alias, _ in a.aliases:
            if alias in owner and owner[alias] != a.name:
                raise FramingError(f"{source}: alias {alias!r} is given to both {owner[alias]!r} and {a.name!r}")
            owner[alias] = a.name
    return ActorSet(tuple(actors), tuple(sides))


def load_actors(source: "str | Path | Mapping | ActorSet | None" = None) -> ActorSet:
    """Load an actor set.

    Parameters
    ----------
    source : None, path, dict or ActorSet
        None for the packaged default (Russia, North Korea, the United States,
        South Korea, Japan, Ukraine, China and the West/NATO); a ``.toml`` or
        ``.csv`` file; a dict mapping actor names to aliases; or an ActorSet,
        returned as is.

    Raises
    ------
    FramingError
        For a missing file, an unknown format, or invalid content (with the
        file and row or actor number).
    """
    if source is None:
        return _from_toml(packaged_text("actors.toml"), "framing/data/actors.toml")
    if isinstance(source, ActorSet):
        return source
    if isinstance(source, Mapping):
        return _from_dict(source)
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".csv"):
        raise FramingError(f"{path}: unknown actor file format {suffix or '(no extension)'!r}; use .toml or .csv")
    text = read_text_file(path)
    return _from_toml(text, str(path)) if suffix == ".toml" else _from_csv(text, str(path))
