// English hazard wording (安全隐患 in English): the main kinds of the Chinese rule set, each as a few shapes of an English
// sentence, read with an English context: a hit is dismissed when negated ("no gas smell anymore"), asked about in
// general ("what should I do if I smell gas?"), put as advice or a ban ("remember not to charge e-bikes indoors"), a figure
// of speech ("this song is fire", "dying of laughing"), or framed as a drill, the news, a film, a dream or long ago.
// Kinds, levels and categories are the Chinese rules' own (hazard-rules.ts), so an English gas smell files and alerts
// exactly as 煤气味 does.
import type { HazardLevel } from '../hazard/hazard-rules.ts';
import { clauseSpan, englishForm, sentenceSpans } from './english-text.ts';

export interface EnglishHazardRule {
  kind: string;
  level: HazardLevel;
  /** Any one of these is a hit. */
  said: readonly RegExp[];
  /** The clause must also hold one of these (a person stuck in the lift, not a phone). */
  with?: RegExp;
  /** In the clause, these make a hit something else (a gas bill, cigarette smoke). */
  notWith?: RegExp;
  /** In the sentence, these raise an urgent hit to an emergency (someone fell in). */
  emergencyWith?: RegExp;
}

export interface EnglishHazardMatch {
  level: HazardLevel;
  kind: string;
  signal: string;
}

export interface EnglishHazardReading {
  /** The worst live hazard, or null. */
  match: EnglishHazardMatch | null;
  /** Hazard wording was read and every hit was dismissed by its context (or the message is a drill, news …). */
  dismissed: boolean;
}

/** Either order, at most `gap` characters between, within one sentence. */
const near = (a: string, b: string, gap: number): RegExp => new RegExp(`\\b(?:${a})\\b[^.!?;\\n]{0,${gap}}\\b(?:${b})\\b|\\b(?:${b})\\b[^.!?;\\n]{0,${gap}}\\b(?:${a})\\b`);

