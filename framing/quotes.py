"""Who is quoted, and saying what: direct and reported speech with speakers.

:func:`extract_quotes` finds attributed statements by rules only (no parser
model, no download). A statement is one of

* a **direct quote** (``kind="direct"``): the words between quotation marks --
  curly, straight or mismatched, across re-joined line breaks, over several
  paragraphs when a paragraph ends inside the quote and the next opens with a
  mark -- attributed by what follows the closing mark (``"...," Lukin said``,
  ``"...," said Cho Han-bum, a researcher at ...``), by the clause that introduces
  it (``he said: "..."``, ``stating, "..."``), or by the quote it continues
  (``"...," he said. "..."``); a quote whose opening mark is missing
  (``... sensitive areas," Peskov said``) runs back over the first-person
  sentences before it;
* **reported speech** (``kind="indirect"``): the reported clause of
  ``X said (that) ...``, ``..., X said``, ``..., said X``, ``according to X``,
  ``X told Sputnik ...`` and some fifty other speech verbs (warned, stressed,
  noted, claimed, denied, confirmed, estimated ...). A clause that embeds a
  **partial quote** (``warned that blocs are hiding their "aggressive nature"``)
  is one reported statement whose text includes the quoted words.

Not statements: one or two quoted words without an attribution of their own
(scare quotes) and titles or names in quotation marks (after "titled", "the
film", "so-called" ..., or in Title Case inside a sentence); see
:func:`find_scare_quotes`, which lists them. Verbs with only a noun phrase after
them ("denied these claims", "declared the attempts unacceptable") or in the
infinitive or negated ("declined to say") report no statement. A statement
found twice in the text (the same words) is returned once.

Speakers are resolved in reading order: pronouns and nominals ("he added",
"the minister", "the expert", "the company", "it") go to the last compatible
speaker or full name opening a sentence; a surname alone joins its full name
earlier in the text or the one registered person with that surname; unnamed
sources ("analysts say", "a senior US official", "another resident") get role
``unnamed`` and ``named=False``; "a spokesman for X" and "analysts at X" speak
for X. Country and role come from the speaker registry
(``framing/data/speakers.csv``: people, bodies and states with their capitals
and nationality adjectives) or from the title and organisation written next to
the name ("Brazil's Environment Minister", "an expert at the Korea Institute
for ...", "Pollster ..."); when neither says, they stay unknown (None /
``"unknown"``), never guessed from context.

Roles: ``official`` (states, governments, officials, politicians), ``expert``
(researchers, analysts, think tanks, universities), ``media``, ``other``
(companies, unions, associations, NGOs and their people), ``unnamed``,
``unknown``.

Limits: English only; single quotation marks are not treated as quotes; a
speaker named only after the statement in a later sentence ("A judge ruled
that ..." ... "Judge Elena Park wrote") is not linked; a pronoun goes to the
last person, whatever the gender; speakers joined by "and" get no country
unless both share one; a country is never inferred from a city or a company.
Measured on hand-annotated text by ``benchmarks/quotes.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass

from .text import split_sentences
from ._quote_words import (
    _ABBR, _ACCORDING, _ADVERBIAL, _CONNECT, _FIRST_PERSON, _GROUP_HEADS, _GROUP_MODS, _LEAD, _NAMING,
    _NEED_THAT, _OBJECT_VERBS, _QUOTE_TRANS, _ROLE_NOUNS, _TAIL, _TITLES, _TITLE_LEAD, _TOLD_OBJ, _VERB,
    _VERB_ALTS, _VERB_RE, _words,
)
from ._quote_registry import ROLES, Speaker, SpeakerRegistry, load_speakers  # re-exported
from ._quote_speakers import _Mention, _Resolver, _WINDOW, _head_form, _lower_words, _np_after, _np_before

__all__ = ["Quote", "MarkedPhrase", "Speaker", "SpeakerRegistry", "ROLES", "extract_quotes", "find_scare_quotes",
           "load_speakers"]


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
    ended = norm[c - 1] in ".!?"  # the quote closed its sentence: what follows may be a new one
    for vm in _VERB_RE.finditer(norm, p, hi):
        found = _np_before(norm, p, vm.start())
        if found and found[0].start == p and not _participle(vm) and hi - vm.end() < _WINDOW:
            if ended and not _is_tail(norm, vm, hi):
                return None  # '..." He said the party would ...': a new statement, not this quote's attribution
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
    if re.match(r'\s*[,:]\s*"', norm[p:p + 5]):
        return False  # 'Still, he added, "..."': the quote is what he added
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


def _quoted_words(norm: str, lo: int, hi: int) -> bool:
    """True when ``norm[lo:hi]`` quotes someone's words (not a title or a name)."""
    for m in re.finditer(r'"([^"]+)"', norm[lo:hi]):
        inner = m.group(1).strip(" ,.;:")
        at = lo + m.start()
        if inner and not _title_like(inner) and not _TITLE_LEAD.search(norm[max(lo, at - 40):at]):
            return True
    return False


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
    if cs is None or vm.group() in _NAMING and not _quoted_words(norm, cs, hi):
        return []
    acc = re.search(r",\s+according\s+to\b", norm[cs:hi])
    end = cs + acc.start() if acc else hi
    out = []
    co = _COORD.search(norm, cs, end)
    if co and norm.count('"', cs, co.start()) % 2 == 0:
        first = _Claim(*_trim(norm, cs, co.start(), " ,;:."), "indirect", verb, mention)
        second = _Claim(*_trim(norm, co.end(), end, " ,;:."), "indirect", " ".join(co.group(1).lower().split()),
                        None, first)
        out = [first, second]
    else:
        out = [_Claim(*_trim(norm, cs, end, " ,;:."), "indirect", verb, mention)]
    return out


