"""The data behind milepost.reflection.themes: the cue table and the word lists.

Pure data (strings, and pairs of strings): themes.py parses, compiles and applies it.
"""

# The lexicon. One cue per entry: "theme WEIGHT regex", WEIGHT one of S, M, W, V (strong,
# medium, weak, very weak; themes.py sets the values) or "-" in [cancel]. A line starting with
# spaces continues the regex above it (break only before a "|"); a line starting with "#" is a
# comment. "@NAME" inserts a [define NAME]. Regexes run on normalised clauses: lower case, one
# space between tokens, commas kept as " , ", contractions expanded ("do not"), US spelling,
# units as "km" and "mile". [against]: phrases that count against a theme. [cancel]: phrases
# that void a theme's cues in their clause. [question KEY]: cues that count only under that
# question. "_race_love" is resolved to race_experience unless the clause is about competing
# ("racing and beating"). [phrase NAME]: a pattern the reader itself applies (see themes.py).

LEXICON = r"""
[define PEOPLE]
(friends?|mates?|buddy|buddies|pals?|partner|husband|hubby|wife|son|sons|daughters?|sister|sisters
    |brother|brothers|kids|children|family|dad|mom|mother|father|grand(daughter|son|kids|children)s?
    |group|club|neighbors?|colleagues?|team|crew|girls|lads|ladies|gang|other people|others|him|her
    |them|me|us|each other|dog|dogs)
[define GROUP]
(club|group|crew|squad|gang|tribe|harriers|striders|joggers|crowd|community|ladies|girls|lads)
[define RACE]
(race|races|racing|events?|competitions|start lines?|mass starts?|bibs?|race numbers?
    |pin\w* (on )?(a |my |the )?(race )?(number|bib)( on)?|organized (runs|events))
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
    |dubai|prague|vienna|copenhagen|stockholm|oslo|reykjavik|tromso|cape town|venice|florence|athens
    |budapest|krakow|san francisco|los angeles|honolulu|istanbul)
[define PLACE_WORDS]
(trails?|fells?|mountains?|hills?|hilly|moors?|moorland|coast|coastal|coastline|beach|beaches
    |seafront|seaside|promenade|cliffs?|forests?|woods|woodland|woodlands|countryside|canal|towpath
    |riverside|river|lakes?|lakeside|lochs?|fjords?|glens?|peaks?|summits?|ridges?|valleys?
    |national parks?|nature reserve|scenery|scenic|views?|vistas?|landscapes?|sunrise|sunset|desert
    |canyon|islands?|waterfalls?|heath|parkland|off road|paths?|routes?|farm tracks|railway (line
    |path)|bridleways?|country lanes|lanes|fields|meadows|greenways?)
[define PLACE_LIKE]
(love|loves|loved|lovely|want|wants|would love|like to|dream|favorite|miss|beautiful|stunning
    |gorgeous|glorious|explore|exploring|new|somewhere|anywhere|never get bored|never tire|best
    |magic|magical|special|wild|remote|peaceful|amazing|breathtaking|incredible)
[define FREQUENCY]
((\d+|one|two|three|four|five|six) ?(x|times|runs|days|mornings|evenings) (a|per|each) week)

[cues]
numbers S (numbers?|data|stats?|statistics|metrics|spreadsheet|graphs?|charts?|splits) (person|guy
    |man|woman|girl|nerd|geek|junkie|freak|fiend|addict|driven|obsessed|obsessive|lover)
numbers S (nerd|geek|junkie|obsessed|obsessive|addicted|hooked|fixated) (on|with|about
    |over) (\w+ ){0,2}(numbers|data|stats|statistics|metrics|splits|graphs?|charts?|pace|times?|pbs?
    |prs?|watch|garmin|strava|mileage)
numbers S spreadsheets?|(log|logs|logged|logging|track|tracks|tracked|tracking|record
    |records) (every|each|all|everything|my (runs|miles|mile|km|mileage|times|pace|progress))|(keep
    |keeps|kept|keeping) a (log|diary|record|tally|spreadsheet)|ticking off (the )?(mile|miles|km
    |runs)
numbers S (check|checks|checking|checked|look|looks|looking|looked|pore|poring|stare|staring|study
    |studying|anal[sy][sz]\w*|obsess|obsessing|geek|scroll|scrolling) ((at|over|out|through|on
    |in) )?(\w+ ){0,2}(stats|statistics|data|graphs?|charts?|splits|metrics|numbers|garmin|strava
    |watch|heart rate|pace|times?|training load|app)
numbers S (love|like|loves|likes|enjoy|enjoys|loved|adore) (\w+ ){0,3}(numbers|data|stats|statistics
    |metrics|graphs?|charts?|splits|pbs?|prs?|gadgets)
numbers S (watch|watching|see|seeing|saw) (\w+ ){0,3}(pace|time|times|mileage|mile|km|numbers
    |heart rate|splits|weeks|graph|progress) (\w+ ){0,2}(drop|dropping|fall|falling|come down
    |coming down|go down|going down|go up|going up|improve|improving|add up|adding up|fill up|tick
    |ticking|creep|creeping|trend|trending)
numbers S (mileage|mile|km|numbers) (\w+ )?(add|adding|adds|added|tick|ticking|creep|creeping|stack
    |stacking) up|(time|times) (come|comes|coming|came|go|going) down
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
feeling S (pure|sheer|simple|real) (joy|pleasure|love|fun|bliss|happiness)|joy|joyful|joyous|bliss
    |for (the )?(fun|joy|love|pleasure|hell) of it|love of (running|the sport)
feeling S enjoy\w* (it|running|the running|my running|the run|my runs|every (run|step|minute|mile)
    |each run|runs|myself|being|moving)|run naked|without a watch|no watch
feeling M freedom|free feeling|runners? high|endorphins|post run (buzz|glow|high)|in the zone
    |fresh air|being (out|outside|outdoors|out there|out in)|out (in|on) the (hills|fells|trails|air
    |rain|sun|woods)|(rain|sun|sunshine|wind|breeze) on my (face|skin)|(like|love|enjoy) being (out
    |outside|outdoors|on|in)|in the rain|the elements|listen\w* to my body|(how|what) my (body
    |legs) (feels?|says|tells)|no pressure|run free|unplugged|just (run|running) (and|for)|(feel
    |feels|felt) like flying|floating|lost in (it|the run|my thoughts)
feeling W enjoy\w*|fun(?! runs?)|play|playful|happy|happiness|smile|smiling|smiles|grin|grinning
    |laugh\w*|relax\w*|(?<!would )(love|like) (to run|running|my running|every run)|i just run
    |nature|soul
social S (run|runs|running|ran|train|trains|training|trained|jog|jogging|go|going|went|out|do|did
    |doing) (\w+ ){0,5}(with|alongside) (my |our |a |the |some |other )?(\w+ )?@PEOPLE
social S running (club|group|buddy|buddies|partner|partners|pal|pals|friend|friends|mates?|crew
    |community|family)|run club|(club|group) (run|runs|mates|friends|members|sessions?|nights?
    |social)|(my|our) (?!age )(\w+ )?@GROUP|(the|a|local|women|ladies|church|work|office|parkrun
    |saturday|sunday|beginners|walking) @GROUP|my people
social M with (my |our |the |some |a )?(\w+ )?(friends?|mates?|buddy|buddies|pals?|partner|husband
    |hubby|wife|son|sons|daughters?|sister|sisters|brother|brothers|kids|children|family|dad|mom
    |mother|father|grand(daughter|son|kids|children)s?|group|club|neighbors?|colleagues?|team|crew
    |girls|lads|ladies|gang|other people|others)
social M together|with each other|as a (group|family|couple|team)|[a-z]+ and i (run|ran|train|go
    |went|do|are|have|will|want|make|started|start|did|plan|meet)|me and my \w+|with (me|us|him|her
    |them)\b|companionship|company of|with others
social M chat|chats|chatting|chatted|natter\w*|gossip\w*|craic|banter|catch up|catching up|social
    |sociali[sz]\w*|sociable|community|camaraderie|friendships?|belong\w*|girls weekend|lads weekend
    |meet (up|new people|friends)|made (\w+ )?friends|(all of us|the whole (family|gang|club))( ,|$)
    |(same|friendly|familiar) faces|coffee (after|afterwards)|cafe|the pub after|(push|pushing|take
    |taking|bring|bringing) (my |the )?(\w+ )?(grandson|granddaughter|son|daughter|baby|kids)
social M volunteer\w*|marshal\w*|tail (walker|runner)|run leader|lirf|(coach
    |coaching) (the )?(juniors|kids|beginners|group|others)|pac(e|ing) (my |a )?(friend|mate|wife
    |husband|buddy)|guide runner|(start|set up) a (group|club)|help\w* (others|people|beginners)
social W friends?|mates|buddies|pals|colleagues|company|the ladies|the lads|team|relay
places S destination (race|races|marathon|marathons|half|halves)|every (state|county|country
    |continent)|run\w* (in|at|along|around|round|up|across|through|over|to) (the )?@CITIES|where (i
    |we|my \w+) (grew up|live|lives|lived|was born|come from|comes from|(is|are|was) from)
places S @PLACE_LIKE ([\w,]+ ){0,8}@PLACE_WORDS|@PLACE_WORDS ([\w,]+ ){0,8}@PLACE_LIKE
places M @REGIONS|explore|exploring|sightseeing|see (so )?much more of|new routes?|somewhere (new
    |different|beautiful|warm|exotic)|new places|adventures?|travel\w*|abroad|overseas|holidays?
    |vacations?|trips?|the scenery|running holiday
places W @PLACE_WORDS
places V @CITIES
places S end to end|(the )?length of|the whole of
competition S competitive|competitor|thrive on (it|competition|racing)|race\w* to win
    |bragging rights|overtak\w+|pick\w* (people|them|runners|others) off|reel\w* (people|them
    |others) in|(chase|chasing|hunt|hunting) (people|them|runners|others) down
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
    |age category|category|division|[mfvw] \d\d)|age (group|category) (win|wins|winner|prizes?
    |placings?|podium|medals?|awards?|places?|positions?)
competition M compete|competing|competition|win|wins|winning|won|winner|rival\w*|podium|placings?
    |top (\d+|ten|three)|[mfvw] \d\d|league|championships?|champs|masters|leaderboard|segments?|kom
    |qom|local legend|prizes?|trophy|trophies|pip|pips|pipped|outsprint\w*|sprint finish|age (group
    |category|division|cat)|racer|racers
race_experience S atmosphere|(race|races|racing|events?) ([\w,]+ ){0,4}for the (?!win|time|times|pb
    |pbs|pr|podium|placing|clock|prize|sheer|pure|love|joy|fun of)[a-z]+|(there|in it|do it|do|them
    |be) for the (fun|atmosphere|day out|experience|craic|social|cake|medals?|bling|buzz|party
    |crowds?|t shirt|snacks|photos|views|occasion)|(love|like|enjoy|adore) the (buzz|energy|crowds?
    |atmosphere|cheering|start line|finish line|race day|medals?|bling|occasion)
race_experience M crowds?|cheer\w*|spectators|bling|finisher\w*|(race|finisher) medals?
    |wall of (them|medals)|medal (wall|collection|hanger)|goody bags?|swag|aid stations?|t shirts?
    |race days?|race weekends?|day out|the buzz|the energy|the party|the occasion|high fiv\w*
    |fun runs?|color run|charity (run|race)s?|race for life|fancy dress|costume|turkey trots?
    |matching (hats|shirts|outfits|costumes)|there for the (?!win|time|times|pb|prs?|podium)[a-z]+
    |themed (run|race)s?|majors|back of the pack\w*|mid ?pack|middle of the pack
    |never near the front|not (fast|quick) enough to (win|place)|not about the (time|clock)
race_experience W medals?|ballot|signed up|sign up|start lines?|finish lines?
_race_love M (love|loves|loved|like|likes|liked|enjoy|enjoys|enjoyed|adore
    |live for) (\w+ ){0,2}(race|races|racing|events|race day|start lines?|finish lines?)|(enter|do
    |run) (a lot of|a few|loads of|lots of|the odd|an occasional|plenty of) (\w+ )?(race|races
    |events?)|the odd (\w+ )?race
race_averse S (hate|hated|hates|loathe|detest|dislike|dread|can not stand|could not stand|avoid
    |can not bear|not a fan of|not keen on|no interest in|no desire to|put off by|not like|not enjoy
    |see the point of|(?<!once )(?<!when )(?<!after )(?<!until )i am done with|sick of|fed up with
    |had enough of) (?!(being|getting|losing|it when) )(\w+ ){0,3}@RACE|(not
    |never) catch me (dead )?(\w+ ){0,3}@RACE
race_averse S @RACE (\w+ ){0,3}(@REACTION|(are|is) not (really |just )?(me|my thing|for me
    |my cup of tea|my scene)|not for me|not my thing|boring|pointless|a waste)
race_averse S (never|not|will not|would not) (do|enter|run|go in for) (a |any )?(\w+ )?(race|races
    |event|events)
race_averse S (never|not|will not|would not|wo not) (\w+ )?(race|raced|enter
    |entering) (\w+ ){0,2}(again|never will|races?|events?)|never raced|rather not (race|pin|enter
    |do)|rather (\w+ ){0,8}than (enter|do|run|race)|once was enough|never again(?! (will|would|do|am
    |shall) i)|pressure of (races|racing|a race|events)|(no|without) (crowds|bibs?|race numbers?)
    |not see the point of them
race_averse M too (much|many) (\w+ ){0,3}(at|in) (races|events)|(races|events) (are|feel) (too
    |so) (\w+ )?(expensive|crowded|busy|stressful|serious|competitive)|(idea
    |thought) of (a |the )?@RACE (\w+ ){0,2}(makes?|gives?|fills?) (me|my)
race_averse W too many people|faff
wellbeing S mental (health|wellbeing|well being)|my (head|mind|mood|sanity|nerves)|head ?space
    |clear\w* (my|the) (head|mind)|head (clear|clears|empties|straight)|sane|sanity|therapy
    |therapist|counseling|stress\w*|anxiety|anxious|depress\w*|low (mood|days|patch)|dark (days
    |times|place)|black dog|burn ?out|grief|griev\w*|bereave\w*|sertraline|citalopram
    |antidepressants?|panic attacks?|overwhelm\w*|wrecked my mood|ptsd|adhd
wellbeing M cope|coping|calm\w*|unwind\w*|decompress\w*|switch off|me time|time for me|antidote
    |outlet|release|reset|recharge|sanctuary|lifeline|saved me|saving grace|is my (church|medicine
    |meditation)|head in order|(that is|is) mine|my (hour|time)|a break from|escape|breather|peace
    |takes the edge off|holding me together|go under|out of the house|chaos|chaotic|mood|worr\w*
    |lost my (wife|husband|partner|mom|dad|son|daughter)|menopause|perimenopause|the edge off
    |mindful\w*|meditat\w*|thinking time|process (things|it)|keeps me (level|balanced|grounded
    |steady)|bad days?|happy pills?|black clouds?|lonely|loneliness|isolat\w*
wellbeing W died|divorce|widowed
confidence S confiden\w+|self (belief|esteem|worth|confidence|respect)|believe in myself
    |belief in myself|believe i can|(lost|losing|regain\w*|get back|rebuild\w*) (my |some )?(nerve
    |belief|self)|trust (my|in my) body|comfort zone|stronger than i (thought|knew|realized)
confidence M (prove|proving|proved) (to )?(myself|i can|that i|i am|i could)|can do hard things
    |capable|something i was good at|good at something|shy|self conscious|body image|imposter
    |not sporty|never sporty|picked last|the fat kid|speak up|stand taller|walk taller|stood up for
    |feel like (me|myself) again|still me|feel (strong|capable|powerful) again|(new|better
    |stronger) (me|person|version)|never thought i (could|would)|did not think i could
    |surprised myself|empower\w*|brave|courage|spills? over into|i can (still )?do (things|it|this
    |anything|hard)|taller|(any|some) good at|(reali[sz]\w*|found out|discovered|learned) i (could
    |can|am|was)|tougher than i|stronger than i (look|thought)|embarrass\w*|ashamed|fraud
    |never (been|was) (sporty|athletic|a runner)|(call|calling) myself a runner|real runner
    |proud of myself|badass|identity
health S (?<!mental )health|healthy|heart (attack|scare|condition|disease|surgery|op|operation
    |health|problem|issues?)|bypass|stent|cardiolog\w*|cardiac|blood pressure|cholesterol|statins?
    |diabet\w*|prediabet\w*|type 2|a 1 c|hba 1 c|blood sugar|glucose|metformin|insulin|lose weight
    |losing weight|lost weight|weight (off|loss|down)|\d+ ?(kg|lb|lbs|pounds|stone|kilos) (down|lost
    |off|lighter)|lost (\d+|a lot of|\w+) (kg|lb|lbs|pounds|stone|kilos|weight)|bmi|obes\w*
    |overweight|bone density|osteopor\w*|arthritis|longevity|live longer|off (my )?(meds|medication
    |tablets)|be around (for|to)|see my (\w+ )?(grow up|grandkids|grandchildren)|independen\w*
    |fatty liver
health M weight|bones?|my balance|balance and|joints?|knees working|mobility|(keep|keeping
    |keeps) my (knees|joints|legs|body|heart|hips|back) (going|working|healthy|moving|young|strong)
    |(stay|keep|staying|keeping) (fit|healthy|active|mobile|moving|well)|fit enough|keep moving
    |aging well|grandkids|grandchildren|sleep|asthma|lungs|cancer|chemo|smok(e|er|ers|ing|ed)
    |cigarettes|liver|kidneys?|(blood|liver|kidney|sugar) (numbers|levels|results|tests?)|grandad
    |grandpa|granny|grandma|nana|(still|be able to) (\w+ ){0,4}at (6|7|8|9)\d|wake up call
    |falls clinic|at my age|menopause|perimenopause|without pain|pain free|my body back|dress size
    |waist|stroke|tablets|(the|bathroom) scales|weigh ?ins?|weigh myself|bp
health W doctor|gp|the nurse|nurse said|consultant said|fitness
time_limited S busy|hectic|manic|juggl\w*|squeez\w*|fit (it|runs?|running|them|training) in
    |fits? (in )?around|(no|little|limited|not much|not enough|short on|tight on|pressed for
    |strapped for|no spare|hardly any|not a lot of) time|time (is|was) (tight|short|limited|precious
    |scarce)|(hard|struggle|difficult|tough) to (find|make) (the )?time|find the time|(long|crazy
    |unsocial|antisocial) hours|shift work|night shifts?|on call|ft job|full time|single (mom|parent
    |dad)|school runs?|drop ?off|carer|caring for|care for (my )?(mom|dad|mother|father|parents?
    |husband|wife)|travel\w* (a lot )?for work|or nothing|not much (left|spare) (of|in)|(never|not
    |barely) (\w+ )?(have|had|get|got|find) (the |much |enough )?time|if i am lucky|feast or famine
    |evenings and weekends only|(absolute )?max right now|is what i can manage|look (after
    |after the) (\w+ )?(kids|children|grandchildren|grandkids)|(two|2|three|3) jobs
    |has to be (first thing|early|before)|(\w+) on (\w+) off|all over the place|irregular hours
    |long (days|shifts|hours) (at work|in the \w+|at the \w+)|long working (days|hours)
    |work long (days|hours)|time poor|(small|narrow|tiny) window|here and there|grab (a|an) (run
    |hour)|snatch\w*|stretched|overtime|childcare|ferrying|(hard to|can not) commit
time_limited M shifts?|nights|rota|(\d+|two|three|four|five) (kids|children|teens|teenagers|boys
    |girls)|kids under|toddlers?|newborn|commut\w*|ft \w+|lunch ?(break|hour)s?|at lunch|(during
    |in) (my )?lunch|when they nap|when i can|whenever i can|barely|some weeks|days off
    |can (only )?manage|(only|just|literally) (\d+|one|two|three|an?) (\w+ )?(minutes?|mins?|hours?
    |runs?)|the (absolute )?max|at most|work is (brutal|crazy|mad|full on)|deadlines|packed
    |unpredictable
time_limited W before (work|dawn|the kids)|first thing|\d+ ?am|\d+ ?pm
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
    |up|goal)|(a|my) plan|to go\b|step by step|progressing
consistency S routine|habit|habits|streak|without fail|never miss\w*|not (missed|miss) a
    |without missing|not missing|no matter what|rain or shine|consistent\w*|consistency|regular
    |regularly|(show|showing|shows|turn|turning) up|non negotiable|same (time|route|days)|rhythm
    |every (morning|day|evening|week|weekday|weekend|monday|tuesday|wednesday|thursday|friday
    |saturday|sunday)|run my mile|daily run|(keep|keeping) (it|the habit) (up|alive|going)
    |keeping at it|keep at it|never (skip|skipped|skips)|not skipped|without skipping|stick (with
    |to) it|discipline|structure|like clockwork|religiously|brushing my teeth|ticking over|committed
    |commitment
consistency S (get back to|back to|keep|keeping|stick to|sticking to|maintain\w*|hold|hit
    |never less than|at least) (\w+ ){0,2}@FREQUENCY
consistency M (monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? , (\w+ ){0,2}(monday
    |tuesday|wednesday|thursday|friday|saturday|sunday)|keep going|keep it up|add (a
    |another) (second|third|fourth|fifth|sixth) run
consistency W @FREQUENCY
comeback S (come|coming|came|get|getting|got|ease|easing|eased) back (in)?to (running|it|the sport
    |fitness)|comeback|(come|coming|came) back (to|from|after|into)|(started|starting
    |start) (running )?again|return\w* to (running|run)|return to run\w*|(after|since) (\d+|a|two
    |three|four|five|ten|fifteen|twenty|many|some|a few) (\w+ )?(years?|months?|weeks?) (off|out
    |away|break)|(years|months|weeks) (off|out)|since i (last )?(ran|raced|run)|years since
    |first week back|first (\w+ )?run (back|after|since)|(to|be able to) run again|run again
    |getting (my|back) (life|fitness|legs) back|back (up )?after the (op|operation|surgery|injury
    |bypass)|back running|running again|off for (a|an|\d+|two|three|six|several|many) (\w+ )?(years?
    |months?|weeks?)|(first|second|third|fourth|\d+) weeks? back|after (a|my) (long )?(break|gap
    |hiatus|layoff)|hiatus|lapsed|fell off the wagon|back on (track|the wagon)|from scratch
    |start over|starting over
comeback M (after|since) (my|the|a|an) (op|operation|surgery|injury|illness|hip|knee|bypass|stroke
    |cancer|chemo|baby|pregnancy|covid|fracture|replacement|heart op|break)|injur\w*|tendin\w*
    |physio\w*|rehab\w*|torn|tear|stress fracture|(i am|i am getting) back to|rebuild\w*|life back
    |legs back|body back|lost my fitness|sidelined|rusty|while i (recover|heal)|recovering from
    |on the mend|my recovery (from|after)|post ?(op|surgery|operation)|ruptur\w*
comeback W post ?(natal|partum)

[against]
numbers S (leave|left|leaving) (my |the )?(watch|garmin|phone) (at home|behind|in the drawer)
    |(switch|switches|switched|switching|turn|turns|turned) (the |my )?(watch|garmin|gps) off|(watch
    |garmin) (stays|is) (at home|in the drawer)|(do not|never) (even |really )?(own|wear
    |use) (a |my )?(watch|garmin)|stopped wearing (my |a |the )?(watch|garmin)|(ditched
    |binned) the (watch|garmin)|without a watch|no watch|run naked
social M (on|by) my own|alone|solo|by myself|own company|introvert\w*|loner|cliquey|cliques?
    |(can not|could not) chat|not a (club|group|people|social) (person|runner|type)
places S (do not|never) (really )?(mind|care) where|treadmill is fine|anywhere will do
competition S (not|no) (a |much of a )?(racer|competitor)|no racer|(race|racing|compete|competing
    |competitive) (\w+ ){0,2}(myself|the clock|my (own|old|previous) (times?|self))|beat the (man
    |woman|person|runner) i was|the clock is my
time_limited S plenty of time|all the time in the world|time (is|was) not (an? )?(issue|problem)
    |no shortage of time|semi retired|retired|kids (are|have) (grown|left)|grown up|left home
    |empty nest\w*|flexible|work from home|can run when(ever)? i (want|like)|no problem|works fine
    |loads of time|lots of time|weekends are mine|kids are grown|time on my hands
race_experience S not (there )?(for|about) the (medals?|crowds|atmosphere)

[cancel]
social - (hold|holding|holds|held|keeps?|keeping|kept) (me|it|things|myself|us) together
    |act together|put together|pull (myself|it) together|play with|(with|walk|walking) (the
    |my) dogs?|dog\w* ([\w,]+ ){0,3}(is|are) (my|the only) (\w+ ){0,2}(partner|buddy|company
    |companion)
places - travel\w* (\w+ ){0,2}for work|work trips?|business trips?|hotel
numbers - not the time|day out|not about the (time|clock)|time on (my )?feet|my (doctor|gp
    |consultant|surgeon|nurse)|cardiolog\w*|oncologist|cleared me|medical|medication|beta blockers?
    |(numbers?|figures|stats|data|readings?|levels?|results) (\w+ ){0,8}(scales?|weigh\w*|blood|bp
    |cholesterol|glucose|sugar|a 1 c|bmi|waist|liver|kidneys?)|(scales?|weight|blood pressure|bp
    |cholesterol|glucose|blood sugar|a 1 c|bmi|liver|kidney|blood test) (\w+ ){0,3}(numbers?|figures
    |readings?|results|levels?|score)
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
feeling M feel|feels|feeling|feelings|vibes?|the high|the buzz|the calm|calm
numbers M times|targets|the numbers|my number
consistency M the habit|habit
[question big_dream]
big_dream M marathon|marathons|ballot|abroad|\d+ (km|mile) (ultra|race)
[question competition]
competition M ^(yes|yeah|yep|absolutely|definitely|very much|very much so|love it|i do|thrive on it
    |100)( ,|$)
race_averse M terrif\w*|scared|scary|nervous|anxious|panic|dread|pressure|once was enough
    |never again|not for me|not my thing|no thanks|can not stand|no chance|no way|not a chance
    |forget it|waste of|would rather|rather be|ego|strangers|makes? my (chest|stomach)|@REACTION
    |hated (it|every (second|minute|step|mile))
[question life_fit]
time_limited W kids|children|job|work|works|working|family|nurse|teacher
[question beyond_running]
wellbeing M head|mind|mood

# Phrases the reader applies itself. Under big_dream and journey any answer about running counts.
[phrase DREAM_CONTENT]
run|runs|running|race|races|racing|marathons?|half|ultra\w*|km|mile|parkrun|ironman|triathlon
    |trails?|streak|days|pb|pr|sub|qualif\w*|finish|complete|majors?|states|munros|continents|leader
    |qualification|\d+|level|form|shape|fitness|my best|vest|gb|selection|champs|championships?
    |national|worlds|international|podium|age group|@REGIONS|@CITIES
[phrase JOURNEY_CONTENT]
week \d+|day \d+|\d+ (weeks?|days?|months?|km|mile|minutes?|mins?)|working|building|build|next|then
    |training|block|booked|signed|run walk|walk run|(first|second|third|fourth|fifth) (week|month
    |day)|so far|currently|started|starting|lessons?|getting|progress\w*|stepping|course|january
    |february|march|april|may|june|july|august|september|october|november|december|spring|summer
    |autumn|fall|winter|gradually|lengthen\w*|increas\w*|add|adding|trying|up to|to go|toward
    |towards|from|plan for|plan to|training plan|marathon|half|km|mile|couch|longer|further
    |practi[cs]\w*|prepar\w*|each (week|month)|race|races|qualif\w*|recces?|this year|next year|(one
    |two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several) (weeks?|months?)
# "Maybe a glow run", "No big dream, no.", "Never."
[phrase HEDGED]
^(maybe|perhaps|possibly|i suppose|might)\b|\bno (hurry|rush)\b
[phrase DECLINE]
^(no|nope|nah|none|nothing(?! (with|that|involving|which))|not really|not sure|not one|not on
    |not at the moment|not yet|n a|do not (have|know)|i do not (have|know|really)|i am (content
    |happy as i am|not one)|i have no|can not think|no idea)\b|\b(big enough|enough for now)\b
[phrase REFUSAL]
^(no|nope|nah|never|no way|no chance|not a chance|not for me|not my thing|no thanks|no thank you
    |why would i|not likely|not me)$
# Negations of more than one word: "fed up with", "before I even (look at my time)".
[phrase MULTI_NEGATORS]
\b(had enough of|fed up with|sick of|gave up|give up|given up|no longer|put off|turned off
    |leave me cold|over it|who cares|(hopeless|terrible|rubbish|useless) (with|at)|bored (by|of
    |with)|before i (even|ever))\b
# Negation words that negate nothing: "never miss", "can't wait", "without stopping".
[phrase NOT_NEGATION]
\b(not only|no doubt|never (miss|missed|misses|skip|skipped)|not (miss|missed|skip|skipped)|(can
    |could) not wait|no matter|not to mention|never (get|gets|got) (tired|old|bored)|never tire
    |nothing (beats|like|better|compares)|no better|not (bad|a bad)|(do|would|did) not mind
    |never mind|no excuses?|(never|not) (stop|give up|quit)|without (fail|stopping|walking|a walk
    |missing|a break|walk breaks?|breaks)|not walking|never thought|never (imagined|dreamed|believed
    |expected)|did not (think|believe|know) i|no (problem|worries)|not just|never have been
    |not (a lot|much|many) of|not many|(quit|stopped|gave up|give up|given up) (smoking|drinking
    |cigarettes|alcohol|booze)|(since|when|after) i (stopped|quit|gave up))\b
# Negations after a cue, past auxiliaries: "Races aren't my thing", "Pace is irrelevant".
[phrase POST_PHRASES]
\b(leaves? me cold|do nothing for me|does nothing for me|means? nothing|not for me
    |is not (really )?me|not my thing|bores? me|can go hang|not bothered)\b
# The past ("before long covid I was all about my splits"), STILL present, a CHANGE of heart.
[phrase PAST]
\b((?<!get )(?<!getting )(?<!got )(?<!am )(?<!is )(?<!are )(?<!be )used to(?! it\b)|back (then
    |in the day|when)|in my (20|30|40) s|in my (twenties|thirties|forties|youth|younger days)
    |when i was (younger|young|a kid|at school)|years ago|decades ago|in those days|at school
    |i was (a |an )?(decent|good|fast|quick|keen|sporty)|gave (it|that) up|once upon a time|in (a
    |my) (previous|former|past|other) life|before (my |the |long )?(\w+ )?(covid|kids|children|baby
    |twins|injury|illness|op|operation|surgery|diagnosis|divorce|pandemic|lockdown|cancer|chemo
    |accident|stroke)( ,)? i (was|had|used|did|would|ran|raced|lived|loved)|i (was
    |had been) (all about|obsessed|really into|big on|mad about|hooked on|fixated on)|pre (covid
    |kids|children|injury|baby|pandemic)|i was (a|an) (\w+ ){0,2}(racer|runner|competitor|champion
    |athlete|sprinter|numbers \w+|data \w+|stats \w+))\b
[phrase STILL]
\b(still|even now|to this day)\b
[phrase CHANGE]
\b(now|nowadays|these days|anymore|any more|no longer|gave (it|that|them) up|not (so|as) much
    |(that )?ship (has )?sailed|moved on|grew out of|(fire|spark|hunger|drive) (has )?(gone|went out
    |died|faded))\b
# Waved away: "Podium? Having a laugh.", "came last and didn't care"; RHETORICAL: "Me, compete?"
[phrase DISMISS]
\b(you are having a laugh|having a laugh|as if|yeah right|fat chance|no chance|not a chance
    |not likely|in my dreams|you must be joking|are you kidding|forget it
    |(that )?ship (has )?sailed)\b|\b(did not|do not|does not|could not|never
    |not) (really |even )?(care|bothered|fussed)( (one bit|a bit|at all|less|a jot|a hoot|much
    |whatsoever|either way))?$
[phrase RHETORICAL]
(?i)\bme\s*[,?!.]*\s+(?:a\s+|an\s+)?\w+(?:\s+\w+)?\s*\?+|\b\w+(?:\s+\w+)?\s*\?+\s*me\s*\?
# "The atmosphere is nice but I'm there for the time": a clause that only concedes its point.
[phrase CONCEDE]
\b(is|are) (fine|nice|ok|okay|all very well|all well and good|alright|a (nice )?bonus|a nice extra)$
# Under the journey question, keeping things as they are is not a journey ("keep it going").
[phrase UPKEEP]
\b(keep\w* (it |things |this |that )?(going|ticking over|up)|keep\w* (\w+ ){1,5}going|keep\w* at it
    |maintain\w*|stick\w* (with|to) it)\b
# A clause that goes ahead despite the one before: "Races terrify me but I've entered anyway".
[phrase DEFY]
\b(anyway|anyhow|regardless|all the same|even so|nonetheless|nevertheless)\b
# A note that mentions racing, then a clause that damns it: "Did one once. Hated every second."
[phrase REJECT]
^(i )?(hated (it|every (second|minute|step|mile)|the (whole|entire) (thing|experience|day))
    |never again|once was enough|not for me|not my thing|not my cup of tea|(never|not) (doing
    |do) (it|that|one) again)( ,|$)
# Someone else's motivation: "My husband is obsessed with his Garmin".
[phrase OTHERS]
^(my|our|his|her|the) (wife|husband|hubby|partner|friends?|mates?|kids|son|daughter|coach|doctor|gp
    |physio|mom|dad|sister|brother|boss|family|club|colleagues?)\b(?! and i\b)|^(he|she|they|people
    |everyone|everybody|others|most people|some people)\b|\b(i (should|ought to|am supposed to)
    |(people|everyone) (say|tell|think))\b
# A capitalised place after a running verb, read on the original text: "run along the Bosphorus".
[phrase PLACE_NAME]
\b(?:run|runs|running|ran|race|racing|jog|jogging|go|going|live|lives)\s+(?:\w+\s+){0,3}?(?:in|along
    |around|round|through|across|up|over|at|to)\s+(?:the\s+)?(?!(?:January|February|March|April|May
    |June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday
    |Saturday|Sunday|Christmas|Easter|I)\b)[A-Z][a-z]{2,}
    |\b[A-Z][a-z]+(?:'s)?(?:\s+[A-Z][a-z]+)*\s+(?:Wall|Way|Path|Trail|Ridge|Round|Fell|Pike|Peak
    |Canyon|Lake|Loch|Island|Isle|Coast|Park|Forest|Mountains?|Hills|Falls|Valley|Gorge|Bay|Beach
    |Head|Point|Glen|Moor|Downs|Seat)\b
# The clause after "but" takes back the one before: "..., but it's not why I do it".
[phrase NOT_WHY]
^(it is |that is |they are )?not (really )?(why|what|the reason|the point|what (drives|gets
    |motivates|matters))\b|\b(switch|switches|turn|turns|shut|shuts) (that|it|all that) off\b
    |\b(out of|from) (habit|routine)\b|^(not|never) (with|in|when|about) (my )?running\b
    |^only (because|so|to|for)\b
"""

