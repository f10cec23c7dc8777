"""Motivation themes read from a runner's brainstorm notes (DESIGN.md §1, step two).

Pure standard library: offline, deterministic, no model, a few milliseconds per round.

How a round is read:

1. Each note is cut into sentences, then into clauses at contrast words ("but", "though",
   "used to ... now"), keeping each clause's place in the note so it can be quoted verbatim.
2. A clause is normalised: lower case, contractions expanded ("don't" -> "do not"), km and
   miles folded ("10K", "10 kms" -> "10 km"), a few British spellings folded to American, and
   typos on longer words corrected against the cue vocabulary (one edit away).
3. Cue patterns per theme carry a weight. A cue in the scope of a negation ("I couldn't care
   less about pace") counts against its theme instead of for it; a cue in a clause about the
   past ("I used to chase PRs") or about someone else ("my husband loves his Garmin") counts
   for little; anti-cues ("plenty of time", "on my own") count against a theme.
4. The question a note sits under scales its weights: a hint, never the label.
5. A theme's score is the noisy-OR of its best cue per clause, reduced by the evidence against
   it; themes scoring at least THRESHOLD are proposed, with the clauses that support them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
    "social": "Running is better for you with good company.",
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

THRESHOLD = 0.5
S, M, W = 0.8, 0.55, 0.35  # strong, medium and weak cue weights
HOME_PRIOR = 1.25  # a cue under the question that asks about its theme
PAST_FACTOR = 0.25  # "I used to chase PRs, now I just want to enjoy it"
OLD_FACTOR = 0.7  # "I used to race a lot and loved the whole day of it" (no change of heart)
OTHERS_FACTOR = 0.3  # "My husband is obsessed with his Garmin"
AGAINST_FACTOR = 0.7  # how much the evidence against a theme takes off its score
MAX_EVIDENCE = 5


@dataclass(frozen=True)
class Evidence:
    question: str
    text: str  # verbatim substring of the note it came from


@dataclass(frozen=True)
class Theme:
    key: str
    score: float  # 0..1
    evidence: tuple[Evidence, ...]


# --------------------------------------------------------------------------------------------
# Lexicons. Patterns run on normalised clauses: lower case, single spaces between tokens,
# commas kept as "," tokens, US spelling, "km" and "mile" as units, "not" for every n't.

_PEOPLE = (
    r"(friends?|mates?|buddy|buddies|pals?|partner|husband|hubby|wife|son|sons|daughters?|"
    r"sister|sisters|brother|brothers|kids|children|family|dad|mom|mother|father|"
    r"grand(daughter|son|kids|children)s?|group|club|neighbors?|colleagues?|team|crew|girls|"
    r"lads|ladies|gang|other people|others|him|her|them|me|us|each other)"
)
_RACE = r"(race|races|racing|events?|competitions?|start lines?|mass starts?|bibs?)"
_REGIONS = (
    r"(lake district|peak district|yorkshire dales|dales|cotswolds|chilterns|south downs|"
    r"north downs|ridgeway|snowdonia|eryri|brecon beacons|pennines|pennine way|dartmoor|exmoor|"
    r"new forest|cornwall|devon|norfolk|northumberland|highlands|cairngorms|munros?|skye|"
    r"ben nevis|snowdon|scafell|arthur seat|west highland way|camino|alps|dolomites|pyrenees|"
    r"chamonix|rockies|rocky mountains|grand canyon|yosemite|zion|big sur|appalachian|"
    r"central park|hyde park|richmond park|iceland|norway|sweden|finland|scotland|wales|ireland|"
    r"france|spain|portugal|italy|greece|switzerland|austria|germany|japan|new zealand|"
    r"australia|canada|kenya|ethiopia|south africa|morocco|patagonia|himalayas?|everest|"
    r"kilimanjaro|sahara|antarctica|hawaii|alaska|colorado|vermont|utah|oregon|california|"
    r"the states|every state|every continent|every county|every country)"
)
_CITIES = (
    r"(london|berlin|paris|rome|lisbon|barcelona|madrid|valencia|seville|amsterdam|dublin|"
    r"edinburgh|glasgow|brighton|manchester|york|bath|oxford|cambridge|boston|chicago|"
    r"new york|tokyo|sydney|dubai|prague|vienna|copenhagen|stockholm|oslo|reykjavik|tromso|"
    r"cape town|venice|florence|athens|budapest|krakow|san francisco|los angeles|honolulu)"
)
_PLACE_WORDS = (
    r"(trails?|fells?|mountains?|hills?|hilly|moors?|moorland|coast|coastal|coastline|beach|"
    r"beaches|seafront|seaside|promenade|cliffs?|forests?|woods|woodland|woodlands|countryside|"
    r"canal|towpath|riverside|river|lakes?|lakeside|lochs?|fjords?|glens?|peaks?|summits?|"
    r"ridges?|valleys?|national parks?|scenery|scenic|views?|vistas?|landscapes?|sunrise|sunset|"
    r"desert|canyon|islands?|waterfalls?|heath|parkland|off road)"
)
_PLACE_LIKE = (
    r"(love|loves|loved|lovely|want|wants|would love|like to|dream|favorite|miss|beautiful|"
    r"stunning|gorgeous|glorious|explore|exploring|new|somewhere|anywhere|never get bored|"
    r"never tire|best|magic|"
    r"magical|special|wild|remote|peaceful|amazing)"
)

_FREQUENCY = r"((\d+|one|two|three|four|five|six) ?(x|times|runs|days) (a|per|each) week)"

_CUES: dict[str, tuple[tuple[float, str], ...]] = {
    "numbers": (
        (
            S,
            r"(numbers?|data|stats?|statistics|metrics|spreadsheet|graphs?|charts?|splits) "
            r"(person|guy|man|woman|girl|nerd|geek|junkie|freak|fiend|addict|driven|obsessed|"
            r"obsessive|lover)",
        ),
        (
            S,
            r"(nerd|geek|junkie|obsessed|obsessive|addicted|hooked|fixated) (on|with|about|over) "
            r"(\w+ ){0,2}(numbers|data|stats|statistics|metrics|splits|graphs?|charts?|pace|"
            r"times?|pbs?|prs?|watch|garmin|strava|mileage)",
        ),
        (
            S,
            r"spreadsheets?|(log|logs|logged|logging|track|tracks|tracked|tracking) (every|each|"
            r"all|everything|my (runs|miles|km|mileage|times|pace))|(keep|keeps|kept|keeping) a "
            r"(log|diary|record|tally|spreadsheet)|ticking off (the )?(mile|miles|km|runs)",
        ),
        (
            S,
            r"(check|checks|checking|checked|look|looks|looking|looked|pore|poring|stare|staring|"
            r"study|studying|analyze|analyzing|obsess|obsessing|geek|scroll|scrolling) "
            r"((at|over|out|through|on) )?(\w+ ){0,2}(stats|statistics|data|graphs?|charts?|"
            r"splits|metrics|numbers|garmin|strava|watch|heart rate|pace|times?|results)",
        ),
        (
            S,
            r"(love|like|loves|likes|enjoy|enjoys|loved|adore) (\w+ ){0,3}(numbers|data|stats|"
            r"statistics|metrics|graphs?|charts?|splits|pbs?|prs?)",
        ),
        (
            S,
            r"(watch|watching|see|seeing|saw) (\w+ ){0,3}(pace|time|times|mileage|mile|km|numbers|"
            r"heart rate|splits|weeks) (\w+ ){0,2}(drop|dropping|fall|falling|come down|coming "
            r"down|go down|going down|go up|going up|improve|improving|add up|adding up|fill up|"
            r"tick|ticking|creep|creeping)",
        ),
        (
            S,
            r"(mileage|mile|km|numbers) (\w+ )?(add|adding|adds|added|tick|ticking|creep|"
            r"creeping) up|(time|times) (come|comes|coming|came|go|going) down",
        ),
        (
            S,
            r"(chase|chasing|chased|hunt|hunting|go for|going for) (\w+ ){0,2}(pbs?|prs?|times?|"
            r"personal bests?|a time|seconds)",
        ),
        (
            S,
            r"(knock|knocks|knocked|knocking|take|takes|took|taking|taken|shave|shaves|shaved|"
            r"shaving|chip|chipped|chipping|cut|cutting|get|got) (\d+ |a few |a couple of |some "
            r"|a |\w+ )?(minutes?|mins?|seconds?|secs?) off",
        ),
        (
            S,
            r"(compete|competing|competitive|race|racing|beat|beating|against) (\w+ ){0,2}"
            r"(myself|the clock|my (own|old|previous|last) (times?|self|pbs?|prs?)|the (man|woman|"
            r"runner|person) i was|my younger self)",
        ),
        (
            S,
            r"(average|avg) (pace|speed|heart rate)|pace per|mins? per (km|mile)|minutes? per "
            r"(km|mile)|\d+ minute (km|mile)s?|(\d+|\d+:\d+) (min )?(km|mile) pace",
        ),
        (
            M,
            r"pbs?|prs?|personal (bests?|records?)|course records?|(race|finish|finishing|target|"
            r"goal|marathon|half|km|parkrun) times?|(my|own|previous) times|old times(?! sake)|"
            r"the clock|(running|training) (log|diary)|logbook|my (little )?(diary|notebook)",
        ),
        (
            M,
            r"numbers|data|stats|statistics|metrics|graphs?|charts?|splits?|negative splits?|"
            r"pace|mileage|weekly volume",
        ),
        (
            M,
            r"garmin|strava|coros|polar|suunto|apple watch|fitbit|runalyze|stryd|whoop|"
            r"training ?peaks|smashrun|chest strap|gps|foot ?pod|upload\w*|sync\w*",
        ),
        (
            M,
            r"(heart rate|hr) (zones?|data|variability|training|monitor)|zone 2|zones|hrv|"
            r"vo 2 max|lactate|threshold|cadence|power meter|training load|race predictor|"
            r"age grad\w*|resting heart rate",
        ),
        (
            M,
            r"sub \d+|under \d+:\d+|under \d+ (hours?|minutes?|mins?)|break(ing)? \d+|(go|get|"
            r"going|getting|run|finish\w*) under|\d+:\d+(:\d+)?(?! (am|pm))|good for age|gfa|bq|"
            r"qualif\w* (time|times|standard|for (boston|london))|the qualifier|qualified for",
        ),
        (
            W,
            r"faster|quicker|speed|fast|quick|progress|improve\w*|improvement|tempo|intervals|"
            r"fartlek|\d+s and \d+s|my watch|the watch|gadgets?|structured|control freak|"
            r"(\d+|\w+) (mile|km) (a|per|each|this) (week|month|year)|mpw",
        ),
    ),
    "feeling": (
        (
            S,
            r"how (it|running|i|my body|my legs|a run|the run|that|they) (feels?|felt|feel)|"
            r"(the|that) feeling|feeling of|the sensation|by feel|on feel|see how i feel|"
            r"(love|like|enjoy|adore) (the )?(feeling|sensation|rhythm|movement|flow|freedom)",
        ),
        (
            S,
            r"feel (free|alive|good|great|amazing|strong|light|wonderful|fantastic|brilliant|"
            r"human|like flying)|(feels?|felt|feeling) (so |really )?(good|great|amazing|free|"
            r"alive|wonderful|fantastic|brilliant|light|easy|natural|right|strong)",
        ),
        (
            S,
            r"(pure|sheer|simple|real) (joy|pleasure|love|fun|bliss|happiness)|joy|joyful|joyous|"
            r"bliss|for (the )?(fun|joy|love|pleasure|hell) of it|love of (running|the sport)",
        ),
        (
            S,
            r"enjoy\w* (it|running|the running|my running|the run|my runs|every (run|step|"
            r"minute|mile)|each run|runs|myself|being|moving)",
        ),
        (
            M,
            r"freedom|free feeling|runners? high|endorphins|post run (buzz|glow|high)|in the zone|"
            r"fresh air|being (out|outside|outdoors|out there|out in)|out (in|on) the (hills|"
            r"fells|trails|air|rain|sun|woods)|(rain|sun|wind|breeze) on my (face|skin)|"
            r"(like|love|enjoy) being (out|outside|outdoors|on|in)|in the rain|the elements|listen\w* to my body|(how|what) my (body|legs) (feels?|"
            r"says|tells)|no pressure|run free|unplugged|just (run|running) (and|for)",
        ),
        (
            W,
            r"enjoy\w*|fun(?! runs?)|play|playful|happy|happiness|smile|smiling|smiles|grin|"
            r"grinning|laugh\w*|relax\w*|(?<!would )(love|like) (to run|running|my running|every run)|"
            r"i just run|nature",
        ),
    ),
    "social": (
        (
            S,
            r"(run|runs|running|ran|train|trains|training|trained|jog|jogging|go|going|went|out|"
            r"do|did|doing) (\w+ ){0,5}(with|alongside) (my |our |a |the |some |other )?(\w+ )?"
            + _PEOPLE,
        ),
        (
            M,
            r"with (my |our |the |some |a )?(\w+ )?"
            + _PEOPLE[: -len("|him|her|them|me|us|each other)")]
            + ")",
        ),
        (
            S,
            r"running (club|group|buddy|buddies|partner|partners|pal|pals|friend|friends|mates?|"
            r"crew|community|family)|run club|(club|group) (run|runs|mates|friends|members|"
            r"sessions?|nights?|social)|(my|our|the|a|local|women|ladies|church|work|office|"
            r"parkrun|saturday|sunday) (\w+ )?(club|group|crew|squad|gang|tribe|harriers|striders|"
            r"joggers|crowd|community|ladies|girls|lads)|my people",
        ),
        (
            M,
            r"together|with each other|as a (group|family|couple|team)|[a-z]+ and i (run|ran|"
            r"train|go|went|do|are|have|will|want|make|started|start|did|plan)|me and my \w+|"
            r"with (me|us|him|her|them)\b",
        ),
        (
            M,
            r"chat|chats|chatting|chatted|natter\w*|gossip\w*|craic|banter|catch up|catching up|"
            r"social|socialize|socializing|sociable|community|camaraderie|friendships?|"
            r"girls weekend|lads weekend|meet (up|new people|friends)|made (\w+ )?friends|"
            r"(same|friendly|familiar) faces|coffee (after|afterwards)|cafe|the pub after|"
            r"(push|pushing|take|taking|bring|bringing) (my |the )?(\w+ )?(grandson|"
            r"granddaughter|son|daughter|baby|kids)",
        ),
        (
            M,
            r"volunteer\w*|marshal\w*|tail (walker|runner)|run leader|lirf|(coach|coaching) "
            r"(the )?(juniors|kids|beginners|group|others)|pac(e|ing) (my |a )?(friend|mate|wife|"
            r"husband|buddy)|guide runner|(start|set up) a (group|club)|help\w* (others|people|"
            r"beginners)",
        ),
        (W, r"friends?|mates|buddies|pals|colleagues|company|the ladies|the lads|team|relay"),
    ),
    "places": (
        (
            S,
            r"destination (race|races|marathon|marathons|half|halves)|every (state|county|"
            r"country|continent)|run\w* (in|at|along|around|round|up|across|through|over|to) "
            r"(the )?" + _CITIES + r"|where (i|we|my \w+) (grew up|live|lives|lived|was born|"
            r"come from|comes from|(is|are|was) from)",
        ),
        (
            S,
            _PLACE_LIKE
            + r" ([\w,]+ ){0,8}"
            + _PLACE_WORDS
            + "|"
            + _PLACE_WORDS
            + r" ([\w,]+ ){0,8}"
            + _PLACE_LIKE,
        ),
        (
            M,
            _REGIONS + r"|explore|exploring|sightseeing|see (so )?much more of|new routes?|"
            r"somewhere (new|different|beautiful|warm|exotic)|new places|adventures?|travel\w*|"
            r"abroad|overseas|holidays?|vacations?|trips?|the scenery|running holiday",
        ),
        (W, _PLACE_WORDS + "|" + _CITIES),
    ),
    "competition": (
        (
            S,
            r"competitive|competitor|thrive on (it|competition|racing)|race\w* to win|"
            r"bragging rights|overtak\w+|pick\w* (people|them|runners|others) off|reel\w* "
            r"(people|them|others) in|beat\w* (\w+ ){0,2}(people|others|him|her|them|rivals?|"
            r"mates?|friends?|lads|guys|girls|someone|anyone|everyone|my (brother|sister|husband|"
            r"wife|friend|mate|son|daughter|dad|old rival))|the thrill of (the )?(race|racing|"
            r"chase|competition)|(where|how) i (came|finished|placed)|kick out of (overtaking|"
            r"beating|passing)|hate (losing|being (beaten|overtaken|passed|chicked))|"
            r"sore loser|(love|like|loves|likes) (to )?win\w*",
        ),
        (
            S,
            r"(win|won|winning|placing|placed|podium|prizes?|medal\w*) (\w+ ){0,3}(age group|"
            r"age category|category|[mfvw] \d\d)|age (group|category) (win|wins|winner|prizes?|"
            r"placings?|podium|medals?|awards?|places?|positions?)",
        ),
        (
            M,
            r"compete|competing|competition|win|wins|winning|won|winner|rival\w*|podium|placings?|"
            r"top (\d+|ten|three)|[mfvw] \d\d|league|championships?|champs|masters|leaderboard|"
            r"segments?|kom|qom|local legend|prizes?|trophy|trophies|pipped|outsprint\w*|"
            r"sprint finish|age (group|category)",
        ),
    ),
    "race_experience": (
        (
            S,
            r"atmosphere|(race|races|racing|events?|run|be|there|do it|in it) (\w+ ){0,3}for "
            r"the (?!win|time|times|pb|pbs|pr|podium|placing|clock|prize)[a-z]+|(love|like|enjoy|adore) the (buzz|energy|crowds?|atmosphere|cheering|start "
            r"line|finish line|race day|medals?|bling)",
        ),
        (
            M,
            r"crowds?|cheer\w*|spectators|bling|finisher\w*|(race|finisher) medals?|wall of "
            r"(them|medals)|medal (wall|collection|hanger)|goody bags?|t shirts?|start lines?|"
            r"finish lines?|race days?|race weekends?|day out|the buzz|the energy|the party|"
            r"high fiv\w*|fun runs?|color run|fancy dress|costume|majors|back of the pack\w*|"
            r"mid ?pack|middle of the pack|never near the front|not (fast|quick) enough to (win|"
            r"place)",
        ),
        (W, r"medals?|ballot|signed up|sign up"),
    ),
    # Loving races: race_experience, unless the clause is about competing ("racing and beating").
    "_race_love": (
        (
            M,
            r"(love|loves|like|likes|enjoy|enjoys|adore|live for) (\w+ ){0,2}(race|races|racing|"
            r"events|race day)|(enter|do|run) (a lot of|a few|loads of|lots of|the odd|an "
            r"occasional|plenty of) (\w+ )?(race|races|events?)|the odd (\w+ )?race",
        ),
    ),
    "race_averse": (
        (
            S,
            r"(hate|hated|hates|loathe|detest|dislike|dread|can not stand|could not stand|avoid|"
            r"not a fan of|not keen on|no interest in|no desire to|put off by|not like|not enjoy|"
            r"see the point of) (\w+ ){0,3}" + _RACE,
        ),
        (
            S,
            _RACE + r" (\w+ ){0,3}(terrify|terrifies|scare|scares|stress me|stresses me|panic|"
            r"make me (panic|anxious|nervous|sick)|are not (really )?(my thing|for me|my cup of tea|"
            r"my scene)|not for me|not my thing)",
        ),
        (
            S,
            r"(never|not|will not|would not|wo not) (\w+ )?(race|raced|enter|entering) (\w+ ){0,2}"
            r"(again|never will|races?|events?)|never raced|rather not (race|pin|enter|do)|"
            r"rather (\w+ ){0,8}than (enter|do|run|race)|once was enough|never again|pressure of "
            r"(races|racing|a race|events)|(no|without) (crowds|bibs?|race numbers?)|"
            r"not see the point of them",
        ),
        (
            M,
            r"too (much|many) (\w+ ){0,3}(at|in) (races|events)|(races|events) (are|feel) (too|so) "
            r"(\w+ )?(expensive|crowded|busy|stressful|serious|competitive)|(idea|thought) of (a "
            r"|the )?" + _RACE + r" (\w+ ){0,2}(makes?|gives?) (me|my)",
        ),
        (W, r"too many people|faff"),
    ),
    "wellbeing": (
        (
            S,
            r"mental (health|wellbeing|well being)|my (head|mind|mood|sanity|nerves)|head ?space|"
            r"clear\w* (my|the) (head|mind)|head (clear|clears|empties|straight)|sane|sanity|"
            r"therapy|therapist|counseling|stress\w*|anxiety|anxious|depress\w*|low (mood|days|"
            r"patch)|dark (days|times|place)|black dog|burn ?out|grief|griev\w*|bereave\w*|"
            r"sertraline|citalopram|antidepressants?|panic attacks?|overwhelm\w*|wrecked my mood",
        ),
        (
            M,
            r"cope|coping|calm\w*|unwind\w*|decompress\w*|switch off|me time|time for me|antidote|"
            r"outlet|release|reset|recharge|sanctuary|lifeline|saved me|saving grace|my church|"
            r"head in order|"
            r"(that is|is) mine|my (hour|time)|a break from|escape|breather|peace|takes the edge "
            r"off|holding me together|go under|out of the house|chaos|chaotic|mood|worr\w*|"
            r"lost my (wife|husband|partner|mom|dad|son|daughter)|menopause|"
            r"perimenopause|the edge off",
        ),
        (W, r"died|divorce|widowed"),
    ),
    "confidence": (
        (
            S,
            r"confiden\w+|self (belief|esteem|worth|confidence|respect)|believe in myself|belief in "
            r"myself|believe i can|(lost|losing|regain\w*|get back|rebuild\w*) (my |some )?"
            r"(nerve|belief|self)|trust (my|in my) body",
        ),
        (
            M,
            r"(prove|proving|proved) (to )?(myself|i can|that i|i am|i could)|can do hard things|"
            r"capable|something i was good at|good at something|shy|self conscious|body image|"
            r"imposter|not sporty|never sporty|picked last|the fat kid|speak up|stand taller|"
            r"walk taller|stood up for|feel like (me|myself) again|(new|better|stronger) (me|"
            r"person|version)|never thought i (could|would)|did not think i could|surprised "
            r"myself|empower\w*|brave|courage|spills? over into|i can (still )?do (things|it|"
            r"this|anything|hard)|taller|(any|some) good at|(realize|realized|found out|discovered|"
            r"learned) i (could|can)|never (been|was) (sporty|athletic|a runner)",
        ),
    ),
    "health": (
        (
            S,
            r"(?<!mental )health|healthy|heart (attack|scare|condition|disease|surgery|op|"
            r"operation|health|problem|issues?)|bypass|stent|cardiolog\w*|cardiac|blood pressure|"
            r"cholesterol|statins?|diabet\w*|type 2|a 1 c|hba 1 c|blood sugar|glucose|metformin|"
            r"insulin|lose weight|losing weight|lost weight|weight (off|loss|down)|"
            r"\d+ ?(kg|lb|lbs|pounds|stone|kilos) (down|lost|off|lighter)|lost (\d+|a lot of|"
            r"\w+) (kg|lb|lbs|pounds|stone|kilos|weight)|bmi|obes\w*|overweight|bone density|"
            r"osteopor\w*|arthritis|longevity|live longer|off (my )?(meds|medication|tablets)",
        ),
        (
            M,
            r"weight|bones?|my balance|balance and|joints?|knees working|mobility|(keep|keeping|"
            r"keeps) my (knees|joints|legs|body|heart|hips|back) (going|working|healthy|moving|"
            r"young|strong)|"
            r"(stay|keep|staying|keeping) (fit|healthy|active|mobile|moving|well)|fit enough|"
            r"keep moving|aging well|grandkids|grandchildren|sleep|asthma|cancer|chemo|"
            r"smok\w*|wake up call|falls clinic|at my age|menopause|perimenopause|without pain|"
            r"pain free|my body back",
        ),
        (W, r"doctor|gp|the nurse|nurse said|consultant said|fitness"),
    ),
    "time_limited": (
        (
            S,
            r"busy|hectic|manic|juggl\w*|squeez\w*|fit (it|runs?|running|them|training) in|fits? "
            r"(in )?around|(no|little|limited|not much|not enough|short on|tight on|pressed for|"
            r"strapped for) time|time (is|was) (tight|short|limited|precious|scarce)|(hard|"
            r"struggle|difficult|tough) to (find|make) (the )?time|find the time|(long|crazy|"
            r"unsocial|antisocial) hours|shift work|night shifts?|on call|ft job|full time|"
            r"single (mom|parent|dad)|school runs?|drop ?off|carer|caring for|care for (my )?"
            r"(mom|dad|mother|father|parents?|husband|wife)|travel\w* (a lot )?for work|"
            r"or nothing|(never|not|barely) (\w+ )?(have|had|get|got|find) (the |much |enough )?"
            r"time|if i am lucky|feast or famine|evenings and weekends only|(absolute )?max "
            r"right now|is what i can manage|look (after|after the) (\w+ )?(kids|children|"
            r"grandchildren|grandkids)|(two|2|three|3) jobs|has to be (first thing|early|before)|"
            r"(\w+) on (\w+) off|all over the place|irregular hours|long (days|shifts|hours)",
        ),
        (
            M,
            r"shifts?|nights|rota|(\d+|two|three|four|five) (kids|children|teens|teenagers|boys|"
            r"girls)|kids under|toddlers?|newborn|commut\w*|ft \w+|lunch ?(break|hour)s?|at lunch|"
            r"(during|in) (my )?lunch|when they nap|"
            r"when i can|whenever i can|barely|some weeks|days off|can (only )?manage|"
            r"(only|just|literally) (\d+|one|two|three|an?) (\w+ )?(minutes?|mins?|hours?|runs?)|"
            r"the (absolute )?max|at most|work is (brutal|crazy|mad|full on)|deadlines",
        ),
        (W, r"before (work|dawn|the kids)|first thing|\d+ ?am|\d+ ?pm"),
    ),
    "big_dream": (
        (
            S,
            r"dream|dreams|dreaming|bucket list|the itch|an itch|always wanted|ambition|"
            r"one day (i|i would|i will)|all six majors|six star|(every|all \d+|the \d+) (states|"
            r"continents|majors|munros|countries|counties)",
        ),
        (
            M,
            r"one day|someday|some day|ultra\w*|ironman|comrades|utmb|bob graham|marathon des "
            r"sables|\d+ mile race|100 mile|(before|by the time) i (turn|am|hit|reach) \d+|"
            r"for my \d+(st|nd|rd|th)|would love to (run|do|race)|i would like to (run|do)|"
            r"good for age|bq|boston",
        ),
    ),
    "on_journey": (
        (
            S,
            r"(currently|right now|at the moment) (\w+ )?(training|in week|on week|doing|building|"
            r"working|following)|(in|on) week \d+|week \d+ of|(working|building) (my way |back "
            r")?(up )?(to|towards?)|next step|training (for|plan)|stepping stone|return to run\w*|"
            r"couch to 5 km|c 25 km|\d+ (week|day|month) (plan|block)|so far|\d+ (weeks|days|"
            r"months) in|(i am|now) (up )?(at|on|to) \d+|im up to",
        ),
        (
            M,
            r"signed up|booked|halfway|walk run|run walk|building up|gradually|lengthen\w*|next (is|up)|"
            r"(a|my) plan|to go\b",
        ),
    ),
    "consistency": (
        (
            S,
            r"routine|habit|habits|streak|without fail|never miss\w*|not (missed|miss) a|"
            r"without missing|not missing|no matter what|rain or shine|consistent\w*|"
            r"consistency|regular|regularly|(show|showing|shows|turn|turning) up|non negotiable|"
            r"same (time|route|days)|rhythm|every (morning|day|evening|week|weekday|weekend|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|run my mile|daily run|"
            r"(keep|keeping) (it|the habit) (up|alive|going)|keeping at it|keep at it|"
            r"stick (with|to) it|discipline|structure",
        ),
        (
            S,
            r"(get back to|back to|keep|keeping|stick to|sticking to|maintain\w*|hold|hit|"
            r"never less than|at least) (\w+ ){0,2}" + _FREQUENCY,
        ),
        (
            M,
            r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? , (\w+ ){0,2}"
            r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|keep going|keep it up|"
            r"add (a|another) (second|third|fourth|fifth|sixth) run",
        ),
        (W, _FREQUENCY),
    ),
    "comeback": (
        (
            S,
            r"(come|coming|came|get|getting|got|ease|easing|eased) back (in)?to (running|it|the "
            r"sport|fitness)|comeback|(come|coming|came) back (to|from|after|into)|(started|starting|start) "
            r"(running )?again|return\w* to (running|run)|return to run\w*|(after|since) "
            r"(\d+|a|two|three|four|five|ten|fifteen|twenty|many|some|a few) (\w+ )?(years?|"
            r"months?|weeks?) (off|out|away|break)|(years|months|weeks) (off|out)|first week "
            r"back|first (\w+ )?run (back|after)|(to|be able to) run again|run again|"
            r"getting (my|back) (life|fitness|legs) back|back (up )?after the (op|operation|"
            r"surgery|injury|bypass)|back running|running again|off for (a|an|\d+|two|three|six|"
            r"several|many) (\w+ )?(years?|months?|weeks?)|(first|second|third|fourth|\d+) weeks? "
            r"back",
        ),
        (
            M,
            r"(after|since) (my|the|a|an) (op|operation|surgery|injury|illness|hip|knee|bypass|"
            r"stroke|cancer|chemo|baby|pregnancy|covid|fracture|replacement|heart op|"
            r"break)|injur\w*|tendin\w*|physio\w*|rehab\w*|torn|tear|stress fracture|"
            r"(i am|i am getting) back to|"
            r"rebuild\w*|life back|legs back|lost my fitness",
        ),
    ),
}

# Cues that speak against a theme without negating one of its cues.
_AGAINST: dict[str, tuple[tuple[float, str], ...]] = {
    "numbers": (
        (
            S,
            r"(leave|left|leaving) (my |the )?(watch|garmin|phone) (at home|behind|in the "
            r"drawer)|(switch|switches|switched|switching|turn|turns|turned) (the |my )?(watch|"
            r"garmin|gps) off|(watch|garmin) (stays|is) (at home|in the drawer)|(do not|never) (own|wear|"
            r"use) (a |my )?(watch|garmin)|stopped wearing (my |a |the )?(watch|garmin)|"
            r"(ditched|binned) the (watch|garmin)|could not tell you my (pace|time)",
        ),
    ),
    "social": (
        (
            M,
            r"(on|by) my own|alone|solo|by myself|own company|introvert\w*|loner|cliquey|cliques?|"
            r"(can not|could not) chat|not a (club|group|people|social) (person|runner|type)",
        ),
    ),
    "places": (
        (S, r"(do not|never) (really )?(mind|care) where|treadmill is fine|anywhere will do"),
    ),
    "competition": (
        (
            S,
            r"(not|no) (a |much of a )?(racer|competitor)|no racer|(race|racing|compete|"
            r"competing|competitive) (\w+ ){0,2}(myself|the clock|my (own|old|previous) (times?|"
            r"self))|beat the (man|woman|person|runner) i was",
        ),
    ),
    "time_limited": (
        (
            S,
            r"plenty of time|all the time in the world|time (is|was) not (an? )?(issue|problem)|"
            r"no shortage of time|semi retired|retired|kids (are|have) (grown|left)|grown up|"
            r"left home|empty nest\w*|flexible|work from home|can run when(ever)? i (want|like)|"
            r"no problem|works fine|loads of time|lots of time|weekends are mine|kids are grown",
        ),
    ),
    "race_experience": ((S, r"not (there )?(for|about) the (medals?|crowds|atmosphere)"),),
}

# Phrases that void a theme's cues in their clause without counting against it.
_CANCEL: dict[str, str] = {
    "social": r"(hold|holding|holds|held|keeps?|keeping|kept) (me|it|things|myself|us) together|"
    r"act together|put together|pull (myself|it) together",
    "places": r"travel\w* (\w+ ){0,2}for work|work trips?|business trips?|hotel",
    "numbers": r"not the time|day out",
}

# Cues that only count under one question ("feel" under drive, "yes" under competition).
_QUESTION_CUES: dict[str, tuple[tuple[str, float, str], ...]] = {
    "drive": (
        (
            "feeling",
            M,
            r"feel|feels|feeling|feelings|vibes?|afterwards|after a run|the high|"
            r"the buzz|the calm|calm",
        ),
        ("numbers", M, r"times|results|targets|the numbers|my number"),
        ("consistency", M, r"the habit|habit"),
    ),
    "competition": (
        (
            "competition",
            M,
            r"^(yes|yeah|yep|absolutely|definitely|very much|very much so|"
            r"love it|i do|thrive on it|100)( ,|$)",
        ),
        (
            "race_averse",
            M,
            r"terrif\w*|scared|scary|nervous|anxious|panic|dread|pressure|"
            r"once was enough|never again|not for me|not my thing|no thanks|"
            r"can not stand|no chance|no way|not a chance|forget it|waste of|"
            r"would rather|rather be|ego|strangers|makes? my (chest|stomach)",
        ),
    ),
    "life_fit": (
        ("time_limited", W, r"kids|children|job|work|works|working|family|nurse|teacher"),
    ),
    "beyond_running": (("wellbeing", M, r"head|mind|mood"),),
}

_DREAM_CONTENT = (
    r"\b(run|runs|running|race|races|racing|marathons?|half|ultra\w*|km|mile|parkrun|ironman|"
    r"triathlon|trails?|streak|days|pb|pr|sub|qualif\w*|finish|complete|majors?|states|munros|"
    r"continents|leader|qualification|\d+)\b|" + _REGIONS + "|" + _CITIES
)
_JOURNEY_CONTENT = (
    r"\b(week \d+|day \d+|\d+ (weeks?|days?|months?|km|mile|minutes?|mins?)|working|building|"
    r"build|next|then|training|block|booked|signed|run walk|walk run|(first|second|third|"
    r"fourth|fifth) (week|month|day)|"
    r"so far|currently|started|starting|lessons?|getting|progress\w*|stepping|course|january|"
    r"february|march|april|may|june|july|august|september|october|november|december|spring|"
    r"summer|autumn|fall|winter|gradually|lengthen\w*|increas\w*|add|adding|trying|up to|"
    r"to go|toward|towards|from|plan for|plan to|training plan|marathon|half|km|mile|couch)\b"
)
_REJECT = (
    r"^(no|nope|nah|none|nothing|not really|not sure|not one|not on|not at the moment|not yet|"
    r"n a|do not (have|know)|i do not (have|know|really)|i am (content|happy as i am|not one)|"
    r"i have no|can not think|no idea)\b"
)

# --------------------------------------------------------------------------------------------
# Negation, tense and attribution.

_NEGATORS = frozenset(
    [
        "not",
        "no",
        "never",
        "nothing",
        "none",
        "nobody",
        "neither",
        "nor",
        "without",
        "hardly",
        "barely",
        "nah",
        "nope",
        "zero",
        "hate",
        "hated",
        "hates",
        "hating",
        "loathe",
        "detest",
        "dislike",
        "dislikes",
        "ignore",
        "ignores",
        "ignoring",
        "ignored",
        "avoid",
        "avoids",
        "avoiding",
        "stopped",
        "quit",
        "ditched",
        "dread",
        "dreading",
    ]
)
_MULTI_NEGATORS = re.compile(
    r"\b(had enough of|fed up with|sick of|gave up|give up|given up|no longer|put off|"
    r"turned off|leave me cold|over it)\b"
)
_NOT_NEGATION = re.compile(
    r"\b(not only|no doubt|never (miss|missed|misses|skip|skipped)|not (miss|missed|skip|"
    r"skipped)|(can|could) not wait|no matter|not to mention|never (get|gets|got) (tired|old|"
    r"bored)|never tire|nothing (beats|like|better|compares)|no better|not (bad|a bad)|"
    r"(do|would|did) not mind|never mind|no excuses?|(never|not) (stop|give up|quit)|"
    r"without (fail|stopping|walking|a walk|missing|a break|walk breaks?|breaks)|not walking|"
    r"never thought|never (imagined|dreamed|believed|expected)|did not (think|believe|know) i|"
    r"no (problem|worries)|not just|never have been)\b"
)
_POST_NEGATORS = frozenset(["not", "never", "nope", "nah", "bore", "bores", "bored"])
_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "really",
        "just",
        "ever",
        "honestly",
        "will",
        "would",
        "can",
        "could",
        "that",
        "much",
    ]
)
_BREAKS = frozenset(
    [
        "but",
        "though",
        "although",
        "however",
        "yet",
        "because",
        "cos",
        "cause",
        "since",
        "whereas",
        "while",
        "except",
        "unless",
        "so",
        "which",
        "who",
        "then",
        "just",
        "only",
        "instead",
        "than",
    ]
)
_SUBJECTS = frozenset(
    ["i", "we", "it", "that", "this", "they", "he", "she", "you", "my", "our", "running"]
)
_PAST = re.compile(
    r"\b(used to|back (then|in the day|when)|in my (20s|30s|40s|twenties|thirties|forties|"
    r"youth|younger days)|when i was (younger|young|a kid|at school)|years ago|decades ago|"
    r"in those days|at school|i was (a |an )?(decent|good|fast|quick|keen|sporty)|"
    r"gave (it|that) up)\b"
)
_OTHERS = re.compile(
    r"^(my|our|his|her|the) (wife|husband|hubby|partner|friends?|mates?|kids|son|daughter|coach|"
    r"doctor|gp|physio|mom|dad|sister|brother|boss|family|club|colleagues?)(?! and i)\b|"
    r"^(he|she|they|people|everyone|everybody|others|most people|some people)\b"
)
_CHANGE = re.compile(
    r"\b(now|nowadays|these days|anymore|any more|no longer|gave (it|that|them) up|"
    r"not (so|as) much)\b"
)
_DISMISS = re.compile(
    r"\b(you are having a laugh|having a laugh|as if|yeah right|fat chance|no chance|not a "
    r"chance|not likely|in my dreams|you must be joking|are you kidding|forget it|ha ha|lol no)\b"
)
_PLACE_NAME = re.compile(
    r"\b(?:run|runs|running|ran|race|racing|jog|jogging|trail|go|going|live|lives)\s+(?:\w+\s+){0,3}"
    r"(?:in|along|around|round|through|across|up|over|at|to)\s+(?:the\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|I)\b)"
    r"[A-Z][a-z]{2,}"
)
_HEDGE = re.compile(r"\b(i (should|ought to|am supposed to)|(people|everyone) (say|tell|think))\b")
_PREFERENCE_THEMES = frozenset(
    {"numbers", "feeling", "competition", "race_experience", "race_averse", "places"}
)
_NO_AGAINST = frozenset({"race_averse"})  # "I don't hate races" is not a love of them
_PAST_THEMES = _PREFERENCE_THEMES | {"social", "consistency"}
# Where a clause after "but" backs the opposite theme, the clause before it counts for less.
_OPPOSED = {
    "race_averse": ("race_experience", "competition"),
    "race_experience": ("race_averse",),
    "competition": ("race_averse",),
}

# --------------------------------------------------------------------------------------------
# Normalisation.

_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bain'?t\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (
        re.compile(
            r"\b(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need)nt\b"
        ),
        r"\1 not",
    ),
    (re.compile(r"\bi'?m\b"), "i am"),
    (re.compile(r"\bive\b"), "i have"),
    (re.compile(r"\b(it|that|there|what|here|he|she|who)'s\b"), r"\1 is"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'s\b"), ""),
    (re.compile(r"s'(?=\s|$)"), "s"),
)
_TOKEN = re.compile(r"\d+(?:[.:]\d+)*|[a-z]+|,")
_KM = frozenset(["k", "km", "kms", "kilometer", "kilometers", "klicks"])
_SPELLING = {
    "mum": "mom",
    "mums": "moms",
    "mummy": "mom",
    "colour": "color",
    "colours": "colors",
    "favourite": "favorite",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "programme": "program",
    "analyse": "analyze",
    "analysing": "analyzing",
    "travelling": "traveling",
    "travelled": "traveled",
    "counselling": "counseling",
    "socialise": "socialize",
    "socialising": "socializing",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "metres": "meters",
    "tromsø": "tromso",
    "organised": "organized",
    "realise": "realize",
    "realised": "realized",
    "ageing": "aging",
    "jewellery": "jewelry",
    "programmes": "programs",
    "oot": "out",
    "miles": "mile",
    "miler": "mile",
    "milers": "mile",
    "mpw": "mile per week",
    "kpw": "km per week",
}

# Longer cue words whose common typos are worth catching ("competative", "anxeity").
_FUZZY_WORDS = frozenset(
    [
        "numbers",
        "statistics",
        "metrics",
        "spreadsheet",
        "graphs",
        "splits",
        "garmin",
        "strava",
        "cadence",
        "threshold",
        "mileage",
        "personal",
        "records",
        "improve",
        "improvement",
        "running",
        "runner",
        "runners",
        "feeling",
        "feelings",
        "enjoy",
        "enjoying",
        "enjoyment",
        "freedom",
        "fresh",
        "pleasure",
        "happiness",
        "endorphins",
        "friends",
        "friend",
        "buddies",
        "colleagues",
        "together",
        "chatting",
        "natter",
        "community",
        "company",
        "social",
        "running",
        "club",
        "group",
        "volunteer",
        "volunteering",
        "trails",
        "mountains",
        "mountain",
        "hills",
        "countryside",
        "coastal",
        "coast",
        "beach",
        "seafront",
        "forest",
        "woodland",
        "canal",
        "scenery",
        "views",
        "explore",
        "exploring",
        "adventure",
        "travel",
        "traveling",
        "abroad",
        "holiday",
        "holidays",
        "vacation",
        "competitive",
        "competition",
        "compete",
        "competing",
        "competitor",
        "winning",
        "overtaking",
        "rivals",
        "podium",
        "placing",
        "league",
        "championships",
        "category",
        "atmosphere",
        "crowds",
        "cheering",
        "finisher",
        "medals",
        "medal",
        "marathon",
        "marathons",
        "parkrun",
        "events",
        "racing",
        "races",
        "anxiety",
        "anxious",
        "stress",
        "stressed",
        "depression",
        "depressed",
        "mental",
        "health",
        "therapy",
        "sanity",
        "burnout",
        "grief",
        "calmer",
        "calming",
        "confidence",
        "confident",
        "believe",
        "belief",
        "myself",
        "capable",
        "healthy",
        "weight",
        "cholesterol",
        "diabetes",
        "pressure",
        "doctor",
        "fitness",
        "longevity",
        "menopause",
        "busy",
        "hectic",
        "juggling",
        "squeeze",
        "squeezed",
        "squeezing",
        "commute",
        "shifts",
        "lunchtime",
        "limited",
        "dream",
        "dreams",
        "bucket",
        "always",
        "ambition",
        "someday",
        "ultra",
        "ironman",
        "currently",
        "training",
        "working",
        "building",
        "towards",
        "stepping",
        "routine",
        "habit",
        "streak",
        "consistent",
        "consistency",
        "regular",
        "regularly",
        "weekly",
        "without",
        "comeback",
        "returning",
        "injury",
        "injured",
        "surgery",
        "operation",
        "physio",
        "recovery",
        "recovering",
        "again",
        "interest",
        "interested",
        "bothered",
        "motivate",
        "motivates",
        "kilometers",
        "kilometer",
        "distance",
        "minutes",
        "seconds",
        "every",
        "morning",
        "saturday",
        "sunday",
        "tuesday",
        "thursday",
        "wednesday",
        "monday",
        "friday",
        "quarter",
        "personal",
        "bests",
    ]
)
# Real words one edit from a cue word: never "corrected" (generated from the system word list).
_PROTECTED = frozenset(
    [
        "acing",
        "adventured",
        "adventurer",
        "adventures",
        "afresh",
        "allays",
        "ambitions",
        "arcing",
        "asocial",
        "atmospheres",
        "avery",
        "banal",
        "batter",
        "beasts",
        "beats",
        "becket",
        "beech",
        "beets",
        "belch",
        "belie",
        "belied",
        "beliefs",
        "belies",
        "believed",
        "believer",
        "believes",
        "belts",
        "bench",
        "bents",
        "besets",
        "besots",
        "biddies",
        "bills",
        "binning",
        "bleach",
        "boast",
        "braces",
        "bracing",
        "braining",
        "breach",
        "brief",
        "broad",
        "bucked",
        "buckets",
        "budgies",
        "buildings",
        "burnous",
        "burnouts",
        "busby",
        "bushy",
        "busts",
        "cabal",
        "cadences",
        "calder",
        "calking",
        "caller",
        "calling",
        "calmed",
        "calving",
        "canals",
        "capably",
        "carnal",
        "catting",
        "championship",
        "chanting",
        "charting",
        "cheeking",
        "cheeping",
        "cheesing",
        "chills",
        "clubs",
        "coasts",
        "coats",
        "colleague",
        "comebacks",
        "commune",
        "commuted",
        "commuter",
        "commutes",
        "competed",
        "competes",
        "competitions",
        "competitors",
        "complete",
        "completing",
        "compote",
        "compute",
        "computing",
        "confidant",
        "confidences",
        "corking",
        "corning",
        "countrysides",
        "cowards",
        "cream",
        "creams",
        "croup",
        "crowd",
        "crowns",
        "crows",
        "cunning",
        "dental",
        "depresses",
        "depressions",
        "dills",
        "dinning",
        "distanced",
        "distances",
        "doctors",
        "draining",
        "drams",
        "dread",
        "dreads",
        "dreamt",
        "dreamy",
        "dunner",
        "dunning",
        "eight",
        "emery",
        "enjoyments",
        "enjoys",
        "envoy",
        "evens",
        "event",
        "evert",
        "explode",
        "exploding",
        "explored",
        "explorer",
        "explores",
        "faces",
        "facing",
        "fatness",
        "fatter",
        "feeding",
        "feedings",
        "felling",
        "fests",
        "fiend",
        "fiends",
        "fills",
        "finished",
        "finishers",
        "finishes",
        "flesh",
        "fores",
        "forests",
        "forking",
        "forrest",
        "fountain",
        "fountains",
        "freedoms",
        "fridays",
        "fried",
        "fueling",
        "funner",
        "gamin",
        "gills",
        "ginning",
        "graces",
        "gracing",
        "grapes",
        "graph",
        "gravel",
        "graveling",
        "griefs",
        "grieg",
        "groups",
        "grout",
        "gunner",
        "gunners",
        "gunning",
        "habits",
        "halls",
        "hatter",
        "hatting",
        "hearth",
        "heath",
        "heeling",
        "height",
        "hells",
        "hilly",
        "hilts",
        "hulls",
        "improved",
        "improvements",
        "improves",
        "injure",
        "injures",
        "inning",
        "insured",
        "interests",
        "inured",
        "jests",
        "jiggling",
        "joggling",
        "jugging",
        "keeling",
        "kills",
        "kilometre",
        "kilometres",
        "laces",
        "lacing",
        "latter",
        "leach",
        "leagued",
        "leagues",
        "lumbers",
        "lunchtimes",
        "maces",
        "macing",
        "matter",
        "meals",
        "medan",
        "medial",
        "meekly",
        "menial",
        "metal",
        "metals",
        "metric",
        "mileages",
        "millage",
        "mills",
        "minuets",
        "minuses",
        "minute",
        "minuted",
        "minuter",
        "minutest",
        "moaning",
        "modal",
        "modals",
        "mondays",
        "mooning",
        "mornings",
        "mothered",
        "motivated",
        "mourning",
        "muddies",
        "nattier",
        "nests",
        "netter",
        "number",
        "odium",
        "operations",
        "overtaxing",
        "paces",
        "pacing",
        "palmer",
        "palming",
        "patter",
        "peach",
        "pedal",
        "pedals",
        "peeling",
        "peelings",
        "persona",
        "personae",
        "personals",
        "pests",
        "physic",
        "pills",
        "pinning",
        "planing",
        "plating",
        "playing",
        "pleasured",
        "pleasures",
        "podiums",
        "pressured",
        "pressures",
        "punning",
        "quarters",
        "quartet",
        "raced",
        "racer",
        "racers",
        "racine",
        "racking",
        "racks",
        "rages",
        "raging",
        "rails",
        "raining",
        "rakes",
        "raking",
        "rapes",
        "raping",
        "rares",
        "raring",
        "rates",
        "rating",
        "ravel",
        "raveling",
        "raves",
        "raving",
        "razes",
        "razing",
        "reach",
        "reams",
        "record",
        "recover",
        "recovers",
        "reeling",
        "regulars",
        "relief",
        "relieve",
        "rental",
        "repressed",
        "repression",
        "rests",
        "revery",
        "rewords",
        "rices",
        "ricing",
        "rills",
        "rival",
        "rivas",
        "roast",
        "routines",
        "routing",
        "ruining",
        "runnel",
        "runnels",
        "runnier",
        "saturdays",
        "second",
        "shafts",
        "sheering",
        "shift",
        "shifty",
        "shills",
        "shirts",
        "shits",
        "sifts",
        "sills",
        "sinning",
        "slits",
        "socials",
        "sodium",
        "someway",
        "sorest",
        "spits",
        "splats",
        "splints",
        "split",
        "spreadsheets",
        "squeezer",
        "squeezes",
        "statistic",
        "steak",
        "steeping",
        "stopping",
        "straining",
        "strata",
        "streaks",
        "streaky",
        "stream",
        "stresses",
        "strews",
        "sundae",
        "sundas",
        "sundays",
        "sundry",
        "sunning",
        "swifts",
        "tails",
        "tatter",
        "teach",
        "tests",
        "thresholds",
        "thursdays",
        "tills",
        "tinning",
        "toast",
        "toward",
        "traces",
        "tracing",
        "trail",
        "trailing",
        "trains",
        "traits",
        "travelings",
        "travelling",
        "travels",
        "trawls",
        "tress",
        "trials",
        "tuesdays",
        "turnout",
        "twinning",
        "ultras",
        "vacations",
        "vanity",
        "vents",
        "vests",
        "vocation",
        "volunteers",
        "weakly",
        "wealth",
        "wealthy",
        "wednesdays",
        "weigh",
        "weighs",
        "weights",
        "weighty",
        "wests",
        "wight",
        "wills",
        "wincing",
        "winding",
        "winging",
        "wining",
        "winking",
        "winnings",
        "witness",
        "woodlands",
        "wording",
        "workings",
        "worming",
        "wright",
        "zests",
    ]
)


def _damerau1(a: str, b: str) -> bool:
    """True when a and b are at most one insertion, deletion, substitution or swap apart."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


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
    found = {word for word in found if _damerau1(token, word)}
    return found.pop() if len(found) == 1 else token


