"""Motivation themes read from a runner's brainstorm notes (DESIGN.md §1, step two).

Pure standard library: offline, deterministic, no model, a few milliseconds per round.

How a round is read:

1. Each note is cut into sentences, then into clauses at contrast words ("but", "though",
   "used to ... now"), keeping each clause's place in the note so it can be quoted verbatim.
2. A clause is normalised: lower case, contractions expanded ("don't" -> "do not"), km and
   miles folded ("10K", "10 kms" -> "10 km"), a few British spellings folded to American, and
   typos on longer words corrected against the cue vocabulary (one edit away).
3. Cue patterns per theme (the _LEXICON table) carry a weight. A cue in the scope of a negation
   ("I couldn't care less about pace") counts against its theme instead of for it; a cue in a
   clause about the past ("I used to chase PRs, now ...") or about someone else ("my husband
   loves his Garmin") counts for little; anti-cues ("plenty of time", "on my own") count
   against a theme.
4. The question a note sits under scales its weights: a hint, never the label.
5. A theme's score is the noisy-OR of its best cue per clause, reduced by the evidence against
   it; themes scoring at least THRESHOLD are proposed, with the clauses that support them.

Quality is measured by scripts/evaluate_themes.py on the labelled sets in devset/.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
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
PAST_FACTOR = 0.25  # "I used to chase PRs, now I just want to enjoy it"
OLD_FACTOR = 0.7  # "I used to race a lot and loved the whole day" (no change of heart)
OTHERS_FACTOR = 0.3  # "My husband is obsessed with his Garmin"
AGAINST_FACTOR = 0.7  # how much the evidence against a theme takes off its score
MAX_EVIDENCE = 5  # quotes kept per theme, strongest first


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
# The lexicon. One cue per entry: "theme WEIGHT regex", W/M/S as above. A line starting with
# spaces continues the regex above it (break only before a "|"). "@NAME" inserts a [define].
# Regexes run on normalised clauses: lower case, one space between tokens, commas kept as
# " , ", contractions expanded ("do not"), US spelling, units as "km" and "mile".
# [against]: phrases that count against a theme. [cancel]: phrases that void a theme's cues in
# their clause. [question KEY]: cues that count only under that question. "_race_love" is
# resolved to race_experience unless the clause is about competing ("racing and beating").

_LEXICON = r"""
[define PEOPLE]
(friends?|mates?|buddy|buddies|pals?|partner|husband|hubby|wife|son|sons|daughters?|sister
    |sisters|brother|brothers|kids|children|family|dad|mom|mother|father|grand(daughter|son|kids
    |children)s?|group|club|neighbors?|colleagues?|team|crew|girls|lads|ladies|gang|other people
    |others|him|her|them|me|us|each other|dog|dogs)
[define GROUP]
(club|group|crew|squad|gang|tribe|harriers|striders|joggers|crowd|community|ladies|girls|lads)
[define RACE]
(race|races|racing|events?|competitions|start lines?|mass starts?|bibs?|organized (runs|events))
[define REGIONS]
(lake district|peak district|yorkshire dales|dales|cotswolds|chilterns|south downs|north downs
    |ridgeway|snowdonia|eryri|brecon beacons|pen y fan|pembrokeshire|pennines|pennine way|dartmoor
    |exmoor|new forest|cornwall|devon|norfolk|northumberland|highlands|cairngorms|munros?|skye
    |ben nevis|snowdon|scafell|arthur seat|west highland way|thames path|coast to coast|camino
    |alps|dolomites|pyrenees|chamonix|rockies|rocky mountains|grand canyon|yosemite|zion|big sur
    |appalachian|central park|hyde park|richmond park|iceland|norway|sweden|finland|scotland
    |wales|ireland|france|spain|portugal|italy|greece|switzerland|austria|germany|japan
    |new zealand|australia|canada|kenya|ethiopia|south africa|morocco|patagonia|himalayas?
    |everest|kilimanjaro|sahara|antarctica|hawaii|alaska|colorado|vermont|utah|oregon
    |california|the states|every state|every continent|every county|every country)
[define CITIES]
(london|berlin|paris|rome|lisbon|barcelona|madrid|valencia|seville|amsterdam|dublin|edinburgh
    |glasgow|brighton|manchester|york|bath|oxford|cambridge|boston|chicago|new york|tokyo|sydney
    |dubai|prague|vienna|copenhagen|stockholm|oslo|reykjavik|tromso|cape town|venice|florence
    |athens|budapest|krakow|san francisco|los angeles|honolulu|istanbul)
[define PLACE_WORDS]
(trails?|fells?|mountains?|hills?|hilly|moors?|moorland|coast|coastal|coastline|beach|beaches
    |seafront|seaside|promenade|cliffs?|forests?|woods|woodland|woodlands|countryside|canal
    |towpath|riverside|river|lakes?|lakeside|lochs?|fjords?|glens?|peaks?|summits?|ridges?
    |valleys?|national parks?|nature reserve|scenery|scenic|views?|vistas?|landscapes?|sunrise
    |sunset|desert|canyon|islands?|waterfalls?|heath|parkland|off road|paths?|routes?|farm tracks
    |railway (line|path)|bridleways?|country lanes|lanes|fields|meadows|greenways?)
[define PLACE_LIKE]
(love|loves|loved|lovely|want|wants|would love|like to|dream|favorite|miss|beautiful|stunning
    |gorgeous|glorious|explore|exploring|new|somewhere|anywhere|never get bored|never tire|best
    |magic|magical|special|wild|remote|peaceful|amazing|breathtaking|incredible)
[define FREQUENCY]
((\d+|one|two|three|four|five|six) ?(x|times|runs|days|mornings|evenings) (a|per|each) week)

[cues]
numbers S (numbers?|data|stats?|statistics|metrics|spreadsheet|graphs?|charts?|splits) (person
    |guy|man|woman|girl|nerd|geek|junkie|freak|fiend|addict|driven|obsessed|obsessive|lover)
numbers S (nerd|geek|junkie|obsessed|obsessive|addicted|hooked|fixated) (on|with|about
    |over) (\w+ ){0,2}(numbers|data|stats|statistics|metrics|splits|graphs?|charts?|pace|times?
    |pbs?|prs?|watch|garmin|strava|mileage)
numbers S spreadsheets?|(log|logs|logged|logging|track|tracks|tracked|tracking|record
    |records) (every|each|all|everything|my (runs|miles|mile|km|mileage|times|pace|progress))
    |(keep|keeps|kept|keeping) a (log|diary|record|tally|spreadsheet)|ticking off (the )?(mile
    |miles|km|runs)
numbers S (check|checks|checking|checked|look|looks|looking|looked|pore|poring|stare|staring
    |study|studying|anal[sy][sz]\w*|obsess|obsessing|geek|scroll|scrolling) ((at|over|out
    |through|on|in) )?(\w+ ){0,2}(stats|statistics|data|graphs?|charts?|splits|metrics|numbers
    |garmin|strava|watch|heart rate|pace|times?|results|training load|app)
