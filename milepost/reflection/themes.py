"""Motivation themes read from a runner's brainstorm notes (DESIGN.md §1, step two).

Pure standard library: offline, deterministic, no model, a few milliseconds. How a round is read:

1. Each note is cut into sentences, then into clauses at contrast words ("but", "though",
   "used to ... now"), keeping each clause's place in the note so it can be quoted verbatim.
2. A clause is normalised (theme_words): a name beside another ("Maureen and Joy") read as
   "someone", lower case, contractions expanded ("don't" -> "do not"), km and miles folded
   ("10K", "10 kms" -> "10 km"), a few British spellings folded to American, and typos on
   longer words corrected against the cue vocabulary (one edit away).
3. Cue patterns per theme (theme_cues.LEXICON, pure data) carry a weight. A cue in the scope
   of a negation ("I couldn't care less about pace", "Races aren't my thing", "last in my age
   group and didn't care", "Me, compete?") counts against its theme; a cue in a clause about
   the past ("before long covid I was all about my splits") or about someone else ("my husband
   loves his Garmin", "she's coming back from a knee op") counts for little; anti-cues ("on my
   own") count against a theme.
   Words that speak of races only in a note about them ("the crowds", "a win") count only there
   or under the racing question, where a race or its joys turned down ("never pinned a number
   on", "I don't like the crowds"), and racing refused flatly ("I don't race"), left to others
   ("racing's for the young ones") or too dear, are race_averse; a schedule (kids, a job,
   shifts, 6am) is only context for time_limited, which needs scarcity stated ("5am or nothing",
   "only 20 minutes", "lucky to get out twice a week", "20 minutes tops"), or a terse list of
   loads under life_fit ("night rota, three kids"); an obstacle the runner says they manage is
   none. Confidence is belief in oneself gained or lacking: said plainly ("my nerve back", "I
   trust my knee again") or told as a change across a note, a doubt or fear then and something
   done now ("I was scared to speak up. Now I chair the meeting."); confidence said to be there
   already ("never short of it") is against it. A sarcastic clause ("Oh sure, I'd love to pay
   £45 to queue for a portaloo") says the opposite of its words. A place is a draw only in a
   note fond of something or wishing ("The desert road. I love this emptiness.", "I want to run
   in ..."), as a bare answer ("Mountains.") or as a landmark, or ranked above others ("nowhere
   better"); otherwise it is named in passing, once a note, and a practical reason for it in a
   note fond of nothing ("the park, it's flat and near") makes it only where they run.
4. Clauses reweigh each other ("The atmosphere is nice but ...", "... club. Not my thing.",
   "Did a race once. Hated every second.", "Busy, but I always make it work", "Can take them
   or leave them", "Numbers I look at, but I forget them", a city in a sentence about a race
   is a venue; a setback and a return in one note are a comeback; a habit held is read by its
   structure, a regular slot with a duration or no misses ("Fridays, eleven years, not one
   skipped"), while a frequency alone is a fact and a lapse being mended is a return; a hedged
   dream counts once
   and weakly: "Maybe someday Berlin."), and the question a note sits
   under scales its weights: a hint, never the label (a place named under another question
   counts for less).
5. A theme's score is the noisy-OR of its best cue per clause, reduced by the evidence against
   it; where the drive answer picks feeling or numbers, the other counts for less elsewhere.
   Themes scoring at least THRESHOLD are proposed, with the clauses that support them.

Quality is measured by scripts/evaluate_themes.py on the labelled sets in devset/.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from . import theme_cues as cues
from . import theme_model
from . import theme_words as words
from .theme_words import tokens as _tokens

QUESTION_KEYS: tuple[str, ...] = (
    "drive",
    "places_people",
    "competition",
    "beyond_running",
    "life_fit",
    "proud",
    "big_dream",
    "journey",
)

THEME_KEYS: tuple[str, ...] = (
    "numbers",
    "feeling",
    "social",
    "places",
    "competition",
    "race_experience",
    "race_averse",
    "wellbeing",
    "confidence",
    "health",
    "time_limited",
    "big_dream",
    "on_journey",
    "consistency",
    "comeback",
)

THEME_LABELS: dict[str, str] = {
    "numbers": "Numbers and data",
    "feeling": "How running feels",
    "social": "Running with people",
    "places": "Places to run",
    "competition": "Competing",
    "race_experience": "Race-day experience",
    "race_averse": "Races aren't for you",
    "wellbeing": "Headspace and stress",
    "confidence": "Confidence",
    "health": "Health",
    "time_limited": "Limited time",
    "big_dream": "A big dream",
    "on_journey": "A journey under way",
    "consistency": "Routine and showing up",
    "comeback": "Coming back",
}

THEME_DESCRIPTIONS: dict[str, str] = {
    "numbers": "You love seeing the numbers move.",
    "feeling": "You run for how it feels, and that is reason enough.",
    "social": "You run happiest in good company.",
    "places": "You want your running to take you somewhere worth seeing.",
    "competition": "You come alive when there is someone to race.",
    "race_experience": "You love the buzz of race day, whatever the clock says.",
    "race_averse": "You run on your own terms, no start line needed.",
    "wellbeing": "Running is how you look after your head.",
    "confidence": "Running shows you what you are capable of.",
    "health": "You run to look after your body for the years ahead.",
    "time_limited": "You make the most of the time you have.",
    "big_dream": "You have a big dream and you are ready to chase it.",
    "on_journey": "You are already on your way, one step at a time.",
    "consistency": "You keep showing up, and that is your strength.",
    "comeback": "You are coming back, and that takes courage.",
}

THRESHOLD = 0.5  # a theme is proposed from this score up
S, M, W, V = 0.8, 0.55, 0.35, 0.2  # strong, medium, weak, very weak (one M cue is enough)
HOME_PRIOR = 1.25  # a cue under the question that asks about its theme
AWAY_FACTOR = 0.8  # a place named under another question: "the school holidays", "Berlin in 2:58"
PAST_FACTOR = 0.25  # "I used to chase PRs, now I just want to enjoy it"
OLD_FACTOR = 0.7  # "I used to race a lot and loved the whole day" (no change of heart)
OTHERS_FACTOR = 0.3  # "My husband is obsessed with his Garmin"
AGAINST_FACTOR = 0.7  # how much the evidence against a theme takes off its score
DRIVE_FACTOR = 0.5  # "Feel." under drive: a race time under another question counts for less
MAX_EVIDENCE = 5  # quotes kept per theme, strongest first


@dataclass(frozen=True)
class Evidence:
    question: str
    text: str  # the whole sentence it came from, verbatim from the note
    weight: float = field(default=0.0, compare=False)  # how clearly it speaks for its theme


@dataclass(frozen=True)
class Theme:
    key: str
    score: float  # 0..1
    evidence: tuple[Evidence, ...]


_WEIGHTS = {"S": S, "M": M, "W": W, "V": V, "-": 0.0}
# Cue groups resolved per note (see _settle_races): a love of races, and words that speak of
# races only in a note about them ("the crowds", "a win": not in "a win for my head").
_RACE_HINTS = ("_race_love", "_race_scene", "_race_win", "_race_do")


def _parse_lexicon(text: str) -> dict[str, list[tuple[str, float, str]]]:
    """{section: [(name, weight, regex)]}; a [define X] or [phrase X] holds one (X, 0, regex)."""
    entries: list[list] = []
    for line in text.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif line.startswith(" "):
            entries[-1][3] += line.strip()
        elif section.startswith(("define ", "phrase ")):
            entries.append([section, section.split()[1], 0.0, line.strip()])
        else:
            name, weight, regex = line.split(" ", 2)
            entries.append([section, name, _WEIGHTS[weight], regex])
    table: dict[str, list[tuple[str, float, str]]] = {}
    for section, name, weight, regex in entries:
        table.setdefault(section, []).append((name, weight, regex))
    return table


def _compile(pattern: str) -> re.Pattern[str]:
    """A cue matches whole tokens only."""
    return re.compile(r"(?<![\w:])(?:" + pattern + r")(?![\w:])")


_TABLE = _parse_lexicon(cues.LEXICON)
_DEFINES = {rows[0][0]: rows[0][2] for section, rows in _TABLE.items() if section[:7] == "define "}


def _expand(regex: str) -> str:
    """The regex with every @NAME replaced by its [define NAME]."""
    return re.sub(r"@([A-Z_]+)", lambda m: _DEFINES[m.group(1)], regex)


def _phrase(name: str) -> str:
    """The lexicon's [phrase NAME], with its @NAMEs expanded."""
    return _expand(_TABLE[f"phrase {name}"][0][2])


