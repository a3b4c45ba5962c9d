"""Who is quoted, and saying what: direct and reported speech with speakers.

:func:`extract_quotes` finds, by rules only (no parser model),

* **direct quotes** between quotation marks -- curly, straight or mismatched,
  across re-joined line breaks -- with the attribution after them
  (``"...," Lukin said``, ``"...," said Cho Han-bum, a researcher at ...``),
  the second part of a quote split around its attribution, partial quotes
  inside a reported clause (``warned that ... their "aggressive nature"``),
  and a quote whose opening mark is missing (``... sensitive areas," Peskov said``);
* **reported speech**: ``X said (that) ...``, ``..., X said``, ``..., said X``,
  ``according to X``, ``X told Sputnik ...`` and some forty other speech verbs
  (warned, stressed, noted, claimed, denied, confirmed, announced ...).

Speakers are resolved in reading order: pronouns and nominals ("he added",
"the minister", "the expert", "the report") go to the last compatible speaker,
a surname alone joins its full name. Country and role come from the speaker
registry (``framing/data/speakers.csv``) or from the title and organisation
written next to the name ("Russian Foreign Minister", "an expert at the
Korea Institute for ..."); when neither says, they stay unknown.

Limits: English only; single quotation marks are not treated as quotes; a
quote running over several paragraphs is cut at the paragraph end; a sentence
that reports speech without a speech verb or an ``according to`` is missed;
speakers joined by "and" get no country unless both share one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ._resources import packaged_text, read_csv_rows, read_text_file, split_list
from .errors import FramingError
from .text import Match, PhraseMatcher, split_sentences

ROLES = ("official", "expert", "media", "unnamed", "unknown")
PACKAGED = "framing/data/speakers.csv"

# --- word lists ------------------------------------------------------------

_PLACES = {
    "Russia": "Russia|Russian Federation|Moscow",
    "North Korea": "North Korea|N. Korea|DPRK|Democratic People's Republic of Korea|Pyongyang",
    "South Korea": "South Korea|S. Korea|Republic of Korea|ROK|Seoul",
    "United States": "United States|US|U.S.|USA|U.S.A.|America|Washington",
    "China": "China|PRC|Beijing", "Japan": "Japan|Tokyo", "Ukraine": "Ukraine|Kyiv|Kiev",
    "Vietnam": "Vietnam|Viet Nam|Hanoi", "India": "India|New Delhi", "Iran": "Iran|Tehran",
    "United Kingdom": "United Kingdom|UK|U.K.|Britain|London", "France": "France|Paris",
    "Germany": "Germany|Berlin", "Belarus": "Belarus|Minsk", "Mongolia": "Mongolia|Ulaanbaatar",
    "Israel": "Israel", "Turkey": "Turkey|Ankara", "Taiwan": "Taiwan|Taipei",
}
_ADJECTIVES = {
    "Russia": "Russian", "North Korea": "North Korean", "South Korea": "South Korean",
    "United States": "American|US|U.S.", "China": "Chinese", "Japan": "Japanese", "Ukraine": "Ukrainian",
    "Vietnam": "Vietnamese", "India": "Indian", "Iran": "Iranian", "United Kingdom": "British|UK|U.K.",
    "France": "French", "Germany": "German", "Belarus": "Belarusian", "Mongolia": "Mongolian",
    "Israel": "Israeli", "Turkey": "Turkish", "Taiwan": "Taiwanese",
}
_PLACE_M = PhraseMatcher((a, c, False) for c, al in _PLACES.items() for a in al.split("|"))
_ADJ_M = PhraseMatcher((a, c, False) for c, al in _ADJECTIVES.items() for a in al.split("|"))
_GEO_M = PhraseMatcher([(a, c, False) for c, al in _ADJECTIVES.items() for a in al.split("|")]
                       + [(a, c, False) for c, al in _PLACES.items() for a in al.split("|")])
_NOT_COUNTRY = {a.lower(): c for c, al in _ADJECTIVES.items() for a in al.split("|")} | {
    "usa": "United States", "dprk": "North Korea", "rok": "South Korea", "prc": "China", "britain": "United Kingdom"}


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_OFFICIAL = _words("""president minister ministers ambassador envoy spokesman spokesperson spokeswoman
    secretary official officials diplomat diplomats leader leaders chairman chairwoman premier chancellor
    senator lawmaker lawmakers governor general commander representative deputy authorities government
    ministry department office embassy council administration military army chief king prime""")
_EXPERT = _words("""expert experts analyst analysts researcher researchers professor scholar scholars pundit
    fellow lecturer academic academics economist economists observer observers specialist specialists
    commentator commentators institute university academy""")
_MEDIA = _words("""journalist journalists correspondent reporter reporters editor columnist media newspaper
    daily broadcaster outlet outlets press agency""")
_DOCS = _words("report reports statement study paper survey analysis commentary editorial article document")
_ROLE_NOUNS = _OFFICIAL | _EXPERT | _MEDIA | _DOCS
_BODY_NOUNS = _words("""ministry department office embassy council administration government institute university
    academy agency military army daily newspaper press media outlet broadcaster paper""")
_PREPS = _words("""in on at to for with about by of from during after before as when while into upon against over
    since until under despite""")
_TITLES = _OFFICIAL | _EXPERT | _MEDIA | _words("""vice foreign defense defence special senior junior state
    national security affairs federal supreme first executive associate assistant head director mr mrs ms dr
    prof gen lt col adm sen rep gov amb news state-run admiral marshal colonel major captain sergeant
    undersecretary counselor adviser advisor aide former acting then ex member founder ceo principal visiting""")
_ORG_WORDS = _words("""Ministry Department Office Agency Council Committee Commission Institute University
    Academy Center Centre Foundation Kremlin Government Administration Embassy Party Army Navy Command Forces
    News Times Post Daily Herald Journal Press Broadcasting Service Services Bureau Club Endowment Institution
    Corporation Association Organization Organisation Union Parliament Assembly Court Bank Group Network
    House Nations""")
_ORG_EXPERT = _words("Institute University Academy Center Centre Foundation Endowment Institution Club")
_ORG_MEDIA = _words("News Times Post Daily Herald Journal Press Broadcasting")
_ORG_OFFICIAL = _words("""Ministry Department Office Council Committee Commission Kremlin Government
    Administration Embassy Army Navy Command""")
_GROUP_HEADS = _words("""analysts experts officials sources observers diplomats critics commentators scholars
    researchers authorities insiders lawmakers politicians specialists academics economists watchers pundits
    media reports""")
_GROUP_MODS = _words("""some many several most other others few certain two three both senior top local western
    government military intelligence defense defence foreign security state independent administration
    regional political media news the""")
_NOT_NAME = _words("""The A An In On At By For Of To From With But And Or If As After Before During Since Last
    This That These Those However Meanwhile Moreover Also Still Yet Now Then Earlier Later Furthermore
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday He She It They We I""")
_CONNECT = _words("of for the and on to de del von van al el la")
_LEAD = re.compile(r"^(?:(?:However|Meanwhile|Moreover|Furthermore|But|And|Also|Still|Yet|Now|Then|Earlier|Later|"
                   r"Separately|Instead|Similarly|Likewise|Indeed|Thus|So|Nonetheless|Nevertheless)\b,?\s+)+")
_AUX = _words("""has have had was were is are been be will would could did does do also again repeatedly
    reportedly previously recently later earlier then further once already publicly openly firmly strongly
    explicitly separately likewise similarly even not never just only still now today yesterday long
    categorically flatly clearly""")
_FINITE = _words("is are was were has have will")
_KIN = _words("sister brother wife husband daughter son widow")
_DROP_CHUNKS = _words("both too also however though in turn meanwhile")

_VERB_ALTS = """said says say saying told tells tell added adds adding noted notes note noting stressed stresses
    stress stressing underscored underscores underscoring underlined underlines emphasized emphasised emphasizes
    emphasises recalled recalls agreed agrees agree claimed claims claim claiming denied denies deny denying
    cautioned cautions caution confirmed confirms confirm announced announces declared declares warned warns
    warn warning stated states stating acknowledged acknowledges insisted insists insist explained explains
    argued argues argue arguing asserted asserts reported reports report reiterated reiterates suggested
    suggests suggest observed observes remarked replied responded commented predicted predicts predict
    alleged alleges admitted admits conceded concluded denounced denounces condemned condemns wrote writes
    write believe believes believed think thinks thought maintained maintains affirmed reaffirmed mentioned
    revealed read reads called calls described describes dubbed labelled labeled branded termed""".split()
_VERB = (r"(?:point(?:ed|s|ing)?\s+out|quoted\s+as\s+saying|"
         + "|".join(sorted(_VERB_ALTS, key=len, reverse=True)) + r")")
_VERB_RE = re.compile(r"(?<![\w'-])" + _VERB + r"(?![\w'-])")
_ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording\s+to\s+")
_NEED_THAT = _words("""note notes state states report reports claim claims believe believes believed think thinks
    thought maintained maintains mentioned revealed agreed agrees agree recalled recalls admitted admits conceded
    concluded predicted predicts predict explained explains stress observed read reads write writes wrote affirmed
    reaffirmed noted stressed underscored emphasized emphasised underlined""")
_OBJECT_VERBS = _words("told tells tell")
_NAMING = _words("called calls described describes dubbed labelled labeled branded termed")
_TAIL_WORDS = r"(?:in|on|at|during|after|before|last|this|earlier|later|recently|yesterday|today|when|while|via|" \
              r"from|to|according|citing|quoting|as|with|without|through|late|early|again|also|previously|in\s+a)"
_TAIL = re.compile(r"\s*(?:,.*|\s" + _TAIL_WORDS + r"\b(?:(?!\bthat\b)[^\"])*)?[.!?\"]*\s*$", re.S)
_ADVERBIAL = re.compile(r"(?:\s*,?\s*(?:(?:on|in|at|during|last|this|next|earlier|later)\s+(?:a\s+|an\s+|the\s+)?"
                        r"[\w-]+(?:\s+\d+)?|also|again|repeatedly|recently|previously|publicly|earlier|later|"
                        r"firmly|strongly|reportedly|(?:citing|quoting)\s[^,]{1,60},))*\s*,?\s*that\s+")
_TOLD_OBJ = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w'.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'.-]*)*|him|her|them|us|me|"
                       r"reporters|journalists|lawmakers|parliament|(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)"
                       r"(?:\s+(?:on|in|at|during|last|this)\s+[\w-]+(?:\s+\d+)?)?")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|[Mm]e|[Oo]urs)\b")
_TITLE_LEAD = re.compile(r"\b(?:titled|entitled|headlined|headline|under\s+the\s+(?:title|slogan))\s*[,:]?\s*$", re.I)
_QUOTE_TRANS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                              "‚": "'", "‛": "'", "\u00a0": " ", "\r": " ", "\t": " ", "\u2009": " "})
_ABBR = _words("Mr Ms Mrs Dr St Gen Lt Col Jr Sr Prof Amb Sen Rep Gov No Vol")


# --- public data classes -----------------------------------------------------

@dataclass(frozen=True)
class Quote:
    """One statement attributed (or not) to a speaker; see :func:`extract_quotes`."""

    start: int
    end: int
    text: str
    kind: str
    verb: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_country: str | None
    speaker_role: str
    named: bool

    def to_dict(self) -> dict:
        """All fields as a plain JSON-able dict."""
        return asdict(self)


@dataclass(frozen=True)
class Speaker:
    """A registry entry: a person or a body, the country it speaks for and its role."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str = "unknown"
    note: str = ""

    @property
    def is_body(self) -> bool:
        """True for institutions (by their name: an acronym, one word or an organisation word)."""
        toks = self.name.split()
        return (len(toks) == 1 or self.role == "media" or any(t in _ORG_WORDS or t.isupper() for t in toks)
                or any(True for _ in _PLACE_M.finditer(self.name)))