numbers S (love|like|loves|likes|enjoy|enjoys|loved|adore) (\w+ ){0,3}(numbers|data|stats
    |statistics|metrics|graphs?|charts?|splits|pbs?|prs?|gadgets)
numbers S (watch|watching|see|seeing|saw) (\w+ ){0,3}(pace|time|times|mileage|mile|km|numbers
    |heart rate|splits|weeks|graph|progress) (\w+ ){0,2}(drop|dropping|fall|falling|come down
    |coming down|go down|going down|go up|going up|improve|improving|add up|adding up|fill up
    |tick|ticking|creep|creeping|trend|trending)
numbers S (mileage|mile|km|numbers) (\w+ )?(add|adding|adds|added|tick|ticking|creep
    |creeping|stack|stacking) up|(time|times) (come|comes|coming|came|go|going) down
numbers S (chase|chasing|chased|hunt|hunting|go for|going for|beat|beating|improve
    |improving) (\w+ ){0,2}(pbs?|prs?|(my|a) (\d+ km |marathon |half )?times?|personal bests?
    |seconds)
numbers S (knock|knocks|knocked|knocking|take|takes|took|taking|taken|shave|shaves|shaved
    |shaving|chip|chipped|chipping|cut|cutting|get|got) (\d+ |a few |a couple of |some |a
    |\w+ )?(minutes?|mins?|seconds?|secs?) off
numbers S (compete|competing|competitive|race|racing|beat|beating|against) (\w+ ){0,2}(myself
    |the clock|the watch|my (own|old|previous|last) (times?|self|pbs?|prs?)|the (man|woman
    |runner|person) i was|my younger self)|the clock is my
numbers S (average|avg|target|goal) (pace|speed|heart rate)|pace per|mins? per (km|mile)
    |minutes? per (km|mile)|\d+ minute (km|mile)s?|(\d+|\d+:\d+) (min )?(km|mile) pace
numbers M pbs?|prs?|personal (bests?|records?)|course records?|(race|finish|finishing|target
    |goal|marathon|half|km|parkrun) times?|(my|own|previous) times|old times(?! sake)|the clock
    |(running|training) (log|diary)|logbook|my (little )?(diary|notebook)|measur\w*
    |list person|check ?list
    |tick\w* (them|it|\w+) off|(a|my) number to (aim|chase|hit|beat)
    |(that is|is) (the|my) (one )?number
    |(the|my) (one )?number i|numbers? i care about|(\d+) (mile|km) (by|in) (december|the end of)
    |track (much|anything|my|it|everything|every)
numbers M numbers|data|stats|statistics|metrics|graphs?|charts?|splits?|negative splits?|pace
    |mileage|weekly volume|annual (mileage|total)
numbers M garmin|strava|coros|polar|suunto|apple watch|fitbit|runalyze|stryd|whoop
    |training ?peaks|smashrun|nike run club|runkeeper|chest strap|gps|foot ?pod|upload\w*
    |sync\w*
numbers M (heart rate|hr) (zones?|data|variability|training|monitor)|zone 2|zones|hrv|vo 2 max
    |vo 2|lactate|threshold|cadence|power meter|training load|race predictor|age grad\w*
    |resting heart rate|bpm
numbers M sub \d+|under \d+:\d+|under \d+ (hours?|minutes?|mins?)|break(ing)? \d+|(go|get|going
    |getting|run|finish\w*) under|\d+:\d+(:\d+)?(?! (am|pm))|good for age|gfa|bq|qualif\w* (time
    |times|standard|for (boston|london))|the qualifier|qualified for
numbers W faster|quicker|speed|fast|quick|progress|improve\w*|improvement|tempo|intervals
    |fartlek|\d+s and \d+s|my watch|the watch|gadgets?|structured|control freak|(\d+|\w+) (mile
    |km) (a|per|each|this) (week|month|year)|mpw
feeling S how (it|running|i|my body|my legs|a run|the run|that|they) (feels?|felt|feel)|(the
    |that) feeling|feeling of|the sensation|by feel|on feel|see how i feel|(love|like|enjoy
    |adore) (the )?(feeling|sensation|rhythm|movement|flow|freedom)|good for the soul
feeling S feel (free|alive|good|great|amazing|light|wonderful|fantastic|brilliant|human
    |like flying|like a kid)|(feels?|felt|feeling) (so |really )?(good|great|amazing|free|alive
    |wonderful|fantastic|brilliant|light|easy|natural|right|effortless)
    |(go|run|running) (by|on) (my )?(breathing|breath|effort|feel|how i feel)
feeling S (pure|sheer|simple|real) (joy|pleasure|love|fun|bliss|happiness)|joy|joyful|joyous
    |bliss|for (the )?(fun|joy|love|pleasure|hell) of it|love of (running|the sport)
feeling S enjoy\w* (it|running|the running|my running|the run|my runs|every (run|step|minute
    |mile)|each run|runs|myself|being|moving)|run naked|without a watch|no watch
feeling M freedom|free feeling|runners? high|endorphins|post run (buzz|glow|high)|in the zone
    |fresh air|being (out|outside|outdoors|out there|out in)|out (in|on) the (hills|fells|trails
    |air|rain|sun|woods)|(rain|sun|sunshine|wind|breeze) on my (face|skin)|(like|love
    |enjoy) being (out|outside|outdoors|on|in)|in the rain|the elements|listen\w* to my body
    |(how|what) my (body|legs) (feels?|says|tells)|no pressure|run free|unplugged|just (run
    |running) (and|for)|(feel|feels|felt) like flying|floating|lost in (it|the run|my thoughts)
feeling W enjoy\w*|fun(?! runs?)|play|playful|happy|happiness|smile|smiling|smiles|grin|grinning
    |laugh\w*|relax\w*|(?<!would )(love|like) (to run|running|my running|every run)|i just run
    |nature|soul
social S (run|runs|running|ran|train|trains|training|trained|jog|jogging|go|going|went|out|do
    |did|doing) (\w+ ){0,5}(with|alongside) (my |our |a |the |some |other )?(\w+ )?@PEOPLE
social S running (club|group|buddy|buddies|partner|partners|pal|pals|friend|friends|mates?|crew
    |community|family)|run club|(club|group) (run|runs|mates|friends|members|sessions?|nights?
    |social)|(my|our) (?!age )(\w+ )?@GROUP|(the|a|local|women|ladies|church|work|office|parkrun
    |saturday|sunday|beginners|walking) @GROUP|my people
social M with (my |our |the |some |a )?(\w+ )?(friends?|mates?|buddy|buddies|pals?|partner
    |husband|hubby|wife|son|sons|daughters?|sister|sisters|brother|brothers|kids|children|family
    |dad|mom|mother|father|grand(daughter|son|kids|children)s?|group|club|neighbors?|colleagues?
    |team|crew|girls|lads|ladies|gang|other people|others)
social M together|with each other|as a (group|family|couple|team)|[a-z]+ and i (run|ran|train
    |go|went|do|are|have|will|want|make|started|start|did|plan|meet)|me and my \w+|with (me|us
    |him|her|them)\b|companionship|company of|with others
