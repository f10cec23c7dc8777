"""Words as the theme reader sees them: negation scope, whose a cue is, normalisation, typos.

The first word lists tell themes.py where a negation reaches (back from a judgement too: "Numbers
on a hill are meaningless") and whose a cue is (people, folk and a doctor are someone else; days
side by side are not names). For matching, a
clause is lower-cased, contractions are expanded ("don't" -> "do not"), km and miles are folded
after a number ("10K", "10 kms" -> "10 km"), a few British spellings are folded to American, and
a typo on a longer cue word is corrected when exactly one cue word is one edit away. The lists
are data; the functions at the end apply the normalisation ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Word lists for negation and its scope (space-separated, like the rest below).
NEGATORS = """
    not no never nothing none nobody neither nor without hardly barely nah nope zero hate hated
    hates hating loathe detest dislike dislikes ignore ignores ignoring ignored avoid avoids
    avoiding stopped quit ditched dread dreading hide hides hid allergic forget forgot
"""
POST_NEGATORS = "not never nope nah bore bores bored irrelevant overrated pointless boring stress"
POST_NEGATORS += " stresses meaningless"
# Judgements that reach back to their subject across a few words, up to a break ("Numbers on a
# hill are meaningless", "Splits for a plodder like me are pointless").
PREDICATE_NEGATORS = "meaningless irrelevant overrated pointless boring useless"
AUXILIARIES = "is are was were do does did has have had really just ever honestly will would can"
AUXILIARIES += " could that much"
BREAKS = "but though although however yet because cos cause since whereas while except unless"
BREAKS += " so which who then just only instead than how"
SUBJECTS = "i we it that this they he she you my our"
# Whose a cue is: the nearest of these before it ("she's coming back from a knee op", "his pace").
RUNNER_WORDS = "i we me my our us myself"
OTHER_WORDS = "he she they his her their him them wife husband hubby partner son daughter dad mom"
OTHER_WORDS += " mother father brother sister friend mate coach"
OTHER_WORDS += " doctor gp cardiologist physio consultant nurse surgeon people folk everyone"
OTHER_WORDS += " everybody"
# Capitalised words that are not names when side by side ("Tuesday, Thursday and Sunday").
NOT_NAMES = """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Christmas Easter
"""

# Contractions as (regex, replacement), applied in order; units; spellings; typos.
CONTRACTIONS = (
    (r"\bcan'?t\b", "can not"),
    (r"\bcannot\b", "can not"),
    (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "is not"),
    (r"n't\b", " not"),
    (r"\b(do|does|did|is|are|was|were|have|has|had|could|would|should|need)nt\b", r"\1 not"),
    (r"\bi'?m\b", "i am"),
    (r"\bive\b", "i have"),
    (r"\b(it|that|there|what|here|he|she|who)'s\b", r"\1 is"),
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'ll\b", " will"),
    (r"'d\b", " would"),
    (r"'s\b", ""),
)
KM = "k ks km kms kilometer kilometers klicks"  # after a number, read as "km"
# Spellings folded before matching, "from>to" ("_" stands for a space).
SPELLING = """
    mum>mom mums>moms mummy>mom colour>color favourite>favorite neighbour>neighbor
    neighbours>neighbors programme>program travelling>traveling travelled>traveled
    counselling>counseling kilometre>kilometer kilometres>kilometers metres>meters ageing>aging
    organised>organized masel>myself mysel>myself oot>out
    miles>mile miler>mile milers>mile mpw>mile_per_week kpw>km_per_week
"""
# Longer cue words whose typos are worth catching ("competative", "anxeity", "numbrs").
FUZZY_WORDS = """
    numbers statistics metrics spreadsheet graphs splits garmin strava cadence threshold mileage
    personal records improve improvement running runner runners feeling feelings enjoy enjoying
    enjoyment freedom fresh pleasure happiness endorphins friends friend buddies colleagues together
    chatting natter community company social club group volunteer volunteering trails mountains
    mountain hills countryside coastal coast beach seafront forest woodland canal scenery views
    explore exploring adventure travel traveling abroad holiday holidays vacation competitive
    competition compete competing competitor winning overtaking rivals podium placing league
    championships category atmosphere crowds cheering finisher medals medal marathon marathons
    parkrun events racing races anxiety anxious stress stressed depression depressed mental health
    therapy sanity burnout grief calmer calming confidence confident believe belief myself capable
    healthy weight cholesterol diabetes pressure doctor fitness longevity menopause busy hectic
    juggling squeeze squeezed squeezing commute shifts lunchtime limited dream dreams bucket always
    ambition someday ultra ironman currently training working building towards stepping routine
    habit streak consistent consistency regular regularly weekly without comeback returning injury
    injured surgery operation physio recovery recovering again interest interested bothered motivate
    motivates kilometers kilometer distance minutes seconds every morning saturday sunday tuesday
    thursday wednesday monday friday bests