class SpeakerRegistry:
    """Known speakers, looked up by name or alias (see :func:`load_speakers`)."""

    def __init__(self, speakers: Iterable[Speaker] = ()):
        self.speakers: tuple[Speaker, ...] = tuple(speakers)
        self._by_key = {}
        for sp in self.speakers:
            for n in (sp.name, *sp.aliases):
                self._by_key.setdefault(_key(n), sp)
        self._matcher = PhraseMatcher((n, sp, not n.isupper()) for sp in self.speakers for n in (sp.name, *sp.aliases))

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
        return list(self._matcher.finditer(text))


def _key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return re.sub(r"[\s\-‐‑–]+", " ", name.replace("’", "'")).lower()


# --- the registry file ---------------------------------------------------------

def _parse_registry(text: str, source: str) -> list[Speaker]:
    rows = read_csv_rows(text, source, required=("name", "role"), optional=("aliases", "country", "note"))
    out: list[Speaker] = []
    owner: dict[str, tuple[str, int]] = {}
    for n, row in rows:
        role = row["role"].lower()
        if role not in ("official", "expert", "media"):
            raise FramingError(f"{source}, row {n}: role '{row['role']}' is not one of official, expert, media")
        country = row.get("country") or None
        if country and country.lower() in _NOT_COUNTRY:
            raise FramingError(f"{source}, row {n}: country '{country}' should be written as the country's "
                               f"plain English name ('{_NOT_COUNTRY[country.lower()]}')")
        sp = Speaker(row["name"], tuple(split_list(row.get("aliases", ""))), country, role, row.get("note", ""))
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