social M chat|chats|chatting|chatted|natter\w*|gossip\w*|craic|banter|catch up|catching up
    |social|sociali[sz]\w*|sociable|community|camaraderie|friendships?|belong\w*|girls weekend
    |lads weekend|meet (up|new people|friends)|made (\w+ )?friends|(same|friendly
    |familiar) faces|coffee (after|afterwards)|cafe|the pub after|(push|pushing|take|taking
    |bring|bringing) (my |the )?(\w+ )?(grandson|granddaughter|son|daughter|baby|kids)
social M volunteer\w*|marshal\w*|tail (walker|runner)|run leader|lirf|(coach
    |coaching) (the )?(juniors|kids|beginners|group|others)|pac(e|ing) (my |a )?(friend|mate
    |wife|husband|buddy)|guide runner|(start|set up) a (group|club)|help\w* (others|people
    |beginners)
social W friends?|mates|buddies|pals|colleagues|company|the ladies|the lads|team|relay
places S destination (race|races|marathon|marathons|half|halves)|every (state|county|country
    |continent)|run\w* (in|at|along|around|round|up|across|through|over|to) (the )?@CITIES
    |where (i|we|my \w+) (grew up|live|lives|lived|was born|come from|comes from|(is|are
    |was) from)
places S @PLACE_LIKE ([\w,]+ ){0,8}@PLACE_WORDS|@PLACE_WORDS ([\w,]+ ){0,8}@PLACE_LIKE
places M @REGIONS|explore|exploring|sightseeing|see (so )?much more of|new routes?
    |somewhere (new|different|beautiful|warm|exotic)|new places|adventures?|travel\w*|abroad
    |overseas|holidays?|vacations?|trips?|the scenery|running holiday
places W @PLACE_WORDS
places V @CITIES
places S end to end|(the )?length of|the whole of
competition S competitive|competitor|thrive on (it|competition|racing)|race\w* to win
    |bragging rights|overtak\w+|pick\w* (people|them|runners|others) off|reel\w* (people|them
    |others) in|(chase|chasing|hunt|hunting) (people|them|runners|others) down
    |beat\w* (\w+ ){0,2}(people|others|him|her|them|rivals?|mates?|friends?|lads|guys|girls
    |someone|anyone|everyone|my (brother|sister|husband|wife|friend|mate|son|daughter|dad
    |old rival|nemesis))
    |the thrill of (the )?(race|racing|chase|competition)|(where|how) i (came|finished|placed)
    |kick out of (overtaking|beating|passing)|hate (losing|being (beaten|overtaken|passed
    |chicked))|sore loser|(love|like|loves|likes) (to )?win\w*|nemesis|the race within
competition S (win|won|winning|placing|placed|podium|prizes?|medal\w*) (\w+ ){0,3}(age group
    |age category|category|division|[mfvw] \d\d)|age (group|category) (win|wins|winner|prizes?
    |placings?|podium|medals?|awards?|places?|positions?)
competition M compete|competing|competition|win|wins|winning|won|winner|rival\w*|podium
    |placings?|top (\d+|ten|three)|[mfvw] \d\d|league|championships?|champs|masters|leaderboard
    |segments?|kom|qom|local legend|prizes?|trophy|trophies|pipped|outsprint\w*|sprint finish
    |age (group|category|division)
race_experience S atmosphere|(race|races|racing|events?) ([\w,]+ ){0,4}for the (?!win|time|times|pb
    |pbs|pr|podium|placing|clock|prize|sheer|pure|love|joy|fun of)[a-z]+|(there|in it|do it|do
    |them|be) for the (fun|atmosphere|day out|experience|craic|social|cake|medals?|bling|buzz
    |party|crowds?|t shirt|snacks|photos|views|occasion)|(love|like|enjoy|adore) the (buzz
    |energy|crowds?|atmosphere|cheering|start line|finish line|race day|medals?|bling|occasion)
race_experience M crowds?|cheer\w*|spectators|bling|finisher\w*|(race|finisher) medals?
    |wall of (them|medals)|medal (wall|collection|hanger)|goody bags?|swag|aid stations?|t shirts?
    |race days?|race weekends?|day out|the buzz|the energy|the party|the occasion
    |high fiv\w*|fun runs?|color run|charity (run|race)s?|race for life|fancy dress|costume
    |turkey trots?|matching (hats|shirts|outfits|costumes)
    |there for the (?!win|time|times|pb|prs?|podium)[a-z]+
    |themed (run|race)s?|majors|back of the pack\w*|mid ?pack|middle of the pack
    |never near the front|not (fast|quick) enough to (win|place)|not about the (time|clock)
race_experience W medals?|ballot|signed up|sign up|start lines?|finish lines?
_race_love M (love|loves|loved|like|likes|liked|enjoy|enjoys|enjoyed|adore
    |live for) (\w+ ){0,2}(race|races|racing|events|race day|start lines?
    |finish lines?)|(enter|do|run) (a lot of|a few
    |loads of|lots of
    |the odd|an occasional|plenty of) (\w+ )?(race|races|events?)|the odd (\w+ )?race
race_averse S (hate|hated|hates|loathe|detest|dislike|dread|can not stand|could not stand|avoid
    |not a fan of|not keen on|no interest in|no desire to|put off by|not like|not enjoy
    |see the point of) (\w+ ){0,3}@RACE
race_averse S @RACE (\w+ ){0,3}(terrify|terrifies|scare|scares|stress me|stresses me|panic
    |make me (panic|anxious|nervous|sick)|are not (really )?(my thing|for me|my cup of tea
    |my scene)|not for me|not my thing|boring|pointless|a waste)
race_averse S (never|not|will not|would not) (do|enter|run|go in for) (a |any )?(\w+ )?(race
    |races|event|events)
race_averse S (never|not|will not|would not|wo not) (\w+ )?(race|raced|enter
    |entering) (\w+ ){0,2}(again|never will|races?|events?)|never raced|rather not (race|pin
    |enter|do)|rather (\w+ ){0,8}than (enter|do|run|race)|once was enough|never again
    |pressure of (races|racing|a race|events)|(no|without) (crowds|bibs?|race numbers?)
    |not see the point of them|not a racer
race_averse M too (much|many) (\w+ ){0,3}(at|in) (races|events)|(races|events) (are|feel) (too
    |so) (\w+ )?(expensive|crowded|busy|stressful|serious|competitive)|(idea
    |thought) of (a |the )?@RACE (\w+ ){0,2}(makes?|gives?) (me|my)
race_averse W too many people|faff
wellbeing S mental (health|wellbeing|well being)|my (head|mind|mood|sanity|nerves)|head ?space
    |clear\w* (my|the) (head|mind)|head (clear|clears|empties|straight)|sane|sanity|therapy
    |therapist|counseling|stress\w*|anxiety|anxious|depress\w*|low (mood|days|patch)|dark (days
    |times|place)|black dog|burn ?out|grief|griev\w*|bereave\w*|sertraline|citalopram
    |antidepressants?|panic attacks?|overwhelm\w*|wrecked my mood|ptsd|adhd