_CUES = {
    question: {
        theme: tuple(
            (weight, _compile(_expand(regex)))
            for section in ("cues", f"question {question}")
            for name, weight, regex in _TABLE.get(section, ())
            if name == theme
        )
        for theme in (*THEME_KEYS, *_RACE_HINTS)
    }
    for question in QUESTION_KEYS
}
_AGAINST = {
    theme: tuple((w, _compile(_expand(r))) for name, w, r in _TABLE["against"] if name == theme)
    for theme in THEME_KEYS
}
_CANCEL = {name: _compile(_expand(regex)) for name, _, regex in _TABLE["cancel"]}


# The big_dream and journey questions: any answer about running counts, unless it declines.
_OPEN_QUESTIONS = {
    "big_dream": ("big_dream", _compile(_phrase("DREAM_CONTENT"))),
    "journey": ("on_journey", _compile(_phrase("JOURNEY_CONTENT"))),
}
_HEDGED = re.compile(_phrase("HEDGED"))
_DECLINE = re.compile(_phrase("DECLINE"))
_REFUSAL = re.compile(_phrase("REFUSAL"))
_HOME: dict[str, tuple[str, ...]] = {
    "drive": ("numbers", "feeling"),
    "places_people": ("social", "places"),
    "competition": ("competition", "race_experience", "race_averse"),
    "beyond_running": ("wellbeing", "confidence", "health"),
    "life_fit": ("time_limited", "consistency"),
    "proud": (),
    "big_dream": ("big_dream",),
    "journey": ("on_journey",),
}

# --------------------------------------------------------------------------------------------
# Negation, tense and attribution (word lists in theme_words, phrases in theme_cues).