def _coord_subject(norm: str, lo: int, v: int) -> tuple[_Mention, str] | None:
    """The subject of a speech verb coordinated with an earlier verb ("Tanaka
    dismissed the talk and said ..."): the speaker phrase opening the sentence."""
    if not re.search(r"\b(?:and|but)\s+(?:also\s+)?$", norm[max(lo, v - 20):v]):
        return None
    return _opening_subject(norm, lo, v)


def _opening_subject(norm: str, lo: int, v: int) -> tuple[_Mention, str] | None:
    """The speaker phrase that opens the sentence at ``lo``, if any."""
    lead = _LEAD.match(norm, lo, v)
    a = lead.end() if lead else lo
    end = None
    for w in re.finditer(r"[^\s,;:\"]+", norm[a:min(v, a + 200)]):
        tok = w.group()
        if norm[a + w.start() - 1:a + w.start()] in ',;:"' and w.start() or tok[0].islower() and not (
                tok in _ROLE_NOUNS | _TITLES | _GROUP_HEADS | _GROUP_MODS | _CONNECT):
            break
        end = a + w.end()
    if end is None:
        return None
    found = _head_form(norm, a, end)
    return (found, "and") if found and found.form in ("proper", "nominal", "group", "pron") else None


def _sentence_claims(norm: str, lo: int, hi: int, skip: set[int], quoted: list[tuple[int, int]]) -> list[_Claim]:
    """Reported speech in the sentence ``norm[lo:hi]``."""
    claims: list[_Claim] = []
    inq = lambda x: any(a < x < b for a, b in quoted)
    for vm in _VERB_RE.finditer(norm, lo, hi):
        v = vm.start()
        if v in skip or inq(v) or re.search(r"(?:\bto|\bnot|n't|\bnever)\s+$", norm[max(lo, v - 8):v]):
            continue  # "declined to say", "did not say": no statement
        host = next((c for c in claims if c.start <= v < c.end), None)
        if host is not None:  # "X said A, though officials cautioned that B": B is a statement of its own
            w0 = max(host.start, v - _WINDOW)
            cut = list(re.finditer(r",\s*(?:though|although|while|whereas|but)\s+", norm[w0:v]))
            found = _np_before(norm, w0 + cut[-1].end(), v) if cut else None
            ok = found and found[0].form in ("proper", "group", "nominal", "pron") and found[1] == ""
            got = _clause(norm, lo, vm, hi, found) if ok else []
            if got:
                host.end = _trim(norm, host.start, w0 + cut[-1].start(), " ,;:.")[1]
        elif _participle(vm) and re.match(r'\s*[,:]?\s*"', norm[vm.end():hi]):
            # 'The Kremlin announced the visit, stating: "..."': the sentence's subject speaks
            found = _opening_subject(norm, lo, v)
            qs = norm.index('"', vm.end())
            got = [_Claim(qs, _trim(norm, qs, hi, " ,;:.")[1], "indirect", _verb(vm), found[0])] if found else []
        else:
            found = _np_before(norm, lo, v) or _coord_subject(norm, lo, v)
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
            comma = norm.find(",", am.end(), hi)
            if comma > 0 and _nwords(norm[comma:hi]) >= 2:  # "Customers, according to X, have moved ..."
                span = _trim(norm, lo, hi, " ,;:.")
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


