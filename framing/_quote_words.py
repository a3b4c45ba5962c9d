"""Word lists and patterns for :mod:`framing.quotes`: speech verbs, titles, role nouns.

These are closed-class English words (verbs of saying, job titles, organisation words) that
the rules read; they are grammar, not story data. Story data -- people, bodies, states,
capitals and nationality adjectives -- is in the speaker registry
(``framing/data/speakers.csv``, see :mod:`framing._quote_registry`).
"""

from __future__ import annotations

import re


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_OFFICIAL = _words("""president minister ministers ambassador envoy spokesman spokesperson spokeswoman
    secretary official officials diplomat diplomats leader leaders chairman chairwoman premier chancellor
    senator lawmaker lawmakers governor general commander representative deputy authorities government
    ministry department office embassy council administration military army chief king prime mayor judge justice
    magistrate superintendent commissioner sheriff prosecutor police congressman congresswoman mp mep councillor
    councilor alderman speaker whip authority regulator watchdog commission bureau inspectorate directorate""")


_BUSINESS = _words("ceo cfo coo cto executive executives founder co-founder shareholder shareholders")


_EXPERT = _words("""expert experts analyst analysts researcher researchers professor scholar scholars pundit
    scientist scientists historian historians pollster pollsters strategist strategists epidemiologist
    virologist physicist economist demographer sociologist psychologist criminologist
    fellow lecturer academic academics economist economists observer observers specialist specialists
    commentator commentators institute university academy accountant hydrologist volcanologist seismologist
    meteorologist climatologist geologist biologist chemist""")


_MEDIA = _words("""journalist journalists correspondent reporter reporters editor columnist media newspaper
    daily broadcaster outlet outlets press agency""")


_DOCS = _words("report reports statement study paper survey analysis commentary editorial article document")


_COMPANY = _words("""company firm carmaker automaker airline retailer insurer lender manufacturer startup
    conglomerate operator supplier group union association alliance coalition charity organisation organization
    club team carrier federation""")


#: Words that make a speaker's title a company's, a union's or an association's ("union leader",
#: "chairman of the employers' association"): role ``other``, even with an official-sounding title.
_TRADE = ((_COMPANY - _words("group alliance coalition organisation organization club team"))
          | _words("unions employers"))


_SPOKES = _words("spokesman spokeswoman spokesperson representative")


_ROLE_NOUNS = _OFFICIAL | _EXPERT | _MEDIA | _DOCS | _COMPANY


_BODY_NOUNS = _words("""ministry department office embassy council administration government institute university
    academy agency military army daily newspaper press media outlet broadcaster paper""")


_PREPS = _words("""in on at to for with about by of from during after before as when while into upon against over
    since until under despite""")


_TITLES = _OFFICIAL | _EXPERT | _MEDIA | _words("""vice foreign defense defence special senior junior state
    national security affairs federal supreme first executive associate assistant head director mr mrs ms dr
    prof gen lt col adm sen rep gov amb news state-run admiral marshal colonel major captain sergeant
    undersecretary counselor adviser advisor aide former acting then ex member founder ceo principal visiting
    mayor judge justice magistrate superintendent commissioner inspector constable sheriff police district county
    city municipal provincial regional attorney prosecutor solicitor counsel mp mep congressman congresswoman
    assemblyman assemblywoman councillor councilor councilman councilwoman alderman speaker whip chairperson chair
    pope bishop archbishop cardinal rabbi imam reverend rev coach manager owner cfo coo cto officer lord lady sir
    dame queen prince princess sheikh emir sultan crown health environment finance treasury economy trade interior
    home education transport transportation energy agriculture labor labour culture housing immigration climate
    science technology industry commerce tourism sports justice opposition party union chief""")


_ORG_WORDS = _words("""Ministry Department Office Agency Council Committee Commission Institute University
    Academy Center Centre Foundation Kremlin Government Administration Embassy Party Army Navy Command Forces
    News Times Post Daily Herald Journal Press Broadcasting Service Services Bureau Club Endowment Institution
    Corporation Association Organization Organisation Union Parliament Assembly Court Bank Group Network
    House Nations College School Laboratory Police Senate Congress Authority Tribunal Television Radio Tribune
    Gazette Telegraph Confederation Federation League Chamber Coalition Society Fund Motors Inc Inc. Corp Corp.
    Ltd Ltd. LLC Holdings Company Airlines Securities Industries Technologies Pharmaceuticals""")