wellbeing M cope|coping|calm\w*|unwind\w*|decompress\w*|switch off|me time|time for me|antidote
    |outlet|release|reset|recharge|sanctuary|lifeline|saved me|saving grace|is my (church
    |medicine|meditation)|head in order|(that is|is) mine|my (hour|time)|a break from|escape
    |breather|peace|takes the edge off|holding me together|go under|out of the house|chaos
    |chaotic|mood|worr\w*|lost my (wife|husband|partner|mom|dad|son|daughter)|menopause
    |perimenopause|the edge off|mindful\w*|meditat\w*|thinking time|process (things|it)
    |keeps me (level|balanced|grounded|steady)|bad days?|happy pills?|black clouds?|lonely
    |loneliness|isolat\w*
wellbeing W died|divorce|widowed
confidence S confiden\w+|self (belief|esteem|worth|confidence|respect)|believe in myself
    |belief in myself|believe i can|(lost|losing|regain\w*|get back|rebuild\w*) (my |some )?(nerve
    |belief|self)|trust (my|in my) body|comfort zone|stronger than i (thought|knew|realized)
confidence M (prove|proving|proved) (to )?(myself|i can|that i|i am|i could)|can do hard things
    |capable|something i was good at|good at something|shy|self conscious|body image|imposter
    |not sporty|never sporty|picked last|the fat kid|speak up|stand taller|walk taller
    |stood up for|feel like (me|myself) again|still me
    |feel (strong|capable|powerful) again|(new|better|stronger) (me|person|version)
    |never thought i (could|would)|did not think i could|surprised myself|empower\w*|brave
    |courage|spills? over into|i can (still )?do (things|it|this|anything|hard)|taller|(any
    |some) good at|(reali[sz]\w*|found out|discovered|learned) i (could|can|am|was)
    |tougher than i|stronger than i (look|thought)|embarrass\w*|ashamed|fraud|never (been
    |was) (sporty|athletic|a runner)|(call|calling) myself a runner|real runner|proud of myself
    |badass|identity
health S (?<!mental )health|healthy|heart (attack|scare|condition|disease|surgery|op|operation
    |health|problem|issues?)|bypass|stent|cardiolog\w*|cardiac|blood pressure|cholesterol
    |statins?|diabet\w*|prediabet\w*|type 2|a 1 c|hba 1 c|blood sugar|glucose|metformin|insulin
    |lose weight|losing weight|lost weight|weight (off|loss|down)|\d+ ?(kg|lb|lbs|pounds|stone
    |kilos) (down|lost|off|lighter)|lost (\d+|a lot of|\w+) (kg|lb|lbs|pounds|stone|kilos
    |weight)|bmi|obes\w*|overweight|bone density|osteopor\w*|arthritis|longevity|live longer
    |off (my )?(meds|medication|tablets)|be around (for|to)|see my (\w+ )?(grow up|grandkids
    |grandchildren)|independen\w*|fatty liver
health M weight|bones?|my balance|balance and|joints?|knees working|mobility|(keep|keeping
    |keeps) my (knees|joints|legs|body|heart|hips|back) (going|working|healthy|moving|young
    |strong)|(stay|keep|staying|keeping) (fit|healthy|active|mobile|moving|well)|fit enough
    |keep moving|aging well|grandkids|grandchildren|sleep|asthma|lungs|cancer|chemo
    |smok(e|er|ers|ing|ed)
    |cigarettes|liver|kidneys?|(blood|liver|kidney|sugar) (numbers|levels|results|tests?)|grandad
    |grandpa|granny|grandma|nana|(still|be able to) (\w+ ){0,4}at (6|7|8|9)\d
    |wake up call|falls clinic|at my age|menopause|perimenopause|without pain|pain free
    |my body back|dress size|waist|stroke|tablets
health W doctor|gp|the nurse|nurse said|consultant said|fitness
time_limited S busy|hectic|manic|juggl\w*|squeez\w*|fit (it|runs?|running|them|training) in
    |fits? (in )?around|(no|little|limited|not much|not enough|short on|tight on|pressed for
    |strapped for|no spare|hardly any
    |not a lot of) time|time (is|was) (tight|short|limited|precious|scarce)
    |(hard|struggle|difficult|tough) to (find|make) (the )?time|find the time|(long|crazy
    |unsocial|antisocial) hours|shift work|night shifts?|on call|ft job|full time|single (mom
    |parent|dad)|school runs?|drop ?off|carer|caring for|care for (my )?(mom|dad|mother|father
    |parents?|husband|wife)|travel\w* (a lot )?for work|or nothing|not much (left|spare) (of|in)
    |(never|not|barely) (\w+ )?(have|had|get|got|find) (the |much |enough )?time|if i am lucky
    |feast or famine
    |evenings and weekends only|(absolute )?max right now|is what i can manage|look (after
    |after the) (\w+ )?(kids|children|grandchildren|grandkids)|(two|2|three|3) jobs
    |has to be (first thing|early|before)|(\w+) on (\w+) off|all over the place|irregular hours
    |long (days|shifts|hours) (at work|in the \w+|at the \w+)|long working (days
    |hours)|work long (days|hours)|time poor|(small|narrow|tiny) window|here and there
    |grab (a|an) (run|hour)|snatch\w*
    |stretched|overtime|childcare|ferrying|(hard to|can not) commit
time_limited M shifts?|nights|rota|(\d+|two|three|four|five) (kids|children|teens|teenagers|boys
    |girls)|kids under|toddlers?|newborn|commut\w*|ft \w+|lunch ?(break|hour)s?|at lunch|(during
    |in) (my )?lunch|when they nap|when i can|whenever i can|barely|some weeks|days off
    |can (only )?manage|(only|just|literally) (\d+|one|two|three|an?) (\w+ )?(minutes?|mins?
    |hours?|runs?)|the (absolute )?max|at most|work is (brutal|crazy|mad|full on)|deadlines
    |packed|unpredictable
time_limited W before (work|dawn|the kids)|first thing|\d+ ?am|\d+ ?pm
big_dream S dream|dreams|dreaming|bucket list|the itch|an itch|always wanted|ambition|one day (i
    |i would|i will)|all six majors|six star|(every|all \d+|the \d+) (states|continents|majors
    |munros|countries|counties)|ultimate goal|the big one|before i die|life goal
    |once in a lifetime
big_dream W i would like to (run|do)
big_dream M one day|someday|some day|ultra\w*|ironman|comrades|utmb|bob graham
    |marathon des sables|\d+ mile race|100 mile|(before|by the time) i (turn|am|hit|reach) \d+
    |for my \d+(st|nd|rd|th)|would love to (run|do|race)|good for age
    |bq|boston|lejog|jogle|coast to coast|run across
on_journey S (currently|right now|at the moment) (\w+ )?(training|in week|on week|doing|building
    |working|following)|(in|on) week \d+|week \d+ of|(working|building) (my way |back )?(up )?(to
    |towards?)|next step|training (for|plan|block)|stepping stone|return to run\w*|couch to 5 km
    |c 25 km|\d+ (week|day|month) (plan|block)|so far|\d+ (weeks|days|months) in|(i am
    |now) (up )?(at|on|to) \d+|im up to|on track|milestones?
on_journey M signed up|booked|halfway|walk run|run walk|building up|gradually|lengthen\w*
    |next (is|up|goal)|(a|my) plan|to go\b|step by step|progressing