_NEGATORS = frozenset(words.NEGATORS.split())
_MULTI_NEGATORS = re.compile(_phrase("MULTI_NEGATORS"))
_NOT_NEGATION = re.compile(_phrase("NOT_NEGATION"))
_POST_PHRASES = re.compile(_phrase("POST_PHRASES"))
_POST_NEGATORS = frozenset(words.POST_NEGATORS.split())
_PREDICATE_NEGATORS = frozenset(words.PREDICATE_NEGATORS.split())
_AUXILIARIES = frozenset(words.AUXILIARIES.split())
_BREAKS = frozenset(words.BREAKS.split())
_SUBJECTS = frozenset(words.SUBJECTS.split())
_RUNNER_WORDS = frozenset(words.RUNNER_WORDS.split())
_OTHER_WORDS = frozenset(words.OTHER_WORDS.split())
_PAST = re.compile(_phrase("PAST"))
_CHANGE = re.compile(_phrase("CHANGE"))
_DISMISS = re.compile(_phrase("DISMISS"))
_RHETORICAL = re.compile(_phrase("RHETORICAL"))  # read on the original text
_ECHO = re.compile(r"^\W*\w+(?:\s+\w+)?\s*\?")  # "Compete?", "Confidence?" opening a note
_STILL = re.compile(_phrase("STILL"))
_RELATIVE = re.compile(r"(?<=\w )(where|which|who|that|whom) (\w+ ){0,2}$")  # not first in clause
_RACE_TALK = _compile(_DEFINES["RACE"])
_REJECT = re.compile(_phrase("REJECT"))
_DEFY = re.compile(_phrase("DEFY"))
_CONCEDE = re.compile(_phrase("CONCEDE"))
_UPKEEP = re.compile(_phrase("UPKEEP"))
_OTHERS = re.compile(_phrase("OTHERS"))
_PLACE_NAME = re.compile(_phrase("PLACE_NAME"))  # read on the original text, not the normalised one
_LANDMARK = re.compile(_phrase("LANDMARK"))  # also on the original text
_PLACE_IN = re.compile(_phrase("PLACE_IN"))  # also on the original text
_SCENE = re.compile(_phrase("SCENE"))
_EVENT = re.compile(_phrase("EVENT"))
_NOT_WHY = re.compile(_phrase("NOT_WHY"))
_DISOWN = re.compile(_phrase("DISOWN"))
_SETBACK_NOTE = re.compile(_phrase("SETBACK_NOTE"))
_RETURN_NOTE = re.compile(_phrase("RETURN_NOTE"))
_INDIFFERENT = re.compile(_phrase("INDIFFERENT"))
_HABIT_REGULAR = re.compile(_phrase("HABIT_REGULAR"))
_HABIT_DURATION = re.compile(_phrase("HABIT_DURATION"))
_HABIT_KEPT = re.compile(_phrase("HABIT_KEPT"))
_HABIT_DEFY = re.compile(_phrase("HABIT_DEFY"))
_HABIT_LAPSE = re.compile(_phrase("HABIT_LAPSE"))
_PRACTICAL = re.compile(_phrase("PRACTICAL"))
_DOUBT_THEN = re.compile(_phrase("DOUBT_THEN"))
_NOW_SELF = re.compile(_phrase("NOW_SELF"))
_SARCASM = re.compile(_phrase("SARCASM"))
_FOND = re.compile(_phrase("FOND"))
_NOT_YET = re.compile(r"\b(until|till|unless|not yet|yet)\b")  # a "no" that is only for now
_NOT_FOR = re.compile(r"\b(not|never) (\w+ ){0,2}for (the |a |my )?\w+")  # the motive is elsewhere
# What sarcasm about races is against: "I'd love to pay 45 quid to queue for a portaloo".
_RACE_COST = re.compile(
    r"\b(portaloos?|porta ?loos?|loos?|toilets?|start|pens?|entry|bibs?|quid|\d+)\b"
)
_RACE_THEMES = ("competition", "race_experience", "race_averse")
# Under the racing question these say "not competitive", not "no races".
_BARE_NO = frozenset({"no", "nah", "nope", "not really", "not me"})
_HEDGE_WORD = re.compile(r"^(realistically|honestly|probably|sadly|frankly|in reality)( ,)? ")


def _bare(text: str) -> str:
    """A clause without its leading hedge word: "realistically no" is a bare "no"."""
    return _HEDGE_WORD.sub("", text)


_PREFERENCE_THEMES = frozenset(
    {"numbers", "feeling", "competition", "race_experience", "race_averse", "places"}
)
# A note about these names its places as venues: "I marshal the Manchester 10k every year".
_RESULT_THEMES = ("numbers", "competition", "race_experience", "race_averse")
_DRIVE_PAIR = ("numbers", "feeling")  # what the drive question asks the runner to choose between
# Themes asked about by one question, that a passing mention elsewhere rarely means.
_AWAY_THEMES = frozenset({"places"})
_PAST_THEMES = _PREFERENCE_THEMES | {"social", "consistency", "time_limited"}
# Themes whose cue counts for little when its subject is someone else: "she's coming back".
_ATTRIBUTED = _PREFERENCE_THEMES | {"comeback", "consistency"}
# Themes a clause about someone else may still give the runner ("My wife says I'm calmer"): only
# the cue whose nearest subject is someone else counts for little ("it gave her confidence").
_OWNED = frozenset({"confidence", "wellbeing"})
# What a bare "No." or "Not my thing." after a clause takes back (a race it rejects is averse).
_REFUSED = (_PREFERENCE_THEMES | {"social", "big_dream"}) - {"race_averse"}
_NO_AGAINST = frozenset({"race_averse"})  # "I don't hate races" is not a love of them
# Themes a runner names by their lack: "I didn't trust my body at all" is about confidence.
_LACK_THEMES = frozenset({"confidence"})
# Where a clause after "but" backs the opposite theme, the clause before it counts for less.
_OPPOSED = {
    "race_averse": ("race_experience", "competition"),
    "race_experience": ("race_averse",),
    "competition": ("race_averse",),
}

# --------------------------------------------------------------------------------------------
# Cutting notes into quotable clauses.

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+|;|\s[-\u2013\u2014]+\s|\(|\)")
_CONTRAST = re.compile(
    r"(?:,\s*|\s)(?=(?:but|though|although|however|whereas|except|nowadays|these days)\b)"
    r"|,\s*(?=(?:yet|now)\b)|\s(?=now\s+(?:i|i'm|i've|we|it|running|my|just)\b)",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:but|though|although|however|whereas|and|so)\b[\s,]*", re.IGNORECASE)
_STRIP = " \t\n,;:-\u2013\u2014\"'"