_ORG_EXPERT = _words("Institute University Academy Center Centre Foundation Endowment Institution Club College "
                     "School Laboratory")


_ORG_MEDIA = _words("News Times Post Daily Herald Journal Press Broadcasting Television Radio Tribune Gazette "
                    "Telegraph")


_ORG_OFFICIAL = _words("""Ministry Department Office Council Committee Commission Kremlin Government
    Administration Embassy Army Navy Command Police Senate Congress Parliament Authority Tribunal Court Agency""")


_ORG_OTHER = _words("""Association Confederation Federation Union League Chamber Coalition Society Fund Motors Inc
    Inc. Corp Corp. Corporation Ltd Ltd. LLC Holdings Company Airlines Securities Industries Technologies
    Pharmaceuticals Group""")


_GROUP_HEADS = _words("""analysts experts officials sources observers diplomats critics commentators scholars
    researchers authorities insiders lawmakers politicians specialists academics economists watchers pundits
    media reports doctors scientists residents witnesses activists campaigners protesters investors traders
    lawyers prosecutors investigators police officers executives bankers teachers workers farmers locals
    villagers parents students voters opponents supporters aides advisers advisors people members leaders
    companies firms businesses employers unions banks lenders insurers retailers airlines carmakers manufacturers
    suppliers operators groups organisations organizations charities agencies governments""")


_PERSON_NOUNS = _words("""official source diplomat resident witness activist doctor nurse teacher worker farmer
    officer investigator lawyer aide adviser advisor insider executive employee member person man woman
    passenger survivor relative neighbour neighbor villager student parent trader banker candidate shopkeeper
    owner driver pilot fan coach player victim voter""")


_POST_MOD = re.compile(r"\s+(?:quoted|interviewed|cited|familiar|close|speaking|commenting|writing|briefed|based|"
                       r"in|from|at|with|on|who|involved)\b")


_GROUP_MODS = _words("""some many several most other others few certain two three both senior top local western
    government military intelligence defense defence foreign security state independent administration
    regional political media news the""")


_NOT_NAME = _words("""The A An In On At By For Of To From With But And Or If As After Before During Since Last
    Some One Many Several Most Other Another Both All Few Each Every Still Even Only
    This That These Those However Meanwhile Moreover Also Still Yet Now Then Earlier Later Furthermore
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday He She It They We I""")


_NOT_NAME_LOWER = frozenset(w.lower() for w in _NOT_NAME)


#: Lower-case particles inside personal names ("Anna de Vries", "Ursula von der Leyen", "Mohammed bin
#: Salman"): a name may hold them between its capitalised words.
_PARTICLES = _words("de del della der den di da das dos du van von la le bin binti bint ibn al el ter ten")
_CONNECT = _words("of for the and on to") | _PARTICLES


#: Words that open a sentence and tie it to the one before ("However, the ministry said ..."): never a
#: speaker, nor part of one.
_LEAD_WORDS = frozenset("However Meanwhile Moreover Furthermore But And Also Still Yet Now Then Earlier Later "
                        "Separately Instead Similarly Likewise Indeed Thus So Nonetheless Nevertheless".split())
#: Such words (with their commas) at a position: ``_LEAD.match(text, pos)``.
_LEAD = re.compile(r"(?:(?:" + "|".join(sorted(_LEAD_WORDS)) + r")\b,?\s+)+")


_AUX = _words("""has have had was were is are been be will would could did does do also again repeatedly
    reportedly previously recently later earlier then further once already publicly openly firmly strongly
    explicitly separately likewise similarly even not never just only still now today yesterday long
    categorically flatly clearly""")


_FINITE = _words("is are was were has have will")


_KIN = _words("""sister brother wife husband daughter son widow mother father granddaughter grandson grandmother
    grandfather niece nephew cousin""")


_DROP_CHUNKS = _words("both too also however though in turn meanwhile")


