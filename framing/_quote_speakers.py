"""Speaker phrases and who they are: the speaker side of :mod:`framing.quotes`.

Finds the phrase that names a speaker next to a speech verb (a name, a pronoun, a
nominal such as "the minister", a group such as "US officials"), and resolves it in
reading order to a canonical name, country, role and whether it is named.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ._quote_words import (
    _AUX, _BODY_NOUNS, _BUSINESS, _COMPANY, _CONNECT, _DROP_CHUNKS, _EXPERT, _FINITE, _GROUP_HEADS,
    _GROUP_MODS, _KIN, _LEAD, _LEAD_WORDS, _MEDIA, _NOT_NAME, _NOT_NAME_LOWER, _OFFICIAL, _ORG_EXPERT, _ORG_MEDIA,
    _ORG_OFFICIAL, _ORG_OTHER, _ORG_WORDS, _PARTICLES, _PERSON_NOUNS, _POST_MOD, _PREPS, _ROLE_NOUNS, _SPOKES,
    _TITLES, _TRADE, _words,
)
from ._quote_registry import Speaker, SpeakerRegistry, _geo


# Patterns used by the functions below, compiled once.
_LOWER_RUN = re.compile(r"[a-z]+")
_WHERE = re.compile(r"\s+(?:in|from)\s+(?:the\s+)?\S+(?:\s\S+)?$")
_GROUP_ORG = re.compile(r"\s+(?:at|of|from|with)\s+(?:the\s+)?([A-Z][\w.&'-]*(?:\s+(?:of\s+|for\s+|the\s+)*"
                        r"[A-Z][\w.&'-]*)*)\s*$")
_OF_NAME = re.compile(r"\s+(?:of|at|from)\s+(?=(?:the\s+)?[A-Z])")
_PAREN_END = re.compile(r"\s*\([^)]*\)\s*$")
_THE_START = re.compile(r"^[Tt]he\s+")
_POSS_START = re.compile(r"^(?:'s)?\s+")
_NONSPACE = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"\s+(?:that|which|who)\s.*$", re.S)
_DIRECTOR_GENERAL = re.compile(r"\bdirector[\s-]+general\b", re.I)
_AT_ORG = re.compile(r"\b(?:at|of|from|with|by)\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][a-z]+)?)\s+[A-Z]")
_BASED = re.compile(r"\b([A-Z][\w.]*)-based\b")
_GROUP_DET = re.compile(r"^(?:(?:some|many|several|most|other|few|certain|the)\s+)+", re.I)
_REPORTS_END = re.compile(r"\s+reports$")
_FOR_BODY = re.compile(r"(?:for|of)\s+(?:the\s+)?([A-Z].*)")
_ROLE_PREP = re.compile(r"^[A-Z][a-z]+\s+(?:of|for|in|at|from)\s+")
_PREP_START = re.compile(r"(?:for|of|at|from|with)\s")
_THE_ONLY = re.compile(r"(?:[Tt]he\s+)?")
_CAPS_WORDS = re.compile(r"(?:[A-Z][\w&'-]*\s+){1,3}")
_LINK_END = re.compile(r"\b(?:of|for|and|on)\s+(?:the\s+)?$")
_PAREN_TAIL = re.compile(r"[\s)]*(?:\([^)]*\))?")
_OF_PLACE = re.compile(r"\bof\s+(?:the\s+)?(\S.*)$")
_AND = re.compile(r"\s+and\s+")
_THE_BOTH = re.compile(r"^(?:[Tt]he|[Bb]oth)\s+")
_NAME_PARTS = re.compile(r"[\s-]+")


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


#: The words between spaces that _ROLE_OF, _DOC and _OF_NAME need, and the articles the first two start with.
_ROLE_PREPS = _words("for of at from with")
_DOC_PREPS = _words("by from of")
_OF_PREPS = _words("of at from")
_ARTICLES = _words("A a An an The the")
_ASCII_CAPS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


_ROLE_OF = re.compile(r"((?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(_OFFICIAL | _EXPERT | _MEDIA))
                      + r"))\s+(?:for|of|at|from|with)\s+\S")


_ORG_RUN = re.compile(r"[A-Z][\w'.&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*(?:[A-Z][\w'.&-]*|\([A-Z]+\)))*")


#: Letters of names, beyond ASCII: Latin-1's accented letters and Latin Extended-A (whose capitals and small
#: letters alternate, so both classes hold all of it): "Lucía Fernández-Ortega", "Łukasz", "Müller".
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOW = "a-zß-öø-ÿĀ-ſ"
_NAME_TOK = re.compile(rf"(?:Ma?c|O'|D'|De|Di|La|Le|Van|(?:al|el|bin|ibn|abu)-)?[{_UP}][{_LOW}'’]*"
                       rf"(?:-[{_UP}{_LOW}][{_LOW}]*)*\.?|[{_UP}]\.")


def _lower_words(s: str) -> set[str]:
    return set(_LOWER_RUN.findall(s.lower()))


@lru_cache(maxsize=4096)  # by word: the same names and titles come back in every text
def _is_name_tok(tok: str) -> bool:
    return (bool(_NAME_TOK.fullmatch(tok)) and tok not in _NOT_NAME and tok not in _ORG_WORDS
            and not _lower_words(tok) & _TITLES and next(_geo().any.finditer(tok), None) is None)


def _ends_with_name(text: str) -> bool:
    """True when the last word of ``text``, words in brackets aside, is a name
    word: a personal name ends there (see :meth:`_Resolver._proper`)."""
    toks = text.split()
    j = len(toks)
    while j and toks[j - 1].startswith("("):
        j -= 1
    return j > 0 and _is_name_tok(toks[j - 1])


def _name_start(toks: list[str], j: int) -> int:
    """Index of the first word of the personal name ending before ``toks[j]``
    (``j`` when none does): name words, with particles between them ("Anna de
    Vries", "Ursula von der Leyen")."""
    i = j
    while True:
        while i and _is_name_tok(toks[i - 1]):
            i -= 1
        k = i
        while k and toks[k - 1] in _PARTICLES:
            k -= 1
        if i == j or k == i or not k or not _is_name_tok(toks[k - 1]):
            return i
        i = k


#: Nouns that introduce a company's name: "engineering firm Caldwell Marsh", "carmaker Kaito".
_COMPANY_LABELS = _COMPANY - _words("union association alliance coalition charity organisation organization club team "
                                    "group federation")


_QUANTITY = _words("some several many most few two three four five dozens hundreds thousands")
# Unions and differences of the word sets that the functions below test words against, made once (not at
# every test).
_GROUP_WORDS = _GROUP_MODS | _GROUP_HEADS
_SPEAKER_NOUNS = _ROLE_NOUNS | _PERSON_NOUNS
_ROLE_OR_TITLE = _ROLE_NOUNS | _TITLES
_DESC_WORDS = _TITLES | _KIN | _COMPANY
_EXPERT_WORDS = _EXPERT - {"institute", "university", "academy"}  # a scholar, not his institute
_MEDIA_WORDS = _MEDIA - {"media", "agency", "press"}
_OWN_STAFF = _SPOKES | {"office", "spokesperson", "aides"}  # "his office", "her spokesperson"
_PLAIN_PERSON = _PERSON_NOUNS - _ROLE_NOUNS
_PLURAL = re.compile(r"[a-z]{3,}s")


def _is_group(text: str) -> bool:
    """True for a plural source: "analysts", "some US officials", "Liberal lawmakers"."""
    toks = text.split()
    if 2 <= len(toks) <= 4 and toks[0].lower() in _QUANTITY and _PLURAL.fullmatch(toks[-1]):
        return True  # "Several grandmasters", "Some dockers": a counted plural is a group, whatever its noun
    if not toks or toks[-1].lower() not in _GROUP_HEADS or len(toks) > 6:
        return False
    # other modifiers: at most two, each a capitalised word ("Liberal lawmakers") or a plain lower-case
    # one ("shipping companies", "rights groups")
    caps = [t for t in toks[:-1] if t.lower() not in _GROUP_WORDS]
    return len(caps) <= 2 and all(t[0].isupper() and t.lower() not in _NOT_NAME_LOWER
                                  or _PLAIN_MODIFIER.fullmatch(t) and t not in _NOT_MODIFIERS for t in caps)


#: The words :func:`_is_group` reads first (lower case): a head noun or a counting word.
_GROUP_KEYS = _GROUP_HEADS | _QUANTITY
_WORD_RUN = re.compile(r"\w+")


def _group_phrase(text: str) -> bool:
    """``_is_group(_strip_geo(text))``, with the nationality and country words
    stripped only when ``text`` holds one of the words ``_is_group`` looks
    for. Such a word (letters only) is a whole token after stripping, and a
    phrase's match ends and starts where no word character touches it, so
    the word is a whole run of word characters of ``text`` itself: with
    none, the answer is False without matching the country names."""
    # (an ASCII text is lower-cased at once: it has the same runs, each lower-cased)
    runs = _WORD_RUN.findall(text.lower()) if text.isascii() else map(str.lower, _WORD_RUN.findall(text))
    if _GROUP_KEYS.isdisjoint(runs):
        return False
    return _is_group(_strip_geo(text))


_PLAIN_MODIFIER = re.compile(r"[a-z]+(?:-[a-z]+)?")
#: lower-case words that cannot modify a speaker noun: "than analysts", "and officials"
_NOT_MODIFIERS = _PREPS | _CONNECT | _AUX | _words("and or nor but not than that which who whom whose what")


_SURNAME_REACH = 20000  # how far back a surname looks for its full name, in characters
_NAME_WORD = rf"[{_UP}][{_LOW}'’]*(?:-[{_UP}{_LOW}][{_LOW}]+)?"
#: characters that neither a name word, nor a space, nor a name token can hold
_NOT_NAME_CHAR = re.compile(rf"[^{_UP}{_LOW}'’.\s-]")


def _stretch(norm: str, at: int, lo: int) -> tuple[int, int]:
    """The stretch around ``at`` (not itself a character of _NOT_NAME_CHAR)
    between the nearest such characters on either side: from the one before
    it (or ``lo``, whichever is later; plus one) to the one after it (or the
    text's end). Those characters are found near ``at``, in windows growing
    back towards ``lo``: listing all of them, once per text, cost more than
    all of its surnames' look-ups."""
    after = _NOT_NAME_CHAR.search(norm, at)
    b = after.start() if after else len(norm)
    reach = 64
    while True:
        start = max(lo, at - reach)
        before = None
        for before in _NOT_NAME_CHAR.finditer(norm, start, at):
            pass  # the last one in the window
        if before is not None:
            return before.start() + 1, b
        if start == lo:
            return lo, b
        reach *= 4


@lru_cache(maxsize=1024)  # by surname
def _full_name_patterns(tok: str) -> tuple[re.Pattern, re.Pattern]:
    """A full name ending with ``tok`` ("Artyom Lukin") and one starting with it ("Cho Han-bum")."""
    return (re.compile(rf"(?<![\w-])(?:{_NAME_WORD}\s+){{1,2}}{re.escape(tok)}(?![\w-])"),
            re.compile(rf"(?<![\w-]){re.escape(tok)}(?:\s+{_NAME_WORD}){{1,2}}(?![\w-])"))
_CONJ = re.compile(r"(?:and|but|while|though|although|whereas)\s+")
_DESC_NAME = re.compile(r"(?:[Tt]he|[Aa]n?|[Ii]ts)\s+((?:[a-z][\w-]*\s+){1,4})([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})")


#: A name after a label without an article: "farmer Yohanes Lado", "Budget carrier Nusa Air", "Terminal
#: operator RWG", "Green Party co-leader Sam Reyes" (at most two capitalised words before the label's noun).
_LABEL_NAME = re.compile(r"((?:[A-Z][\w-]*\s+){0,2}(?:[a-z][\w-]*\s+)?([a-z][\w-]*))\s+"
                         r"([A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|" + "|".join(sorted(_PARTICLES)) + r"))*)")
#: The last word of such a label: a title, a person's or a company's kind.
_LABEL_NOUNS = _ROLE_NOUNS | _PERSON_NOUNS | _COMPANY | _TITLES


def _head_form(norm: str, s: int, e: int) -> _Mention | None:
    """Classify the phrase ``norm[s:e]`` as a speaker, or None when it cannot be one."""
    while s < e and norm[s] in '" ':
        s += 1
    lead = _LEAD.match(norm, s, e) or _CONJ.match(norm, s, e)
    if lead:
        s = lead.end()
    text = norm[s:e]
    if not text or len(text) > 160 or text in _LEAD_WORDS:  # "However, [Foreign Minister Lavrov] said"
        return None
    if _PRON.fullmatch(text):
        return _Mention(s, (s, e), "pron")
    if not text[0].isalnum():
        return None
    toks = text.split()
    # Several patterns below need a word of their own (between spaces): none is tried without its word.
    own = set(toks)
    where = _WHERE.search(text) if "in" in own or "from" in own else None  # "officials in Seoul"
    if _group_phrase(text if not where else text[:where.start()]):
        return _Mention(s, (s, e if not where else s + where.start()), "group")
    if where and where.start() > 0:  # "The Scheldt Museum in Antwerp": the museum speaks
        head = _head_form(norm, s, s + where.start())
        if head is not None and head.form == "proper":
            return head
    post = _POST_MOD.search(text)
    if post and _group_phrase(text[:post.start()]):  # "Some doctors quoted in ...", "officials familiar with"
        org = _GROUP_ORG.match(text[post.start():])
        if org and len(org.group(1).split()) >= 2:  # "Analysts at Redline Capital": the organisation speaks
            return _Mention(s, (s + post.start() + org.start(1), e), "proper", text[:post.start()])
        return _Mention(s, (s, s + post.start()), "group")
    if toks[0].lower() in ("a", "an", "another", "one") and len(toks) <= 5 \
            and toks[-1].lower().strip(",") in _PERSON_NOUNS \
            and all(t[0].islower() or t.lower() in _TITLES for t in _strip_geo(" ".join(toks[1:-1])).split()):
        return _Mention(s, (s, e), "anon")  # "another resident", "a senior US official"
    det = toks[0].lower() in ("the", "this", "that", "a", "an", "their", "its", "his", "her", "our") or (
        toks[0].endswith("'s") and _first_geo(toks[0]) is not None)
    if det and len(toks) <= 6 and toks[-1].lower() in _SPEAKER_NOUNS \
            and not (toks[-1][0].isupper() and toks[-1].lower() in _BODY_NOUNS):
        if all(t[0].islower() or t.lower() in _TITLES for t in _strip_geo(" ".join(toks[1:-1])).split()):
            return _Mention(s, (s, e), "nominal")
    named = _DESC_NAME.fullmatch(text)
    if named and _lower_words(named.group(1)) & _ROLE_OR_TITLE:
        return _Mention(s, (s + named.start(2), e), "proper", named.group(1).strip())
    labelled = _LABEL_NAME.fullmatch(text) if toks[-1][0] in _ASCII_CAPS or toks[-1] in _PARTICLES else None
    if labelled and labelled.group(2).rsplit("-", 1)[-1] in _LABEL_NOUNS:  # "farmer Yohanes Lado", "Terminal
        # operator RWG", "Green Party co-leader Sam Reyes"
        return _Mention(s, (s + labelled.start(3), e), "proper", labelled.group(1))
    article = toks[0] in _ARTICLES  # _ROLE_OF and _DOC start with one
    role_of = _ROLE_OF.match(text) if article and not own.isdisjoint(_ROLE_PREPS) else None
    if role_of:  # "a spokesperson for the UN secretary-general"
        return _Mention(s, (s, s + role_of.end(1)), "nominal", text[role_of.end(1):].strip())
    doc = _DOC.match(text) if article and not own.isdisjoint(_DOC_PREPS) else None
    if doc:
        org = _ORG_RUN.match(text, doc.end())
        if org:
            return _Mention(s, (s + org.start(), s + org.end()), "doc", text)
    post = _OF_NAME.search(text) if not own.isdisjoint(_OF_PREPS) else None
    before = text[:post.start()].split() if post else []
    if post and len(before) - _name_start(before, len(before)) >= 2:  # "Anna (de) Vries of the ..."
        head = _head_form(norm, s, s + post.start())
        if head and head.form == "proper":
            head.desc = text[post.start():].strip()
            return head
    if toks[-1][0].isupper() or _NAME_TOK.fullmatch(toks[-1]) or toks[-1].endswith(")") \
            or toks[-1] in _BODY_NOUNS and len(toks) > 1:
        if (toks[0][0].isupper() or toks[0] == "the" or toks[0] in _TITLES) and toks[0].lower() not in _PREPS:
            if all(t[0].isupper() or t[0] == "(" or t in _CONNECT or t.lower() in _TITLES or _NAME_TOK.fullmatch(t)
                   for t in toks):
                return _Mention(s, (s, e), "proper")
    return None


def _is_acronym(tok: str) -> bool:
    core = tok.strip("()'s.,")
    return len(core.replace(".", "")) >= 2 and core.replace(".", "").isupper() and core.isalpha() is not None


def _org_name(text: str) -> str:
    """An organisation's name without a leading "the", a possessive country or a
    nationality ("Brazil's National Institute ..." -> "National Institute ...")."""
    name = _PAREN_END.sub("", _THE_START.sub("", text))
    geo = next(_geo().any.finditer(name), None)
    if geo and geo.start == 0 and (name[geo.end:].startswith("'s") or name[:geo.end].replace(".", "").isupper()):
        rest = _POSS_START.sub("", name[geo.end:])
        if rest and rest[0].isupper() and set(rest.split()) & _ORG_WORDS:
            name = rest
    return name


def _strip_geo(text: str) -> str:
    """``text`` without its nationality words and country names."""
    if not _geo().may_match(text):
        return " ".join(text.split())
    out, pos = [], 0
    for m in _geo().any.finditer(text):
        out.append(text[pos:m.start])
        pos = m.end
    return " ".join("".join(out + [text[pos:]]).split())


_RELATIVE_TAIL = re.compile(r"\s+(?:who|which|whose)\s+")


def _is_desc(text: str, short: bool = False) -> bool:
    """True for a descriptor next to a name: "a researcher at ...", "the Russian ambassador" (a relative
    clause after it, "... who has studied the basin", is not read)."""
    text = _RELATIVE_TAIL.split(text, 1)[0]
    toks = text.split()
    if not toks or len(toks) > (8 if short else 30):
        return False
    words = _lower_words(text)
    if words & _FINITE:
        return False
    first = toks[0].lower()
    if first in ("a", "an", "the") or first in _TITLES or _first_geo(toks[0]) is not None:
        return bool(words & _DESC_WORDS) and (
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
    # the end of the last word (run of non-spaces) that is no auxiliary, read back from ``hi``
    while True:
        while hi > lo and norm[hi - 1].isspace():
            hi -= 1
        w = hi
        while w > lo and not norm[w - 1].isspace():
            w -= 1
        if w == hi:
            return None  # no word left
        if norm[w:hi].lower() not in _AUX:
            break
        hi = w
    chunks = _chunks(norm, lo, hi)
    while len(chunks) > 1 and (norm[chunks[-1][0]:chunks[-1][1]].lower() in _DROP_CHUNKS
                               or norm[chunks[-1][0]:chunks[-1][1]].isdigit()  # an age: "Yohanes Lado, 63, said"
                               or _RELATIVE.match(norm, *chunks[-1])):
        chunks.pop()
    if not chunks:
        return None
    c1 = chunks[-1]
    found = f1 = _head_form(norm, *c1)
    if len(chunks) >= 2:
        c2 = chunks[-2]
        d1 = _CLAUSE_END.sub("", norm[c1[0]:c1[1]])
        f2 = _head_form(norm, *c2) if _is_desc(d1) else None  # only read after a descriptor
        if f2 and f2.form == "proper":
            found = _Mention(f2.start, f2.head, "proper", d1)
        elif f1 and f1.form == "proper" and _is_desc(norm[c2[0]:c2[1]], short=True):
            found = _Mention(c2[0], f1.head, "proper", norm[c2[0]:c2[1]])
    if found is None or found.start == lo > start:
        return None
    before = norm[lo:found.start].rstrip(' "')
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
    if m is not None and m.form == "nominal" and len(chunks) > 1:
        name = _head_form(norm, *chunks[1])
        if name is not None and name.form == "proper":
            name.desc = norm[a:b]
            return name
    if m is None:
        return None
    desc = [norm[x:y] for x, y in chunks[1:3] if _is_desc(norm[x:y]) or norm[x:y].startswith("who ")]
    m.desc = "; ".join(([m.desc] if m.desc else []) + desc[:1])
    return m


def _first_geo(text: str) -> str | None:
    if not _geo().may_match(text):
        return None
    m = next(_geo().any.finditer(text), None)
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
    if _DIRECTOR_GENERAL.search(desc):
        words -= {"general"}  # "director general" is a title, not a military rank
    bodies = [m.payload for m in reg.find(desc) if m.payload.is_body and not m.payload.is_state]
    country = None
    for seg in desc.split(";"):
        head = _TITLE_END.split(seg)[0]
        country = country or _first_geo(head)
    country = country or next((b.country for b in bodies if b.country), None)
    if not country:
        m = _AT_ORG.search(desc)
        hit = next(_geo().adj.finditer(m.group(1)), None) if m else None
        based = _BASED.search(desc)
        country = hit.payload if hit else (_first_geo(based.group(1)) if based else None)
    body_roles = [b.role for b in bodies]
    if words & _EXPERT_WORDS:
        role = "expert"
    elif words & _BUSINESS or words & _TRADE or "other" in body_roles:
        role = "other"
    elif "expert" in body_roles or "media" in body_roles:
        role = "expert" if "expert" in body_roles else "media"
    elif words & _MEDIA_WORDS:
        role = "media"
    elif words & _OFFICIAL or body_roles:
        role = "official"
    else:
        role = "unknown"
    return country, role, frozenset(words & _SPEAKER_NOUNS)


_AFTER_NAME = re.compile(r"(?:\s+(?:news|state|state-run|official))*(?:\s+(?:agency|newspaper|daily|broadcaster|"
                         r"outlet|ministry|government|military|army))?[\s)]*(?:\([^)]*\))?[\s)]*")


class _Resolver:
    """Resolves mentions in reading order, remembering who has spoken."""

    def __init__(self, norm: str, reg: SpeakerRegistry):
        self.norm, self.reg = norm, reg
        # who has been seen, by name, oldest first (a dict: finding and moving
        # a speaker to the end was a scan of the list, quadratic in speakers)
        self.seen: dict[str, _Who] = {}
        self._companies: tuple[list[int], list[re.Match], list[int], list[str]] | None = None
        # the first and last words of the named people seen (lower case, fewer than all of a name's words)
        # -> the full name, the latest one: short forms are looked up, not searched for among all speakers
        self._short: dict[tuple[str, ...], str] = {}

    def _last_company(self, pos: int) -> str | None:
        """The last run of capitalised words before ``pos`` that names a
        company (see :meth:`_is_company`), as ``_ORG_RUN.finditer(norm,
        0, pos)`` finds them, without rescanning the text from its start for
        every "the company" (which made a long text quadratic).

        The runs of the whole text are found once. Those ending by ``pos`` are
        the ones a scan stopping at ``pos`` finds; only a run that straddles
        ``pos`` comes out differently (cut short), so that stretch is rescanned."""
        if self._companies is None:
            runs = list(_ORG_RUN.finditer(self.norm))
            named = [m for m in runs if self._is_company(m)]
            self._companies = ([m.end() for m in runs], runs, [m.end() for m in named], [m.group() for m in named])
        ends, runs, named_ends, names = self._companies
        i = bisect_right(ends, pos)  # runs[:i] end at or before pos
        if i < len(runs) and runs[i].start() < pos:
            for m in reversed(list(_ORG_RUN.finditer(self.norm, runs[i].start(), pos))):
                if self._is_company(m):
                    return m.group()
        k = bisect_right(named_ends, pos)
        return names[k - 1] if k else None

    def _is_company(self, run: re.Match) -> bool:
        """A run of capitalised words names a company when it holds a word of
        ``_ORG_OTHER`` ("Kaito Motors") or follows a company noun ("engineering
        firm Caldwell Marsh", "carmaker Kaito")."""
        if set(run.group().split()) & _ORG_OTHER:
            return True
        before = self.norm[max(0, run.start() - 20):run.start()].split()
        return bool(before) and before[-1].lower() in _COMPANY_LABELS

    def _remember(self, who: _Who) -> _Who:
        old = self.seen.pop(who.name, None)
        if old is not None:
            who = _Who(who.name, who.country or old.country, who.role if who.role != "unknown" else old.role,
                       who.named, who.kind, who.nouns | old.nouns)
        self.seen[who.name] = who
        if who.kind == "person" and who.named and who.name:
            words = tuple(who.name.lower().split())
            for k in range(1, len(words)):
                self._short[words[:k]] = self._short[words[-k:]] = who.name
        return who

    def _from_entry(self, sp: Speaker, desc: str, subject: bool = False) -> _Who | None:
        """The registry entry ``sp`` as a speaker, with what ``desc`` says of it.
        ``subject`` (see :meth:`_proper`): None for an entry that is not a
        person of two words or more, without reading ``desc``."""
        if subject and (sp.is_body or len(sp.name.split()) < 2):
            return None
        country, role, nouns = _infer(desc, self.reg)
        nouns |= _lower_words(sp.name) & _ROLE_NOUNS
        return _Who(sp.name, sp.country or country, sp.role, True, "body" if sp.is_body else "person", nouns)

    def __call__(self, m: _Mention) -> tuple[_Who | None, int, int]:
        hs, he = m.head
        text = self.norm[hs:he]
        if m.form == "pron":
            want = "body" if text.lower() == "it" else "person" if text.lower() in ("he", "she") else "group"
            who = next((w for w in reversed(self.seen.values()) if w.kind == want and w.named), None)
            return (self._remember(who) if who else None), hs, he
        if m.form == "group":
            name = _GROUP_DET.sub("", text)
            name = _REPORTS_END.sub("", name)
            country, nouns = _first_geo(text), frozenset(_lower_words(text) & _ROLE_NOUNS)
            role = "media" if name.lower().endswith("media") or name.lower() == "reports" else "unnamed"
            if name.split()[0].lower() in _GROUP_WORDS:  # "Experts say" -> "experts"
                name = name[0].lower() + name[1:]
            return self._remember(_Who(name, country, role, False, "group", nouns)), hs, he
        if m.form == "nominal":
            return self._nominal(text, m.desc, hs), hs, he
        if m.form == "anon":
            toks = text.split()[1:]
            geo = _first_geo(text)
            name = " ".join(t for t in toks if t.lower() not in _TITLES or t == toks[-1] or _first_geo(t))
            return self._remember(_Who(name, geo, "unnamed", False, "person", frozenset({toks[-1].lower()}))), hs, he
        who = self._proper(hs, he, m.desc)
        if who is None:
            return None, hs, he
        who, hs, he = who
        if m.form == "doc":
            who = _Who(who.name, who.country, who.role, who.named, who.kind, who.nouns | {"report"})
        return self._remember(who), hs, he

    def remember_subject(self, m: _Mention) -> None:
        """Note a person named as a sentence's subject, for later pronouns."""
        hs, he = m.head
        got = self._proper(hs, he, m.desc, subject=True)
        if got and got[0].kind == "person" and got[0].named and len((got[0].name or "").split()) >= 2:
            self._remember(got[0])

    def _nominal(self, text: str, desc: str, pos: int) -> _Who:
        toks = text.split()
        noun = toks[-1].lower()
        country = _first_geo(text)
        if toks[0].lower() in ("his", "her") and noun in _OWN_STAFF:
            who = next((w for w in reversed(self.seen.values()) if w.kind == "person" and w.named), None)
            if who is not None:  # "Her office said": the person it speaks for
                return self._remember(who)
        body = _FOR_BODY.match(desc)
        if noun in _SPOKES and body:  # "a spokesman for the X": X speaks
            org = _ORG_RUN.match(body.group(1))
            sp = self.reg.lookup(org.group()) if org else None
            if sp:
                return self._remember(self._from_entry(sp, ""))
            if org and set(org.group().split()) & _ORG_WORDS:
                return self._remember(self._org(org.group(), ""))
        if noun in _COMPANY and toks[0].lower() in ("the", "this", "that"):
            who = next((w for w in reversed(self.seen.values()) if w.kind == "body" and w.role == "other"), None)
            if who is None:  # the last company named in the text
                last = self._last_company(pos)
                name = _ROLE_PREP.sub("", last) if last is not None else None
                who = self._org(name, noun) if name is not None else None  # "the company": role other
            if who is not None:
                return self._remember(who)
        if toks[0].lower() in ("the", "this", "that"):
            for who in reversed(self.seen.values()):
                if not who.named or country not in (None, who.country):
                    continue
                if noun in who.nouns or noun in _EXPERT and who.kind == "person" and who.role == "expert":
                    return self._remember(who)
        c2, role, nouns = _infer(text + ("; " + desc if desc else ""), self.reg)
        role = "expert" if noun in _EXPERT else "media" if noun in _MEDIA else "official" if noun in _OFFICIAL else role
        if role == "unknown" and noun in _PLAIN_PERSON:
            role = "unnamed"  # "the farmer", "the woman" with no named farmer or woman before
        lead = toks[0].lower() in ("the", "this", "that", "a", "an", "its", "their", "his", "her", "our") or (
            toks[0].endswith("'s") and _first_geo(toks[0]) is not None)  # "Tanzania's anti-corruption bureau"
        name = " ".join(toks[1:] if lead and len(toks) > 1 else toks)
        name += " " + desc if _PREP_START.match(desc) else ""
        body = noun in _BODY_NOUNS
        return self._remember(_Who(name, country or c2, role, body and country is not None,
                                   "body" if body else "person", nouns | {noun}))

    def _proper(self, hs: int, he: int, desc: str, subject: bool = False) -> tuple[_Who, int, int] | None:
        """The speaker named by ``norm[hs:he]``, with the span of its name. With
        ``subject``, for :meth:`remember_subject`, which keeps only a named
        person of two words or more: an entry or a body that cannot be one is
        None, found without reading the titles and organisations around it."""
        text = self.norm[hs:he]
        hits = self.reg.find(text)
        if subject and not hits and not _ends_with_name(text):
            return None  # no registered name, and no personal name to read below: no person
        both = self._coordinated(hs, he, hits)
        if both:
            return both
        if hits and hits[-1].payload.is_state and not _THE_ONLY.fullmatch(text[:hits[-1].start]):
            if _CAPS_WORDS.fullmatch(text[:hits[-1].start]) and hits[-1].end == len(text):
                who = _Who(_org_name(text), hits[-1].payload.country, "unknown", True, "body")
                return who, hs, he  # "Elections Canada", "NHS England": a body named after its country
            hits = []
        if hits and _LINK_END.search(text[:hits[-1].start]):
            hits = []  # part of a longer name
        if hits and _AFTER_NAME.fullmatch(text, hits[-1].end):
            h = hits[-1]
            who = self._from_entry(h.payload, text[:h.start] + "; " + desc, subject)
            return (who, hs + h.start, hs + h.end) if who else None
        places = list(_geo().place.finditer(text)) if _geo().may_match(text) else []
        if places and _PAREN_TAIL.fullmatch(text[places[-1].end:]) \
                and _THE_ONLY.fullmatch(text[:places[-1].start]):
            c = places[-1].payload
            return _Who(c, c, "official", True, "body"), hs + places[-1].start, hs + places[-1].end
        toks = list(_NONSPACE.finditer(text))
        j = len(toks)
        while j and toks[j - 1].group().startswith("("):
            j -= 1
        i = _name_start([t.group() for t in toks], j)
        if j - i >= 3 and toks[i].group().lower() in _PERSON_NOUNS:
            i += 1  # "Farmer Yohanes Lado": a label capitalised at the sentence's start, not a name
        org_like = any(t.group().strip("()") in _ORG_WORDS or _is_acronym(t.group()) for t in toks[:i])
        if i < j and (i and toks[i - 1].group() in _CONNECT or i + 1 == j and org_like):
            i = j  # "Institute for Space Research", "NHS England": an organisation, not a person
        if i < j:
            rs, re_ = hs + toks[i].start(), hs + toks[j - 1].end()
            name = " ".join(t.group() for t in toks[i:j])
            ctx = text[:toks[i].start()] + "; " + desc
            sp = self.reg.lookup(name)
            if sp:
                who = self._from_entry(sp, ctx, subject)
                return (who, rs, re_) if who else None
            if i + 1 == j:
                who = self._surname(name, hs, ctx, subject)
                if who is None:
                    return None
            else:
                who = self._short_form(name)
                if who is None and j - i == 2 and toks[i].group().lower() in _PARTICLES:
                    who = self._surname(name, hs, ctx)  # "De Smet" for "Johan De Smet" earlier in the text
                if who is None:
                    country, role, nouns = _infer(ctx, self.reg)
                    who = _Who(name, country, role, True, "person", nouns)
            return who, rs, re_
        if any(t.group().strip("()") in _ORG_WORDS or t.group().strip("()'s").isupper() for t in toks):
            if subject:
                return None  # a body
            who = self._org(text, desc)
            return who, hs + text.index(who.name), he
        return None

    def _short_form(self, name: str) -> _Who | None:
        """The person seen earlier whose full name starts or ends with the words
        of ``name``: "Ahmad Rizal" after "Ahmad Rizal bin Othman", "Von der
        Heide" after "Katrin von der Heide" (case aside), the latest first."""
        full = self._short.get(tuple(name.lower().split()))
        return self.seen.get(full) if full is not None else None

    def _org(self, text: str, desc: str) -> _Who:
        """An organisation not in the registry: country and role from its name."""
        name = _org_name(text)
        country, role, nouns = _infer(text + "; " + desc, self.reg)
        place = _OF_PLACE.search(name)
        if country is None and place:  # "Insurance Council of Australia"
            hit = next(_geo().place.finditer(place.group(1)), None)
            country = hit.payload if hit and hit.start == 0 and hit.end == len(place.group(1)) else None
        tw = set(text.split())
        if tw & _ORG_EXPERT:
            role = "expert"
        elif tw & _ORG_MEDIA:
            role = "media"
        elif tw & _ORG_OFFICIAL:
            role = "official"
        elif tw & _ORG_OTHER:
            role = "other"
        return _Who(name, country, role, True, "body", nouns)

    def _coordinated(self, hs: int, he: int, hits: list) -> tuple[_Who, int, int] | None:
        """"Russia and North Korea", "Moscow and Pyongyang": known speakers joined by "and"."""
        text = self.norm[hs:he]
        if hits and hits[0].start == 0 and hits[0].end == len(text) or "and" not in text:
            return None
        cuts = [0] + [x for m in _AND.finditer(text) for x in m.span()] + [len(text)]
        if len(cuts) < 4:
            return None
        whos = []
        for a, b in zip(cuts[::2], cuts[1::2]):
            part = _THE_BOTH.sub("", text[a:b])
            sp = self.reg.lookup(part)
            place = next(_geo().place.finditer(part), None) if _geo().may_match(part) else None
            if sp:
                whos.append(_Who(sp.name, sp.country, sp.role))
            elif place and place.end - place.start == len(part):
                whos.append(_Who(place.payload, place.payload, "official"))
            else:
                return None
        same = lambda f: getattr(whos[0], f) if all(getattr(w, f) == getattr(whos[0], f) for w in whos) else None
        name = " and ".join(w.name for w in whos)
        return _Who(name, same("country"), same("role") or "unknown", True, "group"), hs, he

    def _last_full_name(self, rx: re.Pattern, tok: str, lo: int, pos: int) -> tuple[int, str] | None:
        """The last match of ``rx.finditer(norm, lo, pos)`` with two name words
        or more, as (start, name), reading only the stretches around ``tok``.

        A match (name words, spaces and ``tok``) holds none of the characters
        of _NOT_NAME_CHAR, so it lies inside one stretch between two of them,
        and holds ``tok``. The scan from ``lo`` enters each stretch at its
        start (or at ``lo``) with no match under way, so the matches in a
        stretch are the same whether the scan begins at ``lo`` or there. The
        stretches holding ``tok`` are read from the last one back, until one
        has such a match (see :func:`_stretch`). (Scanning the text before
        every surname, up to _SURNAME_REACH characters, made the resolver slow.)"""
        norm = self.norm
        end = pos
        while True:
            at = norm.rfind(tok, lo, end)
            if at < 0:
                return None
            a, b = _stretch(norm, at, lo)
            found = None
            # up to the character after the stretch, which the lookahead reads
            for m in rx.finditer(norm, a, min(pos, b + 1)):
                parts = [t for t in m.group().split() if _is_name_tok(t)]
                if len(parts) >= 2:
                    found = (m.start(), " ".join(parts))
            if found:
                return found
            end = a

    def _surname(self, tok: str, pos: int, ctx: str, subject: bool = False) -> _Who | None:
        """A one-word name: an earlier speaker or registered person with that name
        part ("Lukin" = "Artyom Lukin", "Cho" = "Cho Han-bum"), else a full name
        written earlier in the text, else the word itself. ``subject``: as for
        :meth:`_proper`, None instead of what is not a person of two words."""
        low = tok.lower()
        for who in reversed(self.seen.values()):
            if who.kind == "person" and who.named and who.name and (
                    tok in _NAME_PARTS.split(who.name) or who.name.lower().split()[-1] == low):
                return who  # "Lukin", "Cho", and "Al-Hassan" for "Rania al-Hassan"
        best = None
        lo = max(0, pos - _SURNAME_REACH)
        for rx in _full_name_patterns(tok):
            if not tok or _NOT_NAME_CHAR.search(tok):  # (never for a name token) read it all
                found = None
                for m in rx.finditer(self.norm, lo, pos):
                    parts = [t for t in m.group().split() if _is_name_tok(t)]
                    if len(parts) >= 2:
                        found = (m.start(), " ".join(parts))
            else:
                found = self._last_full_name(rx, tok, lo, pos)
            if found and (best is None or found[0] > best[0]):
                best = found
        if best:
            sp = self.reg.lookup(best[1])
            if sp:
                return self._from_entry(sp, ctx, subject)
            country, role, nouns = _infer(ctx, self.reg)
            return _Who(best[1], country, role, True, "person", nouns)
        known = self.reg.people_named(tok)
        if len(known) == 1:  # the one registered person with that name
            return self._from_entry(next(iter(known.values())), ctx, subject)
        if subject and len(tok.split()) < 2:
            return None
        country, role, nouns = _infer(ctx, self.reg)
        return _Who(tok, country, role, True, "person", nouns)