def _sentences(note: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the note, untrimmed."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(note):
        keep = match.group().strip()[:1] in {".", "!", "?"}
        end = match.end() if keep else match.start()
        if match.group().startswith("?") and len(note[start:end].split()) <= 3:
            continue  # "Races? Not for me." stays one sentence
        sentences.append((start, end))
        start = match.end()
    sentences.append((start, len(note)))
    return sentences


def _trim(note: str, start: int, end: int) -> tuple[int, int]:
    while start < end and note[start] in _STRIP:
        start += 1
    while end > start and note[end - 1] in _STRIP:
        end -= 1
    return start, end


def _spans(note: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of each clause, trimmed, as offsets into the note."""
    out = []
    for number, (s, e) in enumerate(_sentences(note)):
        bounds = [s] + [s + m.end() for m in _CONTRAST.finditer(note[s:e])] + [e]
        for cs, ce in zip(bounds, bounds[1:], strict=False):
            cs, ce = _trim(note, cs, ce)
            lead = _LEAD.match(note[cs:ce])
            if lead and lead.end() < ce - cs:
                cs += lead.end()
            if any(ch.isalnum() for ch in note[cs:ce]):
                out.append((cs, ce, number))
    return out


_QUOTE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)]*(?=\s|$)|\n+")


def _quote(note: str, offset: int) -> str:
    """The whole sentence of the note around ``offset``, as it is quoted back: never a
    fragment of it ("only if nobody makes me race it." is not a sentence)."""
    start = 0
    for match in _QUOTE_END.finditer(note):
        if match.end() > offset:
            return note[
                slice(*_trim(note, start, match.end() if match.group().strip() else match.start()))
            ]
        start = match.end()
    return note[slice(*_trim(note, start, len(note)))]


# A name beside another: "Maureen and Joy", "Grace, Hope" are people, not joy or hope.
_NAMES = re.compile(r"\b([A-Z][a-z]+)(,? (?:and|&) )([A-Z][a-z]+)\b")
_NOT_NAMES = frozenset(words.NOT_NAMES.split())


def _someone(match: re.Match[str]) -> str:
    """The two names of a _NAMES match as "someone", unless they are days or months."""
    first, joint, second = match.groups()
    if first in _NOT_NAMES or second in _NOT_NAMES:
        return match.group()
    return f"someone{joint}someone"


class _Clause:
    """One normalised clause, with where its negations reach."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(_NAMES.sub(_someone, text))
        self.text = " ".join(self.tokens)
        self.starts, pos = [], 0
        for tok in self.tokens:
            self.starts.append(pos)
            pos += len(tok) + 1
        self.neg = [tok in _NEGATORS for tok in self.tokens]
        for match in _MULTI_NEGATORS.finditer(self.text):
            self.neg[self._index(match.start())] = True
        for match in _NOT_NEGATION.finditer(self.text):
            for i in range(self._index(match.start()), self._index(match.end() - 1) + 1):
                self.neg[i] = False
        past = _PAST.search(self.text)
        # "I'd love to run the prom where we used to take the children": the past is the
        # relative clause's, not the runner's wish.
        subordinate = past and _RELATIVE.search(self.text[: past.start()])
        self.past = bool(past) and not subordinate and not _STILL.search(self.text)
        self.others = bool(_OTHERS.search(self.text))
        self.dismissed_at = min((m.start() for m in _DISMISS.finditer(self.text)), default=-1)
        echo = _ECHO.match(text)  # "Competitive? ...": the question's word said back
        self.echo_end = len(" ".join(_tokens(echo.group()))) if echo else 0
        q = _RHETORICAL.search(text)  # "Me, compete?", as offsets into self.text
        self.scoffed = [len(" ".join(_tokens(text[:i]))) for i in q.span()] if q else [0, -1]
        self.landmark = bool(_LANDMARK.search(text))
        self.place_name = self.landmark or bool(_PLACE_NAME.search(text))
        self.place_in = bool(_PLACE_IN.search(text))  # with a place word: "the sea at Kirra"
        self.post_phrase = {self._index(m.start()) for m in _POST_PHRASES.finditer(self.text)}

    def _index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def someone_elses(self, start: int) -> bool:
        """Whether the cue at `start` of self.text is about someone else: "she is coming back"."""
        for i in range(self._index(start) - 1, max(-1, self._index(start) - 7), -1):
            if self.tokens[i] in _RUNNER_WORDS or self.tokens[i] == ",":
                return False
            if self.tokens[i] in _OTHER_WORDS:
                return True
        return False

    def _breaks_before(self, i: int) -> bool:
        """Whether token i closes the scope of a negation before it."""
        tok = self.tokens[i]
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else ""
        if tok == ",":  # a list goes on ("pace, splits or PBs"), a new statement does not
            return not {"or", "nor", "and"} & set(self.tokens[i + 1 : i + 5]) or nxt in _SUBJECTS
        return tok in _BREAKS or (tok == "and" and nxt in _SUBJECTS)

    def _statement_between(self, last: int, offset: int) -> bool:
        """Whether a new statement starts after token `last`, before `offset` of self.text."""
        between = range(last + 1, self._index(offset))
        return any(self._breaks_before(i) and self.tokens[i] != "and" for i in between)

    def negated(self, start: int, end: int) -> bool:
        """Whether the cue at [start, end) of self.text is in the scope of a negation."""
        first, last = self._index(start), self._index(end - 1)
        if self.neg[first]:
            return False  # the cue carries its own negation: "no time", "never raced"
        if self.scoffed[0] <= start < end <= self.scoffed[1] or (
            self.dismissed_at >= end and not self._statement_between(last, self.dismissed_at)
        ):
            return True  # "Me, compete?", "Podium? You're having a laugh."
        for i in range(first - 1, max(-1, first - 8), -1):
            if self.neg[i]:  # before the break check: "the routine more than the stats"
                return True
            if self._breaks_before(i):
                break
        for i in range(last + 1, min(len(self.tokens), last + 5)):
            if self.tokens[i] in _POST_NEGATORS or i in self.post_phrase:
                return True  # "Races aren't my thing", "Numbers leave me cold"
            if self.tokens[i] not in _AUXILIARIES:
                break
        for i in range(last + 1, min(len(self.tokens), last + 8)):
            if self._breaks_before(i):
                break
            if self.tokens[i] in _PREDICATE_NEGATORS:
                return True  # "Numbers on a hill are meaningless"
        return False


# --------------------------------------------------------------------------------------------
# Scoring.


def _scan(
    clause: _Clause, theme: str, cues: tuple[tuple[float, re.Pattern[str]], ...]
) -> list[float]:
    """[best weight for, best weight against] among the cues, honouring negation.

    A negated match inside a plain one does not count against: "I don't like the pressure of
    races" is one race_averse cue, not a negated "pressure of races".
    """
    plain, negated = [], []
    lack = theme in _LACK_THEMES
    # the clause as a whole is discounted for _ATTRIBUTED themes when it is about someone else
    whose = theme in _OWNED or (theme in _ATTRIBUTED and not clause.others)
    for weight, pattern in cues:
        for match in pattern.finditer(clause.text):
            if match.end() <= clause.echo_end:
                continue  # "Competitive? ...": an echo of the question says nothing yet
            mine = not (whose and clause.someone_elses(match.start()))
            hit = (weight if mine else weight * OTHERS_FACTOR, match.start(), match.end())
            (plain if lack or not clause.negated(*match.span()) else negated).append(hit)
    # A cue inside a negated one shares its negation: "the results page means nothing to me".
    plain = [
        (w, s, e) for w, s, e in plain if not any(ns <= s and e <= ne for _, ns, ne in negated)
    ]
    against = [w for w, s, e in negated if not any(ps < e and s < pe for _, ps, pe in plain)]
    best_for, best_against = max((w for w, _, _ in plain), default=0.0), max(against, default=0.0)
    # "the only time I'm just me and not the one coping": the clause says it and sets it off
    # against something else; "pace? I couldn't care less about my pace" takes back its word.
    said = {clause.text[s:e] for _, s, e in plain}
    if best_for >= best_against and not any(clause.text[s:e] in said for _, s, e in negated):
        best_against = 0.0
    return [best_for, best_against]


def _clause_weights(
    clause: _Clause, question: str, note: tuple[bool, bool, bool, bool]
) -> dict[str, list[float]]:
    """{theme: [weight for, weight against]} for one clause under one question.

    `note` says whether the clause's note declines the question ("No big dream, no."), hedges
    it ("Maybe a glow run"), tells of a change of heart ("..., now I just run") and is about
    races (it names one, or sits under the racing question), is fond of something ("I love
    this emptiness", which makes a place in it a draw), and whether the clause itself is
    sarcastic ("Oh great, another 5am start").
    """
    declined, hedged, changed, racing, fond, note_upkeep, sarcastic = note
    upkeep = note_upkeep or bool(_UPKEEP.search(clause.text))  # "Just keep it going": no journey
    out = {theme: _scan(clause, theme, cues) for theme, cues in _CUES[question].items()}
    anti = {
        theme: max((w for w, p in cues if p.search(clause.text)), default=0.0)
        for theme, cues in _AGAINST.items()
    }
    for theme in THEME_KEYS:
        cancel = _CANCEL.get(theme)
        if anti[theme] or (cancel and cancel.search(clause.text)):
            out[theme][0] = 0.0  # "Running clubs are cliquey": the anti-cue wins the clause
        out[theme][1] = 0.0 if theme in _NO_AGAINST else max(out[theme][1], anti[theme])
    _settle_races(out, racing, clause.text)
    if sarcastic:  # "Oh sure, nothing says fun like a 5am start": said the other way round
        for theme in _PREFERENCE_THEMES - {"race_averse"}:
            out[theme] = [0.0, max(out[theme])]
        if racing or _RACE_COST.search(clause.text):
            out["race_averse"][0] = max(out["race_averse"][0], M)
    if hedged:  # "Maybe one day a marathon, who knows", "a 10k plan, nothing signed"
        out["big_dream"][0] = min(out["big_dream"][0], W)
        out["on_journey"][0] = min(out["on_journey"][0], W)
    if question in _OPEN_QUESTIONS:
        theme, content = _OPEN_QUESTIONS[question]
        if declined:
            out[theme][1] = max(out[theme][1], S)
        elif content.search(clause.text) and not (theme == "on_journey" and upkeep):
            # someone else's dream is not the runner's
            out[theme][0] = max(out[theme][0], W if hedged or clause.others else S)
    places = out["places"]
    if clause.place_name or (clause.place_in and (places[0] or fond)):
        # "on the Rhine path": a name in passing; "the Pennine Way" is a landmark in its own right
        places[0] = max(places[0], M if fond or clause.landmark else W)
    elif out["places"][0] <= W and (out["numbers"][0] or out["competition"][0]):
        out["places"][0] = 0.0  # "2:58 at Valencia": a city named for a race time
    short = question == "places_people" and len(clause.tokens) <= 3  # "Mountains.": the answer
    if 0 < places[0] < M and (fond or short):
        places[0] = M  # "The desert road. I love this emptiness."
    _scale(out, clause, question, changed)
    return out


def _settle_races(out: dict[str, list[float]], racing: bool, text: str) -> None:
    """One clause about races backs one of competition, race_experience and race_averse.

    Race-day words ("the crowds", "a win") count only in a note about races; there, a race
    or its joys turned down ("I don't race", "I don't need a medal") are race_averse.
    """
    scene, win = out.pop("_race_scene"), out.pop("_race_win")
    if racing:
        for theme, (w_for, w_against) in (("race_experience", scene), ("competition", win)):
            out[theme] = [max(out[theme][0], w_for), max(out[theme][1], w_against)]
    love, unloved = out.pop("_race_love")
    unloved = max(unloved, out.pop("_race_do")[1])  # "never pinned a number on"
    if racing and out["race_experience"][1] and not out["race_experience"][0]:
        unloved = max(unloved, M)  # race-day joys turned down: "I don't like crowds"
    if _NOT_YET.search(text) or _NOT_FOR.search(text):
        unloved = 0.0  # "not near a start line until I can run 5k", "not in it for medals"
    if unloved and not (out["competition"][0] or out["race_experience"][0]):
        out["race_averse"][0] = max(out["race_averse"][0], M)  # "I've never really liked races"
    if out["competition"][0] and out["race_experience"][0] < S:
        out["race_experience"][0] = 0.0  # "I won my division at the Turkey Trot"
    elif love:
        out["race_experience"][0] = max(out["race_experience"][0], love)
    if out["competition"][0] > out["race_averse"][0]:
        out["race_averse"][0] = 0.0  # "I'd rather die than be overtaken": a strong cue wins
    elif out["race_averse"][0]:
        out["competition"][0] = out["race_experience"][0] = 0.0


def _scale(out: dict[str, list[float]], clause: _Clause, question: str, changed: bool) -> None:
    """Apply the question's hint, and discount the past and other people's motivations."""
    for theme, weights in out.items():
        home = HOME_PRIOR if theme in _HOME[question] else 1.0
        factor = AWAY_FACTOR if theme in _AWAY_THEMES and home == 1.0 else home
        if clause.past and theme in _PAST_THEMES:
            factor *= PAST_FACTOR if changed else OLD_FACTOR
        if clause.others and theme in _ATTRIBUTED:
            factor *= OTHERS_FACTOR
        weights[0] = min(0.95, weights[0] * factor)
        weights[1] = min(0.95, weights[1] * home)


def _read_note(question: str, note: str) -> list[tuple[str, dict[str, list[float]]]]:
    """Each clause of one note, as the whole sentence it is in (quoted verbatim), with
    {theme: [weight for, weight against]}."""
    spans = _spans(note)
    clauses = [_Clause(note[s:e]) for s, e, _ in spans]
    numbers = [sentence for _, _, sentence in spans]
    refused = any(  # "Never.", not "Probably never, but it's the carrot"
        _REFUSAL.search(c.text) and numbers[i + 1 : i + 2] != [numbers[i]]
        for i, c in enumerate(clauses)
    )
    declined = bool(clauses) and (bool(_DECLINE.search(clauses[0].text)) or refused)
    hedged = any(_HEDGED.search(c.text) for c in clauses)
    changed = any(_CHANGE.search(c.text) for c in clauses)
    racing = question == "competition" or any(_EVENT.search(c.text) for c in clauses)
    fond = any(not c.negated(*m.span()) for c in clauses for m in _FOND.finditer(c.text))
    upkeep = any(_UPKEEP.search(c.text) for c in clauses)  # "Three miles, Mon Wed Fri. Same."
    # A bare marker ("Oh joy.") makes the clause after it sarcastic too.
    sarcastic = [bool(_SARCASM.search(c.text)) for c in clauses]
    for i in range(1, len(clauses)):
        sarcastic[i] = sarcastic[i] or (sarcastic[i - 1] and len(clauses[i - 1].tokens) <= 3)
    weights = [
        _clause_weights(c, question, (declined, hedged, changed, racing, fond, upkeep, s))
        for c, s in zip(clauses, sarcastic, strict=True)
    ]
    # A place given a practical reason ("the park, it's flat and near"), in a note fond of
    # nothing, is where they run, not a draw.
    if not fond and any(_PRACTICAL.search(c.text) for c in clauses):
        for w in weights:
            w["places"][0] = 0.0
    # Places named in passing count once a note ("Along the canal. Then the route."), and so
    # does a hedged dream ("Maybe someday Berlin. For now 10k is plenty.").
    for theme, once in (("places", not fond), ("big_dream", hedged)):
        if once:
            best = max(range(len(weights)), key=lambda i: weights[i][theme][0], default=0)
            for i, w in enumerate(weights):
                w[theme][0] *= i == best
    _hear_a_return(clauses, weights)
    _hear_a_habit(clauses, weights)
    _hear_a_change_in_self(clauses, weights)
    if question == "life_fit":
        _hear_a_load_list(clauses, weights)
    if question == "drive":
        _hint_feeling(clauses, weights)
    _read_across(question, [sentence for _, _, sentence in spans], clauses, weights)
    return [(_quote(note, s), w) for (s, _, _), w in zip(spans, weights, strict=True)]


def _hear_a_return(clauses: list[_Clause], weights: list) -> None:
    """A setback and a return told in one note are a comeback, in whatever clauses they sit.

    "Meniscus operation in January. Back to 30 km a week now."; not someone else's setback.
    """
    setback = [
        i
        for i, c in enumerate(clauses)
        if (m := _SETBACK_NOTE.search(c.text)) and not c.someone_elses(m.start()) and not c.others
    ]
    if setback and any(_RETURN_NOTE.search(c.text) for c in clauses):
        weights[setback[0]]["comeback"][0] = max(weights[setback[0]]["comeback"][0], M)


def _hear_a_habit(clauses: list[_Clause], weights: list) -> None:
    """A habit held is told by its structure, in whatever clauses of one note it sits.

    A regular slot with a duration or no misses ("Thursdays at 6, eleven years now", "three a
    week, haven't skipped one", "Sundays, hail or not") is a habit held; no misses or a
    protected slot alone is a medium one ("Saturdays are sacred"), a frequency alone a fact.
    A habit lost or being got back ("trying to get back into my routine") is a return, not a
    habit held. Only the runner's own, present habit.
    """
    if any(_HABIT_LAPSE.search(c.text) for c in clauses):
        for w in weights:
            w["consistency"][0] = 0.0
        return

    def found(pattern: re.Pattern[str]) -> list[int]:
        return [
            i
            for i, c in enumerate(clauses)
            if not c.past
            and not c.others
            and any(
                not c.someone_elses(m.start()) and not c.negated(*m.span())
                for m in pattern.finditer(c.text)
            )
        ]

    regular, duration = found(_HABIT_REGULAR), found(_HABIT_DURATION)
    kept, defied = found(_HABIT_KEPT), found(_HABIT_DEFY)
    if (regular and (duration or kept or defied)) or (duration and (kept or defied)):
        i = (kept or defied or duration)[0]
        weights[i]["consistency"][0] = max(weights[i]["consistency"][0], S)
        for j in kept:  # "not one week without a run": the negation is the habit's own
            weights[j]["consistency"][1] = 0.0
    elif kept:
        weights[kept[0]]["consistency"][0] = max(weights[kept[0]]["consistency"][0], M)


_LOADS = tuple(p for w, p in _CUES["life_fit"]["time_limited"] if w == V)
LOAD_LIST_TOKENS = 12  # a terse answer: "night shifts, twins, my dad to see to"
_WHEN_I_RUN = frozenset({"i", "run", "runs", "running", "go", "get"})


def _hear_a_load_list(clauses: list[_Clause], weights: list) -> None:
    """A terse list of loads under life_fit states a squeeze ("two jobs, three kids").

    Each load alone is only context ("I work shifts"); two or more in a note of a few words,
    with nothing said against a shortage, are the answer itself.
    """
    said = [tok for c in clauses for tok in c.tokens]
    if len(said) > LOAD_LIST_TOKENS or _WHEN_I_RUN & set(said):
        return  # "Three kids, a job, I run at 6": a schedule, not a list
    if any(w["time_limited"][1] for w in weights):
        return
    loads = sorted(
        (i, *m.span())
        for i, c in enumerate(clauses)
        for p in _LOADS
        for m in p.finditer(c.text)
        if not c.negated(*m.span()) and not m.group().endswith(" off")  # "4 on 4 off"
    )
    apart = [a for a, b in zip(loads, loads[1:], strict=False) if a[0] != b[0] or a[2] <= b[1]]
    if len(apart) >= 1:  # two loads that do not overlap: "before work" is one, not two
        i = loads[0][0]
        weights[i]["time_limited"][0] = max(weights[i]["time_limited"][0], M * HOME_PRIOR)


def _hear_a_change_in_self(clauses: list[_Clause], weights: list) -> None:
    """A doubt or fear about themselves then, and now something they do, is confidence gained.

    "I was scared to speak up at work. Now I lead the Monday call."; not someone else's fear.
    """
    doubts = [
        i
        for i, c in enumerate(clauses)
        if (m := _DOUBT_THEN.search(c.text)) and not c.someone_elses(m.start()) and not c.others
    ]
    if not doubts:
        return
    now = [i for i in range(doubts[0], len(clauses)) if _NOW_SELF.search(clauses[i].text)]
    if now:
        w = weights[now[0]]["confidence"]
        w[0] = max(w[0], M)


def _hint_feeling(clauses: list[_Clause], weights: list) -> None:
    """A drive note that turns numbers down hints at feeling, unless it names another motive.

    "I leave the watch at home" says feeling; "I couldn't care less about pace" hints it; "Not a
    data geek, but I can tell you who I passed" says competition, not feeling.
    """
    if any(w[t][0] >= THRESHOLD for w in weights for t in THEME_KEYS if t not in _DRIVE_PAIR):
        return
    hints = [
        (M if any(p.search(c.text) for _, p in _AGAINST["numbers"]) else W, i)
        for i, (c, w) in enumerate(zip(clauses, weights, strict=True))
        if w["numbers"][1] and not w["numbers"][0]
    ]
    if hints:
        hint, i = max(hints)
        weights[i]["feeling"][0] = max(weights[i]["feeling"][0], hint * HOME_PRIOR)


def _read_across(
    question: str, sentences: list[int], clauses: list[_Clause], weights: list
) -> None:
    """Let the clauses of one note reweigh each other, in place (`weights` as _read_note's)."""
    refusals = [bool(_REFUSAL.search(c.text)) for c in clauses]
    races = any(_RACE_TALK.search(c.text) for c in clauses)
    venues = {  # sentences about events or results: "The Manchester 10k", "Spain and a 5k PB"
        sentences[i]
        for i, clause in enumerate(clauses)
        if _EVENT.search(clause.text) or any(weights[i][t][0] for t in _RESULT_THEMES)
    }
    events = races or any(_EVENT.search(c.text) for c in clauses)
    indifferent = events and any(_INDIFFERENT.search(c.text) for c in clauses)
    for i, clause in enumerate(clauses):
        if indifferent:  # "I've done the odd race. Can take them or leave them."
            for theme in _RACE_THEMES:
                weights[i][theme][0] *= 0.3
        elif question == "competition" and refusals[i] and _bare(clause.text) not in _BARE_NO:
            weights[i]["race_averse"][0] = max(weights[i]["race_averse"][0], M * HOME_PRIOR)
        if sentences[i] in venues and not (_SCENE.search(clause.text) or clause.landmark):
            weights[i]["places"][0] = 0.0
    for i, sentence in enumerate(sentences):
        later = [j for j in range(i + 1, len(sentences)) if sentences[j] == sentence]
        if (
            later
            and _NOT_WHY.search(clauses[i + 1].text)
            or any(_DISOWN.search(clauses[j].text) for j in later)
        ):  # "..., but it's not why I do it", "Numbers I look at, but I forget them"
            for theme in _PREFERENCE_THEMES:
                weights[i][theme] = [0.0, max(weights[i][theme])]
        elif later and _CONCEDE.search(clauses[i].text):  # "The atmosphere is nice but ..."
            for theme in _PREFERENCE_THEMES:
                weights[i][theme][0] *= 0.5
        turned = sentences[i + 2 : i + 3] == sentences[i + 1 : i + 2]  # "Probably never, but ..."
        if refusals[i + 1 : i + 2] == [True] and not turned:  # "He wants me to ... Not my thing."
            for theme in _REFUSED:
                weights[i][theme] = [0.0, max(weights[i][theme])]
        if events and _REJECT.search(clauses[i].text):  # "Did a race once. Hated every second."
            home = HOME_PRIOR if "race_averse" in _HOME[question] else 1.0
            weights[i]["race_averse"][0] = max(weights[i]["race_averse"][0], M * home)
        for theme in THEME_KEYS:  # "Busy, but I always make it work": the contrast takes it back
            if weights[i][theme][0] and any(
                weights[j][theme][1] > weights[j][theme][0] for j in later
            ):
                weights[i][theme][0] *= 0.3
        for theme, opposed in _OPPOSED.items():  # anywhere later in the note
            if weights[i][theme][0] and any(
                weights[j][o][0] for j in range(i + 1, len(clauses)) for o in opposed
            ):
                weights[i][theme][0] *= 0.5  # "Races terrify me but I ... loved the crowd"
        if any(_DEFY.search(clauses[j].text) for j in later):
            weights[i]["race_averse"][0] *= 0.5  # "Races terrify me but I've entered anyway"


def _notes(answers: Mapping[str, str | Sequence[str]]) -> list[tuple[str, str]]:
    """(question, note) pairs in question order, blank notes left out."""
    unknown = sorted(set(answers) - set(QUESTION_KEYS))
    if unknown:
        raise ValueError(
            f"Unknown question key(s): {', '.join(map(repr, unknown))}. "
            f"Expected any of: {', '.join(QUESTION_KEYS)}."
        )
    out = []
    for question in QUESTION_KEYS:
        value = answers.get(question)
        if value is None:
            continue
        for note in [value] if isinstance(value, str) else value:
            if not isinstance(note, str):
                raise ValueError(
                    f"Notes under {question!r} must be text, not {type(note).__name__}."
                )
            if note.strip():
                out.append((question, note))
    return out


def _noisy_or(weights: Iterable[float]) -> float:
    miss = 1.0
    for weight in weights:
        miss *= 1 - weight
    return 1 - miss


def _hear_the_drive_answer(pro: dict[str, list[tuple[float, Evidence]]]) -> None:
    """Where the drive answer picks feeling or numbers, the other counts for less elsewhere.

    "Feel. My legs tell me everything" makes "4:41 at Leeds" under another question a fact, not
    a motivation. Changes `pro` in place.
    """
    said = {
        theme: max((w for w, quote in pro[theme] if quote.question == "drive"), default=0.0)
        for theme in _DRIVE_PAIR
    }
    for theme, other in zip(_DRIVE_PAIR, reversed(_DRIVE_PAIR), strict=True):
        if said[theme] >= THRESHOLD and not said[other]:
            pro[other] = [
                (w if quote.question == "drive" else w * DRIVE_FACTOR, quote)
                for w, quote in pro[other]
            ]


def _blend_the_model(model, notes, scores, pro) -> dict[str, float]:
    """The model's probabilities blended into `scores`; a theme it lifts with no cue is quoted
    with the sentence that speaks for it most (added to `pro`)."""
    blended, probability = model.blend(notes, scores, THRESHOLD)
    for theme in THEME_KEYS:
        if blended[theme] >= THRESHOLD and not pro[theme]:
            index, offset = model.quote(notes, theme)
            question, note = notes[index]
            pro[theme].append((probability[theme], Evidence(question, _quote(note, offset))))
    return blended


def detect_themes(answers: Mapping[str, str | Sequence[str]]) -> list[Theme]:
    """Propose motivation themes for one round, strongest first, each with its quotes.

    `answers` maps question keys (any subset of QUESTION_KEYS) to one note or a list of notes.
    Raises ValueError for an unknown question key or a note that is not text.
    """
    pro: dict[str, list[tuple[float, Evidence]]] = {t: [] for t in THEME_KEYS}
    con: dict[str, list[float]] = {t: [] for t in THEME_KEYS}
    notes = _notes(answers)
    for question, note in notes:
        for text, weights in _read_note(question, note):
            for theme, (w_for, w_against) in weights.items():
                if w_for:
                    pro[theme].append((w_for, Evidence(question, text)))
                if w_against:
                    con[theme].append(w_against)
    _hear_the_drive_answer(pro)
    scores = {
        theme: _noisy_or(w for w, _ in pro[theme]) * (1 - AGAINST_FACTOR * _noisy_or(con[theme]))
        for theme in THEME_KEYS
    }
    model = theme_model.active()  # the optional packaged model, off by default
    if model is not None:
        scores = _blend_the_model(model, notes, scores, pro)
    themes = []
    for theme in THEME_KEYS:
        score = scores[theme]
        if score >= THRESHOLD:
            quotes = sorted(pro[theme], key=lambda item: -item[0])
            weighed = (Evidence(q.question, q.text, round(w, 3)) for w, q in quotes)
            evidence = tuple(dict.fromkeys(weighed))[:MAX_EVIDENCE]  # a sentence once, at its best
            themes.append(Theme(theme, round(score, 3), evidence))
    themes.sort(key=lambda t: (-t.score, t.key))
    return themes