_NEXT_PARA_QUOTE = re.compile(r"[ \t]*\n\s*\"")


def _continued(norm: str, opens: list, pairs: list) -> tuple[dict, list]:
    """Quotes running over paragraphs: a paragraph that ends inside a quote and a
    next paragraph that opens with a quotation mark are one quote. Returns
    {opening mark: closing mark or paragraph end} and the pairs left over."""
    starts = {o: (o, c) for o, c in pairs}
    open_end = {o: end for o, end in opens}
    out, used = {}, set()
    for o, end in opens:
        if o in used:
            continue
        while True:
            nxt = _NEXT_PARA_QUOTE.match(norm, end)
            if not nxt:
                break
            o2 = nxt.end() - 1
            if o2 in starts:
                used.add(o2)
                end = starts[o2][1]
                break
            if o2 not in open_end:
                break
            used.add(o2)
            end = open_end[o2]
        out[o] = end
    return out, [pr for pr in pairs if pr[0] not in used]


def _sentence_start(norm: str, sents: list[tuple[int, int]], p: int) -> int:
    return next((a for a, b in sents if a <= p < b), p)


def _direct_claims(norm: str, raw: str, sents: list[tuple[int, int]]) -> tuple[list[_Claim], list[tuple[int, int]]]:
    """Quoted stretches with the attribution after them, if any; and all quoted spans."""
    claims: list[_Claim] = []
    marks: list[tuple[int, int]] = []
    pairs, orphans, opens = _pair_marks(norm, raw)
    runs, pairs = _continued(norm, opens, pairs)
    for o, end in opens:  # "He said: "We will ... (no closing mark): to the end of the stretch
        if o in runs and runs[o] != end:
            pairs.append((o, runs[o]))  # continues in the next paragraph
        elif o in runs and re.search(_VERB + r"\s*[:,]?\s*$", norm[max(0, o - 40):o]):
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
        if _title_like(norm[a:b]) and _nwords(norm[_sentence_start(norm, sents, o):o]) >= 1:
            continue  # a Title Case name in mid-sentence ("In its newsletter "Moon Matters," ...") is no quote
        cl = _Claim(a, b, "direct", attr[0] if attr else None, attr[1] if attr else None)
        if attr:
            ss = _sentence_start(norm, sents, o)
            pre = norm[ss:o]
            pre = pre[pre.rfind(":") + 1:]
            lead = _LEAD.match(pre.strip())
            if _nwords(pre.strip()[lead.end() if lead else 0:]) >= 3 and '"' not in pre:
                # writer's words, then a partial quote, then the attribution: one reported statement
                cl.start, cl.end, cl.kind = _trim(norm, ss + norm[ss:o].rfind(":") + 1, c)[0], c + 1, "indirect"
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
                if _nwords(norm[host.start:q.start - 1]) + _nwords(norm[q.end + 1:host.end]) >= 3:
                    continue  # a partial quote: the reported clause around it is the statement
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


def _narration_subjects(norm: str, sents: list[tuple[int, int]], taken: list[int]) -> list[tuple[int, _Mention]]:
    """Full names opening sentences that report no speech ("Transport Minister Anna
    Vogel urged both sides ..."): later pronouns may point to them."""
    out, taken = [], sorted(taken)
    for a, b in sents:
        i = bisect_left(taken, a)
        if i < len(taken) and taken[i] < b:
            continue
        found = _opening_subject(norm, a, b)
        if found and found[0].form == "proper":
            out.append((found[0].start, found[0]))
    return out