_VERB_ALTS = """said says say saying told tells tell added adds adding noted notes note noting stressed stresses
    stress stressing underscored underscores underscoring underlined underlines emphasized emphasised emphasizes
    emphasises recalled recalls agreed agrees agree claimed claims claim claiming denied denies deny denying
    cautioned cautions caution confirmed confirms confirm announced announces declared declares warned warns
    warn warning stated states stating acknowledged acknowledges insisted insists insist explained explains
    argued argues argue arguing asserted asserts reported reports report reiterated reiterates suggested
    suggests suggest observed observes remarked replied responded commented predicted predicts predict
    alleged alleges allege admitted admits conceded concluded denounced denounces condemned condemns wrote writes
    write believe believes believed think thinks thought maintained maintains affirmed reaffirmed mentioned
    revealed estimated estimates estimate read reads called calls described describes dubbed labelled labeled
    branded termed accused
    accuses""".split()


def _trie(words) -> str:
    """Regex source matching exactly the strings in ``words`` (plain letters),
    as a tree of their shared beginnings: "say(?:s|ing)?" rather than
    "saying|says|say". At a position where several of them start, the engine
    tries the ones sharing a first letter only, instead of every word in turn.
    Every pattern below follows the verb with something no letter can match
    (a space, a quote, the end), so which of two words that both start there
    is tried first does not change the match."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def source(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + source(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and (not ends or len(alts[0]) == 1) else "(?:" + "|".join(alts) + ")"
        return body + "?" if ends else body

    return source(tree)


_VERB = r"(?:point(?:ed|s|ing)?\s+out|quoted\s+as\s+saying|" + _trie(set(_VERB_ALTS)) + r")"


_VERB_RE = re.compile(r"(?<![\w'-])" + _VERB + r"(?![\w'-])")


_ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording\s+to\s+")


_NEED_THAT = _words("""estimated estimates estimate denied denies deny declared declares announced announces
    rejected rejects note notes
    state states report reports claim claims believe believes believed think thinks
    thought maintained maintains mentioned revealed agreed agrees agree recalled recalls admitted admits conceded
    concluded predicted predicts predict explained explains stress observed read reads write writes wrote affirmed
    reaffirmed noted stressed underscored emphasized emphasised underlined""")


_OBJECT_VERBS = _words("told tells tell")


_NAMING = _words("called calls described describes dubbed labelled labeled branded termed accused accuses")


_TAIL_WORDS = r"(?:in|on|at|during|after|before|last|this|earlier|later|recently|yesterday|today|when|while|via|" \
              r"from|to|according|citing|quoting|as|with|without|through|late|early|again|also|previously|in\s+a)"


_TAIL = re.compile(r"\s*(?:,.*|\s" + _TAIL_WORDS + r"\b(?:(?!\bthat\b)[^\",])*(?:,.*)?)?[.!?\"]*\s*$", re.S)


_ADVERBIAL = re.compile(r"(?:\s*,?\s*(?:(?:on|in|at|during|last|this|next|earlier|later)\s+(?:a\s+|an\s+|the\s+)?"
                        r"[\w-]+(?:\s+\d+)?|also|again|repeatedly|recently|previously|publicly|earlier|later|"
                        r"firmly|strongly|reportedly|(?:citing|quoting)\s[^,]{1,60},))*\s*,?\s*that\s+")


_TOLD_OBJ = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w'.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'.-]*)*|him|her|them|us|me|"
                       r"reporters|journalists|lawmakers|parliament|(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)"
                       r"(?:\s+(?:on|in|at|during|last|this)\s+[\w-]+(?:\s+\d+)?)?")


_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|[Mm]e|[Oo]urs)\b")


_TITLE_LEAD = re.compile(r"\b(?:titled|entitled|headlined|headline|under\s+the\s+(?:title|slogan)|newsletter|book|film|"
                         r"movie|documentary|song|album|novel|play|series|programme|program|show|campaign|operation|"
                         r"column|editorial|essay|poem|slogan|nicknamed|dubbed)\s*[,:]?\s*$", re.I)


_QUOTE_TRANS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                              "‚": "'", "‛": "'", "\u00a0": " ", "\r": " ", "\t": " ", "\u2009": " "})


_ABBR = _words("Mr Ms Mrs Dr St Gen Lt Col Jr Sr Prof Amb Sen Rep Gov No Vol")