def _tokens(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    raw = _TOKEN.findall(text.replace("ø", "o"))
    out: list[str] = []
    for i, tok in enumerate(raw):
        if tok in _KM and i and raw[i - 1][0].isdigit():
            tok = "km"
        elif tok == "mi" and i and raw[i - 1][0].isdigit():
            tok = "mile"
        else:
            tok = _SPELLING.get(tok, tok)
            tok = _SPELLING.get(_correct(tok), _correct(tok))
        out.extend(tok.split())
    return out


# --------------------------------------------------------------------------------------------
# Cutting notes into quotable clauses.

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+|;|\s[-\u2013\u2014]+\s|\(|\)")
_CONTRAST = re.compile(
    r"(?:,\s*|\s)(?=(?:but|though|although|however|whereas|except|nowadays|these days)\b)|"
    r",\s*(?=yet\b)|(?:,\s*|\s)(?=now\s+(?:i|i'm|i've|we|it|running|my|just)\b)",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:but|though|although|however|whereas|and|so)\b[\s,]*", re.IGNORECASE)
_STRIP = " \t\n,;:-\u2013\u2014\"'"


def _spans(note: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of each clause, trimmed, as offsets into the note."""
    cuts, start = [], 0
    for match in _SENTENCE_END.finditer(note):
        end = match.end() if match.group().strip() in {".", "!", "?", "..."} else match.start()
        piece = note[start:end]
        if match.group().startswith("?") and len(piece.split()) <= 3:
            continue  # "Races? Not for me." stays one sentence
        cuts.append((start, end))
        start = match.end()
    cuts.append((start, len(note)))
    out = []
    for number, (s, e) in enumerate(cuts):
        bounds = [s] + [s + m.end() for m in _CONTRAST.finditer(note[s:e])] + [e]
        for cs, ce in zip(bounds, bounds[1:], strict=False):
            while cs < ce and note[cs] in _STRIP:
                cs += 1
            lead = _LEAD.match(note[cs:ce])
            if lead and lead.end() < ce - cs:
                cs += lead.end()
            while ce > cs and note[ce - 1] in _STRIP:
                ce -= 1
            if ce > cs and any(ch.isalnum() for ch in note[cs:ce]):
                out.append((cs, ce, number))
    return out


# --------------------------------------------------------------------------------------------
# Compiled patterns.


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w:])(?:" + pattern + r")(?![\w:])")


_COMPILED = {
    question: {
        theme: tuple(
            [(weight, _compile(p)) for weight, p in cues]
            + [(w, _compile(p)) for t, w, p in _QUESTION_CUES.get(question, ()) if t == theme]
        )
        for theme, cues in _CUES.items()
    }
    for question in QUESTION_KEYS
}
_COMPILED_AGAINST = {
    theme: tuple((weight, _compile(p)) for weight, p in cues) for theme, cues in _AGAINST.items()
}
_COMPILED_CANCEL = {theme: _compile(p) for theme, p in _CANCEL.items()}
_DREAM_RE = _compile(_DREAM_CONTENT)
_JOURNEY_RE = _compile(_JOURNEY_CONTENT)
_REJECT_RE = re.compile(_REJECT)


class _Clause:
    """One normalised clause, with where its negations reach."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
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
        self.past = bool(_PAST.search(self.text))
        self.dismissed_from = min((m.start() for m in _DISMISS.finditer(self.text)), default=-1)
        self.place_name = bool(_PLACE_NAME.search(text))
        self.others = bool(_OTHERS.search(self.text)) or bool(_HEDGE.search(self.text))

    def _index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def _breaks_before(self, i: int) -> bool:
        tok = self.tokens[i]
        if tok in _BREAKS:
            return True
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else ""
        return tok in {",", "and"} and nxt in _SUBJECTS

    def negated(self, start: int, end: int) -> bool:
        first, last = self._index(start), self._index(end - 1)
        if self.neg[first]:
            return False  # the cue carries its own negation: "no time", "never raced"
        if 0 <= self.dismissed_from >= end:
            return True  # "Podium? You're having a laugh."
        for i in range(first - 1, max(-1, first - 8), -1):
            if self._breaks_before(i):
                break
            if self.neg[i]:
                return True
        for tok in self.tokens[last + 1 : last + 5]:
            if tok in _POST_NEGATORS:
                return True  # "Races aren't my thing", "Data bores me rigid"
            if tok not in _AUXILIARIES:
                break
        return False


def _scan(clause: _Clause, cues) -> tuple[float, float]:
    """Best weight for and against among the cue patterns, honouring negation.

    A negated match inside a plain one does not count against ("I don't like the pressure of
    races" is one race_averse cue, not a negated "pressure of races").
    """
    plain, negated = [], []
    for weight, pattern in cues:
        for match in pattern.finditer(clause.text):
            hit = (weight, match.start(), match.end())
            (negated if clause.negated(match.start(), match.end()) else plain).append(hit)
    best = max((w for w, _, _ in plain), default=0.0)
    against = max(
        (w for w, s, e in negated if not any(ps < e and s < pe for _, ps, pe in plain)),
        default=0.0,
    )
    return best, against


def _clause_weights(
    clause: _Clause, question: str, rejected: bool, changed: bool
) -> dict[str, list[float]]:
    """{theme: [for, against]} for one clause under one question."""
    out: dict[str, list[float]] = {}
    for theme, cues in _COMPILED[question].items():
        pro, con = _scan(clause, cues)
        if theme in _NO_AGAINST:
            con = 0.0
        anti = max(
            (w for w, p in _COMPILED_AGAINST.get(theme, ()) if p.search(clause.text)), default=0.0
        )
        if theme == "numbers":
            numbers_anti = anti
        if anti or (theme in _COMPILED_CANCEL and _COMPILED_CANCEL[theme].search(clause.text)):
            pro = 0.0  # "Running clubs are cliquey": the anti-cue wins the clause
        out[theme] = [pro, max(con, anti)]
    love = out.pop("_race_love")[0]
    if love and not out["competition"][0]:
        out["race_experience"][0] = max(out["race_experience"][0], love)
    if question in ("big_dream", "journey"):
        theme = "big_dream" if question == "big_dream" else "on_journey"
        content = _DREAM_RE if question == "big_dream" else _JOURNEY_RE
        if rejected:
            out[theme][1] = max(out[theme][1], S)
        elif content.search(clause.text):
            out[theme][0] = max(out[theme][0], S)
    if clause.place_name:
        out["places"][0] = max(out["places"][0], M)  # "run along the Bosphorus"
    if question == "drive" and out["numbers"][1] and not out["numbers"][0]:
        # "I leave the watch at home" says feeling; "I couldn't care less about pace" hints it.
        out["feeling"][0] = max(out["feeling"][0], M if numbers_anti else W)
    if out["race_averse"][0]:
        out["competition"][0] = out["race_experience"][0] = 0.0
    for theme in out:
        factor = HOME_PRIOR if theme in _HOME[question] else 1.0
        if clause.past and theme in _PAST_THEMES:
            factor *= PAST_FACTOR if changed else OLD_FACTOR
        if clause.others and theme in _PREFERENCE_THEMES:
            factor *= OTHERS_FACTOR
        out[theme][0] = min(0.95, out[theme][0] * factor)
        out[theme][1] = min(0.95, out[theme][1] * (HOME_PRIOR if theme in _HOME[question] else 1))
    return out


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


def _notes(answers: Mapping[str, str | Sequence[str]]) -> list[tuple[str, str]]:
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
        notes = [value] if isinstance(value, str) else list(value)
        for note in notes:
            if not isinstance(note, str):
                raise TypeError(f"Notes under {question!r} must be text, not {type(note)!r}.")
            if note.strip():
                out.append((question, note))
    return out


def detect_themes(answers: Mapping[str, str | Sequence[str]]) -> list[Theme]:
    """Propose motivation themes for one round, strongest first, each with its quotes."""
    pro: dict[str, list[tuple[float, Evidence]]] = {t: [] for t in THEME_KEYS}
    con: dict[str, list[float]] = {t: [] for t in THEME_KEYS}
    for question, note in _notes(answers):
        for text, weights in _read_note(question, note):
            for theme, (w_for, w_against) in weights.items():
                if w_for:
                    pro[theme].append((w_for, Evidence(question, text)))
                if w_against:
                    con[theme].append(w_against)
    themes = []
    for theme in THEME_KEYS:
        score = _noisy_or(w for w, _ in pro[theme])
        score *= 1 - AGAINST_FACTOR * _noisy_or(con[theme])
        if score >= THRESHOLD:
            quotes = sorted(pro[theme], key=lambda item: -item[0])
            evidence = tuple(dict.fromkeys(quote for _, quote in quotes))[:MAX_EVIDENCE]
            themes.append(Theme(theme, round(score, 3), evidence))
    themes.sort(key=lambda t: (-t.score, t.key))
    return themes


def _read_note(question: str, note: str) -> list[tuple[str, dict[str, list[float]]]]:
    """Each clause of one note, quoted verbatim, with {theme: [weight for, weight against]}."""
    spans = _spans(note)
    clauses = [_Clause(note[s:e]) for s, e, _ in spans]
    rejected = bool(clauses) and bool(_REJECT_RE.search(clauses[0].text))
    changed = any(_CHANGE.search(c.text) for c in clauses)
    weights = [_clause_weights(c, question, rejected, changed) for c in clauses]
    for i, (_, _, sentence) in enumerate(spans):
        later = [weights[j] for j in range(i + 1, len(spans)) if spans[j][2] == sentence]
        for theme, opposed in _OPPOSED.items():
            if weights[i][theme][0] and any(w[o][0] for w in later for o in opposed):
                weights[i][theme][0] *= 0.5  # "Races terrify me but I ... loved the crowd"
    return [(note[s:e], w) for (s, e, _), w in zip(spans, weights, strict=True)]


def _noisy_or(weights) -> float:
    miss = 1.0
    for weight in weights:
        miss *= 1 - weight
    return 1 - miss