def load_speakers(path: str | Path | None = None, *, extend: bool = True) -> SpeakerRegistry:
    """Load the speaker registry.

    ``path=None`` gives the packaged ``framing/data/speakers.csv``. With a path,
    the user's CSV (columns ``name,aliases,country,role,note``; ``name`` and
    ``role`` required, aliases ``|``-separated, role one of official, expert,
    media) is added to the packaged one (``extend=True``; a user entry replaces
    a packaged entry of the same name) or replaces it (``extend=False``).
    Every problem raises :class:`FramingError` naming the file and row.
    """
    if path is None:
        return SpeakerRegistry(_packaged())
    own = _parse_registry(read_text_file(path), str(path))
    if not extend:
        return SpeakerRegistry(own)
    taken = {_key(x) for sp in own for x in (sp.name, *sp.aliases)}
    keep = [sp for sp in _packaged() if not taken & {_key(x) for x in (sp.name, *sp.aliases)}]
    return SpeakerRegistry(own + keep)


# --- text preparation ------------------------------------------------------------

def _prepare(text: str) -> str:
    """Same-length copy of ``text`` with straight quotes, and line breaks inside a
    sentence turned into spaces (so a paragraph is one line)."""
    norm = text.translate(_QUOTE_TRANS)
    s = list(norm)
    breaks = [m.start() for m in re.finditer("\n", norm)]
    for a, b, c in zip([-1] + breaks, breaks, breaks[1:] + [len(norm)]):
        line, nxt = norm[a + 1:b].strip(), norm[b + 1:c].strip()
        if not line or not nxt:
            continue
        ends = line[-1] in ".!?:" or line[-1] == '"' and len(line) > 1 and line[-2] in ".!?"
        heading = len(line.split()) <= 8 and line[-1] not in ',"-(' and nxt[:1].isupper()
        if not ends and not heading:
            s[b] = " "
    return "".join(s)


