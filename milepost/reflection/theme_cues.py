"""The data behind milepost.reflection.themes: the cue table (word lists are in theme_words).

Pure data (strings, and pairs of strings): themes.py parses, compiles and applies it.
"""

# The lexicon. One cue per entry: "theme WEIGHT regex", WEIGHT one of S, M, W, V (strong,
# medium, weak, very weak; themes.py sets the values) or "-" in [cancel]. A line starting with
# spaces continues the regex above it (break only before a "|", never after a space: each line
# is stripped); a line starting with "#" is a comment. "@NAME" inserts a [define NAME]. Regexes
# run on normalised clauses: lower case, one space between tokens, commas kept as " , ",
# contractions expanded ("do not"), US spelling, units as "km" and "mile". [against]: phrases
# that count against a theme. [cancel]: phrases that void a theme's cues in their clause.
# [question KEY]: cues that count only under that question. "_race_do" (taking part in a race)
# counts only when negated, for race_averse. "_race_love" is resolved to
# race_experience unless the clause is about competing ("racing and beating"); "_race_scene"
# and "_race_win" count for race_experience and competition only in a note about races or under
# the racing question ("the crowds", "a win": not "a win for my head"). [phrase NAME]: a
# pattern the reader itself applies (see themes.py).

LEXICON = r"""
[define PEOPLE]
(friends?|mates?|buddy|buddies|pals?|partner|husband|hubby|wife|son|sons|daughters?|sister|sisters
    |brother|brothers|kids|children|family|dad|mom|mother|father|grand(daughter|son|kids
    |children)s?|moms|dads|parents|group|club|neighbors?|colleagues?|team|crew|girls|lads|ladies
    |gang|other people|others|him|her|them|me|us|each other|dog|dogs)
[define GROUP]
(club|group|crew|squad|gang|tribe|harriers|striders|joggers|crowd|community|ladies|girls|lads)
[define RACE]
(race|races|racing|events?|competitions|start lines?|mass starts?|bibs?|race numbers?
    |pin\w* (on )?(a |my |the )?(race )?(number|bib)( on)?|organized (runs|events))
# People as a bunch: what "I love those ladies" or "a lovely bunch" is fond of (not a place).
[define FOLK]
(ladies|girls|lads|people|friends|mates|gang|crew|group|club|women|men|guys|folk|bunch|lot)\b
[define REACTION]
(makes? me (feel )?(physically )?(sick|ill|queasy|anxious|nervous|panicky|panic|shaky|itch|itchy
    |cringe|shudder|want to (hide|cry|run away))|gives? me (the )?(fear|jitters|creeps|heebie
    |anxiety|ick|hives)|fills? me with dread|terrify|terrifies|scare|scares|stress me|stresses me
    |panic)
[define REGIONS]
(lake district|peak district|yorkshire dales|dales|cotswolds|chilterns|south downs|north downs
    |ridgeway|snowdonia|eryri|brecon beacons|pen y fan|pembrokeshire|pennines|pennine way|dartmoor
    |exmoor|new forest|cornwall|devon|norfolk|northumberland|highlands|cairngorms|munros?|skye
    |ben nevis|snowdon|scafell|arthur seat|west highland way|thames path|coast to coast|camino|alps
    |dolomites|pyrenees|chamonix|rockies|rocky mountains|grand canyon|yosemite|zion|big sur
    |appalachian|central park|hyde park|richmond park|iceland|norway|sweden|finland|scotland|wales
    |ireland|france|spain|portugal|italy|greece|switzerland|austria|germany|japan|new zealand
    |australia|canada|kenya|ethiopia|south africa|morocco|patagonia|himalayas?|everest|kilimanjaro
    |sahara|antarctica|hawaii|alaska|colorado|vermont|utah|oregon|california|the states|every state
    |every continent|every county|every country)
[define CITIES]
(london|berlin|paris|rome|lisbon|barcelona|madrid|valencia|seville|amsterdam|dublin|edinburgh
    |glasgow|brighton|manchester|york|bath|oxford|cambridge|boston|chicago|new york|tokyo|sydney
    |dubai|prague|vienna|copenhagen|stockholm|oslo|reykjavik|tromso|cape town|venice|florence
    |athens|budapest|krakow|san francisco|los angeles|honolulu|istanbul)
[define PLACE_WORDS]
(trails?|fells?|mountains?|hills?|hilly|moors?|moorland|coast|coastal|coastline|beach|beaches
    |seafront|seaside|promenade|cliffs?|forests?|woods|woodland|woodlands|countryside|canal|towpath
    |riverside|river|lakes?|lakeside|lochs?|fjords?|glens?|peaks?|summits?|ridges?|valleys?
    |national parks?|nature reserve|scenery|scenic|views?|vistas?|landscapes?|sunrise|sunset|desert
    |canyon|islands?|waterfalls?|heath|parkland|off road|paths?|routes?|farm tracks|railway (line
    |path)|bridleways?|country lanes|lanes|fields|meadows|greenways?|harbou?r|quayside|sea|seawall
    |ocean|shore|shoreline|waterfront|estuary|dunes|bay|headland|marsh\w*|cities|towns|villages)
[define PLACE_LIKE]
(love|loves|loved|lovely|want|wants|would love|like to|dream|favorite|miss|beautiful|stunning
    |gorgeous|glorious|explore|exploring|new|somewhere|anywhere|never get bored|never tire|magic
    |magical|special|wild|remote|peaceful|amazing|breathtaking|incredible|especially)
# A setback a runner may be coming back from: "after chemo", "since my third was born".
[define SETBACK]
((after|since|(weeks?|months?|years?) (on|out) from|(after|since) (\w+ ){0,2}(weeks?|months?
    |years?) of) (my |the |a |an |her |his )?(last )?(op|operation|surgery|injury|illness|hip|knee
    |bypass|stroke|cancer|chemo|chemotherapy|radiotherapy|treatment|baby|babies|twins|pregnancy
    |birth|covid|long covid|fracture|replacement|heart op|break|hysterectomy|mastectomy|(broken
    |fractured|torn|sprained|ruptured|bad) \w+)|(after|since) (my|our|the) (\w+ )?(was born|arrived
    |came along))
[define NUM]
(\d+|(twenty|thirty|forty|fifty) (one|two|three|four|five|six|seven|eight|nine)|one|two|three|four
    |five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety|half an|an|a
    |a couple of|a few)
[define TIME_SPAN]
lockdown|pandemic|covid|winter|summer|spring|autumn|fall|year|month|week|season|holidays?|term
    |january|february|march|april|may|june|july|august|september|october|november|december
    |(\d+ |two |three |four |five |six )?(days?|weeks?|months?|years?)

[define FREQUENCY]
((\d+|one|two|three|four|five|six) ?(\w+ )?(x|times|runs|days|mornings|evenings) (a|per|each) week)

[cues]
numbers S (numbers?|data|stats?|statistics|metrics|spreadsheet|graphs?|charts?|splits) (person|guy
    |man|woman|girl|nerd|geek|junkie|freak|fiend|addict|driven|obsessed|obsessive|lover)
numbers S (nerd|geek|junkie|obsessed|obsessive|addicted|hooked|fixated) (on|with|about
    |over) (\w+ ){0,2}(numbers|data|stats|statistics|metrics|splits|graphs?|charts?|pace|times?
    |pbs?|prs?|watch|garmin|strava|mileage)
numbers S spreadsheets?|(log|logs|logged|logging|track|tracks|tracked|tracking|record
    |records) (every|each|all|everything|my (runs|miles|mile|km|mileage|times|pace|progress))|(keep
    |keeps|kept|keeping) a (log|diary|record|tally|spreadsheet)|ticking off (the )?(mile|miles|km
    |runs)
numbers S (check|checks|checking|checked|look|looks|looking|looked|pore|poring|stare|staring|study
    |studying|anal[sy][sz]\w*|obsess|obsessing|geek|scroll|scrolling) ((at|over|out|through|on
    |in) )?(\w+ ){0,2}(stats|statistics|data|graphs?|charts?|splits|metrics|numbers|garmin|strava
    |watch|heart rate|pace|times?|training load|app)
numbers S (love|like|loves|likes|enjoy|enjoys|loved|adore) (\w+ ){0,3}(numbers|data|stats
    |statistics|metrics|graphs?|charts?|splits|pbs?|prs?|gadgets)
numbers S (watch|watching|see|seeing|saw) (\w+ ){0,3}(pace|time|times|mileage|mile|km|kilometers
    |numbers|heart rate|splits|weeks|graph|progress) (\w+ ){0,2}(drop|dropping|fall|falling
    |come down|coming down|go down|going down|go up|going up|improve|improving|add up|adding up
    |fill up|tick|ticking|creep|creeping|trend|trending)
numbers S (mileage|mile|km|kilometers|numbers) (\w+ )?(add|adding|adds|added|tick|ticking|creep
    |creeping|stack|stacking) up|(time|times) (come|comes|coming|came|go|going) down
numbers S (chase|chasing|chased|hunt|hunting|go for|going for|beat|beating|improve
    |improving) (\w+ ){0,2}(pbs?|prs?|(my|a) (\d+ km |marathon |half )?times?|personal bests?
    |seconds)
numbers S (knock|knocks|knocked|knocking|take|takes|took|taking|taken|shave|shaves|shaved|shaving
    |chip|chipped|chipping|cut|cutting|get|got) (\d+ |a few |a couple of |some |a|\w+ )?(minutes?
    |mins?|seconds?|secs?) off
numbers S (compete|competing|competitive|race|racing|beat|beating|against) (\w+ ){0,2}(myself
    |the clock|the watch|my (own|old|previous|last) (times?|self|pbs?|prs?)|the (man|woman|runner
    |person) i was|my younger self)|the clock is my
numbers S (average|avg|target|goal) (pace|speed|heart rate)|pace per|mins? per (km|mile)
    |minutes? per (km|mile)|\d+ minute (km|mile)s?|(\d+|\d+:\d+) (min )?(km|mile) pace
numbers M pbs?|prs?|personal (bests?|records?)|course records?|(race|finish|finishing|target|goal
    |marathon|half|km|parkrun) times?|(my|own|previous) times|old times(?! sake)|the clock|(running
    |training) (log|diary)|logbook|my (little )?(diary|notebook)|measur\w*|list person|check ?list
    |tick\w* (them|it|\w+) off|(a|my) number to (aim|chase|hit|beat)|(that is|is) (the
    |my) (one )?number|(the|my) (one )?number i|numbers? i care about|(\d+) (mile|km) (by
    |in) (december|the end of)|track (much|anything|my|it|everything|every)
numbers M (care|cares|cared|bothered|fussed|worry|worried) (\w+ )?(about|with) (my |the )?(time
    |times|pace|splits|watch|clock)
numbers M numbers|data|stats|statistics|metrics|graphs?|charts?|splits?|negative splits?|pace
    |mileage|weekly volume|annual (mileage|total)
numbers M garmin|strava|coros|polar|suunto|apple watch|fitbit|runalyze|stryd|whoop|training ?peaks
    |smashrun|nike run club|runkeeper|chest strap|gps|foot ?pod|upload\w*|sync\w*
numbers M (heart rate|hr) (zones?|data|variability|training|monitor)|zone 2|zones|hrv|vo 2 max|vo 2
    |lactate|threshold|cadence|power meter|training load|race predictor|age grad\w*
    |resting heart rate|bpm
numbers M sub \d+|under \d+:\d+|under \d+ (hours?|minutes?|mins?)|break(ing)? \d+|(go|get|going
    |getting|run|finish\w*) under|\d+:\d+(:\d+)?(?! (am|pm))|good for age|gfa|bq|qualif\w* (time
    |times|standard|for (boston|london))|the qualifier|qualified for
numbers W faster|quicker|speed|fast|quick|progress|improve\w*|improvement|tempo|intervals|fartlek
    |\d+s and \d+s|my watch|the watch|gadgets?|structured|control freak|(\d+|\w+) (mile|km) (a|per
    |each|this) (week|month|year)|mpw
feeling S how (it|running|i|my body|my legs|a run|the run|that|they) (feels?|felt|feel)|(the
    |that) feeling|feeling of|the sensation|by feel|on feel|see how i feel|(love|like|enjoy
    |adore) (the )?(feeling|sensation|rhythm|movement|flow|freedom)|good for the soul
feeling S feel (free|alive|good|great|amazing|light|wonderful|fantastic|brilliant|human|like flying
    |like a kid)|(feels?|felt|feeling) (so |really )?(good|great|amazing|free|alive|wonderful
    |fantastic|brilliant|light|easy|natural|right|effortless)|(go|run|running) (by
    |on) (my )?(breathing|breath|effort|feel|how i feel)
feeling S (pure|sheer|simple|real) (joy|pleasure|love|fun|bliss|happiness)
    |run (just |only )?for (that|the) (\w+ ){0,3}(bit|way|moment|sensation|feel\w*|calm|quiet|peace
    |swing|rhythm|flow|buzz
    |rush|high|glow)|joy|joyful|joyous|bliss|for (the )?(fun|joy|love|pleasure|hell) of it
    |love of (running|the sport)
feeling S enjoy\w* (it|running|the running|my running|the run|my runs|every (run|step|minute|mile)
    |each run|runs|myself|being|moving)|run naked|without a watch|no watch
# The body leading and the run taking over: "I go when my legs ask", "when everything loosens".
feeling M when my (legs|body) (ask|asks|say|says|tell|tells|want|wants)|(my )?(legs|body) (decide
    |decides)|everything (wakes up|loosens|clicks|flows|settles)|(not|without|stop) thinking
    |(run|running) like (i|we) (dance|fly)
feeling W sing|singing|dance|dancing
feeling M freedom|free feeling|runners? high|endorphins|post run (buzz|glow|high)|in the zone
    |fresh air|being (out|outside|outdoors|out there|out in)|out (in|on) the (hills|fells|trails
    |air|rain|sun|woods)|(rain|sun|sunshine|wind|breeze) on my (face|skin)|(like|love
    |enjoy) being (out|outside|outdoors|on|in)|in the rain|the elements|listen\w* (to )?my body
    |float|floaty|never been happier|(how|what) my (body|legs) (feels?|says|tells)|no pressure
    |run free|unplugged|just (run|running) (and|for)|(feel|feels|felt) like flying|floating
    |lost in (it|the run|my thoughts)
feeling W enjoy\w*|fun(?! runs?)|play|playful|happy|happiness|smile|smiling|smiles|grin|grinning
    |laugh\w*|relax\w*|(?<!would )(love|like) (to run|running|my running|every run)|i just run
    |nature|soul
social S (run|runs|running|ran|train|trains|training|trained|jog|jogging|go|going|went|out|do|did
    |doing) (\w+ ){0,5}(with|alongside) (my |our |a |the |some |other )?(\w+ )?@PEOPLE
social S running (club|group|buddy|buddies|partner|partners|pal|pals|friend|friends|mates?|crew
    |community|family)|run club|(club|group) (run|runs|mates|friends|members|sessions?|nights?
    |social)|(my|our|the) ((?!age\b)\w+ ){0,2}@GROUP|(the|a|local|women|ladies|church|work|office
    |parkrun|saturday|sunday|beginners|walking) @GROUP|my people
social M with (my |our |the |some |a )?(couple of |few |bunch of |group of )?(\w+ )?(friends?
    |mates?|buddy|buddies|pals?|partner|husband|hubby|wife|son|sons|daughters?|sister|sisters
    |brother|brothers|kids|children|family|dad|mom|mother|father|grand(daughter|son|kids
    |children)s?|moms|dads|parents|group|club|neighbors?|colleagues?|team|crew|girls|lads|ladies
    |gang|other people|others)|with (my|our) (two|three|four|five|\d+|lot|boys|youngest|eldest
    |little ones?)\b
social M (we|us|both|and i|the two of us|all) (\w+ ){0,4}together|with each other|as a (group
    |family|couple|team)|[a-z]+ and i (run|ran|train|go|went|do|are|have|will|want|make|started
    |start|did|plan|meet)|me and my \w+|with (me|us|him|her|them)\b|companionship|company of
    |with others
social M chat|chats|chatting|chatted|natter\w*|gossip\w*|craic|banter|catch up|catching up|social
    |sociali[sz]\w*|sociable|community|camaraderie|friendships?|belong\w*|girls weekend
    |lads weekend|meet (up|new people|friends)|made (\w+ )?friends|(all of us|the whole (family
    |gang|club))( ,|$)|(same|friendly|familiar) faces|coffee (after|afterwards)|cafe|the pub after
    |(push|pushing|take|taking|bring|bringing) (my |the )?(\w+ )?(grandson|granddaughter|son
    |daughter|baby|kids)
social M volunteer\w*|marshal\w*|tail (walker|runner)|run leader|lirf|(coach
    |coaching) (the )?(juniors|kids|beginners|group|others)|pac(e|ing) (my |a )?(friend|mate|wife
    |husband|buddy)|guide runner|(start|set up) a (group|club)|help\w* (others|people|beginners)
social W friends?|mates|buddies|pals|colleagues|company|the ladies|the lads|team|relay
# A place ranked above all others: "best spot on earth", "nowhere better", "I'd never go
# anywhere else", "it is my church".
places S (best|favorite|prettiest|loveliest) (\w+ ){0,2}(place|spot|view|route|loop|trail|run)
    |nowhere (better|like it|else like)|(never|not|do not need|would not) (\w+ ){0,2}anywhere else
    |(is|it is) my (church|cathedral|happy place|sanctuary)
places S destination (race|races|marathon|marathons|half|halves)|every (state|county|country
    |continent)|run\w* (in|at|along|around|round|up|across|through|over|to) (the )?@CITIES|where (i
    |we|my \w+) (grew up|live|lives|lived|was born|come from|comes from|(is|are|was) from)
places S @PLACE_LIKE ([\w,]+ ){0,8}@PLACE_WORDS|@PLACE_WORDS ([\w,]+ ){0,8}@PLACE_LIKE
places M @REGIONS|explore|exploring|sightseeing|see (so )?much more of|new routes?|somewhere (new
    |different|beautiful|warm|exotic)|new places|adventures?|travel\w*(?! (\w+ ){0,2}for work)
    |abroad|overseas|(?<!the )holidays?|vacations?|trips?|the scenery|running holiday
places W @PLACE_WORDS (@PLACE_WORDS|[\w,]+ @PLACE_WORDS)
places W @PLACE_WORDS
# Where the runner runs, by structure: "running along the harbour", "a run through the dunes".
places W (run|runs|running|ran|jog|jogs|jogging|trot|loop|loops|laps) (\w+ ){0,2}(in|on|along
    |around|round|through|across|up|over|by|beside|past) (the |a |my |our )?(\w+ )?@PLACE_WORDS
# Places collected: "in 31 states", "every county we visit", "all the parkruns in Kent".
places S (in|all|every|\d+) (\w+ )?(states|countries|counties|continents|capitals|islands
    |national parks)
places V @CITIES
# "the whole of the coast path", not "the whole of lockdown": a stretch of time is no place.
places S end to end|home ?town|home (city|country|village|island)|(the )?length of
    |the whole of(?! (the |that |this |last |my )?(@TIME_SPAN))|(it is|this is|that is) my (city
    |town|village|patch|island|place)
competition S competitive|competitor|thrive on (it|competition|racing)|race\w* to win|who (was|were
    |finished|came|got) (ahead of|in front of|behind) me|who i (passed|beat|overtook|outsprinted
    |dropped)|bragging rights|overtak\w+|pick\w* (people|them|runners|others) off|reel\w* (people
    |them|others) in|(chase|chasing|hunt|hunting) (people|them|runners|others) down
    |beat\w* (\w+ ){0,2}(people|others|him|her|them|rivals?|mates?|friends?|lads|guys|girls|someone
    |anyone|everyone|my (brother|sister|husband|wife|friend|mate|son|daughter|dad|old rival
    |nemesis))|the thrill of (the )?(race|racing|chase|competition)|(where|how) i (came|finished
    |placed)|kick out of (overtaking|beating|passing)|(hate|can not stand|can not bear|do not like
    |loathe) (losing|(being|getting) (beaten|overtaken|passed|chicked|outsprinted|outkicked|dropped
    |pipped))|(no one|nobody) (overtakes|passes|beats|gets past) me|sore loser|(love|like|loves
    |likes) (to )?win\w*|nemesis|the race within|(love|like|enjoy
    |live for) (\w+ ){0,2}pass\w* (people|runners|others)|(check|look|scan|pore|scroll|search
    |read)\w* (\w+ ){0,4}((?<!blood )(?<!test )(?<!scan)results(?! of)|placings|rankings|standings
    |leaderboards?|league tables?|positions?|where i (came|finished|placed))|(name|place
    |position) in the results|results (page|table|list)s?|to drop (them|him|her|people|everyone
    |the others)(?! off)|race\w* (whoever|anyone|anybody|someone|the (person|guy|man|woman
    |runner) next)
competition S (win|won|winning|placing|placed|podium|prizes?|medal\w*) (\w+ ){0,3}(age group
    |age category|category|division|[mfvw] \d\d)|(rather|sooner) (\w+ ){0,3}than (be|get|getting
    |being) (overtaken|beaten|passed|chicked|outsprinted|pipped)|age (group|category) (win|wins
    |winner|prizes?|placings?|podium|medals?|awards?|places?|positions?)
# Racing someone in particular: "racing my colleague Tom", "hunting my brother-in-law, he is 8
# seconds ahead of me".
competition S (racing|race|raced|hunting|hunt|chasing|chase|catch|catching) (my
    |our) (\w+ ){0,2}(colleague|colleagues|brother|sister|in law|friend|mate|husband|wife|dad|son
    |daughter|neighbor|boss|rival)|(he|she|they) (is|are|was|were) (\w+ ){0,3}(ahead of
    |in front of) me
competition M compete|competing|competition|rival\w*|podium|placings?|[mfvw] \d\d|league
    |championships?|champs|masters|leaderboard|segments?|kom|qom|local legend|pip|pips|pipped
    |outsprint\w*|sprint finish|age (group|category|division|cat)|racer|racers|standings|rankings
# Words that speak of racing only in a note about races (or under the racing question): "a win
# for my head", "the energy I have now", "a day out in the hills" are not about races.
_race_win M win|wins|winning|won|winner|top (\d+|ten|three)|prizes?|trophy|trophies
race_experience S (race|races|racing|events?) ([\w,]+ ){0,4}for the (?!win|time|times|pb|pbs|pr
    |podium|placing|clock|prize|sheer|pure|love|joy|fun of)[a-z]+|(love|like|enjoy|adore) the (race
    |start line|finish line|race day|medals?|bling)
race_experience M bling|finisher\w*|(race|finisher) medals?|wall of (them|medals)|medal (wall
    |collection|hanger)|goody bags?|swag|aid stations?|race days?|race weekends?|fun runs?
    |color run|charity (run|race)s?|race for life|turkey trots?|themed (run|race)s?|majors
    |back of the pack\w*|mid ?pack|middle of the pack|never near the front|not (fast
    |quick) enough to (win|place)
race_experience W medals?|ballot|start lines?|finish lines?
_race_scene S atmosphere|(there|in it|do it|do|them|be) for the (fun|atmosphere|day out|experience
    |craic|social|cake|medals?|bling|buzz|party|crowds?|t shirt|snacks|photos|views|occasion)|(love
    |like|enjoy|adore) the (buzz|energy|crowds?|atmosphere|cheering|occasion|vibe|spectacle)
_race_scene M crowds?|cheer\w*|spectators|t shirts?|day out|the buzz|the energy|the party
    |the occasion|high fiv\w*|fancy dress|costumes?|matching (hats|shirts|outfits|costumes)
    |there for the (?!win|time|times|pb|prs?|podium)[a-z]+|not about the (time|clock)|the vibe
    |carnival
_race_scene W signed up|sign up|the music|bands|thousands of (people|runners)|lining up|line up
# Race-day joys in other words, in a note about a race: dressing up, the music, the food after,
# a good time whatever the result, going back every year.
_race_scene M dressed (up )?as|in costume|music|bands?|clapping|applause|(lovely|great|brilliant
    |fab|grand|mighty|fantastic|amazing|good|best) time|the craic|chuffed|(baking|cakes?|sausages?
    |sizzle|bbq|barbecue|beers?|pints?|burgers?|pizza|curry|bacon rolls?) (\w+ ){0,2}(at the end
    |after|afterwards)|(go|going|be|come|coming) back (every|each|next) year
    |(booked|signed up|entered) (for )?(again|every year|each year|every month)
    |(i|we) (go|do it|do them) every year|strangers|(kids|people|everyone|everybody
    |the (whole )?(city|town|village|street)) (\w+ ){0,2}(screaming|shouting|clapping|cheering|out)
# In a note about a race, loving "it" is loving the race: "I was last but I loved it".
_race_scene M (i )?(loved|love|enjoyed|adored|lapped up) (it|every (minute|second|mile|step|bit)
    |the lot)( ,|$)|@RACE (are|is) (my )?(favorite|the best|brilliant|great fun|a blast)
    |(my )?favorite (\w+ )?(race|races|event|events)
_race_scene M (enjoy|love|like|soak\w*( up)?) the (day|experience|whole thing)|(great|fantastic
    |brilliant|lovely|good|grand|big) days?( out)?|days out|the whole (village|city|town|street
    |country|family) (is )?(out|there)|party|(\d+|thousands of|hundreds of) (people|runners)
    |festival|(love|like|enjoy|adore) (\w+ ){0,2}(lining up|the music|the bands|the medals?
    |the start|the finish)|(just|only|happy) to finish
_race_love M (love|loves|loved|like|likes|liked|enjoy|enjoys|enjoyed|adore
    |live for) (\w+ ){0,2}(race|races|racing|events|race day|start lines?|finish lines?|marathons?
    |marathon day|half marathons?|halves|\d+ km|\d+ mile|fun runs?)(?! (against )?(the clock
    |the watch|myself|my own))|(enter|do|run) (a lot of|a few|loads of|lots of|the odd
    |an occasional|plenty of) (\w+ )?(race|races|events?)|the odd (\w+ )?race
    |@RACE (\w+ ){0,3}(i )?(love|adore|enjoy|like) (them|it|every)
race_averse S (hate|hated|hates|loathe|detest|dislike|dread|can not stand|could not stand|avoid
    |can not bear|not a fan of|not keen on|no interest in|no desire to|put off by|not like
    |not enjoy|see the point of|(?<!once )(?<!when )(?<!after )(?<!until )i am done with|sick of
    |fed up with|had enough of) (?!(being|getting|losing|it when) )(\w+ ){0,3}@RACE|(not
    |never) catch me (dead )?(\w+ ){0,3}@RACE
race_averse S @RACE (\w+ ){0,3}(@REACTION|(are|is|was|were) (not|never) (really |just )?(me
    |my thing|for me|my cup of tea|my scene)|not for me|not my thing|boring|pointless|a waste
    |no thanks|no thank you|no chance|no way|hard pass|nope|nah|not interested|forget it)
race_averse S (never|not|will not|would not) (do|enter|run|go in for) (a |any )?(\w+ )?(race|races
    |event|events)|(not|never|will not|would not) (be )?(lining up|line up|pinning|pin)
    |@RACE (\w+ ){0,2}(i )?(do not|does not|never) (really )?(like|enjoy|love)
race_averse S (never|not|will not|would not|wo not) (\w+ )?(race|raced|enter
    |entering) (\w+ ){0,2}(again|never will|races?|events?)|never raced|rather not (race|pin|enter
    |do)|(rather|sooner) (\w+ ){0,8}than ((enter|do|run|stand (on|at)|line up) (\w+ ){0,3}@RACE
    |race|pin)|once was enough|never again(?! (will|would|do|am|shall) i)|pressure of (races|racing
    |a race|events)|(no|without) (crowds|bibs?|race numbers?)|not see the point of them
race_averse S (not|no|never|zero) (\w+ )?(interested|interest|keen|desire|fussed|bothered) (in|on
    |about|to) (\w+ ){0,2}@RACE
race_averse M too (much|many) (\w+ ){0,3}(at|in) (races|events)|(races|events) (are|feel) (too
    |so) (\w+ )?(expensive|crowded|busy|stressful|serious|competitive)|(idea
    |thought) of (a |the )?@RACE (\w+ ){0,2}(makes?|gives?|fills?) (me|my)
race_averse W faff
race_averse M too many people|too crowded|(have|had) enough (of )?(\w+ ){0,2}@RACE|@RACE (career
    |days|life) (\w+ ){0,2}(is|are|was|were) (now |well and truly |long )?(over|done|behind me)
# Taking part in a race, negated ("never pinned a number on", "allergic to entry fees", "I don't
# need a bib to see a city"), says races are not for the runner. Not a bare "I don't race",
# nor "not racing anyone" (not competing) or "parkrun's not a race".
_race_do M enter|entered|entering|entry fees?|pin\w* (on )?(a |my |the )?(race )?(number
    |bib)|bibs?|race numbers?
wellbeing S mental (health|wellbeing|well being)|my (head|mind|mood|sanity|nerves)|head ?space
    |clear\w* (my|the) (head|mind)|head (clear|clears|empties|straight)|sane|sanity|therapy
    |therapist|counseling|stress\w*|anxiety|anxious|depress\w*|low (mood|days|patch)|dark (days
    |times|place)|black dog|burn ?out|grief|griev\w*|bereave\w*|sertraline|citalopram
    |antidepressants?|panic attacks?|overwhelm\w*|wrecked my mood|ptsd|adhd
# The head looked after in plain words: "resets my brain", "my place to breathe", "where I dump it
# all", "the rage", "got me out the door when nothing else did".
wellbeing M (time|space|room) to think|think (things|it) (through|over)|(my )?(brain|head
    |mind) needs|reset\w* (my )?(brain|head|mind)|(place|room|space|time) to breathe|(dump|offload
    |vent|unload)\w* (it|everything|the day)|rage|anger|angry|snapping|(got|gets|get
    |getting) me out (of the house|of bed)|nothing else (did|does|helped|helps|works|worked)|(was
    |felt) (so )?lost|stuck in the house
wellbeing M (helps|helped|keeps|kept|lifts|lifted|clears|flushes|flushed|calms|settles
    |settled) (\w+ ){0,3}(spirits|sadness|low|it out|things out|the day out|the noise|thoughts
    |worries)|(spirits|mood) up|(is|was|has been) my (medicine|therapy|church|meditation|lifeline
    |escape|outlet)|(?<!a bit )sad|sadness|so low|feeling low|perspective|sober|sobriety
    |straight and narrow|homesick|miss home|only time i am (just )?(me|myself)|cope|coping|calm\w*
    |unwind\w*|decompress\w*|switch off|me time|time for me|antidote|outlet|release|reset|recharge
    |sanctuary|lifeline|saved me|saving grace|is my (church|medicine|meditation)|head in order
    |(that is|is) mine|my (hour|time)|a break from|escape|breather|peace|takes the edge off
    |holding me together|go under|out of the house|chaos|chaotic|mood|worr\w*|lost my (wife|husband
    |partner|mom|dad|son|daughter)|brain fog|the edge off|(got|get|gets|getting|gotten|carried
    |carries|pulled|pulls) me through|mindful\w*|meditat\w*|thinking time|process (things|it)
    |keeps me (level|balanced|grounded|steady)|bad days?|happy pills?|black clouds?|lonely
    |loneliness|isolat\w*
wellbeing W died|divorce|widowed|menopause|perimenopause
confidence S confiden\w+|self (belief|esteem|worth|confidence|respect)|believe in myself|(trust
    |trusting|believe in) (it|myself|my body|my legs) again|learning to trust|belief in myself
    |believe i can|(lost|losing|regain\w*|get back|rebuild\w*) (my |some )?(nerve|belief|self)
    |trust (my|in my) body|comfort zone|stronger than i (thought|knew|realized)
# Surprised by what they can do, and carrying it into life: "didn't know I had that in me", "I
# thought my body was finished", "it changed something in me", "I trust myself a bit more".
confidence M (had|has|have) (that|it|this) in (me|it|her|him)|(did not|never) (know|knew
    |realize\w*|think) (i|my body|my legs) (had|could|was|would)|(i|we) (thought|was sure
    |were sure) (\w+ ){0,3}(i|my body|my legs) (was|were|would) (finished|done|past it|too old|die
    |dying|never)|stronger than (at|when|i was|ever|before)|changed (something )?in me
    |trust myself|(see|saw|seeing) (someone|a woman|a man|somebody) (strong|capable|fit|different)
    |(look|looked|looking) in the mirror|(let|let them) (them )?stare|(to be|i was|i am
    |i am actually) good at|good at it|feel like (a|an) (athlete|runner) again|(put
    |putting) my hand up|(could not|can not|never|too scared to|too shy to) (speak|talk|say a word
    |put my hand up)
# Belief in oneself or one's body regained, said plainly: "my nerve back", "braver than I
# thought", "I can take on anything", "proof my lungs still work", "I believe my knee again".
confidence M (my|the|her|his) nerve back|braver|bravest|(would not|never) have dared|dare|dared
    |take on anything|i can (\w+ )?do (hard things|anything)|(proof|proves|prove|proved) (that )?(i
    |my \w+|i am)|(i am|am) not broken|(trust|believe)( in)? (it|myself|my \w+) again|(feel
    |felt) (like )?i belong|(tells|told|shows|showed) me (it|i|my \w+) (has|have|can|is|am) not
    |i (now )?(know|knew) (that )?(i|it|my (body|legs|heart|lungs|knee|leg)) (can|could)\b
confidence M (prove|proving|proved|show|shows|showing|showed) (to )?(myself|me)( that)? (i|i am
    |i can|i could|i was)|(prove|proving|proved) (to )?(myself|i can|that i|i am|i could)
    |proof (that )?(i|they were wrong)|(proved|prove|proving) (them|everyone|people) wrong|useless
    |worthless|amount to nothing|(nobody|no one) (picked|wanted)|never believed i could|(like
    |liking|believe in|proud of) myself( again)?|i (know|knew|now know) i can|not good enough
    |can do hard things|(thing|something) i (\w+ ){0,2}(am|feel|was|felt) (\w+ ){0,2}good at
    |^me , an? (\w+ ){0,2}(runner|leader|marathoner|athlete|racer|finisher)$|capable
    |something i was good at|good at something|shy|self conscious|body image|imposter|not sporty
    |never sporty|picked last|the fat kid|speak up|stand taller|walk taller|stood up for
    |feel like (me|myself) again|still me|feel (strong|capable|powerful) again|(new|better
    |stronger) (me|person|version)|never thought i (could|would)|did not think i could
    |surprised myself|empower\w*|brave|courage|spills? over into|i can (still )?do (things|it|this
    |anything|hard)|taller|(any|some) good at|(reali[sz]\w*|found out|discovered|learned) i (could
    |can|am|was)|tougher than i|stronger than i (look|thought)|embarrass\w*|ashamed|fraud
    |never (been|was) (sporty|athletic|a runner)|(call|calling) myself a runner|real runner
    |proud of myself|badass|identity
health S (?<!mental )health(?! (physio|visitor|clinic|centre|center|service|worker|care|food
    |insurance))|(knees|joints|hips?|back|heart|lungs|body|bones|legs) (are|is|feel
    |feels) (\w+ )?(better|stronger|healthier|younger)|healthy|heart (attack|scare|condition
    |disease|surgery|op|operation|health|problem|issues?)|bypass|stent|cardiolog\w*|cardiac
    |blood pressure|cholesterol|statins?|diabet\w*|prediabet\w*|type 2|a 1 c|hba 1 c|blood sugar
    |glucose|metformin|insulin|lose weight|losing weight|lost weight|weight (off|loss|down)
    |\d+ ?(kg|lb|lbs|pounds|stone|kilos) (down|lost|off|lighter)|lost (\d+|a lot of|\w+) (kg|lb|lbs
    |pounds|stone|kilos|weight)|bmi|obes\w*|overweight|bone density|osteopor\w*|arthritis|longevity
    |live longer|off (my )?(meds|medication|tablets)|be around (for|to)|see my (\w+ )?(grow up
    |grandkids|grandchildren)|independen\w*|fatty liver
health M (was|weighed|weigh) \d+ ?(kg|kilos|stone|lbs?|pounds)|belly|tummy|waistline|my sugar
    |borderline|weight|bones?|my balance|balance and|joints?|knees working|mobility|(keep|keeping
    |keeps) my (knees|joints|legs|body|heart|hips|back) (going|working|healthy|moving|young|strong)
    |(stay|keep|staying|keeping) (fit|healthy|active|mobile|moving|well)|fit enough|keep moving
    |aging well|grandkids|grandchildren|(sleep|sleeping) (\w+ )?(better|well|through)|^sleep$
    |better sleep|asthma|keeps? me (moving|mobile|active|supple)|(body|legs|heart
    |lungs) (still )?works?|(new|replacement) (hip|knee)|without (the )?(\w+ )?(screaming|hurting
    |aching|pain|hurts)|cancer|chemo|smok(e|er|ers|ing|ed)|cigarettes|liver|kidneys?|(blood|liver
    |kidney|sugar) (numbers|levels|results|tests?)|grandad|grandpa|granny|grandma|nana|(still
    |be able to) (\w+ ){0,4}at (6|7|8|9)\d|wake up call|falls clinic|at my age|without pain
    |pain free|my body back|dress size|waist|stroke|tablets|(the|bathroom) scales|weigh ?ins?
    |weigh myself|bp
health W doctor|gp|the nurse|nurse said|consultant said|fitness|menopause|perimenopause
# time_limited: only scarcity the runner states ("5am or nothing", "only 20 minutes", "I squeeze
# it in"). A schedule (kids, a job, shifts, a commute, 6am) is context: very weak on its own.
time_limited S juggl\w*|squeez\w*|fit (it|runs?|running|them|training) in|(no|little|limited
    |not much|not enough|short on|tight on|pressed for|strapped for|no spare|hardly any|not a lot of
    |precious little) (free |spare )?time|time (is|was) (really |very |so )?(tight|short|limited
    |precious|scarce)|(hard|struggle|difficult|tough|impossible) to (find|make|get|carve out
    |squeeze in|fit in) (the |any |enough )?time|time is (the |my )?(\w+ )?(problem|issue|struggle
    |constraint|limit\w*|enemy)|(have|has|got) to (fit|squeeze|juggle|work|cram) (it|running|runs
    |training|them)|or (it is |that is )?nothing|or not at all|(that is|that) (my|yer|your|the) lot
    |more time than i (have|have got|get|can)|or never|(not|never) (\w+ )?happens?
    |otherwise (it is )?(nothing|never)|not much (left|spare) (of|in)|(never|not|barely
    |rarely) (\w+ )?(have|had|get|got|find) (the |much |enough |any )?time|if i am lucky
    |feast or famine|(?<!vo 2 )(absolute )?max|maximum|nothing more|is what i can (manage|do|fit)
    |is (\w+ )?(all|what) i (have|have got|get|can spare|can manage|can do)|has to be (first thing
    |early|before)|time poor|(small|narrow|tiny|short) windows?|here and there
    |grab (a |an )?(\w+ )?(runs?|hours?|minutes|half hour)|snatch\w*|stretched|(hard to
    |can not) commit|(if|when) the stars align|all i (have|have got|get) is|(one week|some weeks
    |the next) (and )?(nothing|none)|nothing the next|and that is (it|all)
    |(only|just) (get|have|manage|fit|find) (\d+|one|two|three|an?|half an|the odd)|very little (in
    |during)|whatever (time )?i can|no time for|never enough (time|hours)|not enough hours
# Scarcity by structure: the one slot said with "only" ("only morning 7 to 8 I have", "only
# before shift 1 hour"), the only way it happens, more being out of reach.
time_limited S only (\w+ )?(mornings?|evenings?|weekends?|nights?|lunch\w*
    |\d+ to \d+) (\w+ ){0,3}i (have|get)|only way (it|i|running) (\w+ )?(happens|get|fits?|can)
    |only (\w+ ){0,3}(\d+|one|an?|half an) (hour|hours|minutes?|mins?)\b|anything more is (fantasy
    |impossible|a dream|not happening|a luxury)|(more|longer) (is|would be) (fantasy|impossible
    |a luxury|a dream)
# Scarcity stated by luck, a ceiling or a gap: "lucky to get out once a week", "20 minutes
# tops", "no other time", "the rest of the day is gone", "I steal half an hour between jobs",
# "Fridays only", "I get out if my neighbour can have the baby".
time_limited S (lucky|luck) (if|to) (i )?(\w+ ){0,2}(get|run|manage|squeeze|go)
    |if (i am |i get |we are )?lucky
    |(mins?|minutes|hours?|km|runs?|miles?) tops|no other time|(the )?rest of (the|my) (day|week)
    |is gone|only (run|time|slot|window|day) i can (guarantee|get|count on|rely on)
    |(steal|steals|stole|stealing) (\w+ ){0,2}(mins?|minutes|hours?|half hour|run|runs)
time_limited M (run|mins?|minutes|hours?|half hour) (\w+ ){0,3}between (my |the )?(shifts|classes
    |rides|jobs|meetings|calls|feeds|lectures|school runs|drops)|(monday|tuesday|wednesday
    |thursday|friday|saturday|sunday|night|dawn|morning|evening)s? only|(get out|run|go
    |running) (only )?(if|when) (\w+ ){0,3}(can|will
    |is able to) (mind|watch|have|take)|(if|when) (the |my )?(\w+ ){0,2}(is|are|get|gets
    |goes) (quiet|on time|cancel\w*)
time_limited W if i can
time_limited M fits? (\w+ )?in (a)?round|when (i|we|they) can|(work\w* )?long (working )?(days
    |hours|weeks) (at work|in the office|at the office)|long working (days|hours)
    |(\w+ )?only , and even then|and even then|(evenings|weekends|mornings|lunchtimes?|nights
    |evening|weekend|morning) only|(it is|things are|life is|time is) (\w+ )?tight|(my|the
    |that is my) (only )?(slot|window)|when(ever)? (\w+ ){0,3}(allows?|lets? me|permits?)|busy
    |hectic|manic|chaos|chaotic|mayhem|flat out|when i can|whenever i can|some weeks
    |realistically @NUM|there is (about |maybe |only |just )?@NUM (\w+ )?(hour|hours|minutes)
    |can (only )?manage|at most|at best|work is (brutal|crazy|mad|full on)|packed|unpredictable
    |lumpy|all over the place|(i get|i have|i have got|i grab|gives me|that gives me|leaves me
    |i can (spare|manage|give it)) (maybe |about |around |perhaps |only |just )?@NUM (\w+ )?(mins?
    |minutes?|hours?|slots?|windows?)|i (only|can only) (train|run|get out
    |get to run) (\w+ ){0,2}(in the holidays|at weekends|on weekends|at lunch|when|during|before
    |after|early|late|at night)|the only (slot|window)|only time i (get|have|can)|(long|crazy
    |unsocial|antisocial) hours|long shifts|\d+ (hour|hr) weeks
time_limited V shifts?|shift work|nights|rota|on call|(\d+|two|three|four|five) (kids|children
    |teens|teenagers|boys|girls)|kids under|toddlers?|newborn|commut\w*|ft \w+|full time
    |lunch?(break|hour)s?|lunchtimes?|at lunch|(during|in) (my )?lunch|days off|deadlines|(mom|dad
    |mother|father|parent) of (\d+|two|three|four|five|six)|(\d+|two|three|four|five) under (\d+
    |two|three|four|five|six|seven|eight|nine|ten)|while (the |my )?(kids|children|baby|twins|they
    |he|she) (are|is) (at|in|asleep|napping)|(when|while) (\w+ ){1,2}(naps?|napping|sleeps?
    |is asleep|are asleep)|nap ?time|term time|(husband|wife|partner|he|she) (works|is working
    |is) away|(baby|twins) (is|are) (\d+|\w+) (weeks|months)|single (mom|parent|dad)|school runs?
    |drop ?off|carer|caring for|care for (my )?(mom|dad|mother|father|parents?|husband|wife)
    |travel\w* (a lot )?for work|look (after|after the) (\w+ )?(kids|children|grandchildren
    |grandkids)|(two|2|three|3) jobs|(\d+|one|two|three|four|five|six|seven|days
    |nights) on( ,)? (\d+|one|two|three|four|five|six|seven|days|nights) off|irregular hours
    |overtime|childcare|ferrying|(kids|children|them)every other (week|weekend)|before (work|dawn
    |the kids)|first thing|\d+ ?am|\d+ ?pm
big_dream S dream|dreams|dreaming|bucket list|the itch|an itch|always wanted|ambition|one day (i
    |i would|i will)|all six majors|six star|(every|all \d+|the \d+) (states|continents|majors
    |munros|countries|counties)|ultimate goal|the big one|before i die|life goal|once in a lifetime
big_dream W i would like to (run|do)
big_dream M one day|someday|some day|ultra\w*|ironman|comrades|utmb|bob graham|marathon des sables
    |\d+ mile race|100 mile|(before|by the time) i (turn|am|hit|reach) \d+|for my \d+(st|nd|rd|th)
    |would love to (run|do|race)|good for age|bq|boston|lejog|jogle|coast to coast|run across
on_journey S (currently|right now|at the moment) (\w+ )?(training|in week|on week|doing|building
    |working|following)|(in|on) week \d+|week \d+ of|(working|building) (my way |back )?(up )?(to
    |towards?)|next step|training (for|plan|block)|stepping stone|return to run\w*|couch to 5 km
    |c 25 km|\d+ (week|day|month) (plan|block)|so far|\d+ (weeks|days|months) in|(i am
    |now) (up )?(at|on|to) \d+|im up to|on track|milestones?
on_journey M signed up|booked|halfway|walk run|run walk|building up|gradually|lengthen\w*|next (is
    |up|goal)|(a|my) plan|(\d+|\w+ (weeks?|days?|months?|km|miles?)) to go\b|step by step
    |progressing
consistency S routine|habit|habits|streak|without fail|never miss\w*|not (missed|miss) a
    |without missing|not missing|no matter what|rain or shine|consistent\w*|consistency|regular
    |regularly|(show|showing|shows|turn|turning) up|non negotiable|same (times?|routes?|days|loop
    |schedule)|(run|runs|running|ran|out|go|goes|going|train|training|jog|jogging|parkrun|walk
    |there)\w* (\w+ ){0,4}every (single )?day|every single (morning|evening|week|weekday|weekend
    |monday|tuesday|wednesday|thursday|friday|saturday|sunday)|run my mile|daily run
    |(keep|keeping) (it|the habit) (up|alive|going)|keeping at it|keep at it
    |never (skip|skipped|skips)|not skipped|without skipping
    |(stick|sticking|sticks) (with|to) it|discipline|structure|like clockwork
    |religiously
    |brushing my teeth
consistency W rhythm
# A daily run is a habit by itself; a weekly date is a frequency ("with the club every Sunday").
consistency M (?<!could )(?<!would )(run|runs|running|ran|out|go|goes|going|jog
    |jogging) (\w+ ){0,4}every (single )?(morning|evening|night)
# Going on as now, said with no habit in it: "just keep going" is weak on its own.
consistency W keep going|keep it up
consistency M rhythm ((\w+ ){0,3}(week|weeks|days|routine|life))|(weekly|daily) rhythm
    |(that is|it is) the rhythm
    |@FREQUENCY( ,)? every (week|month)|week in( ,)? week out
# Sameness kept up over time: "the same since 2018", "been that way four years", "my 250th parkrun".
consistency M (the same|that way|this way|like this|like that) (\w+ ){0,2}(since \d+|for (\d+|two
    |three|four|five|six|seven|eight|nine|ten|many|some) (\w+ )?years)|(been|is|was) (that
    |this) way (for )?(\d+|\w+) years|(continue|carry on|keep going|keep on) (like this|like that
    |the same)|\d+ (th|st|nd|rd) (parkrun|run|week|day|consecutive)|(mon|tue|tues|wed|thu|thur|thurs
    |fri|sat|sun) , (mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)|(mon|tue|tues|wed|thu|thur|thurs
    |fri|sat|sun) (mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b
consistency V ticking over|every (single )?(morning|day|evening|week|weekday|weekend|monday|tuesday
    |wednesday|thursday|friday|saturday|sunday)
consistency S (keep|keeping|stick to|sticking to|maintain\w*|hold|hit
    |never less than|at least) (\w+ ){0,2}@FREQUENCY
consistency M (monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? (monday|tuesday|wednesday
    |thursday|friday|saturday|sunday)|(monday|tuesday|wednesday|thursday|friday|saturday
    |sunday)s? , (\w+ ){0,2}(monday|tuesday|wednesday|thursday|friday|saturday|sunday)
    |always have( ,|$)|as (i )?always (have|do)|same as (ever|always)|add (a
    |another) (second|third|fourth|fifth|sixth) run
consistency V @FREQUENCY
comeback S (come|coming|came|get|getting|got|ease|easing|eased) back (in)?to (running|it|the sport
    |fitness)|comeback|(come|coming|came) back (to|after|into)|(come|coming|came
    |bounce\w*) back from(?! (a |an |the |my |our )?(\w+ )?(holidays?|trips?|vacation|honeymoon
    |work|visit|the shops|the pub|race|races|run|parkrun|marathon|half|event|\d+ km)\b
    | (a |an )?(week|weekend|fortnight|month|day|few days) (in|at|away|abroad|on|with)\b)|(started
    |starting|start|restart\w*) (running )?again|return\w* to (running|run)|return to run\w*
    |return\w* (from|after) (a |an |my |the )?(\w+ )?(injury|op|operation|surgery|illness|break
    |layoff|baby|wrist|ankle|knee|hip|leg|foot|arm|achilles|hamstring|calf)|(after|since) (\d+|a
    |two|three|four|five|ten|fifteen|twenty|many|some|a few) (\w+ )?(years?|months?|weeks?) (off
    |out|away|break)|(years|months|weeks) off|(years|months|weeks) out (injured|with|of (running
    |action|the sport))|since i (last )?(ran|raced|run)|years since(?! i (last )?(missed|skipped))
    |first (\w+ ){0,2}(run|runs
    |parkrun|race|jog|mile|km|outing|week|session|time)s? (\w+ ){0,3}(back|since|after (the|my|a|an
    |being|finishing|having|(\w+ )?(weeks?|months?|years?) (off|out|away)))\b|(to
    |be able to) run again|run again|getting (my|back) (life|fitness|legs) back
    |back (up )?after the (op|operation|surgery|injury|bypass)|back running|(running|jogging) again
    |couch to 5 km again|c 25 km again
    |(?<!and )off for (a|an|\d+|two|three|six|several|many) (\w+ )?(years?
    |months?|weeks?)|(first|second|third|fourth|\d+) weeks? back|after (a|my) (long )?(break|gap
    |hiatus|layoff)|hiatus|lapsed|fell off the wagon|back on (track|the wagon)|from scratch
    |start over|starting over|(pick|picks|picked|picking|took|take|taking) (it
    |running) (back )?up again|(picked|pick|picking|took|take|taking) (it|running) back up
    |dust\w* off (my|the) (trainers|shoes|running shoes)
comeback M (ran|run|running|jog\w*|parkrun|raced|race|half|marathon|km|mile|finish\w*|round|weeks?
    |months?) (\w+ ){0,6}@SETBACK|back (up )?to (running|my old|where i was|full)
    |@SETBACK( ,)? (\w+ ){0,4}(i )?(ran|run|running|jog\w*|parkrun|raced|race)
    |after being (signed off|ill|sick|injured|off)|(signed off|off sick|off work|laid up
    |out injured) (for|with) (\w+ ){0,2}(weeks?|months?|years?|a while)|(stopped|gave up|quit
    |packed in|dropped) (running |it )?(for|during) (\w+ ){0,3}(years?|months?|decades?|ages
    |a while|all of it|the whole)|not (run|ran|raced|jogged|been running
    |been out) (\w+ ){0,2}(since|for|in) (\w+ ){0,2}(years?|months?|decades?|ages|school|uni
    |university|college)|rehab\w*|stress fracture|(i am|i am getting) back to|rebuild\w*|(life|legs
    |body|mojo|fitness|strength|lungs) back|lost my fitness|sidelined|rusty|while i (recover|heal)
    |recovering from|on the mend|my recovery (from|after)
comeback W @SETBACK|injur\w*|tendin\w*|physio\w*|torn|tear|ruptur\w*|post ?(op|surgery|operation
    |baby|pregnancy|birth|partum|natal|chemo|covid|injury)|crutches|(walking )?boot|in a cast
comeback M (feel|feeling|felt) like (a runner|myself|me) again|(physio|physiotherapist|surgeon
    |doctor|gp|consultant|clinic|cardiologist|nurse) (has |had )?(cleared|signed off|signed) me
    |(cleared|signed off) (by|to run|for (running|jogging))|once i am back|(want|get|getting
    |got) (\w+ ){0,2}(times|fitness|legs|speed|it|that) back|lost (all |most of )?(my )?fitness
    |(new|replacement) (hip|knee)|since (long )?covid|(a|like a) runner again|(build|builds
    |building|built|working|easing|eased) (my way |myself |it |things )?back (up|in)
    |back out (there|again)|back on the (roads?|trails?)|(jog|jogging|run|running) (again )?(in
    |from) (\w+ ){0,2}(weeks?|months?)|(out of|without|off) (the |my )?(walking )?(boot|crutches
    |cast)

[against]
health S (not|never) (about |for |really )?(my |the )?health|(already
    |always) (been |was |am )?(healthy|fit)|(healthy|fit) (like|as) (a|an) (horse|ox|fiddle|flea)
confidence S (always|already) (been |was |were |am |had |have had )?(\w+ )?(confident|confidence)
    |confidence for (two|three|four|\w+ people)|never lacked (confidence|self belief)
    |not (really )?(about |an issue of |a )?confidence( thing| issue| problem)?|(people|they
    |others) say it gives them
# Confidence said to be there already: "self belief was never my problem", "plenty of that".
confidence S (confiden\w+|self belief|nerve) (\w+ ){0,3}never (\w+ ){0,2}(a |an |my |the )?(problem
    |issue|short)|never (been )?(short of|lacked|lacking|an issue with
    |had a problem with) (\w+ )?(confiden\w+|self belief|nerve)
    |(confiden\w+|self belief) i have (plenty|loads|enough)
    |(plenty|loads|bags) of (confiden\w+|self belief)
numbers S (leave|left|leaving) (my |the )?(watch|garmin|phone) (at home|behind|in the drawer)
    |(switch|switches|switched|switching|turn|turns|turned) (\w+ ){0,2}(watch|garmin|gps|pace|data
    |numbers|stats|metrics) off|(watch|garmin) (stays|is|stayed) (at )?(home|in the drawer)|(put
    |puts|threw|chucked|shoved|stuck) (\w+ ){0,2}(watch|garmin|mine|it) in (a|the) drawer|(do not
    |never) (even |really )?(own|wear|use) (a |my )?(watch|garmin)
    |stopped wearing (my |a |the )?(watch|garmin)|(ditched|binned|sold|got rid of|gave away) (the
    |my) (watch|garmin)|without a watch|no watch|run naked
social M (on|by) my own|alone|solo|by myself|own company|introvert\w*|loner|cliquey|cliques?
    |(can not|could not) chat|not a (club|group|people|social) (person|runner|type)
places S (do not|never) (really )?(mind|care) where|treadmill is fine|anywhere will do
places M same (\w+ ){0,2}(loop|loops|route|routes|circuit|laps)
# A place chosen for a practical reason is not a draw: "the river path because it's flat and lit".
places W (because|as|since|cos|cause) (it is|they are|it has|they have|it was|it) (\w+ ){0,2}(flat
    |close|near|nearby|lit|safe|convenient|handy|quick|easy|quiet at night|on my doorstep
    |on the way)
    |does the job|(closest|nearest|easiest|most convenient|safest)( one| place| option)?( ,|$)
competition S (not|no) (a |much of a )?(racer|competitor)|no racer|(race|racing|compete|competing
    |competitive) (\w+ ){0,2}(myself|the clock|my (own|old|previous) (times?|self))|beat the (man
    |woman|person|runner) i was|the clock is my
# An obstacle and "I manage": the obstacle is cancelled ("long days, but I manage fine").
time_limited S (^|but |so |and )i (\w+ )?(manage|cope)\b|time (is )?(fine|ok|okay)
    |(other|the other|rest of the|my) days (are )?(free|off)|(loads of|lots of|plenty of
    |plenty) (\w+ )?(days|time) (free|off)
time_limited S plenty of time|i (make|find) (the )?time|make it work|no bother|easily
    |non negotiable|set in stone|time is (fine|ok|okay|not bad)|all the time in the world|(running
    |it|my run|my running) (always )?(comes?|goes) first|(always|usually|still|can|will|do) (find
    |make) (the )?time|time (is|was) not (really )?(an? |the |my )?(issue|problem|limit
    |limiting factor|constraint)|not (a |an )?time (issue|problem|thing)|(weekends|evenings
    |mornings|days) are (free|mine|my own)|i am organi[sz]ed|(hours?|runs?|sessions?
    |days?) (a week )?is (doable|easy|fine|plenty)|(i have|i have got|i get|gives me|means i have
    |leaves me) (\w+ ){0,2}days off|no shortage of time|semi retired|retired|kids (are|have) (grown
    |left)|grown up|left home|empty nest\w*|flexible|work from home|can run when(ever)? i (want
    |like)|no problem|works fine|loads of time|lots of time|weekends are mine|kids are grown
    |time on my hands
race_experience S not (there )?(for|about) the (medals?|crowds|atmosphere)

[cancel]
social - (hold|holding|holds|held|keeps?|keeping|kept) (me|it|things|myself|us) together|(run|runs
    |own|owns|started|manage|manages|managing) (a|my|the|our) (\w+ ){0,2}(company|business|firm)
    |with (\w+ ){1,2}(scarf|shoes|trainers|watch|medal|hat|shirt|photo|ashes)( on)?|act together
    |put together|pull (myself|it) together|play with|(with|walk|walking) (the|my|our) (\w+ )?dogs?
    |dog\w* ([\w,]+ ){0,3}(is|are) (my|the only) (\w+ ){0,2}(partner|buddy|company|companion)
consistency - old habits|would (\w+ ){0,6}if (i|we) (lived|had|could|were|was)|(till|until) (then
    |race day|the race|the marathon)
places - work trips?|business trips?|hotel|(love|loves|adore|adores) (those|these|my|our
    |the) (\w+ )?@FOLK
numbers - (doctor|gp|nurse|consultant) (said|says|told|thinks|reckons)
    |not the time|(my|our|their|his|her) own pace|pace is (\w+ )?(conversational|chatty|easy
    |slow|gentle|whatever|irrelevant)|(easy|gentle|slow|comfortable|chatty|conversational|steady
    |relaxed) pace|day out|not about the (time|clock)|time on (my )?feet|my (doctor|gp|consultant
    |surgeon|nurse)|cardiolog\w*|oncologist|cleared me|medical|medication|beta blockers?|(numbers?
    |figures|stats|data|readings?|levels?|results) (\w+ ){0,8}(scales?|weigh\w*|blood|bp
    |cholesterol|glucose|sugar|a 1 c|bmi|waist|liver|kidneys?)|(scales?|weight|blood pressure|bp
    |cholesterol|glucose|blood sugar|a 1 c|bmi|liver|kidney|blood test) (\w+ ){0,3}(numbers?
    |figures|readings?|results|levels?|score)
race_averse - ^(?!.*\b(race|races|racing|events?)\b).*\b(competition|competitive|compete
    |competing)\b
# "Competitive about the costumes", "at work", "about everything else": not about running.
competition - (competitive|compete|competing) (\w+ ){0,2}(about|at|in|over
    |when it comes to) (?!(\w+ ){0,2}(race|races|racing|run|runs|running|parkrun|times?|pace|pbs?
    |prs?|age|results|segments?|leaderboards?|sport|it|(everything|anything|all)(?! else)|heart
    |nature|core|spirit|way|bones|last|final|finish|end|line|mile|km|hills?|course|distance|track
    |field|club|league|cross|xc|fells?|trails?|marathons?|half|halves|\d+|everyone|anyone|people
    |others|friends|mates|myself|front|sharp|pointy|top|masters|vets?|events?|champs|championships?
    |level)\b)\w+
[question drive]
feeling M feel(?! like)|feels(?! like)|feeling|feelings|vibes?|the high|the buzz|the calm|calm
numbers M (?<!\d )times(?! a week)|targets|the numbers|my number
consistency M the habit|habit
[question big_dream]
big_dream M marathon|marathons|ballot|abroad|\d+ (km|mile) (ultra|race)
[question competition]
# Races left to others, their cost, or a wish for anything else instead: "racing's for the
# youngsters", "far too pricey", "paying to be miserable with 3000 strangers?", "I'd sooner
# scrub the bath".
race_averse M @RACE (is |are |was )?(\w+ )?for (the )?(young|younger|youngsters|kids|other|fast
    |serious)\b
    |(too|so|far too) (expensive|dear|pricey|costly)|pay\w* (\w+ ){0,3}to (suffer|queue|stand|be
    |get|run with)|i would (rather|sooner) \w+( \w+){0,3}$|^(nah|no|nope)( ,)? pass$|^pass$
# Racing refused flatly, the negation its own ("I don't race.", "No racing, ever", "never a bib
# on me"); not a hedge ("I don't really race") or turning down competing ("not racing anyone").
race_averse M (^|i )(do not|never|will not) race( ,|$)|^(me , )?no (races|racing)\b
    |never (a|any) (number|bib)s? on me
race_experience M (a|good|great|such) (laugh|hoot|giggle|blast|fun)|spirit
competition M ^(yes|yeah|yep|absolutely|definitely|very much|very much so|love it|i do|thrive on it
    |100)( ,|$)
# Nerves alone are not a wish to stay away: "nervous on the start line but I love it".
race_averse W nervous|anxious|pressure|butterflies|jitters
race_averse M (nervous|anxious|sick|panicky|a wreck|a mess|dread\w*) (\w+ ){0,4}(before|about|at|on
    |during) (a |the |any )?@RACE|@RACE (\w+ ){0,5}(i )?(feel|felt|get) (physically |so )?(sick
    |anxious|panicky|nervous)
race_averse M terrif\w*|scared|scary|panic|dread|once was enough|never again|not for me
    |not my thing|no thanks|can not stand|no chance|no way|not a chance|forget it|waste of|ego
    |hard pass|makes? my (chest|stomach)|@REACTION|hated (it|every (second|minute|step|mile))
[question life_fit]
time_limited S (and|that is|that) it$
time_limited M (only|just|literally) (\d+|one|two|three|an?) (\w+ )?(minutes?|mins?|hours?|runs?)
    |^@NUM (minutes|mins)
time_limited V kids|children|job|work|works|working|family|nurse|teacher
time_limited M madness|relentless|full on
[question beyond_running]
time_limited M (only|just|literally) (\d+|one|two|three|an?) (\w+ )?(minutes?|mins?|hours?|runs?)
wellbeing M head|mind|mood

# Phrases the reader applies itself. Under big_dream and journey any answer about running counts.
[phrase DREAM_CONTENT]
run|runs|running|race|races|racing|marathons?|half|ultra\w*|km|mile|parkrun|ironman|triathlon
    |trails?|streak|days|pb|pr|sub|qualif\w*|finish|complete|majors?|states|munros|continents
    |leader|qualification|\d+|level|form|shape|fitness|my best|vest|gb|selection|champs
    |championships?|national|worlds|international|podium|age group|@REGIONS|@CITIES
[phrase JOURNEY_CONTENT]
week \d+|day \d+|\d+ (weeks?|days?|months?|km|mile|minutes?|mins?)|working|building|build|next|then
    |training|block|booked|signed|run walk|walk run|(first|second|third|fourth|fifth) (week|month
    |day)|so far|currently|started|starting|lessons?|getting|progress\w*|stepping|course|january
    |february|march|april|may|june|july|august|september|october|november|december|spring|summer
    |autumn|fall|winter|gradually|lengthen\w*|increas\w*|add|adding|trying|up to|to go|toward
    |towards|from|plan for|plan to|training plan|marathon|half|km|mile|couch|longer|further
    |practi[cs]\w*|prepar\w*|each (week|month)|race|races|qualif\w*|recces?|this year|next year
    |(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several) (weeks?|months?)
# "Maybe a glow run", "No big dream, no.", "Never."
[phrase HEDGED]
^(maybe|perhaps|possibly|i suppose|might)\b|\bno (hurry|rush)\b|^(just|only) (to|a|be|being)\b
    |\bnothing (huge|big|major|crazy|fancy|special|much|signed|booked|planned|fixed)\b
[phrase DECLINE]
^(no|nope|nah|none|nothing(?! (with|that|involving|which))|not really|not sure|not one|not on
    |not at the moment|not yet|n a|do not (have|know)|i do not (have|know|really)|i am (content
    |happy as i am|not one)|i have no|can not think|no idea)\b|\b(big enough|enough for now)\b
[phrase REFUSAL]
^(it was (fine|ok|okay|alright) , |(realistically|honestly|probably|sadly|frankly
    |in reality)( ,)? )?(no|nope|nah|never|no way|no chance|not a chance|not (really )?for me
    |not (really )?my thing|no thanks|no thank you|why would i|not likely|not me
    |not in this lifetime)( either way)?$
# Negations of more than one word: "fed up with", "before I even (look at my time)".
[phrase MULTI_NEGATORS]
\b(had enough of|fed up with|sick of|gave up|give up|given up|no longer|put off|turned off
    |too (old|tired|lazy|busy|slow|set in my ways) to
    |leave me cold|over it|who cares|(hopeless|terrible|rubbish|useless) (with|at)|bored (by|of
    |with)|before i (even|ever)|(burnt|burned) out on|tired of|sick to death of|(?<=more )than
    |(?<=rather )than|instead of)\b
# Negation words that negate nothing: "never miss", "can't wait", "without stopping".
[phrase NOT_NEGATION]
\b(not only|no doubt|no (rush|hurry)|never (miss|missed|misses|skip|skipped)|not (miss|missed|skip
    |skipped)|(can|could) not wait|no matter|not to mention|never (get|gets|got) (tired|old|bored)
    |never tire|nothing (beats|like|better|compares)|no better|not (bad|a bad)|(do|would
    |did) not mind|never mind|no excuses?|(never|not) (stop|give up|quit)|without (fail|stopping
    |walking|a walk|missing|a break|walk breaks?|breaks)|not walking|never thought|never (imagined
    |dreamed|believed|expected)|did not (think|believe|know) i|no (problem|worries)|not just
    |(did not|never) (know|knew|realize\w*) (that |how |what )?(\w+ ){0,2}(can|could|would|was
    |were|is|are|had)
    |never have been|not (a lot|much|many) of|not many|(quit|stopped|gave up|give up
    |given up) (smoking|drinking|cigarettes|alcohol|booze)|(since|when|after) i (stopped|quit
    |gave up))\b
# Negations after a cue, past auxiliaries: "Races aren't my thing", "Pace is irrelevant".
[phrase POST_PHRASES]
\b(leaves? me cold|do nothing for me|does nothing for me|means? nothing|not for me
    |is not (really )?me|(not|never) (really )?my thing|bores? me|can (go hang|wait|get stuffed
    |do one|take a hike|go jump)|not bothered|(made|makes|make) (running
    |it) (feel )?like (a )?(work|chore|job|homework)|is whatever|(were|was|are|is) (making
    |made) me (miserable|anxious|stressed|unhappy|obsessive)|(make|makes|made) me (miserable
    |anxious|stressed|unhappy|obsessive))\b
# The past ("before long covid I was all about my splits"), STILL present, a CHANGE of heart.
[phrase PAST]
\b(^before( ,)? i (was|used|had|did|would|always)|previously|in the past|formerly
    |(?<!get )(?<!getting )(?<!got )(?<!am )(?<!is )(?<!are )(?<!be )used to(?! it\b)|back (then
    |in the day|when)|in my (20|30|40) s|in my (twenties|thirties|forties|youth|younger days)
    |when i was (younger|young|a kid|at school)|when (the |my |our )?(kids|children) were (little
    |small|young|babies|tiny)|years ago|decades ago|in those days|at school|i was (a |an )?(decent
    |good|fast|quick|keen|sporty)|gave (it|that) up|once upon a time|in (a|my) (previous|former
    |past|other) life|before (my |the |long )?(\w+ )?(covid|kids|children|baby|twins|injury|illness
    |op|operation|surgery|diagnosis|divorce|pandemic|lockdown|cancer|chemo|accident
    |stroke)( ,)? i (was|had|used|did|would|ran|raced|lived|loved)|i (was|had been) (all about
    |obsessed|really into|big on|mad about|hooked on|fixated on)|pre (covid|kids|children|injury
    |baby|pandemic)|i was (a|an) (\w+ ){0,2}(racer|runner|competitor|champion|athlete|sprinter
    |numbers \w+|data \w+|stats \w+))\b
[phrase STILL]
\b(still|even now|to this day)\b
[phrase CHANGE]
\b(now|nowadays|these days|anymore|any more|no longer|@SETBACK|gave (it|that|them) up|not (so
    |as) much|(that )?ship (has )?sailed|moved on|grew out of|(fire|spark|hunger
    |drive) (has )?(gone|went out|died|faded))\b
# Waved away: "Podium? Having a laugh.", "came last and didn't care"; RHETORICAL: "Me, compete?"
[phrase DISMISS]
\b(you are having a laugh|having a laugh|as if|yeah right|fat chance|no chance|not a chance
    |not likely|in my dreams|you must be joking|are you kidding|forget it|hard pass|gave (it
    |them) away|got rid of (it|them)|(sold|binned|ditched) (it|them)|(that )?ship (has )?sailed)\b
    |\b(did not|do not|does not|could not|never|not) (really |even )?(care|bothered
    |fussed)( (one bit|a bit|at all|less|a jot|a hoot|much|whatsoever|either way))?$|\b(did not
    |do not|never) think much of (it|them)( either way)?$
[phrase RHETORICAL]
(?i)\bme\s*[,?!.]*\s+(?:a\s+|an\s+)?\w+(?:\s+\w+)?\s*\?+|\b\w+(?:\s+\w+)?\s*\?+\s*me\s*\?
# "The atmosphere is nice but I'm there for the time": a clause that only concedes its point.
[phrase CONCEDE]
\b(is|are) (fine|nice|ok|okay|all very well|all well and good|alright|a (nice )?bonus
    |a nice extra)$
# Under the journey question, keeping things as they are is not a journey ("keep it going").
[phrase UPKEEP]
\b(keep\w* (it |things |this |that )?(going|ticking over|up)|keep\w* (\w+ ){1,5}going|keep\w* at it
    |maintain\w*|stick\w* (with|to) it|not (breaking|break|broken|missed|skipped) (it|one|a)|(fully
    |properly) (back|training|fit)|been (that|this) way|(do not|never) see why (it|that|this) (would
    |should|will) chang\w*|no plans? to change)\b
# A clause that goes ahead despite the one before: "Races terrify me but I've entered anyway".
[phrase DEFY]
\b(anyway|anyhow|regardless|all the same|even so|nonetheless|nevertheless|i (love|enjoy|like)|(love
    |enjoy|like) it|part of the (fun|buzz|thrill)|thrive on it|worth it)\b
# A note that mentions racing, then a clause that damns it: "Did one once. Hated every second."
[phrase REJECT]
^((these days|nowadays|now|honestly|frankly|personally)( ,)? )?(i )?(no thanks|no thank you
    |no chance|no way|not a chance|hard pass|not interested|would rather not|rather not|hated (it
    |every (second|minute|step|mile)|the (whole|entire) (thing|experience|day))|never again
    |once was enough|not for me|not my thing|not my cup of tea|(never|not) (doing|do) (it|that
    |one) again)( ,|$)
# Someone else's motivation: "My husband is obsessed with his Garmin".
[phrase OTHERS]
^(my|our|his|her|the) (wife|husband|hubby|partner|friends?|mates?|kids|son|daughter|coach|doctor|gp
    |physio|mom|dad|sister|brother|boss|family|club|colleagues?)\b(?! and i\b)|^(he|she|they|people
    |everyone|everybody|others|most people|some people)\b|\b(i (should|ought to|am supposed to)
    |(watch|app|garmin|strava|phone) (tells|told|says|said|calls|called|thinks) me|(people
    |everyone) (say|tell|think))\b
# A sentence about an event, whose places are venues: "The parkrun family at Heaton Park".
[phrase EVENT]
\b(@RACE|parkrun|marathons?|half|\d+ km|gnr|great north run|fun runs?)\b
# What makes a named place more than a race venue ("the Berlin marathon") or a time's city.
[phrase SCENE]
\b(@PLACE_WORDS|explore|exploring|sightseeing|scenery|scenic|destination|beautiful|stunning
    |gorgeous|breathtaking|every (state|county|country|continent|capital)|new places|somewhere
    |adventures?|see the (city|sights|country|world)|abroad|overseas|touris\w*|on holiday|different
    |home ?town|home (city|country|village|island)|where (i|we|my \w+) (grew up|live|lives|lived
    |was born|come from|comes from|(is|are|was) from)|run\w* (in|at|along|around|round|up|across
    |through|over|past) (the )?@CITIES)\b
# A capitalised place after a running verb, read on the original text: "run along the Bosphorus".
# A name after a place preposition, read on the original text: "the seawall in Vancouver".
[phrase PLACE_IN]
\b(?i:in|at|near|around|along|above|on)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June
    |July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday
    |Saturday|Sunday|Christmas|Easter|I|Strava|Garmin|Instagram|Facebook|parkrun)\b)[A-Z][a-z]{2,}
[phrase PLACE_NAME]
\b(?:run|runs|running|ran|race|racing|jog|jogging|go|going|live|lives|been|visit
    |visiting)\s+(?:\w+\s+){0,3}?(?:in|along|around|round|through|across|up|over|at
    |to)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October
    |November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter
    |I)\b)[A-Z][a-z]{2,}
# A named landmark, a place in its own right even in a note about a race: "the Great Wall".
[phrase LANDMARK]
\b[A-Z][a-z]+(?:'s)?(?:\s+[A-Z][a-z]+)*\s+(?:Wall|Way|Path|Trail|Ridge|Round|Fell|Pike|Peak|Canyon
    |Lake|Loch|Island|Isle|Coast|Forest|Mountains?|Hills|Falls|Valley|Gorge|Bay|Beach|Head|Point
    |Glen|Moor|Downs|Seat)\b
# Sarcasm, said the other way round: "Oh yes, I'd love to pay 45 quid to queue for a portaloo",
# "nothing says fun like 5000 strangers elbowing me", "what's not to love". A marker, or a wish
# for a race's costs (paying, queueing, being elbowed, standing in a pen).
[phrase SARCASM]
^(oh|ah|ooh) ,? ?(sure|great|goody|joy|lovely|right|how fun)\b
    |\byeah ,? right\b|\b(said|says) (no one|noone|nobody) ever\b|\bwhat is not to (love|like)\b
    |\bnothing says (\w+ ){1,2}like\b|\bwho (does not|would not) (love|want|enjoy|like)\b
    |\b(sure|yeah|aye)( ,)? (if|when) i (ever )?\w+|\bwhen pigs fly\b|\bpigs might fly\b
    |\bjust what (i|everyone|you|we) (need|needs|needed|want|wanted)\b|\bmy idea of (fun|a good
    |heaven)\b|\b(love|loves|adore|enjoy|can not wait|dying|keen|thrilled) (to )?(\w+ )?(pay|paying
    |queue|queuing|queueing|fork out|forking out|shell out|shelling out|be elbowed|being elbowed
    |get elbowed|getting elbowed|stand in a (pen|queue|line)|standing in a (pen|queue|line)|shiver
    |shivering)\b|\bnothing (i )?(love|like|enjoy) more than (\w+ ){0,2}(paying|queu\w*|shivering
    |being elbowed|getting up at)\b
# Fondness or a wish in a note, that makes a place in it a draw ("The desert road. I love this
# emptiness.", "Best city in the world for running", "I want to run in ..."); without it a place
# is named in passing. Not a love of
# the people ("I love those ladies").
[phrase FOND]
\b(love|loves|loved|lovely|adore|adores|want to|wants to|would love|dream|one day|someday|wish
    |miss|(that|it) is home|favorite|beautiful|stunning|gorgeous|glorious|breathtaking|magic
    |magical|special|peaceful|happy place|happiest|nothing better|nowt better|nothing beats|oh my
    |my city|my town|my patch|best (\w+ ){0,2}in the world|on (god )?earth|never tire
    |never get bored|heaven|paradise|spectacular|dreamy|idyllic
    |pretty)\b(?! ((those|these|my|our|the|a) )?(\w+ )?@FOLK)
# The clause after "but" takes back the one before: "..., but it's not why I do it".
# A later clause that disowns what the one before named: "Numbers I look at, but I forget them".
[phrase DISOWN]
\b(forget|forgot|ignore|ignored|ignores|hate|hated|(do|did) not (care about|look at|want|need
    |trust|check|read)|never (look at|check|read|use|wear)|can not (stand|be bothered with)) (them
    |it|one|that|those)\b
# A setback and a return told in one note: "Meniscus op in January. Back to 30 km a week now."
[phrase SETBACK_NOTE]
\b(surgery|operation|op|chemo|chemotherapy|radiotherapy|cancer|injury|injured|fracture\w*|broke
    |broken|torn|tore|meniscus|acl|achilles|replacement|pregnant|pregnancy|gave birth|burn ?out
    |long covid|stroke|heart attack|(years|months) of nothing|(years|months) off)\b
[phrase RETURN_NOTE]
\b(back (at it|to|on|running|out)|again|since (january|february|march|april|may|june|july
    |august|september|october|november|december|then)|from scratch|rebuild\w*|run walk|walk run
    |walked first
    |allow\w* (me )?(to )?run\w*|cleared|first (run|thing|time) (since|after))\b
# Neither for nor against races: "Can take them or leave them", "not bothered either way".
# A habit held, read by its structure (themes.py, _hear_a_habit): a regular slot, how long it
# has been kept, and no misses. A frequency alone is a fact; with a duration or no misses it is
# a habit held ("Sundays, twelve years now", "three a week and I have not skipped one").
[phrase HABIT_REGULAR]
\b(every (single )?(morning|day|evening|night|week|weekday|weekend|monday|tuesday|wednesday
    |thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)|(mondays|tuesdays|wednesdays
    |thursdays|fridays|saturdays|sundays)|each (morning|day|evening|week)|daily|\d+ ?am|at \d+:\d+
    |\d+ o clock|(\d+|one|two|three|four|five|six|seven) ?(\w+ )?(x|times|runs|days|mornings
    |evenings) (a|per|each) week|ritual|slot|(the|my) (monday|tuesday|wednesday|thursday|friday
    |saturday|sunday) (\w+ )?(run|loop|long run|mile|km)|(mon|tue|tues|wed|thu|thur|thurs|fri|sat
    |sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b
[phrase HABIT_DURATION]
\b((for|in|about|over|nearly|almost|all) (\w+ )?)?(\d+|two|three|four|five|six|seven|eight|nine
    |ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty
    |forty|fifty|sixty|many) (years?|yrs|decades?)\b(?! (ago
    |old|younger|older|back|later|after|stopped|off|out|away|of nothing|break))|since (19|20)\d\d
    |since i (joined|started|began|retired)|(\d+|two|three|four|five|six|seven|eight|nine|ten
    |a hundred) (days|weeks|months|years) (of it|straight|in a row|running|unbroken|on the trot)
    |(years|months|weeks|days) (straight|in a row|on the trot)|(all|the whole|every \w+ of this
    |a full|a whole|one full) year\b|all \d+ days|and counting
[phrase HABIT_KEPT]
\b((?<!would )(?<!will )(?<!could )(not|never|did not|have not|has not|do not|does not|hardly ever
    |only) (\w+ ){0,2}(missed
    |miss|skipped|skip)|(miss|missed) only|not once|not one (missed|off|skipped|day|week|month|year
    |run|morning|evening|session|time|\w+day)|not one( ,)?$|(missed|skipped) (none|nothing|zero)
    |without (fail|a break|a miss|missing)|sacred|not up for negotiation|non negotiable
    |guard\w* (that|the|my|it)|protect\w* (that|the|my|it))\b
# Kept whatever comes: "hail or not", "even through the dark months", "gales, fever, the lot". It
# makes a habit held only beside a regular slot or a duration ("even on easy days" alone is not).
[phrase HABIT_DEFY]
\b((rain|snow|storm|sleet|dark|heat|hail|wind|ice|frost|fever|flu)\w* or (not|shine|no|snow|sun
    |whatever|\w+)|even (in|on|when|through|the (week|day)) |whatever the weather|all weathers
    |in any weather|(snow|sleet|hail|storm|ice|fever|flu|gales?|rain|wind) , (\w+ , )?(the lot
    |whatever|\w+))\b
# A habit lost, or being got back: a return, not a habit held ("fell off over the holidays").
[phrase HABIT_LAPSE]
\b((get|getting|got|back) (back )?(in)?to (a |my |the )?(\w+ )?(routine|habit|usual|rhythm)
    |(lost|lose|losing|broke|broken) (my |the )?(routine|habit|rhythm|streak)|fell off|fallen off
    |wrecked (it|my routine)|out of (the )?(routine|habit)|(trying|try) to get back to|(start
    |started|starting) (running )?again)\b
# A change in the runner told across a note (themes.py, _hear_a_change_in_self): a fear or
# doubt about themselves then, and now something they do ("I was too shy to ask for help at
# work. Now I chair the Friday meeting.").
[phrase DOUBT_THEN]
\b(afraid|scared|frightened|terrified|feared|too shy|hid|hide|did not (believe|think) (i|my \w+)
    |never (believed|thought) i|let me down|wallflower|the quiet one|(could not|can not) (believe
    |trust) (in )?(myself|my \w+))\b
[phrase NOW_SELF]
^(and )?now\b|\bnow (i|at|my|\w+ i)\b|\bthese days i\b|\bevery run (tells|shows|proves)\b
# A practical reason for a place, said without a "because" (themes.py: it makes the places of
# a note fond of nothing where they run, not a draw): "Lakeside loop, it's level and lit",
# "flat and near", "it's nearest to the flat", "4 minutes away", a shrug ("It's fine.").
[phrase PRACTICAL]
\b(it is|it) (\w+ ){0,2}(closest|nearest|flat|level|soft|near|close|handy|lit|safe)\b
    |\b(flat|level|close|near|handy|lit|safe|soft) (and|,) (flat|level|close|near|handy|lit|safe
    |soft|quiet)\b|\b\d+ (min|mins|minutes) (away|from)\b|^it is (ok|okay|fine|alright)$
    |\b(bcoz|coz|because of) (\w+ ){0,3}(close|near|flat|lit|away|handy)\b
[phrase INDIFFERENT]
\b(take (them|it) or leave (them|it)|either way|neither here nor there|indifferent|(do not|does not
    |never) (really )?mind (either way|whether))\b
[phrase NOT_WHY]
^(it is |that is |they are )?not (really )?(why|what|the reason|the point|what (drives|gets
    |motivates|matters))\b|\b(switch|switches|turn|turns|shut|shuts) (that|it|all that) off\b
    |\b(out of|from) (habit|routine)\b|^(not|never) (with|in|when|about) (my )?running\b
    |^only (because|so|to|for)\b
"""