consistency S routine|habit|habits|streak|without fail|never miss\w*|not (missed|miss) a
    |without missing|not missing|no matter what|rain or shine|consistent\w*|consistency|regular
    |regularly|(show|showing|shows|turn|turning) up|non negotiable|same (time|route|days)|rhythm
    |every (morning|day|evening|week|weekday|weekend|monday|tuesday|wednesday|thursday|friday
    |saturday|sunday)|run my mile|daily run|(keep|keeping) (it|the habit) (up|alive|going)
    |keeping at it|keep at it|never (skip|skipped|skips)
    |not skipped|without skipping|stick (with|to) it|discipline|structure|like clockwork|religiously
    |brushing my teeth|ticking over|committed|commitment
consistency S (get back to|back to|keep|keeping|stick to|sticking to|maintain\w*|hold|hit
    |never less than|at least) (\w+ ){0,2}@FREQUENCY
consistency M (monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? , (\w+ ){0,2}(monday
    |tuesday|wednesday|thursday|friday|saturday|sunday)|keep going|keep it up|add (a
    |another) (second|third|fourth|fifth|sixth) run
consistency W @FREQUENCY
comeback S (come|coming|came|get|getting|got|ease|easing|eased) back (in)?to (running|it
    |the sport|fitness)|comeback|(come|coming|came) back (to|from|after|into)|(started|starting
    |start) (running )?again|return\w* to (running|run)|return to run\w*|(after|since) (\d+|a
    |two|three|four|five|ten|fifteen|twenty|many|some|a few) (\w+ )?(years?|months?|weeks?) (off
    |out|away|break)|(years|months|weeks) (off|out)|since i (last )?(ran|raced|run)|years since
    |first week back|first (\w+ )?run (back
    |after|since)|(to|be able to) run again|run again|getting (my|back) (life|fitness|legs) back
    |back (up )?after the (op|operation|surgery|injury|bypass)|back running|running again
    |off for (a|an|\d+|two|three|six|several|many) (\w+ )?(years?|months?|weeks?)|(first|second
    |third|fourth|\d+) weeks? back|after (a|my) (long )?(break|gap|hiatus|layoff)|hiatus|lapsed
    |fell off the wagon|back on (track|the wagon)|from scratch|start over|starting over
comeback M (after|since) (my|the|a|an) (op|operation|surgery|injury|illness|hip|knee|bypass
    |stroke|cancer|chemo|baby|pregnancy|covid|fracture|replacement|heart op|break)|injur\w*
    |tendin\w*|physio\w*|rehab\w*|torn|tear|stress fracture|(i am|i am getting) back to
    |rebuild\w*|life back|legs back|lost my fitness|sidelined|rusty
    |post ?(op|surgery|operation)|ruptur\w*
comeback W post ?(natal|partum)

[against]
numbers S (leave|left|leaving) (my |the )?(watch|garmin|phone) (at home|behind|in the drawer)
    |(switch|switches|switched|switching|turn|turns|turned) (the |my )?(watch|garmin|gps) off
    |(watch|garmin) (stays|is) (at home|in the drawer)|(do not|never) (even |really )?(own
    |wear|use) (a |my )?(watch|garmin)|stopped wearing (my |a |the )?(watch|garmin)
    |(ditched|binned) the (watch
    |garmin)|without a watch|no watch|run naked
social M (on|by) my own|alone|solo|by myself|own company|introvert\w*|loner|cliquey|cliques?
    |(can not|could not) chat|not a (club|group|people|social) (person|runner|type)
places S (do not|never) (really )?(mind|care) where|treadmill is fine|anywhere will do
competition S (not|no) (a |much of a )?(racer|competitor)|no racer|(race|racing|compete
    |competing|competitive) (\w+ ){0,2}(myself|the clock|my (own|old|previous) (times?|self))
    |beat the (man|woman|person|runner) i was|the clock is my
time_limited S plenty of time|all the time in the world|time (is|was) not (an? )?(issue|problem)
    |no shortage of time|semi retired|retired|kids (are|have) (grown|left)|grown up|left home
    |empty nest\w*|flexible|work from home|can run when(ever)? i (want|like)|no problem
    |works fine|loads of time|lots of time|weekends are mine|kids are grown|time on my hands
race_experience S not (there )?(for|about) the (medals?|crowds|atmosphere)

[cancel]
social - (hold|holding|holds|held|keeps?|keeping|kept) (me|it|things|myself|us) together
    |act together|put together|pull (myself|it) together|play with|(with|walk|walking) (the
    |my) dogs?
places - travel\w* (\w+ ){0,2}for work|work trips?|business trips?|hotel
numbers - not the time|day out|not about the (time|clock)|(liver|blood|kidney|sugar) (numbers
    |levels)
race_averse - ^(?!.*\b(race|races|racing|events?)\b).*\b(competition|competitive|compete
    |competing)\b

[question drive]
feeling M feel|feels|feeling|feelings|vibes?|the high|the buzz|the calm|calm
numbers M times|results|targets|the numbers|my number
consistency M the habit|habit

[question big_dream]
big_dream M marathon|marathons|ballot|abroad|\d+ (km|mile) (ultra|race)

[question competition]
competition M ^(yes|yeah|yep|absolutely|definitely|very much|very much so|love it|i do
    |thrive on it|100)( ,|$)
race_averse M terrif\w*|scared|scary|nervous|anxious|panic|dread|pressure|once was enough
    |never again|not for me|not my thing|no thanks|can not stand|no chance|no way|not a chance
    |forget it|waste of|would rather|rather be|ego|strangers|makes? my (chest|stomach)
    |makes? me (feel )?(sick|ill|anxious|nervous)

[question life_fit]
time_limited W kids|children|job|work|works|working|family|nurse|teacher

[question beyond_running]
wellbeing M head|mind|mood
"""

_WEIGHTS = {"S": S, "M": M, "W": W, "V": V, "-": 0.0}


def _parse_lexicon(text: str) -> dict[str, list[tuple[str, float, str]]]:
    """{section: [(theme, weight, regex)]} with every @NAME expanded."""
    entries: list[list] = []
    for line in text.strip().splitlines():
        if not line.strip():
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif line.startswith(" "):
            entries[-1][3] += line.strip()
        elif section.startswith("define"):
            entries.append([section, section.split()[1], 0.0, line.strip()])
        else:
            name, weight, regex = line.split(" ", 2)
            entries.append([section, name, _WEIGHTS[weight], regex])
    defines = {name: regex for section, name, _, regex in entries if section.startswith("define")}
    table: dict[str, list[tuple[str, float, str]]] = {}
    for section, name, weight, regex in entries:
        regex = re.sub(r"@([A-Z_]+)", lambda m: defines[m.group(1)], regex)
        table.setdefault(section, []).append((name, weight, regex))
    return table


def _compile(pattern: str) -> re.Pattern[str]:
    """A cue matches whole tokens only."""
    return re.compile(r"(?<![\w:])(?:" + pattern + r")(?![\w:])")


_TABLE = _parse_lexicon(_LEXICON)
_CUES = {
    question: {
        theme: tuple(
            (weight, _compile(regex))
            for section in ("cues", f"question {question}")
            for name, weight, regex in _TABLE.get(section, ())
            if name == theme
        )
        for theme in (*THEME_KEYS, "_race_love")
    }
    for question in QUESTION_KEYS
}
_AGAINST = {
    theme: tuple((w, _compile(regex)) for name, w, regex in _TABLE["against"] if name == theme)
    for theme in THEME_KEYS
}
_CANCEL = {name: _compile(regex) for name, _, regex in _TABLE["cancel"]}


def _define(name: str) -> str:
    return _TABLE[f"define {name}"][0][2]


# The big_dream and journey questions: any answer about running counts, unless it declines.
_DREAM_CONTENT = _compile(
    r"run|runs|running|race|races|racing|marathons?|half|ultra\w*|km|mile|parkrun|ironman"
    r"|triathlon|trails?|streak|days|pb|pr|sub|qualif\w*|finish|complete|majors?|states|munros"
    r"|continents|leader|qualification|\d+|level|form|shape|fitness|my best|"
    + _define("REGIONS")
    + "|"
    + _define("CITIES")
)
_JOURNEY_CONTENT = _compile(
    r"week \d+|day \d+|\d+ (weeks?|days?|months?|km|mile|minutes?|mins?)|working|building|build"
    r"|next|then|training|block|booked|signed|run walk|walk run|(first|second|third|fourth"
    r"|fifth) (week|month|day)|so far|currently|started|starting|lessons?|getting|progress\w*"
    r"|stepping|course|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|spring|summer|autumn|fall|winter|gradually|lengthen\w*|increas\w*|add"
    r"|adding|trying|up to|to go|toward|towards|from|plan for|plan to|training plan|marathon"
    r"|half|km|mile|couch|longer|further|practi[cs]\w*|prepar\w*|each (week|month)"
    r"|(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several) (weeks?|months?)"
)
_OPEN_QUESTIONS = {
    "big_dream": ("big_dream", _DREAM_CONTENT),
    "journey": ("on_journey", _JOURNEY_CONTENT),
}
_HEDGED = re.compile(r"^(maybe|perhaps|possibly|i suppose|might)\b|\bno (hurry|rush)\b")
_DECLINE = re.compile(
    r"^(no|nope|nah|none|nothing|not really|not sure|not one|not on|not at the moment|not yet"
    r"|n a|do not (have|know)|i do not (have|know|really)|i am (content|happy as i am|not one)"
    r"|i have no|can not think|no idea)\b"
)
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
# Negation, tense and attribution.

_NEGATORS_TEXT = """
    not no never nothing none nobody neither nor without hardly barely nah nope zero hate hated
    hates hating loathe detest dislike dislikes ignore ignores ignoring ignored avoid avoids
    avoiding stopped quit ditched dread dreading
"""
_NEGATORS = frozenset(_NEGATORS_TEXT.split())
_MULTI_NEGATORS = re.compile(
    r"\b(had enough of|fed up with|sick of|gave up|give up|given up|no longer|put off"
    r"|turned off|leave me cold|over it|who cares|(hopeless|terrible|rubbish|useless) (with|at)"
    r"|bored (by|of|with))\b"
)
# Negation words that negate nothing: "never miss", "can't wait", "without stopping".
_NOT_NEGATION = re.compile(
    r"\b(not only|no doubt|never (miss|missed|misses|skip|skipped)|not (miss|missed|skip"
    r"|skipped)|(can|could) not wait|no matter|not to mention|never (get|gets|got) (tired|old"
    r"|bored)|never tire|nothing (beats|like|better|compares)|no better|not (bad|a bad)|(do"
    r"|would|did) not mind|never mind|no excuses?|(never|not) (stop|give up|quit)|without (fail"
    r"|stopping|walking|a walk|missing|a break|walk breaks?|breaks)|not walking|never thought"
    r"|never (imagined|dreamed|believed|expected)|did not (think|believe|know) i|no (problem"
    r"|worries)|not just|never have been"
    r"|not (a lot|much|many) of|not many|(quit|stopped|gave up|give up|given up) (smoking|drinking"
    r"|cigarettes|alcohol|booze))\b"
)
# After a cue, past auxiliaries: "Races aren't my thing", "Pace is irrelevant".
_POST_PHRASES = re.compile(
    r"\b(leaves? me cold|do nothing for me|does nothing for me|means? nothing|not for me"
    r"|not my thing|bores? me|can go hang|not bothered)\b"
)
_POST_NEGATORS_TEXT = "not never nope nah bore bores bored irrelevant overrated pointless boring"
_POST_NEGATORS = frozenset(_POST_NEGATORS_TEXT.split())
_AUXILIARIES_TEXT = "is are was were do does did has have had really just ever honestly will"
_AUXILIARIES = frozenset((_AUXILIARIES_TEXT + " would can could that much").split())
_BREAKS_TEXT = "but though although however yet because cos cause since whereas while except"
_BREAKS = frozenset((_BREAKS_TEXT + " unless so which who then just only instead than").split())
_SUBJECTS = frozenset(["i", "we", "it", "that", "this", "they", "he", "she", "you", "my", "our"])
_PAST = re.compile(
    r"\b((?<!get )(?<!getting )(?<!got )(?<!am )(?<!is )(?<!are )(?<!be )used to(?! it\b)"
    r"|back (then|in the day|when)|in my (20|30|40) s|in my (twenties|thirties|forties|youth"
    r"|younger days)|when i was (younger|young|a kid|at school)|years ago|decades ago"
    r"|in those days|at school|i was (a |an )?(decent|good|fast|quick|keen|sporty)"
    r"|gave (it|that) up)\b"
)
_CHANGE = re.compile(
    r"\b(now|nowadays|these days|anymore|any more|no longer|gave (it|that|them) up"
    r"|not (so|as) much)\b"
)
_DISMISS = re.compile(
    r"\b(you are having a laugh|having a laugh|as if|yeah right|fat chance|no chance"
    r"|not a chance|not likely|in my dreams|you must be joking|are you kidding|forget it)\b"
)
_OTHERS = re.compile(
    r"^(my|our|his|her|the) (wife|husband|hubby|partner|friends?|mates?|kids|son|daughter|coach"
    r"|doctor|gp|physio|mom|dad|sister|brother|boss|family|club|colleagues?)\b(?! and i\b)"
    r"|^(he|she|they|people|everyone|everybody|others|most people|some people)\b"
    r"|\b(i (should|ought to|am supposed to)|(people|everyone) (say|tell|think))\b"
)
# A capitalised place after a running verb, read on the original text: "run along the Bosphorus".
_PLACE_NAME = re.compile(
    r"\b(?:run|runs|running|ran|race|racing|jog|jogging|go|going|live|lives)\s+(?:\w+\s+){0,3}?"
    r"(?:in|along|around|round|through|across|up|over|at|to)\s+(?:the\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|I)\b)"
    r"[A-Z][a-z]{2,}"
    r"|\b[A-Z][a-z]+(?:'s)?(?:\s+[A-Z][a-z]+)*\s+(?:Wall|Way|Path|Trail|Ridge|Round|Fell|Pike"
    r"|Peak|Canyon|Lake|Loch|Island|Isle|Coast|Park|Forest|Mountains?|Hills|Falls|Valley|Gorge"
    r"|Bay|Beach|Head|Point|Glen|Moor|Downs|Seat)\b"
)
# "The data is nice but it's not why I do it": the clause after "but" takes back the one before.
_NOT_WHY = re.compile(
    r"^(it is |that is |they are )?not (really )?(why|what|the reason|the point|what (drives"
    r"|gets|motivates|matters))\b"
)
_PREFERENCE_THEMES = frozenset(
    {"numbers", "feeling", "competition", "race_experience", "race_averse", "places"}
)
_PAST_THEMES = _PREFERENCE_THEMES | {"social", "consistency"}
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
# Normalisation.

_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bain'?t\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (
        re.compile(r"\b(do|does|did|is|are|was|were|have|has|had|could|would|should|need)nt\b"),
        r"\1 not",
    ),
    (re.compile(r"\bi'?m\b"), "i am"),
    (re.compile(r"\bive\b"), "i have"),
    (re.compile(r"\b(it|that|there|what|here|he|she|who)'s\b"), r"\1 is"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'s\b"), ""),
)
_WITH = re.compile(r"\bw/\s*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_TOKEN = re.compile(r"\d+(?:[.:]\d+)*|[a-z]+|,")
_KM = frozenset(["k", "km", "kms", "kilometer", "kilometers", "klicks"])
_SPELLING = {
    "mum": "mom",
    "mums": "moms",
    "mummy": "mom",
    "colour": "color",
    "favourite": "favorite",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "programme": "program",
    "travelling": "traveling",
    "travelled": "traveled",
    "counselling": "counseling",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "metres": "meters",
    "ageing": "aging",
    "organised": "organized",
    "oot": "out",
    "miles": "mile",
    "miler": "mile",
    "milers": "mile",
    "mpw": "mile per week",
    "kpw": "km per week",
}

# Longer cue words whose typos are worth catching ("competative", "anxeity", "numbrs").
_FUZZY_TEXT = """
    numbers statistics metrics spreadsheet graphs splits garmin strava cadence threshold mileage
    personal records improve improvement running runner runners feeling feelings enjoy enjoying
    enjoyment freedom fresh pleasure happiness endorphins friends friend buddies colleagues
    together chatting natter community company social club group volunteer volunteering trails
    mountains mountain hills countryside coastal coast beach seafront forest woodland canal
    scenery views explore exploring adventure travel traveling abroad holiday holidays vacation
    competitive competition compete competing competitor winning overtaking rivals podium
    placing league championships category atmosphere crowds cheering finisher medals medal
    marathon marathons parkrun events racing races anxiety anxious stress stressed depression
    depressed mental health therapy sanity burnout grief calmer calming confidence confident
    believe belief myself capable healthy weight cholesterol diabetes pressure doctor fitness
    longevity menopause busy hectic juggling squeeze squeezed squeezing commute shifts lunchtime
    limited dream dreams bucket always ambition someday ultra ironman currently training working
    building towards stepping routine habit streak consistent consistency regular regularly
    weekly without comeback returning injury injured surgery operation physio recovery
    recovering again interest interested bothered motivate motivates kilometers kilometer
    distance minutes seconds every morning saturday sunday tuesday thursday wednesday monday
    friday bests
"""
_FUZZY_WORDS = frozenset(_FUZZY_TEXT.split())
# Real words one edit from a cue word, never "corrected": made by checking every word of
# Debian's wamerican and wbritish lists (5+ letters) against _FUZZY_WORDS with _within_one.
_PROTECTED_TEXT = """
    acing adventured adventurer adventures afresh allays ambitions arcing asocial atmospheres
    avery banal batter beasts beats becket beech beets belch belie belied beliefs belies
    believed believer believes belts bench bents besets besots biddies bills binning bleach
    boast braces bracing braining breach brief broad bucked buckets budgies buildings burnous
    burnouts busby bushy busts cabal cadences calder calking caller calling calmed calving
    canals capably carnal catting championship chanting charting cheeking cheeping cheesing
    chills clubs coasts coats colleague comebacks commune commuted commuter commutes competed
    competes competitions competitors complete completing compote compute computing confidant
    confidences corking corning countrysides cowards cream creams croup crowd crowns crows
    cunning dental depresses depressions dills dinning distanced distances doctors draining
    drams dread dreads dreamt dreamy dunner dunning eight emery enjoyments enjoys envoy evens
    event evert explode exploding explored explorer explores faces facing fatness fatter feeding
    feedings felling fests fiend fiends fills finished finishers finishes flesh fores forests
    forking forrest fountain fountains freedoms fridays fried fueling funner gamin gills ginning
    graces gracing grapes graph gravel graveling griefs grieg groups grout gunner gunners
    gunning habits halls hatter hatting hearth heath heeling height hells hilly hilts hulls
    improved improvements improves injure injures inning insured interests inured jests jiggling
    joggling jugging keeling kills kilometre kilometres laces lacing latter leach leagued
    leagues lumbers lunchtimes maces macing matter meals medan medial meekly menial metal metals
    metric mileages millage mills minuets minuses minute minuted minuter minutest moaning modal
    modals mondays mooning mornings mothered motivated mourning muddies nattier nests netter
    number odium operations overtaxing paces pacing palmer palming patter peach pedal pedals
    peeling peelings persona personae personals pests physic pills pinning planing plating
    playing pleasured pleasures podiums pressured pressures punning raced racer racers racine
    racking racks rages raging rails raining rakes raking rapes raping rares raring rates rating
    ravel raveling raves raving razes razing reach reams record recover recovers reeling
    regulars relief relieve rental repressed repression rests revery rewords rices ricing rills
    rival rivas roast routines routing ruining runnel runnels runnier saturdays second shafts
    sheering shift shifty shills shirts shits sifts sills sinning slits socials sodium someway
    sorest spits splats splints split spreadsheets squeezer squeezes statistic steak steeping
    stopping straining strata streaks streaky stream stresses strews sundae sundas sundays
    sundry sunning swifts tails tatter teach tests thresholds thursdays tills tinning toast
    toward traces tracing trail trailing trains traits travelings travelling travels trawls
    tress trials tuesdays turnout twinning ultras vacations vanity vents vests vocation
    volunteers weakly wealth wealthy wednesdays weigh weighs weights weighty wests wight wills
    wincing winding winging wining winking winnings witness woodlands wording workings worming
    wright zests
"""
_PROTECTED = frozenset(_PROTECTED_TEXT.split())


def _within_one(a: str, b: str) -> bool:
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
    found = {word for word in found if _within_one(token, word)}
    return found.pop() if len(found) == 1 else token


def _tokens(text: str) -> list[str]:
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


# --------------------------------------------------------------------------------------------
# Cutting notes into quotable clauses.

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+|;|\s[-\u2013\u2014]+\s|\(|\)")
_CONTRAST = re.compile(
    r"(?:,\s*|\s)(?=(?:but|though|although|however|whereas|except|nowadays|these days)\b)"
    r"|,\s*(?=yet\b)|(?:,\s*|\s)(?=now\s+(?:i|i'm|i've|we|it|running|my|just)\b)",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:but|though|although|however|whereas|and|so)\b[\s,]*", re.IGNORECASE)
_STRIP = " \t\n,;:-\u2013\u2014\"'"


def _spans(note: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of each clause, trimmed, as offsets into the note."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(note):
        keep = match.group().strip()[:1] in {".", "!", "?"}
        end = match.end() if keep else match.start()
        if match.group().startswith("?") and len(note[start:end].split()) <= 3:
            continue  # "Races? Not for me." stays one sentence
        sentences.append((start, end))
        start = match.end()
    sentences.append((start, len(note)))
    out = []
    for number, (s, e) in enumerate(sentences):
        bounds = [s] + [s + m.end() for m in _CONTRAST.finditer(note[s:e])] + [e]
        for cs, ce in zip(bounds, bounds[1:], strict=False):
            while cs < ce and note[cs] in _STRIP:
                cs += 1
            lead = _LEAD.match(note[cs:ce])
            if lead and lead.end() < ce - cs:
                cs += lead.end()
            while ce > cs and note[ce - 1] in _STRIP:
                ce -= 1
            if any(ch.isalnum() for ch in note[cs:ce]):
                out.append((cs, ce, number))
    return out


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
        self.others = bool(_OTHERS.search(self.text))
        self.dismissed_at = min((m.start() for m in _DISMISS.finditer(self.text)), default=-1)
        self.place_name = bool(_PLACE_NAME.search(text))
        self.post_phrase = {self._index(m.start()) for m in _POST_PHRASES.finditer(self.text)}

    def _index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def _breaks_before(self, i: int) -> bool:
        """Whether token i closes the scope of a negation before it."""
        tok = self.tokens[i]
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else ""
        if tok == ",":  # a list goes on ("pace, splits or PBs"), a new statement does not
            return not {"or", "nor", "and"} & set(self.tokens[i + 1 : i + 5]) or nxt in _SUBJECTS
        return tok in _BREAKS or (tok == "and" and nxt in _SUBJECTS)

    def negated(self, start: int, end: int) -> bool:
        """Whether the cue at [start, end) of self.text is in the scope of a negation."""
        first, last = self._index(start), self._index(end - 1)
        if self.neg[first]:
            return False  # the cue carries its own negation: "no time", "never raced"
        if self.dismissed_at >= end:
            return True  # "Podium? You're having a laugh."
        for i in range(first - 1, max(-1, first - 8), -1):
            if self._breaks_before(i):
                break
            if self.neg[i]:
                return True
        for i in range(last + 1, min(len(self.tokens), last + 5)):
            if self.tokens[i] in _POST_NEGATORS or i in self.post_phrase:
                return True  # "Races aren't my thing", "Numbers leave me cold"
            if self.tokens[i] not in _AUXILIARIES:
                break
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
    for weight, pattern in cues:
        for match in pattern.finditer(clause.text):
            hit = (weight, match.start(), match.end())
            (plain if lack or not clause.negated(*match.span()) else negated).append(hit)
    against = [w for w, s, e in negated if not any(ps < e and s < pe for _, ps, pe in plain)]
    return [max((w for w, _, _ in plain), default=0.0), max(against, default=0.0)]


def _clause_weights(
    clause: _Clause, question: str, note: tuple[bool, bool, bool]
) -> dict[str, list[float]]:
    """{theme: [weight for, weight against]} for one clause under one question.

    `note` says whether the clause's note declines the question ("No big dream, no."), hedges
    it ("Maybe a glow run") and tells of a change of heart ("..., now I just run").
    """
    declined, hedged, changed = note
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
    _settle_races(out)
    if question in _OPEN_QUESTIONS:
        theme, content = _OPEN_QUESTIONS[question]
        if declined:
            out[theme][1] = max(out[theme][1], S)
        elif content.search(clause.text):
            out[theme][0] = max(out[theme][0], W if hedged else S)
    if clause.place_name:
        out["places"][0] = max(out["places"][0], M)
    if question == "drive" and out["numbers"][1] and not out["numbers"][0]:
        # "I leave the watch at home" says feeling; "I couldn't care less about pace" hints it.
        out["feeling"][0] = max(out["feeling"][0], M if anti["numbers"] else W)
    _scale(out, clause, question, changed)
    return out


def _settle_races(out: dict[str, list[float]]) -> None:
    """One clause about races backs one of competition, race_experience and race_averse."""
    love = out.pop("_race_love")[0]
    if out["competition"][0] and out["race_experience"][0] < S:
        out["race_experience"][0] = 0.0  # "I won my division at the Turkey Trot"
    elif love:
        out["race_experience"][0] = max(out["race_experience"][0], love)
    if out["race_averse"][0]:
        out["competition"][0] = out["race_experience"][0] = 0.0


def _scale(out: dict[str, list[float]], clause: _Clause, question: str, changed: bool) -> None:
    """Apply the question's hint, and discount the past and other people's motivations."""
    for theme, weights in out.items():
        home = HOME_PRIOR if theme in _HOME[question] else 1.0
        factor = home
        if clause.past and theme in _PAST_THEMES:
            factor *= PAST_FACTOR if changed else OLD_FACTOR
        if clause.others and theme in _PREFERENCE_THEMES:
            factor *= OTHERS_FACTOR
        weights[0] = min(0.95, weights[0] * factor)
        weights[1] = min(0.95, weights[1] * home)


def _read_note(question: str, note: str) -> list[tuple[str, dict[str, list[float]]]]:
    """Each clause of one note, quoted verbatim, with {theme: [weight for, weight against]}."""
    spans = _spans(note)
    clauses = [_Clause(note[s:e]) for s, e, _ in spans]
    declined = bool(clauses) and bool(_DECLINE.search(clauses[0].text))
    hedged = any(_HEDGED.search(c.text) for c in clauses)
    changed = any(_CHANGE.search(c.text) for c in clauses)
    weights = [_clause_weights(c, question, (declined, hedged, changed)) for c in clauses]
    for i, (_, _, sentence) in enumerate(spans):
        later = [weights[j] for j in range(i + 1, len(spans)) if spans[j][2] == sentence]
        if i + 1 < len(spans) and later and _NOT_WHY.search(clauses[i + 1].text):
            for theme in _PREFERENCE_THEMES:
                weights[i][theme] = [0.0, max(weights[i][theme])]
        for theme, opposed in _OPPOSED.items():
            if weights[i][theme][0] and any(w[o][0] for w in later for o in opposed):
                weights[i][theme][0] *= 0.5  # "Races terrify me but I ... loved the crowd"
    return [(note[s:e], w) for (s, e, _), w in zip(spans, weights, strict=True)]


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


def detect_themes(answers: Mapping[str, str | Sequence[str]]) -> list[Theme]:
    """Propose motivation themes for one round, strongest first, each with its quotes.

    `answers` maps question keys (any subset of QUESTION_KEYS) to one note or a list of notes.
    Raises ValueError for an unknown question key or a note that is not text.
    """
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