def extract_quotes(text: str, *, registry: SpeakerRegistry | None = None) -> list[Quote]:
    """Direct and reported speech in ``text``, sorted by start.

    Works on cleaned or raw text (curly or straight quotation marks, lines broken
    inside a sentence). Each :class:`Quote` has ``start``/``end`` (``text[start:end]``
    is the quoted words without their marks, or the reported clause), ``kind``
    (``direct`` or ``indirect``), ``verb`` (the attribution verb as written,
    lower case: "said", "claimed", "pointed out", "according to"), the speaker's
    canonical name, the offsets of the speaker as written (``speaker_start``/
    ``speaker_end``: "he", "the minister", "Lukin"; None when there is none),
    ``speaker_country`` (None when unknown), ``speaker_role`` and ``named``.

    Direct quotes are attributed by the attribution after the closing mark, by
    the clause that introduces them, or by the quote they continue; a quote of
    one or two words needs an attribution of its own (otherwise it is a scare
    quote, see :func:`find_scare_quotes`), a title or name is not a quote, and
    an unattributed quote is kept (speaker None) only when it has six words or
    more. Reported speech needs a speech verb or "according to" and a speaker
    phrase (a name, a known body, a pronoun, a nominal such as "the minister",
    or a group such as "US officials"). ``registry`` is a
    :class:`SpeakerRegistry` (default: the packaged one, see
    :func:`load_speakers`). See the module docstring for the rules and limits.
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
    spoken = [c for c in indirect + direct if c.mention]
    subjects = _narration_subjects(norm, sents, [c.mention.start for c in spoken])
    for start, item in sorted([(c.mention.start, c) for c in spoken] + subjects, key=lambda x: x[0]):
        if isinstance(item, _Claim):
            item.result = resolve(item.mention)
        else:
            resolve.remember_subject(item)
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


@dataclass(frozen=True)
class MarkedPhrase:
    """Words in quotation marks that are not a statement; see :func:`find_scare_quotes`."""

    start: int
    end: int
    text: str
    label: str  # scare | title
    in_statement: bool

    def to_dict(self) -> dict:
        """All fields as a plain JSON-able dict."""
        return asdict(self)


def find_scare_quotes(text: str, *, registry: SpeakerRegistry | None = None) -> list[MarkedPhrase]:
    """Quotation marks around words that are not a statement, sorted by start.

    ``label`` is ``"title"`` for a name or title (after "titled", "the book",
    "the operation", "so-called" ..., or in Title Case inside a sentence) and
    ``"scare"`` for one or two quoted words (scare or emphasis quotes: a "natural"
    choice). Neither is ever returned by :func:`extract_quotes` as a quote of its
    own, and neither counts in the quotation balance. ``in_statement`` is True
    when the words stand inside a reported statement (Experts say ... a "natural"
    choice), where they may be the speaker's word rather than the writer's.
    Offsets point into ``text``. Limit: a quote of one or two words with its own
    attribution ('"Never," he said.') is a statement, not a scare quote.
    """
    quotes = extract_quotes(text, registry=registry)
    direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    norm = _prepare(text)
    sents = _sentences(norm)
    pairs, _, _ = _pair_marks(norm, text)
    out = []
    for o, c in pairs:
        a, b = _trim(norm, o + 1, c, " ,;:.")
        if b <= a or any(qa <= a < qb for qa, qb in direct):
            continue
        words = _nwords(norm[a:b])
        lead = norm[max(0, o - 40):o]
        mid = _nwords(norm[_sentence_start(norm, sents, o):o]) >= 1
        if _TITLE_LEAD.search(lead) or re.search(r"so-called\s*$", lead) or mid and _title_like(norm[a:b]):
            label = "title"
        elif words <= 2:
            label = "scare"
        else:
            continue
        inside = any(q.start <= a < q.end for q in quotes)
        out.append(MarkedPhrase(a, b, text[a:b], label, inside))
    return out