def _sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans, with an extra cut before a lowercase "he said" after a period."""
    out = []
    for st in split_sentences(norm):
        lo = st.start
        for m in re.finditer(r"[.!?]\s+(?=(?:he|she|they|it)\s+" + _VERB + r")", st.text):
            out.append((lo, st.start + m.start() + 1))
            lo = st.start + m.end()
        out.append((lo, st.end))
    return out


def _pair_marks(norm: str, raw: str) -> tuple[list, list, list]:
    """Pair double quotation marks per paragraph: (open, close) pairs, orphan
    closing marks, and orphan opening marks with the end of their stretch.

    A straight mark opens after a space or bracket and closes before a space or
    punctuation; when the context does not tell, a curly mark's direction does,
    else the mark toggles. A straight mark after a digit (5") is an inch sign.
    """
    pairs, orphans, opens = [], [], []
    for pm in re.finditer(r"[^\n]+", norm):
        lo, hi = pm.span()
        open_at = None
        for m in re.finditer('"', pm.group()):
            p = lo + m.start()
            prev, nxt = (norm[p - 1] if p > lo else " "), (norm[p + 1] if p + 1 < hi else " ")
            if raw[p] == "″" or prev.isdigit() and open_at is None and raw[p] == '"':
                continue
            can_open = prev.isspace() or prev in "([{-—–/"
            can_close = nxt.isspace() or nxt in ",.;:!?)]}-—–/"
            if can_open != can_close:
                opening = can_open
            elif raw[p] in "“„«" or raw[p] in "”»":
                opening = raw[p] in "“„«"
            else:
                opening = open_at is None
            if opening:
                if open_at is not None:
                    opens.append((open_at, p))
                open_at = p
            elif open_at is not None:
                pairs.append((open_at, p))
                open_at = None
            else:
                orphans.append(p)
        if open_at is not None:
            opens.append((open_at, hi))
    return pairs, orphans, opens


# --- speaker mentions --------------------------------------------------------------

@dataclass
class _Mention:
    """A speaker as written: the whole phrase, its head (name, pronoun, nominal) and descriptors."""

    start: int
    head: tuple[int, int]
    form: str  # pron | group | nominal | doc | proper
    desc: str = ""


@dataclass
class _Who:
    name: str | None
    country: str | None = None
    role: str = "unknown"
    named: bool = False
    kind: str = "person"  # person | body | group
    nouns: frozenset = frozenset()


_PRON = re.compile(r"(?i:he|she|it|they)")
_DOC = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,3}?(?:report|statement|study|paper|survey|analysis|"
                  r"commentary|editorial|article|document)\s+(?:by|from|of)\s+(?:the\s+)?(?=[A-Z])")
_ROLE_OF = re.compile(r"((?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(_OFFICIAL | _EXPERT | _MEDIA))
                      + r"))\s+(?:for|of|at|from|with)\s+\S")
_ORG_RUN = re.compile(r"[A-Z][\w'.&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*(?:[A-Z][\w'.&-]*|\([A-Z]+\)))*")
_NAME_TOK = re.compile(r"[A-Z][a-z'’]*(?:-[A-Za-z][a-z]*)*\.?|[A-Z]\.")


def _lower_words(s: str) -> set[str]:
    return set(re.findall(r"[a-z]+", s.lower()))


def _is_name_tok(tok: str) -> bool:
    return (bool(_NAME_TOK.fullmatch(tok)) and tok not in _NOT_NAME and tok not in _ORG_WORDS
            and not _lower_words(tok) & _TITLES and next(_GEO_M.finditer(tok), None) is None)


def _head_form(norm: str, s: int, e: int) -> _Mention | None:
    """Classify the phrase ``norm[s:e]`` as a speaker, or None when it cannot be one."""
    lead = _LEAD.match(norm, s, e)
    if lead:
        s = lead.end()
    text = norm[s:e]
    if not text or len(text) > 160:
        return None
    if _PRON.fullmatch(text):
        return _Mention(s, (s, e), "pron")
    if not text[0].isalnum():
        return None
    toks = text.split()
    bare = _strip_geo(text).lower().split()
    where = re.search(r"\s+(?:in|from)\s+(?:the\s+)?\S+(?:\s\S+)?$", text)
    if where and len(_strip_geo(where.group()).split()) <= 2:  # "officials in Seoul"
        bare = _strip_geo(text[:where.start()]).lower().split()
    if bare and bare[-1] in _GROUP_HEADS and all(t in _GROUP_MODS | _GROUP_HEADS for t in bare):
        return _Mention(s, (s, e), "group")
    if toks[0].lower() in ("the", "this", "that", "a", "an") and len(toks) <= 6 and toks[-1].lower() in _ROLE_NOUNS \
            and not (toks[-1][0].isupper() and toks[-1].lower() in _BODY_NOUNS):
        if all(t[0].islower() or t.lower() in _TITLES for t in _strip_geo(" ".join(toks[1:-1])).split()):
            return _Mention(s, (s, e), "nominal")
    role_of = _ROLE_OF.match(text)
    if role_of:  # "a spokesperson for the UN secretary-general"
        return _Mention(s, (s, s + role_of.end(1)), "nominal", text[role_of.end(1):].strip())
    doc = _DOC.match(text)
    if doc:
        org = _ORG_RUN.match(text, doc.end())
        if org:
            return _Mention(s, (s + org.start(), s + org.end()), "doc", text)
    post = re.search(r"\s+(?:of|at|from)\s+(?=(?:the\s+)?[A-Z])", text)
    if post and len([t for t in text[:post.start()].split()[-2:] if _is_name_tok(t)]) == 2:
        head = _head_form(norm, s, s + post.start())
        if head and head.form == "proper":
            head.desc = text[post.start():].strip()
            return head
    if toks[-1][0].isupper() or toks[-1].endswith(")") or toks[-1] in _BODY_NOUNS and len(toks) > 1:
        if (toks[0][0].isupper() or toks[0] == "the" or toks[0] in _TITLES) and toks[0].lower() not in _PREPS:
            if all(t[0].isupper() or t[0] == "(" or t in _CONNECT or t.lower() in _TITLES for t in toks):
                return _Mention(s, (s, e), "proper")
    return None


def _strip_geo(text: str) -> str:
    """``text`` without its nationality words and country names."""
    out, pos = [], 0
    for m in _GEO_M.finditer(text):
        out.append(text[pos:m.start])
        pos = m.end
    return " ".join("".join(out + [text[pos:]]).split())


def _is_desc(text: str, short: bool = False) -> bool:
    """True for a descriptor next to a name: "a researcher at ...", "the Russian ambassador"."""
    toks = text.split()
    if not toks or len(toks) > (8 if short else 30) or _lower_words(text) & _FINITE:
        return False
    first = toks[0].lower()
    if first in ("a", "an", "the") or first in _TITLES or next(_GEO_M.finditer(toks[0]), None):
        return bool(_lower_words(text) & (_TITLES | _KIN)) and (
            first in ("a", "an", "the") or first in _TITLES or toks[-1].lower() in _TITLES)
    return False


def _chunks(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Comma-, semicolon- or dash-separated parts of ``norm[lo:hi]``, without outer spaces."""
    return [m.span() for m in _CHUNK.finditer(norm, lo, hi)]


_CHUNK = re.compile(r"[^,;—–\s](?:[^,;—–]*[^,;—–\s])?")


_RELATIVE = re.compile(r"(?:who|which|released|published|issued|speaking|writing|citing|quoting)\b")
_WINDOW = 300  # longest speaker phrase, with its appositions, in characters


def _np_before(norm: str, lo: int, hi: int) -> tuple[_Mention, str] | None:
    """The speaker phrase ending at ``hi`` (after auxiliaries like "has also"), with
    the word or punctuation before it; appositions on either side are descriptors."""
    start = lo
    lo = max(lo, hi - _WINDOW)
    words = list(re.finditer(r"\S+", norm[lo:hi]))
    while words and words[-1].group().lower() in _AUX:
        words.pop()
    if not words:
        return None
    hi = lo + words[-1].end()
    chunks = _chunks(norm, lo, hi)
    while len(chunks) > 1 and (norm[chunks[-1][0]:chunks[-1][1]].lower() in _DROP_CHUNKS
                               or _RELATIVE.match(norm, *chunks[-1])):
        chunks.pop()
    if not chunks:
        return None
    c1 = chunks[-1]
    found = None
    if len(chunks) >= 2:
        c2 = chunks[-2]
        f2 = _head_form(norm, *c2)
        f1 = _head_form(norm, *c1)
        if _is_desc(norm[c1[0]:c1[1]]) and f2 and f2.form == "proper":
            found = _Mention(f2.start, f2.head, "proper", norm[c1[0]:c1[1]])
        elif f1 and f1.form == "proper" and _is_desc(norm[c2[0]:c2[1]], short=True):
            found = _Mention(c2[0], f1.head, "proper", norm[c2[0]:c2[1]])
    if found is None:
        found = _head_form(norm, *c1)
    if found is None or found.start == lo > start:
        return None
    before = norm[lo:found.start].rstrip()
    if not before:
        return found, ""
    return found, before[-1] if before[-1] in ",;:—–(" else before.split()[-1].lower()


_TAIL_CUT = re.compile(r"\s+(?:in|on|at|during|after|last|this|earlier|later|when|while|via|as|to|told|according)"
                       r"\s+(?=[a-z\d]|(?:January|February|March|April|May|June|July|August|September|October|"
                       r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")


def _np_after(norm: str, lo: int, hi: int) -> _Mention | None:
    """The speaker phrase starting at ``lo`` (inverted "said X, a professor at ...")."""
    chunks = _chunks(norm, lo, min(hi, lo + _WINDOW))
    if not chunks or chunks[0][0] - lo > 2:
        return None
    a, b = chunks[0]
    if not _DOC.match(norm, a, b):
        cut = _TAIL_CUT.search(norm, a, b)
        b = cut.start() if cut else b
    m = _head_form(norm, a, b)
    if m is None:
        return None
    desc = [norm[x:y] for x, y in chunks[1:3] if _is_desc(norm[x:y]) or norm[x:y].startswith("who ")]
    m.desc = "; ".join(([m.desc] if m.desc else []) + desc[:1])
    return m


# --- who is speaking ------------------------------------------------------------------

def _first_geo(text: str) -> str | None:
    m = next(_GEO_M.finditer(text), None)
    return m.payload if m else None


_TITLE_END = re.compile(r"\b(?:to|for|on|in|with|of|at|from|toward|towards|against|about|over|near|by|who|which)\b")


def _infer(desc: str, reg: SpeakerRegistry) -> tuple[str | None, str, frozenset]:
    """Country, role and role nouns from the titles and organisations next to a name.

    Country: a nationality or country in the title itself ("Russian Foreign
    Minister", before any "to/for/at ..."), else a registered organisation, else
    an organisation named with a nationality ("at the Russian Academy of ...")
    or "Seoul-based"; else unknown.
    """
    words = _lower_words(desc.replace("-", " "))
    bodies = [m.payload for m in reg.find(desc) if m.payload.is_body]
    country = None
    for seg in desc.split(";"):
        head = _TITLE_END.split(seg)[0]
        country = country or _first_geo(head)
    country = country or next((b.country for b in bodies if b.country), None)
    if not country:
        m = re.search(r"\b(?:at|of|from|with|by)\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][a-z]+)?)\s+[A-Z]", desc)
        hit = next(_ADJ_M.finditer(m.group(1)), None) if m else None
        based = re.search(r"\b([A-Z][\w.]*)-based\b", desc)
        country = hit.payload if hit else (_first_geo(based.group(1)) if based else None)
    body_roles = [b.role for b in bodies]
    if words & (_EXPERT - {"institute", "university", "academy"}):
        role = "expert"
    elif "expert" in body_roles or "media" in body_roles:
        role = "expert" if "expert" in body_roles else "media"
    elif words & (_MEDIA - {"media", "agency", "press"}):
        role = "media"
    elif words & _OFFICIAL or body_roles:
        role = "official"
    else:
        role = "unknown"
    return country, role, frozenset(words & _ROLE_NOUNS)


_AFTER_NAME = re.compile(r"(?:\s+(?:news|state|state-run|official))*(?:\s+(?:agency|newspaper|daily|broadcaster|"
                         r"outlet|ministry|government|military|army))?[\s)]*(?:\([^)]*\))?[\s)]*")


class _Resolver:
    """Resolves mentions in reading order, remembering who has spoken."""

    def __init__(self, norm: str, reg: SpeakerRegistry):
        self.norm, self.reg = norm, reg
        self.seen: list[_Who] = []

    def _remember(self, who: _Who) -> _Who:
        old = next((w for w in self.seen if w.name == who.name), None)
        if old is not None:
            self.seen.remove(old)
            who = _Who(who.name, who.country or old.country, who.role if who.role != "unknown" else old.role,
                       who.named, who.kind, who.nouns | old.nouns)
        self.seen.append(who)
        return who

    def _from_entry(self, sp: Speaker, desc: str) -> _Who:
        country, role, nouns = _infer(desc, self.reg)
        nouns |= _lower_words(sp.name) & _ROLE_NOUNS
        return _Who(sp.name, sp.country or country, sp.role, True, "body" if sp.is_body else "person", nouns)

    def __call__(self, m: _Mention) -> tuple[_Who | None, int, int]:
        hs, he = m.head
        text = self.norm[hs:he]
        if m.form == "pron":
            want = "body" if text.lower() == "it" else "person" if text.lower() in ("he", "she") else "group"
            who = next((w for w in reversed(self.seen) if w.kind == want and w.named), None)
            return (self._remember(who) if who else None), hs, he
        if m.form == "group":
            name = re.sub(r"^(?:(?:some|many|several|most|other|few|certain|the)\s+)+", "", text, flags=re.I)
            name = re.sub(r"\s+reports$", "", name)
            country, nouns = _first_geo(text), frozenset(_lower_words(text) & _ROLE_NOUNS)
            role = "media" if name.lower().endswith("media") or name.lower() == "reports" else "unnamed"
            if name.split()[0].lower() in _GROUP_MODS | _GROUP_HEADS:  # "Experts say" -> "experts"
                name = name[0].lower() + name[1:]
            return self._remember(_Who(name, country, role, False, "group", nouns)), hs, he
        if m.form == "nominal":
            return self._nominal(text, m.desc), hs, he
        who = self._proper(hs, he, m.desc)
        if who is None:
            return None, hs, he
        who, hs, he = who
        if m.form == "doc":
            who = _Who(who.name, who.country, who.role, who.named, who.kind, who.nouns | {"report"})
        return self._remember(who), hs, he

    def _nominal(self, text: str, desc: str) -> _Who:
        toks = text.split()
        noun = toks[-1].lower()
        country = _first_geo(text)
        if toks[0].lower() in ("the", "this", "that"):
            for who in reversed(self.seen):
                if not who.named or country not in (None, who.country):
                    continue
                if noun in who.nouns or noun in _EXPERT and who.kind == "person" and who.role == "expert":
                    return self._remember(who)
        c2, role, nouns = _infer(text + ("; " + desc if desc else ""), self.reg)
        role = "expert" if noun in _EXPERT else "media" if noun in _MEDIA else "official" if noun in _OFFICIAL else role
        name = " ".join(toks[1:] if toks[0].lower() in ("the", "this", "that", "a", "an") else toks)
        name += " " + desc if re.match(r"(?:for|of|at|from|with)\s", desc) else ""
        body = noun in _BODY_NOUNS
        return self._remember(_Who(name, country or c2, role, body and country is not None,
                                   "body" if body else "person", nouns | {noun}))

    def _proper(self, hs: int, he: int, desc: str) -> tuple[_Who, int, int] | None:
        text = self.norm[hs:he]
        hits = self.reg.find(text)
        both = self._coordinated(hs, he, hits)
        if both:
            return both
        if hits and _AFTER_NAME.fullmatch(text, hits[-1].end):
            h = hits[-1]
            return self._from_entry(h.payload, text[:h.start] + "; " + desc), hs + h.start, hs + h.end
        places = list(_PLACE_M.finditer(text))
        if places and re.fullmatch(r"[\s)]*(?:\([^)]*\))?", text[places[-1].end:]):
            c = places[-1].payload
            return _Who(c, c, "official", True, "body"), hs + places[-1].start, hs + places[-1].end
        toks = list(re.finditer(r"\S+", text))
        j = len(toks)
        while j and toks[j - 1].group().startswith("("):
            j -= 1
        i = j
        while i and _is_name_tok(toks[i - 1].group()):
            i -= 1
        if i < j:
            rs, re_ = hs + toks[i].start(), hs + toks[j - 1].end()
            name = " ".join(t.group() for t in toks[i:j])
            ctx = text[:toks[i].start()] + "; " + desc
            sp = self.reg.lookup(name)
            if sp:
                return self._from_entry(sp, ctx), rs, re_
            if i + 1 == j:
                who = self._surname(name, hs, ctx)
            else:
                country, role, nouns = _infer(ctx, self.reg)
                who = _Who(name, country, role, True, "person", nouns)
            return who, rs, re_
        if any(t.group().strip("()") in _ORG_WORDS or t.group().strip("()'s").isupper() for t in toks):
            name = re.sub(r"^[Tt]he\s+", "", text)
            country, role, nouns = _infer(text + "; " + desc, self.reg)
            tw = set(text.split())
            if tw & _ORG_EXPERT:
                role = "expert"
            elif tw & _ORG_MEDIA:
                role = "media"
            elif role == "unknown" and tw & _ORG_OFFICIAL:
                role = "official"
            return _Who(name, country, role, True, "body", nouns), hs + (len(text) - len(name)), he
        return None

    def _coordinated(self, hs: int, he: int, hits: list) -> tuple[_Who, int, int] | None:
        """"Russia and North Korea", "Moscow and Pyongyang": known speakers joined by "and"."""
        text = self.norm[hs:he]
        if hits and hits[0].start == 0 and hits[0].end == len(text):
            return None
        cuts = [0] + [x for m in re.finditer(r"\s+and\s+", text) for x in m.span()] + [len(text)]
        if len(cuts) < 4:
            return None
        whos = []
        for a, b in zip(cuts[::2], cuts[1::2]):
            part = re.sub(r"^(?:[Tt]he|[Bb]oth)\s+", "", text[a:b])
            sp = self.reg.lookup(part)
            place = next(_PLACE_M.finditer(part), None)
            if sp:
                whos.append(_Who(sp.name, sp.country, sp.role))
            elif place and place.end - place.start == len(part):
                whos.append(_Who(place.payload, place.payload, "official"))
            else:
                return None
        same = lambda f: getattr(whos[0], f) if all(getattr(w, f) == getattr(whos[0], f) for w in whos) else None
        name = " and ".join(w.name for w in whos)
        return _Who(name, same("country"), same("role") or "unknown", True, "group"), hs, he

    def _surname(self, tok: str, pos: int, ctx: str) -> _Who:
        """A one-word name: an earlier speaker or registered person with that name
        part ("Lukin" = "Artyom Lukin", "Cho" = "Cho Han-bum"), else a full name
        written earlier in the text, else the word itself."""
        for who in reversed(self.seen):
            if who.kind == "person" and who.named and tok in re.split(r"[\s-]+", who.name or ""):
                return who
        best = None
        name = r"[A-Z][a-z'’]*(?:-[A-Za-z][a-z]+)?"
        for pat in (rf"(?<![\w-])(?:{name}\s+){{1,2}}{re.escape(tok)}(?![\w-])",
                    rf"(?<![\w-]){re.escape(tok)}(?:\s+{name}){{1,2}}(?![\w-])"):
            for m in re.compile(pat).finditer(self.norm, 0, pos):
                parts = [t for t in m.group().split() if _is_name_tok(t)]
                if len(parts) >= 2 and (best is None or m.start() > best[0]):
                    best = (m.start(), " ".join(parts))
        if best:
            sp = self.reg.lookup(best[1])
            if sp:
                return self._from_entry(sp, ctx)
            country, role, nouns = _infer(ctx, self.reg)
            return _Who(best[1], country, role, True, "person", nouns)
        country, role, nouns = _infer(ctx, self.reg)
        return _Who(tok, country, role, True, "person", nouns)


# --- finding statements -------------------------------------------------------------

@dataclass
class _Claim:
    start: int
    end: int
    kind: str
    verb: str | None
    mention: _Mention | None = None
    parent: "_Claim | None" = None
    attr_end: int | None = None  # end of a direct quote's own attribution
    dropped: bool = False
    skip: int | None = None  # position of the attribution verb of a direct quote
    needs_host: bool = False  # a quote without closing mark: kept only inside a reported clause
    result: tuple = (None, None, None)


def _nwords(s: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['-][^\W_]+)*", s))


def _trim(norm: str, a: int, b: int, strip: str = " ,;:") -> tuple[int, int]:
    while a < b and norm[a].isspace():
        a += 1
    while b > a and (norm[b - 1].isspace() or norm[b - 1] in strip):
        b -= 1
    return a, b


_STOPS = re.compile(r'[.!?;"\n]')


def _attr_end(norm: str, p: int) -> int:
    """End of an attribution starting at ``p``: the next . ! ? ; or quote mark
    that is not part of an abbreviation or initial, or the paragraph end."""
    for m in _STOPS.finditer(norm, p):
        q = m.start()
        if norm[q] == "." and (re.match(r"[a-z\d]", norm[q + 1:q + 2])
                               or re.search(r"(?:\b[A-Z]|\b(?:" + "|".join(_ABBR) + r"))$", norm[max(p, q - 5):q])):
            continue
        return q
    return len(norm)


def _after_attr(norm: str, c: int) -> tuple[str, _Mention, int, int] | None:
    """The attribution right after a closing mark: (verb, speaker, verb position, end)."""
    hi = _attr_end(norm, c + 1)
    p = c + 1 + len(re.match(r"\s*,?\s*", norm[c + 1:hi]).group())
    acc = _ACCORDING.match(norm, p, hi)
    if acc:
        m = _np_after(norm, acc.end(), hi)
        return ("according to", m, p, hi) if m else None
    vm = _VERB_RE.match(norm, p, hi)
    if vm:
        m = _np_after(norm, vm.end(), hi)
        return (_verb(vm), m, vm.start(), hi) if m and not _participle(vm) else None
    for vm in _VERB_RE.finditer(norm, p, hi):
        found = _np_before(norm, p, vm.start())
        if found and found[0].start == p and not _participle(vm) and hi - vm.end() < _WINDOW:
            return _verb(vm), found[0], vm.start(), hi
    return None


def _participle(vm: re.Match) -> bool:
    """True for "saying", "adding" ...; not for "quoted as saying", a full attribution."""
    return vm.group().endswith("ing") and not vm.group().startswith("quoted")


def _verb(vm: re.Match) -> str:
    return " ".join(vm.group().lower().split())


def _is_tail(norm: str, vm: re.Match, hi: int) -> bool:
    """True when nothing but an object of "told", a time or place, or a comma
    phrase follows the verb up to ``hi``: the verb closes its sentence."""
    p = vm.end()
    if vm.group() in _OBJECT_VERBS:
        om = _TOLD_OBJ.match(norm, p, hi)
        p = om.end() if om else p
    return hi - p < _WINDOW and bool(_TAIL.fullmatch(norm, p, hi))


def _content_start(norm: str, vm: re.Match, hi: int) -> int | None:
    """Start of the reported clause after a speech verb (subject before it), or None."""
    verb, p = vm.group(), vm.end()
    if verb in _OBJECT_VERBS:
        tm = re.match(r"\s+[^,.;\"]{1,80}?\s+that\s+", norm[p:min(hi, p + 120)])
        if tm:
            return p + tm.end()
        om = _TOLD_OBJ.match(norm, p, hi)
        if not om:
            return None
        p = om.end()
    else:
        am = _ADVERBIAL.match(norm[p:min(hi, p + 80)])
        if am:
            return p + am.end()
    tm = _WHEN.match(norm, p, hi)
    p = tm.end() if tm else p
    qm = re.match(r"\s*[:,]\s*(?=\")", norm[p:min(hi, p + 20)])
    if qm:
        return p + qm.end()
    if verb in _NEED_THAT or norm[p:p + 1] in ",.;:" or p >= hi:
        return None
    nxt = re.match(r"\s+(\S+)", norm[p:min(hi, p + 100)])
    if not nxt or nxt.group(1).lower() in _words("in on at to for with about by of from during after before as "
                                                 "when while into upon against over"):
        return None
    return p + nxt.start(1)


_WHEN = re.compile(r"\s+(?:(?:on|last|this|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                   r"Sunday|week|month|year|yesterday|today|tonight)\b(?=\s)")
_COORD = re.compile(r"\s+(?:and|but)\s+(?:also\s+)?(" + _VERB + r")\s+(?:that\s+)?")


def _clause(norm: str, lo: int, vm: re.Match, hi: int, found: tuple[_Mention, str]) -> list[_Claim]:
    """Claims made by one speech verb whose subject stands before it."""
    mention, boundary = found
    verb = _verb(vm)
    if _participle(vm) and not re.search(r"\b(?:been|is|are|was|were)\s*$", norm[lo:vm.start()]):
        return []
    if boundary == "," and not _participle(vm) and _is_tail(norm, vm, hi):
        a, b = _trim(norm, lo, mention.start)
        return [_Claim(a, b, "indirect", verb, mention)]
    if boundary not in ("", ",", ";", ":", "—", "–", "and", "but", "while", "as", "whereas", "although", "though",
                        "because", "since", "when", "after", "so", "meanwhile", "however"):
        return []
    cs = _content_start(norm, vm, hi)
    if cs is None or vm.group() in _NAMING and '"' not in norm[cs:hi]:
        return []
    acc = re.search(r",\s+according\s+to\b", norm[cs:hi])
    end = cs + acc.start() if acc else hi
    out = []
    co = _COORD.search(norm, cs, end)
    if co and '"' not in norm[cs:co.start()]:
        first = _Claim(*_trim(norm, cs, co.start(), " ,;:."), "indirect", verb, mention)
        second = _Claim(*_trim(norm, co.end(), end, " ,;:."), "indirect", " ".join(co.group(1).lower().split()),
                        None, first)
        out = [first, second]
    else:
        out = [_Claim(*_trim(norm, cs, end, " ,;:."), "indirect", verb, mention)]
    return out


def _sentence_claims(norm: str, lo: int, hi: int, skip: set[int], quoted: list[tuple[int, int]]) -> list[_Claim]:
    """Reported speech in the sentence ``norm[lo:hi]``."""
    claims: list[_Claim] = []
    inq = lambda x: any(a < x < b for a, b in quoted)
    for vm in _VERB_RE.finditer(norm, lo, hi):
        v = vm.start()
        if v in skip or inq(v) or any(c.start <= v < c.end for c in claims):
            continue
        found = _np_before(norm, lo, v)
        got = _clause(norm, lo, vm, hi, found) if found else []
        if not got and norm[max(lo, v - 5):v].rstrip().endswith(",") and not _participle(vm):
            m = _np_after(norm, vm.end(), _trim(norm, vm.end(), hi, ' .!?"')[1])
            if m and (vm.group() not in ("read", "reads") or m.form == "doc"):
                got = [_Claim(*_trim(norm, lo, norm.rindex(",", lo, v)), "indirect", _verb(vm), m)]
        claims += [c for c in got if _nwords(norm[c.start:c.end]) >= 3 and not any(c.start <= x < c.end for x in skip)]
    for am in _ACCORDING.finditer(norm, lo, hi):
        if inq(am.start()):
            continue
        pre = norm[lo:am.start()]
        if not pre.strip():
            comma = norm.find(",", am.end(), hi)
            m = _np_after(norm, am.end(), comma) if comma > 0 else None
            span = _trim(norm, comma + 1, hi, " ,;:.") if m else None
        elif pre.rstrip().endswith(","):
            m = _np_after(norm, am.end(), _trim(norm, am.end(), hi, ' .!?"')[1])
            span = _trim(norm, lo, lo + len(pre.rstrip()) - 1)
        else:
            continue
        if m and not (_lower_words(norm[m.head[0]:m.head[1]]) & _words(
                "agreement treaty law constitution resolution plan data figures statistics deal pact charter")):
            if not any(c.start < span[1] and span[0] < c.end for c in claims) and _nwords(norm[span[0]:span[1]]) >= 3 \
                    and not any(span[0] <= x < span[1] for x in skip):
                claims.append(_Claim(*span, "indirect", "according to", m))
    return claims


def _orphan_start(norm: str, sents: list[tuple[int, int]], c: int) -> int:
    """Where a quote with only a closing mark at ``c`` starts: its sentence, and the
    sentences before it in the paragraph while they read as first-person speech."""
    par = norm.rfind("\n", 0, c) + 1
    idx = next((i for i, (a, b) in enumerate(sents) if a <= c < b), None)
    if idx is None:
        return par
    start = sents[idx][0]
    for a, b in reversed(sents[:idx]):
        if a < par or '"' in norm[a:b] or not _FIRST_PERSON.search(norm[a:b]):
            break
        start = a
    return start


def _title_like(s: str) -> bool:
    big = [w for w in re.findall(r"[A-Za-z][\w'-]*", s) if len(w) > 3]
    return len(big) >= 2 and sum(w[0].isupper() for w in big) >= 0.7 * len(big) and not re.search(r"[.!?,]$", s)


def _direct_claims(norm: str, raw: str, sents: list[tuple[int, int]]) -> tuple[list[_Claim], list[tuple[int, int]]]:
    """Quoted stretches with the attribution after them, if any; and all quoted spans."""
    claims: list[_Claim] = []
    marks: list[tuple[int, int]] = []
    pairs, orphans, opens = _pair_marks(norm, raw)
    for o, end in opens:  # "He said: "We will ... (no closing mark): to the end of the stretch
        if re.search(_VERB + r"\s*[:,]?\s*$", norm[max(0, o - 40):o]):
            claims.append(_Claim(*_trim(norm, o + 1, end, ' ,;:"'), "direct", None, needs_host=True))
            marks.append((o, end))
    for o, c in sorted(pairs + [(None, c) for c in orphans], key=lambda p: p[1]):
        attr = _after_attr(norm, c)
        if o is None:
            if not attr:
                continue
            o = _orphan_start(norm, sents, c) - 1
        marks.append((o, c))
        a, b = _trim(norm, o + 1, c)
        if b <= a or _TITLE_LEAD.search(norm[max(0, o - 40):o]):
            continue
        cl = _Claim(a, b, "direct", attr[0] if attr else None, attr[1] if attr else None)
        cl.attr_end = attr[3] if attr else None
        cl.skip = attr[2] if attr else None
        claims.append(cl)
    claims.sort(key=lambda q: q.start)
    return claims, marks


def _link(norm: str, direct: list[_Claim], indirect: list[_Claim]) -> list[_Claim]:
    """Give unattributed direct quotes a speaker: the reported clause they stand in,
    or the attribution of the quote just before them ("...," he said. "...")."""
    out, prev = [], None
    for q in direct:
        if q.mention is None:
            host = next((c for c in indirect if c.start <= q.start < c.end), None)
            short = _nwords(norm[q.start:q.end]) <= 2
            if host is not None:
                if short or _title_like(norm[q.start:q.end]):
                    continue
                part = re.search(r"\b(\w+ing)\s*[,:]?\s*\"?\s*$", norm[max(host.start, q.start - 30):q.start])
                q.parent, host.dropped = host, True
                q.verb = part.group(1).lower() if part and part.group(1).lower() in _VERB_ALTS else host.verb
            elif prev and prev.attr_end is not None and re.fullmatch(r'[ .,;:"]*', norm[prev.attr_end:q.start]):
                q.parent, q.verb = prev, prev.verb
            elif q.needs_host or short or _nwords(norm[q.start:q.end]) < 6 or _title_like(norm[q.start:q.end]):
                continue
        out.append(q)
        prev = q
    return out


def extract_quotes(text: str, *, registry: SpeakerRegistry | None = None) -> list[Quote]:
    """Direct and reported speech in ``text``, sorted by start.

    Works on cleaned or raw text (curly or straight quotation marks, lines broken
    inside a sentence). Direct quotes are attributed by the attribution after
    the closing mark, by the reported clause they stand in, or by the quote
    they continue; a quote of one or two words needs an attribution of its own
    (otherwise it is a scare quote), a title after "titled"/"headlined" or in
    Title Case is not a quote, and an unattributed quote is kept (speaker None)
    only when it has six words or more. Reported speech needs a speech verb or
    "according to" and a speaker phrase (a name, a known body, a pronoun, a
    nominal such as "the minister", or a group such as "US officials"); its
    text is the reported clause. A statement found twice (same words) is
    returned once. See the module docstring for the limits.
    """
    reg = registry if registry is not None else load_speakers()
    norm = _prepare(text)
    sents = _sentences(norm)
    direct, marks = _direct_claims(norm, text, sents)
    skip = {q.skip for q in direct if q.skip is not None}
    indirect = [c for a, b in sents for c in _sentence_claims(norm, a, b, skip, marks)]
    direct = _link(norm, direct, indirect)
    claims = [c for c in indirect if not c.dropped] + direct
    resolve = _Resolver(norm, reg)
    for c in sorted((c for c in indirect + direct if c.mention), key=lambda c: c.mention.start):
        c.result = resolve(c.mention)
    out, seen = [], set()
    for c in sorted(claims, key=lambda c: (c.start, c.end)):
        root = c
        while root.mention is None and root.parent is not None:
            root = root.parent
        who, hs, he = root.result
        key = " ".join(re.findall(r"\w+", norm[c.start:c.end].lower()))
        if key in seen:
            continue
        seen.add(key)
        out.append(Quote(c.start, c.end, text[c.start:c.end], c.kind, c.verb, who.name if who else None,
                         hs, he, who.country if who else None, who.role if who else "unknown",
                         bool(who and who.named)))
    return out