const PERSON = /\b(?:someone|somebody|people|person|man|woman|lady|guy|gentleman|kid|kids|child|children|boy|girl|baby|toddler|worker|workers|resident|residents|neighbou?r|granny|grandma|grandpa|grandfather|grandmother|mother|mom|mum|father|dad|son|daughter|wife|husband|auntie|uncle|cleaner|guard|courier|i|i'm|we|we're|he|he's|she|she's|they|they're|\d+ people)\b/;
const ELECTRIC_THING = "sockets?|outlets?|plugs?|power (?:socket|strip|board|point|cord)s?|switch(?:es)?|wires?|wiring|cables?|(?:electric(?:al)?|electricity|power|meter|fuse|breaker|distribution|junction|switch) (?:box|board|panel|cabinet|room)(?:es|s)?|meter box(?:es)?|transformer|extension (?:cord|lead)s?|chargers?|air ?con(?:ditioner)?|light (?:fitting|fixture)s?";
const EBIKE = 'e-?bikes?|e-?scooters?|electric (?:bikes?|bicycles?|scooters?|mopeds?|motorbikes?)|scooters?|(?:lithium |scooter |bike |e-?bike )?batter(?:y|ies)';
const INDOORS = /\b(?:corridors?|hallways?|stairwells?|stairs|staircase|landing|lobby|lift|elevator|indoors|inside|at home|in (?:the|his|her|their|my|our) (?:flat|apartment|home|room|unit|house)|upstairs|fire (?:exit|escape)|overnight)\b/;
const FROM_ABOVE = '(?:from|off|out of) (?:a |the |their |his |her |our )?(?:high|upper|top|\\d+(?:st|nd|rd|th)|window|balcony|roof|above|upstairs|building|floor)|from above';

export const ENGLISH_HAZARD_RULES: readonly EnglishHazardRule[] = [
  {
    kind: 'gas_leak',
    level: 'emergency',
    said: [
      /\b(?:smell(?:s|ed|ing)?|smelt|stinks?|stinking|reeks?|reeking)\s+(?:of\s+|like\s+)?(?:strong\s+)?(?:natural\s+)?gas\b/,
      /\bgas\s+(?:smell|odou?r|leak(?:s|ing|ed|age)?|is leaking|was leaking|(?:pipe|stove|meter|valve|tank|cylinder) (?:is )?leaking)\b/,
      /\bleak(?:s|ing|ed)?\s+(?:of\s+)?gas\b/,
      /\b(?:smell(?:s|ing)?|stinks?)\s+(?:of|like)\s+(?:rotten eggs|sulph?ur)\b/,
    ],
    notWith: /\b(?:gas (?:station|price|bill|fee|card|company|payment)s?|out of gas|gassy|tear gas|laughing gas|gaslight\w*)\b/,
  },
  // a battery that smokes, burns or bursts (before the sparking appliance and the fire, as in the Chinese rules)
  {
    kind: 'battery_fire',
    level: 'emergency',
    said: [near('batter(?:y|ies)|power ?banks?|battery packs?', 'smok(?:e|es|ing)|caught fire|on fire|burning|flames?|explod(?:e|es|ed|ing)|blew up|burst', 30)],
    notWith: /\b(?:recycl\w*|videos?|news|demo\w*|drill)\b/,
  },
  {
    kind: 'electrical',
    level: 'emergency',
    said: [near(ELECTRIC_THING, 'sparks?|sparking|smok(?:e|es|ing)|burning|melt(?:ing|ed)|on fire|flames?|crackling|sizzling|burnt|scorch(?:ed|ing)', 40), /\bsparks?\s+(?:are\s+|were\s+)?(?:coming|flying|shooting)\b/],
    notWith: /\b(?:cigarettes?|smoking (?:area|room)|spark joy|sparking joy|car|phone|laptop)\b/,
  },
  {
    kind: 'fire',
    level: 'emergency',
    said: [
      /\b(?:is|are|was|were|caught|catching|has caught|have caught|set|went up|going up)\s+on fire\b/,
      /\b(?:there(?:'s| is| was)|we have|i see|i can see|i saw)\s+(?:a\s+)?(?:big\s+|huge\s+|small\s+)?fire\b(?! (?:drill|exit|door|lane|alarm|extinguisher|hydrant|escape|safety))/,
      /\bfire\s+(?:in|at|on|inside|near|behind|broke out|started|is spreading|spreading)\s+(?!(?:will|sale|me)\b)/,
      /\b(?:smoke|flames?)\s+(?:is\s+|are\s+)?(?:coming|pouring|billowing|rising|came|shooting|spreading)\s+(?:out\s+of|from|out|up)\b/,
      /\b(?:(?:thick|black|heavy|lots of|a lot of|so much)\s+smoke|full of smoke|filled with smoke|smoke everywhere|smoke is filling)\b/,
      /\b(?:smoke|flames?)\s+(?:in|inside|filling)\s+(?:the\s+|our\s+|my\s+)?(?:stairwell|stairs|staircase|corridor|hallway|lobby|building|flat|apartment|kitchen|lift|elevator|basement|garage|car park|room|unit)\b/,
      /\b(?:smell(?:s|ing)?\s+(?:of\s+)?(?:smoke|burning|something burning|plastic burning|burning plastic)|burning smell|smell of burning|something(?:'s| is) burning)\b/,
    ],
    // a thing or a place on fire, not a person, a team or a song
    with: /\b(?:building|bldg|block|tower|flat|apartment|house|kitchen|room|floor|car|bike|scooter|e-?bike|bins?|trash|rubbish|garbage|balcony|roof|stairwell|stairs|corridor|hallway|lobby|shop|tree|grass|something|window|smoke|flames?|fire|basement|garage|unit|smell)\b/,
    notWith: /\b(?:cigarettes?|smoking|smoker|smokes|vap(?:e|ing)|bbq|barbecue|grill(?:ing)?|incense|cooking|toast|candles?|fireplace|songs?|tracks?|mixtape|game|match|team|player|basketball|football|soccer|he was|she was|you were|i was on)\b/,
  },
  {
    kind: 'explosion',
    level: 'emergency',
    // (or what a blast leaves: "windows blown out", a bang with people screaming)
    said: [/\b(?:explosion|exploded|blast)\b/, /\bwindows?\b[^.!?;\n]{0,12}\b(?:blown|blew)\s+(?:out|in)\b/, near('(?:huge|loud|massive|big) (?:bang|boom)', 'screaming|smoke|windows?|shattered', 40)],
    notWith: /\b(?:phone|messages?|chat|group|notifications?|inbox|flavou?rs?|taste|colou?rs?|population|blast from the past|had a blast|having a blast|have a blast)\b/,
  },
  {
    kind: 'trapped',
    level: 'emergency',
    said: [
      /\b(?:stuck|trapped|locked|shut)\s+(?:in|inside)\s+(?:the\s+|a\s+|an\s+|our\s+|my\s+)?(?:lift|elevator|car|room|bathroom|toilet|balcony|flat|apartment|stairwell|garage|basement)\b/,
      /\b(?:lift|elevator)\b[^.!?;\n]{0,40}\b(?:stuck|stopped|stalled|broke down|broken down)\b[^.!?;\n]{0,30}\b(?:with\s+(?:someone|somebody|people|a|an|my|kids?|children|\d+)|(?:people|someone|somebody|passengers?|kids?|children)\s+(?:inside|in it|trapped))\b/,
      /\b(?:can't|cannot|can not|couldn't)\s+get\s+out\s+of\s+(?:the\s+)?(?:lift|elevator)\b/,
    ],
    with: PERSON,
    notWith: /\b(?:traffic|queue|meeting|rain|mud|snow|loop|rut|habit|job|song|my head|phone|bag|key|keys|parcel|package)\b/,
  },
  {
    kind: 'electric_shock',
    level: 'emergency',
    said: [
      /\b(?:electrocuted|electric(?:al)? shock|got (?:an? )?(?:electric )?shock(?:ed)?|got zapped)\b/,
      /\b(?:gives?|giving|gave)\s+(?:people\s+|me\s+|us\s+|you\s+|him\s+|her\s+|kids\s+)?(?:an?\s+)?(?:electric\s+)?shocks?\b/,
      near('railings?|handrails?|door|gate|lamp ?posts?|poles?|metal|fence|washing machine|water heater|street ?lights?', 'is live|are live|electrified|leaking electricity|live current', 25),
    ],
    notWith: /\b(?:static|shocked to|shocking|culture shock|prices?|bill)\b/,
  },
  {
    kind: 'medical',
    level: 'emergency',
    said: [
      /\b(?:collapsed|fainted|passed out|unconscious|not breathing|isn't breathing|stopped breathing|no pulse|unresponsive|heart attack|(?:having|had)\s+a\s+(?:seizure|stroke|fit)|seizure|bleeding (?:heavily|badly|a lot|everywhere)|lots of blood|(?:fell|fallen)\s+(?:down\s+)?and\s+(?:can't|cannot|couldn't|can not)\s+get\s+up|hit (?:his|her|their) head)\b/,
      /\b(?:he|she|someone|somebody|baby|child|kid|man|woman|lady|grandma|grandpa|dad|mum|mom|father|mother)\s+(?:can't|cannot|can not)\s+breathe\b/,
    ],
    with: PERSON,
    notWith: /\b(?:almost|nearly)\s+(?:had\s+a\s+heart attack|fainted|passed out|collapsed)\b|\b(?:gave|give|giving) (?:me|us) a heart attack\b|\b(?:market|economy|prices?|stocks?|deal|plan|talks?|wifi|network|server|app|website|system)\b/,
  },
  {
    kind: 'suicide',
    level: 'emergency',
    said: [
      /\b(?:threaten(?:s|ing|ed)?\s+to\s+(?:jump|kill\s+(?:him|her|them|my)sel(?:f|ves))|(?:going|gonna|wants?|wanted|about|trying|tried|try(?:ing)?)\s+to\s+(?:jump\s+(?:off|from|out)|kill\s+(?:him|her|them|my)sel(?:f|ves)|end\s+(?:his|her|their|my)\s+(?:own\s+)?life|commit suicide)|suicidal|suicide note)\b/,
      /\b(?:standing|sitting|climbed|climbing)\s+(?:on|onto|over)\s+(?:the\s+)?(?:roof\s+)?(?:edge|ledge|railing|parapet)\b[^.!?;\n]{0,40}\bjump\b/,
      // on a roof's edge or outside a rail, saying goodbye, crying or refusing to come down
      /\b(?:standing|sitting|climbed|climbing)\s+(?:on|onto|over|outside)\s+(?:the\s+)?(?:roof(?:top)?\s+)?(?:edge|ledge|railing|parapet)\b[^.!?;\n]{0,40}\b(?:saying goodbye|says goodbye|said goodbye|crying|sobbing|won't come down|refus(?:es|ing) to come down|wants to die)\b/,
    ],
    notWith: /\b(?:squad|mission|laughing|lol|haha\w*|jk|joking|kidding|if|prevention|hotline|awareness)\b/,
  },
  {
    kind: 'violence',
    level: 'emergency',
    said: [
      /\b(?:stabb(?:ed|ing)|(?:holding|waving|swinging|brandishing|pulled out|pulling out|chasing (?:people|someone|somebody)\s+with)\s+(?:a\s+)?(?:knife|knives|machete|cleaver|gun|axe|hammer|bat)|(?:beating|beat)\s+(?:up\s+)?(?:his|her|their|a|him|someone|somebody)|(?:being|was|got|is)\s+(?:attacked|assaulted|beaten(?: up)?)|attacking\s+(?:people|someone|somebody|a|his|her|residents)|domestic violence|screaming for help)\b/,
    ],
    notWith: /\b(?:kitchen|cooking|chopping|vegetables?|sharpen\w*|cake|butter|game|movie|film)\b/,
  },
  {
    kind: 'child_danger',
    level: 'emergency',
    said: [/\b(?:child|children|kids?|bab(?:y|ies)|toddlers?|boys?|girls?)\b[^.!?;\n]{0,30}\b(?:locked in (?:a |the )?car|alone in (?:a |the )?car|(?:climbing|standing|sitting|hanging|leaning)\s+(?:on|over|out of|from|out over)\s+(?:the\s+)?(?:window(?:sill)?|ledge|railing|balcony (?:edge|railing)|edge))\b/,
      // a small child alone on a high balcony or at an open window
      /\b(?:child|kids?|bab(?:y|ies)|toddlers?)\b[^.!?;\n]{0,12}\balone\s+(?:on|at)\s+(?:the\s+|a\s+)?(?:balcony|window|roof)\b/],
  },
  {
    kind: 'falling_object',
    level: 'emergency',
    said: [new RegExp(`\\b(?:thrown|throwing|threw|dropped|dropping|tossing|tossed|fell|falling|fallen|came down|landed)\\b[^.!?;\\n]{0,60}(?:${FROM_ABOVE})[^.!?;\\n]{0,60}\\b(?:hit|nearly hit|almost hit|just missed|narrowly missed|injured|hurt)\\b`)],
  },
  {
    kind: 'high_throw',
    level: 'urgent',
    said: [new RegExp(`\\b(?:thrown|throwing|throws?|threw|dropping|drops?|dropped|tossing|tosses|tossed|chucking|chucked)\\b[^.!?;\\n]{0,40}(?:${FROM_ABOVE})\\b`)],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    said: [near('tiles?|glass|window (?:pane|frame)s?|panels?|air ?con(?:ditioner)?(?: unit)?|ac unit|facade|cladding|railings?|ceiling|signboard|bricks?|concrete|plaster', 'loose|about to fall|going to fall|coming off|hanging off|falling off|fell off|falling down|fell down|fell from|dangling|collapsed|collapsing', 30)],
    emergencyWith: /\b(?:hit|injured|hurt|nearly hit|almost hit|people below|kids below|children below)\b/,
  },
  {
    // a ceiling, a roof or the ground that has come down or sunk: someone may be under it or fall in
    kind: 'cave_in',
    level: 'emergency',
    said: [near('ceilings?|roofs?|floors?|balcon(?:y|ies)|carports?|canopy|canopies|roads?|ground|pavement|sidewalk|walkway|car ?park (?:roof|ceiling)', 'caved in|caving in|collapsed|has collapsed|gave way|has sunk|sank|sunk into|subsided|is sinking|fell in', 40)],
    notWith: /\b(?:market|prices?|economy|team|plan|deal)\b/,
  },
  {
    kind: 'manhole',
    level: 'urgent',
    said: [near('manholes?|manhole covers?|drain covers?|sewer covers?|sewer lids?', 'open|missing|uncovered|gone|broken|cracked|loose|stolen|no cover|without (?:a )?cover|collapsed|sunk|caved in|hole', 30)],
    notWith: /\b(?:fixed|replaced|covered now)\b/,
    emergencyWith: /\b(?:fell in|fallen in|fell into|fall into)\b/,
  },
  {
    kind: 'flying_wire',
    level: 'urgent',
    said: [near('extension (?:cord|lead)s?|power cords?|cables?|wires?', 'hanging|dangling|running|hung|strung|from (?:a|the|their|his|her|my|our|his) window|out (?:of )?(?:a|the|their|his|her|my|our) window|down to', 40)],
    with: /\bcharg(?:e|es|ed|ing)\b/,
  },
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    said: [near(EBIKE, 'charg(?:e|es|ed|ing)', 40), near(EBIKE, '(?:in|into) (?:the )?(?:lift|elevator)|upstairs|up the stairs|into (?:the )?(?:building|lobby|flat|apartment)', 30)],
    with: INDOORS,
    notWith: /\b(?:charging (?:station|pile|point|shed|area|bay|post)s?|bike shed)\b/,
  },
  {
    kind: 'battery',
    level: 'urgent',
    said: [near('batter(?:y|ies)', 'swollen|swelling|bulging|bloated|puffed up|hissing', 25)],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    said: [near('fire (?:lane|exit|escape|door|access|route|passage|road|truck (?:lane|access|road))s?|emergency (?:exit|lane|route|door|access)s?|escape routes?|evacuation routes?|stairwells?|staircase|fire stairs', 'blocked|blocking|park(?:ed|ing|s)?|obstruct(?:ed|ing|s)?|(?:pad)?locked|chained|piled|pile of|clutter(?:ed)?|full of|stuffed|sealed|welded|stacked|junk', 40)],
    notWith: /\b(?:unlocked|cleared|clear now|open now)\b/,
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    said: [near('fire extinguishers?|fire hoses?|hydrants?|fire alarms?|smoke detectors?|sprinklers?', "missing|empty|expired|broken|stolen|removed|gone|not working|doesn't work|disconnected|switched off|turned off", 40)],
  },
  {
    kind: 'water_electric',
    level: 'urgent',
    said: [near('water|flood(?:ed|ing|s)?|leak(?:s|ing|ed)?|puddles?|pooling|soaked|seeping', "sockets?|outlets?|power (?:socket|strip|board)s?|(?:electric(?:al)?|electricity|power|meter|fuse|breaker|distribution|switch) (?:box|board|panel|cabinet|room)(?:es|s)?|switch ?boards?|meter box(?:es)?|transformer|extension (?:cord|lead)s?|live wires?|wiring", 60)],
    notWith: /\b(?:water heater|waterproof|water bill)\b/,
    // (the water at the building's switchboard or electrical room, or sparking: an emergency, as 配电房进水 is)
    emergencyWith: /\b(?:switch ?boards?|electrical rooms?|power rooms?|distribution (?:boards?|boxes|box|cabinets?|rooms?)|transformers?|spark\w*|buzz\w*)\b/,
  },
  {
    kind: 'exposed_wire',
    level: 'urgent',
    said: [near('wires?|cables?|wiring', 'exposed|bare|hanging (?:down|loose|low)|dangling|sticking out|stripped|uncovered', 40), /\bbare\s+(?:copper|live)\b|\bcopper\s+(?:is\s+)?(?:showing|exposed|sticking out|hanging out)\b/],
    notWith: /\bcharg/,
  },
];

/** A few words before a hit that deny it ("no gas smell", "I don't smell gas", "nobody is stuck"). */
const NEGATION_BEFORE = /\b(?:no|not|never|nobody|no one|nothing|without|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|can't|cannot|no longer|none|neither|nor)\b(?:\s+\S+){0,3}\s*$/;
/** Right after a hit: it is over. */
const OVER_AFTER = /^[^.!?;\n]{0,30}\b(?:anymore|any more|is gone|has gone|gone now|has stopped|stopped now|was fixed|been fixed|fixed now|put out|went out|all good|all clear)\b/;
/** Before a hit in its sentence: a condition or a general question ("what should I do if I smell gas"). */
const HYPOTHETICAL_BEFORE = /\b(?:if|in case|what if|whether|unless|suppose|imagine|should i|should we|what to do|how to|how do|how can|who to call|who do (?:i|we|you) call|what(?:'s| is) the (?:number|procedure)|when there(?:'s| is))\b/;
/** Before a hit in its clause: advice or a ban for everyone. */
const ADVICE_BEFORE = /\b(?:please (?:don't|do not|never|avoid|stop)|don't|do not|never|avoid|remember (?:not )?to|reminder|remind(?:ing)? (?:everyone|all|you)|make sure|be careful|beware|forbidden|prohibited|not allowed|no one should|nobody should)\b/;
/** In the clause: laughter, a joke. */
const FIGURATIVE = /\b(?:lol|lmao|rofl|haha\w*|hehe|jk|kidding|joking|joke|laugh\w*|figuratively)\b|[😂🤣]/u;
/** Anywhere in the message: a drill, the news, a film, a dream, elsewhere, long ago, an all-clear. */
const FRAME = /\b(?:drills?|exercises?|rehearsals?|simulations?|simulated|training|on the news|in the news|news|headlines?|article|movie|film|tv series|episode|documentary|novel|video game|dream(?:t|ed)?|nightmare|years ago|last year|in (?:another|a different|other) (?:city|estate|compound|district|province|country)|abroad|false alarm|all clear|saw (?:a|this|the) video|watched (?:a|this|the) video|(?:colleague|friend|relative|cousin|classmate)s? (?:said|says|told)|heard (?:that|about)|someone (?:said|told me)|rumou?rs?|apparently|a (?:building|flat|house|estate|compound|restaurant|factory|mall|shop) in (?!(?:our|my|the|this|that|building|block|bldg|tower|unit)\b)[a-z]+)\b/;
const NOT_A_DRILL = /\bnot (?:a|an) (?:drill|exercise)\b/g;
/** A question put to the group about a danger in general, opening its sentence. */
const QUESTION_OPENS = /^\W*(?:what|how|who|where|why|when|which|should|can|could|would|will|do|does|did|is it|is there any|are there any|has anyone ever|have you ever|does anyone know)\b/;
/** … unless it tells of something now ("does anyone else smell gas on floor 5?", "can someone help, he collapsed?"). */
const NOW_OR_SENSED = /\b(?:anyone|anybody) (?:else )?(?:smell|smelling|hear|see|notice)\b|\b(?:right now|now|help|hurry|quick|asap|urgent|call 11[09]|call 120)\b/;
/** Told of a past day, with nothing going on now. */
const PAST_DAY = /\b(?:yesterday|last (?:night|week|month|time)|(?:days|weeks|months) ago|the other day)\b/;
const STILL_NOW = /\b(?:still|again|right now|now|keeps?|keep|ongoing|since|every)\b/;

const LEVEL_RANK: Record<HazardLevel, number> = { urgent: 1, emergency: 2 };

/** Reads an English message for the hazard rules' kinds (see the module comment). */
export function readEnglishHazard(message: string, rules: readonly EnglishHazardRule[] = ENGLISH_HAZARD_RULES): EnglishHazardReading {
  const text = englishForm(message);
  const framed = FRAME.test(text.replace(NOT_A_DRILL, ' '));
  let best: EnglishHazardMatch | null = null;
  let read = false;
  for (const [s, e] of sentenceSpans(text)) {
    const sentence = text.slice(s, e);
    for (const rule of rules) {
      for (const re of rule.said) {
        const m = re.exec(sentence);
        if (!m) continue;
        read = true;
        const at = s + m.index;
        if (framed || !live(text, at, at + m[0].length, s, e, rule)) continue;
        const level: HazardLevel = rule.level === 'urgent' && rule.emergencyWith?.test(sentence) ? 'emergency' : rule.level;
        if (!best || LEVEL_RANK[level] > LEVEL_RANK[best.level]) best = { level, kind: rule.kind, signal: m[0] };
        break;
      }
    }
  }
  return { match: best, dismissed: best === null && (read || framed) };
}

function live(text: string, start: number, end: number, s: number, e: number, rule: EnglishHazardRule): boolean {
  const [cs, ce] = clauseSpan(text, start);
  const clause = text.slice(cs, Math.max(ce, end));
  const sentence = text.slice(s, e);
  if (rule.with && !rule.with.test(clause)) return false;
  if (rule.notWith?.test(clause) || FIGURATIVE.test(sentence)) return false;
  const before = text.slice(cs, start);
  if (NEGATION_BEFORE.test(before) || ADVICE_BEFORE.test(before)) return false;
  if (OVER_AFTER.test(text.slice(end, e))) return false;
  if (HYPOTHETICAL_BEFORE.test(text.slice(s, start))) return false;
  if (sentence.trim().endsWith('?') && QUESTION_OPENS.test(sentence) && !NOW_OR_SENSED.test(sentence)) return false;
  if (PAST_DAY.test(sentence) && !STILL_NOW.test(sentence)) return false;
  return true;
}