"""
# Real words one edit from a cue word, never "corrected": made by checking every word of
# Debian's wamerican and wbritish lists (5+ letters) against FUZZY_WORDS with within_one.
PROTECTED_WORDS = """
    acing adventured adventurer adventures afresh allays ambitions arcing asocial atmospheres avery
    banal batter beasts beats becket beech beets belch belie belied beliefs belies believed believer
    believes belts bench bents besets besots biddies bills binning bleach boast braces bracing
    braining breach brief broad bucked buckets budgies buildings burnous burnouts busby bushy busts
    cabal cadences calder calking caller calling calmed calving canals capably carnal catting
    championship chanting charting cheeking cheeping cheesing chills clubs coasts coats colleague
    comebacks commune commuted commuter commutes competed competes competitions competitors complete
    completing compote compute computing confidant confidences corking corning countrysides cowards
    cream creams croup crowd crowns crows cunning dental depresses depressions dills dinning
    distanced distances doctors draining drams dread dreads dreamt dreamy dunner dunning eight emery
    enjoyments enjoys envoy evens event evert explode exploding explored explorer explores faces
    facing fatness fatter feeding feedings felling fests fiend fiends fills finished finishers
    finishes flesh fores forests forking forrest fountain fountains freedoms fridays fried fueling
    funner gamin gills ginning graces gracing grapes graph gravel graveling griefs grieg groups
    grout gunner gunners gunning habits halls hatter hatting hearth heath heeling height hells hilly
    hilts hulls improved improvements improves injure injures inning insured interests inured jests
    jiggling joggling jugging keeling kills kilometre kilometres laces lacing latter leach leagued
    leagues lumbers lunchtimes maces macing matter meals medan medial meekly menial metal metals
    metric mileages millage mills minuets minuses minute minuted minuter minutest moaning modal
    modals mondays mooning mornings mothered motivated mourning muddies nattier nests netter number
    odium operations overtaxing paces pacing palmer palming patter peach pedal pedals peeling
    peelings persona personae personals pests physic pills pinning planing plating playing pleasured
    pleasures podiums pressured pressures punning raced racer racers racine racking racks rages
    raging rails raining rakes raking rapes raping rares raring rates rating ravel raveling raves
    raving razes razing reach reams record recover recovers reeling regulars relief relieve rental
    repressed repression rests revery rewords rices ricing rills rival rivas roast routines routing
    ruining runnel runnels runnier saturdays second shafts sheering shift shifty shills shirts shits
    sifts sills sinning slits socials sodium someway sorest spits splats splints split spreadsheets
    squeezer squeezes statistic steak steeping stopping straining strata streaks streaky stream
    stresses strews sundae sundas sundays sundry sunning swifts tails tatter teach tests thresholds
    thursdays tills tinning toast toward traces tracing trail trailing trains traits travelings
    travelling travels trawls tress trials tuesdays turnout twinning ultras vacations vanity vents
    vests vocation volunteers weakly wealth wealthy wednesdays weigh weighs weights weighty wests
    wight wills wincing winding winging wining winking winnings witness woodlands wording workings
    worming wright zests
"""

# --------------------------------------------------------------------------------------------
# Applying the lists.

_CONTRACTIONS = tuple((re.compile(pattern), repl) for pattern, repl in CONTRACTIONS)
_WITH = re.compile(r"\bw/\s*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_TOKEN = re.compile(r"\d+(?:[.:]\d+)*|[a-z]+|,")
_KM = frozenset(KM.split())
_SPELLING = dict(pair.replace("_", " ").split(">") for pair in SPELLING.split())
_FUZZY_WORDS = frozenset(FUZZY_WORDS.split())
_PROTECTED = frozenset(PROTECTED_WORDS.split())


def within_one(a: str, b: str) -> bool:
    """True when a and b are at most one insertion, deletion, substitution or swap apart."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_FUZZY_INDEX: dict[str, set[str]] = {}
for _word in _FUZZY_WORDS:
    for _key in _deletions(_word) | {_word}:
        _FUZZY_INDEX.setdefault(_key, set()).add(_word)


@lru_cache(maxsize=8192)
def _correct(token: str) -> str:
    """The cue word a typo most likely meant, or the token itself."""
    if len(token) < 5 or token in _FUZZY_WORDS or token in _PROTECTED or not token.isalpha():
        return token
    found: set[str] = set()
    for key in _deletions(token) | {token}:
        found |= _FUZZY_INDEX.get(key, set())
    found = {word for word in found if within_one(token, word)}
    return found.pop() if len(found) == 1 else token


def tokens(text: str) -> list[str]:
    """The normalised tokens of a clause (see the module docstring)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("ø", "o")
    text = _THOUSANDS.sub("", _WITH.sub("with ", text))  # "w/ my sister", "1,000 miles"
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    raw = _TOKEN.findall(text)
    out: list[str] = []
    for i, tok in enumerate(raw):
        after_number = i > 0 and raw[i - 1][0].isdigit()
        if after_number and tok in _KM:
            tok = "km"
        elif after_number and tok == "mi":
            tok = "mile"
        else:
            tok = _SPELLING.get(tok, tok)
            tok = _correct(tok)
            tok = _SPELLING.get(tok, tok)
        out.extend(tok.split())
    return out