# --------------------------------------------------------------------------------------------
# Word lists for negation and its scope (space-separated, like the rest below).
NEGATORS = """
    not no never nothing none nobody neither nor without hardly barely nah nope zero hate hated
    hates hating loathe detest dislike dislikes ignore ignores ignoring ignored avoid avoids
    avoiding stopped quit ditched dread dreading hide hides hid
"""
POST_NEGATORS = "not never nope nah bore bores bored irrelevant overrated pointless boring"
AUXILIARIES = "is are was were do does did has have had really just ever honestly will would can"
AUXILIARIES += " could that much"
BREAKS = "but though although however yet because cos cause since whereas while except unless"
BREAKS += " so which who then just only instead than"
SUBJECTS = "i we it that this they he she you my our"

# --------------------------------------------------------------------------------------------
# Normalisation: contractions as (regex, replacement), applied in order; units; spellings; typos.
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
KM = "k km kms kilometer kilometers klicks"  # after a number, read as "km"
# Spellings folded before matching, "from>to" ("_" stands for a space).
SPELLING = """
    mum>mom mums>moms mummy>mom colour>color favourite>favorite neighbour>neighbor
    neighbours>neighbors programme>program travelling>traveling travelled>traveled
    counselling>counseling kilometre>kilometer kilometres>kilometers metres>meters ageing>aging
    organised>organized oot>out miles>mile miler>mile milers>mile mpw>mile_per_week kpw>km_per_week
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
# Debian's wamerican and wbritish lists (5+ letters) against FUZZY_WORDS with themes._within_one.
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
