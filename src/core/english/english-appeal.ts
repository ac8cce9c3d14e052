// Whether an English line is an appeal (诉求) or talk, which category it files under, and a short Chinese gist of it for
// staff ("电梯故障"). A problem is a thing and what is wrong with it ("the elevator … broken", "no hot water", "keeps
// parking in the fire lane"); a thanks, a greeting, an offer, a notice, a problem fixed, advice, a problem put as a
// condition or denied are talk. Danger is read apart (english-hazard.ts); the service urgencies of the Chinese rules
// (a whole building without water, a broken lift for someone who cannot climb) are read here.
import { summarize } from '../triage/summary.ts';
import { clauseSpan, englishForm, sentenceSpans } from './english-text.ts';

export interface EnglishProblem {
  category: string;
  /** The gist in Chinese, as a ticket title starts ("电梯故障"). */
  zh: string;
  said: RegExp;
}

export interface EnglishAppealReading {
  isAppeal: boolean;
  /** How sure the reading is, as the local model's confidence (the hybrid asks an LLM below its threshold). */
  confidence: number;
  /** The category of the problem read, if any. */
  category?: string;
  /** Its Chinese gist, if any. */
  zh?: string;
}

const near = (a: string, b: string, gap: number): RegExp => new RegExp(`\\b(?:${a})\\b[^.!?;\\n]{0,${gap}}\\b(?:${b})\\b|\\b(?:${b})\\b[^.!?;\\n]{0,${gap}}\\b(?:${a})\\b`);
const BROKEN = "broken|broke(?: down)?|not working|isn't working|aren't working|doesn't work|don't work|won't (?:open|close|work|start|turn on|lock|move)|out of order|stopped working|stuck|damaged|cracked|faulty|malfunction\\w*|jammed|keeps breaking|flickering|(?:is|are) (?:out|dead|off)|needs? (?:fixing|repair|repairing)|not fixed|still not";

/** Things that break, with their Chinese names. */
const THINGS: readonly (readonly [string, string])[] = [
  ['elevators?|lifts?', '电梯'],
  ['street ?lights?|lights?|lamps?|bulbs?|lighting', '路灯'],
  ['access (?:card|control|gate)s?|card readers?|intercoms?|doorbells?|locks?|gates?|doors?', '门禁/门'],
  ['cctv|cameras?', '监控'],
  ['stairs|railings?|handrails?', '楼梯/扶手'],
  ['roads?|pavement|paths?|sidewalks?', '路面'],
  ['playground|swings?|slides?|benches|bench|gym equipment|fitness equipment', '公共设施'],
  ['windows?|roofs?|ceilings?|walls?', '房屋'],
  ['pipes?|taps?|faucets?|toilets?', '管道'],
];

/** The problems, most telling first: the first that matches gives the category and the gist. */
export const ENGLISH_PROBLEMS: readonly EnglishProblem[] = [
  { category: 'utilities', zh: '没有热水', said: /\bno hot water\b|\bhot water (?:is |isn't |has )?(?:not working|off|out|gone|cold|stopped)\b/ },
  { category: 'utilities', zh: '停水', said: /\bno (?:running |tap )?water\b|\bwater (?:is |was |has been )?(?:off|cut|out|cut off|stopped)\b|\bwater (?:supply|outage)\b/ },
  { category: 'utilities', zh: '停电', said: /\bno (?:power|electricity)\b|\bpower (?:cut|outage|failure|is out|went out|is off|has been off)\b|\bblackout\b|\boutage\b/ },
  { category: 'utilities', zh: '暖气不热', said: /\bno heat(?:ing)?\b|\bheating (?:is |isn't |has )?(?:not working|off|broken|stopped|cold)\b|\bradiators? (?:are |is )?(?:cold|not working|off)\b/ },
  { category: 'utilities', zh: '水质水压问题', said: /\bwater pressure\b|\b(?:tap )?water (?:is |looks )?(?:brown|yellow|dirty|rusty|cloudy)\b/ },
  { category: 'public_security', zh: '治安问题', said: /\b(?:stolen|stole|theft|thief|thieves|burglar\w*|break-?in|broke into|broken into|robbed|robbery|suspicious (?:person|man|people|guy|car)|strangers? (?:in|at|following|wandering)|following (?:me|women|kids|children)|harass\w*|scam\w*|pickpocket\w*)\b/ },
  { category: 'parking_traffic', zh: '违停占道', said: /\b(?:park(?:ed|ing|s)? (?:in|on|at|across|over|outside|right)|double[- ]parked|illegally parked|blocking (?:my|the|our) (?:car|garage|driveway|space|spot|exit|entrance|gate|way)|(?:car|van|truck)s? (?:is |are |has been |have been |keeps? )?blocking|speeding|my (?:parking )?(?:space|spot))\b/ },
  { category: 'neighbour_dispute', zh: '吸烟扰邻', said: /\b(?:cigarette smoke|smoking (?:in|on) the (?:stairwell|corridor|hallway|lift|elevator|balcony|stairs))\b/ },
  { category: 'facility_repair', zh: '报警器误报', said: near('(?:fire )?alarms?|smoke detectors?', 'keeps? going off|going off|beeping|ringing', 40) },
  { category: 'noise', zh: '噪音扰民', said: /\b(?:noise|noisy|loud|music|partying|drilling|banging|hammering|barking|shouting|karaoke|square dancing)\b/ },
  { category: 'sanitation', zh: '垃圾未清运', said: near('trash|garbage|rubbish|litter|bins?', 'overflow\\w*|everywhere|not (?:collected|emptied|picked up)|piling up|piled up|full|stinks?|smell\\w*|dump(?:ed|ing|s)?', 40) },
  { category: 'sanitation', zh: '宠物粪便', said: /\bdog (?:poop|poo|mess|shit|dirt)\b/ },
  { category: 'sanitation', zh: '虫鼠', said: /\b(?:cockroach\w*|rats?|mice|pests?|flies|mosquito\w*)\b/ },
  { category: 'sanitation', zh: '下水道堵塞', said: /\b(?:sewage|blocked drain|drains? (?:is |are )?(?:blocked|clogged)|clogged|backed up)\b/ },
  { category: 'sanitation', zh: '异味', said: /\b(?:stinks?|stinking|smells? (?:bad|terrible|awful|horrible)|bad smell|foul smell)\b/ },
  { category: 'sanitation', zh: '卫生差', said: /\b(?:not (?:been )?cleaned|dirty|filthy)\b/ },
  { category: 'greening', zh: '绿化问题', said: near('trees?|branch(?:es)?|grass|lawn|weeds|bushes|hedges?', 'fallen|fell|about to fall|going to fall|overgrown|dead|dying|blocking|needs? (?:cutting|trimming|pruning)|not (?:cut|trimmed|mowed)|cut it|trim', 40) },
  { category: 'facility_repair', zh: '漏水', said: /\b(?:leak(?:s|ing|ed)?|dripping|seeping|water damage|flood(?:s|ed|ing)?|burst pipe|pipe (?:has )?burst)\b/ },
  ...THINGS.map(([things, zh]) => ({ category: 'facility_repair', zh: `${zh.split('/')[0]}故障`, said: near(things, BROKEN, 40) })),
  { category: 'neighbour_dispute', zh: '邻里纠纷', said: near('neighbou?rs?|upstairs|downstairs|next door', 'smok(?:e|ing)|dogs?|pets?|shoes|belongings|stuff|argu\\w*|fight\\w*|rude|threat\\w*|always|keeps?', 40) },
  { category: 'property_service', zh: '物业服务', said: near('property (?:management|manager|office|company|staff)|management office|security guards?|guards?|concierge|management fees?|service fees?|parcels?|packages?', "not|never|no one|nobody|rude|slow|ignored|ignore|won't|didn't|doesn't|lost|missing|complain\\w*", 40) },
  { category: 'facility_repair', zh: '设施损坏', said: /\b(?:broken|not working|out of order|needs? (?:fixing|repair)|damaged)\b/ },
];

/** Talk: a thanks, a greeting, an offer, a question to the group. */
const THANKS = /\b(?:thanks?|thank you|thx|ty|cheers|appreciate\w*|grateful|kudos|great job|well done)\b/;
const GREETING = /^\W*(?:good (?:morning|afternoon|evening|night)|hi|hello|hey|morning|happy \w+|merry \w+)\b/;
/** Something still wrong after a thanks ("thanks, but the door is still broken"). */
const STILL_WRONG = /\b(?:but|still|however|another|yet)\b/;
/** A problem put right. */
const FIXED = /\b(?:working again|works again|(?:is|are|was|were|been|got) (?:fixed|repaired|sorted|resolved)|back (?:on|to normal)|came back|is back)\b/;
/** A planned works notice. */
const NOTICE = /\b(?:will be (?:cut|off|closed|suspended|interrupted|shut)|scheduled|planned|maintenance (?:on|from|will|between)|notice|announcement)\b/;
/** A film, the news, a dream, elsewhere, long ago: a problem told of is not here. */
const FRAME = /\b(?:movie|film|on the news|in the news|news|tv series|episode|documentary|novel|video game|dream(?:t|ed)?|in (?:another|a different|other) (?:city|estate|compound|district|country)|abroad|years ago|last year)\b/;
const NEGATION_BEFORE = /\b(?:no|not|never|nobody|no one|nothing|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|no longer)\b(?:\s+\S+){0,3}\s*$/;
const NEGATED_STATE = /\b(?:isn't|is not|aren't|are not|wasn't|not|no longer|never)\s+(?:broken|damaged|stuck|leaking|blocked|noisy|dirty)\b/;
const HYPOTHETICAL_BEFORE = /\b(?:if|in case|what if|whether|unless|suppose|imagine|what to do when|how to)\b/;
const ADVICE_BEFORE = /\b(?:please (?:don't|do not|never|avoid)|don't|do not|never|avoid|remember (?:not )?to|reminder|make sure|not allowed|no one should|nobody should)\b/;
const OVER_AFTER = /^[^.!?;\n]{0,30}\b(?:anymore|any more|now fixed|fixed now|all good)\b/;
/** Asking for something to be done, or how long it has lasted: a problem surely told as an appeal. */
const ASKS = /\b(?:please|pls|plz|can (?:someone|somebody|you|the|property|management|anyone)|could (?:someone|somebody|you|anyone)|need (?:someone|help|a repair|repair)|help|fix|sort (?:it|this) out|look into|check|send someone|come and|asap|urgent|again|still|for (?:days|hours|weeks|a week|a month|\d+ (?:days|hours|weeks))|since|every (?:night|day|morning|evening|weekend)|keeps?|always)\b/;

/** A problem told as now and here in one sentence: not denied, put as a condition or advice, nor over. */
function liveProblem(text: string, sentence: [number, number]): EnglishProblem | undefined {
  const [s, e] = sentence;
  const body = text.slice(s, e);
  for (const p of ENGLISH_PROBLEMS) {
    const m = p.said.exec(body);
    if (!m) continue;
    const start = s + m.index;
    const end = start + m[0].length;
    const [cs] = clauseSpan(text, start);
    const before = text.slice(cs, start);
    if (NEGATION_BEFORE.test(before) || NEGATED_STATE.test(m[0]) || ADVICE_BEFORE.test(before)) continue;
    if (HYPOTHETICAL_BEFORE.test(text.slice(s, start)) || OVER_AFTER.test(text.slice(end, e))) continue;
    return p;
  }
  return undefined;
}

/** Reads an English line as an appeal or talk (see the module comment). */
export function readEnglishAppeal(message: string): EnglishAppealReading {
  const text = englishForm(message);
  const talk = (confidence: number): EnglishAppealReading => ({ isAppeal: false, confidence });
  if (FRAME.test(text)) return talk(0.8);
  const continuing = STILL_WRONG.test(text);
  if ((THANKS.test(text) || FIXED.test(text)) && !continuing) return talk(0.95);
  if (NOTICE.test(text) && !ASKS.test(text)) return talk(0.8);
  let problem: EnglishProblem | undefined;
  for (const span of sentenceSpans(text)) {
    problem = liveProblem(text, span);
    if (problem) break;
  }
  // a line with no problem the reader knows is talk, but not surely so: where an LLM is configured it is asked
  if (!problem) return talk(GREETING.test(text) ? 0.95 : 0.8);
  return { isAppeal: true, confidence: ASKS.test(text) || /\d/.test(text) ? 0.9 : 0.75, category: problem.category, zh: problem.zh };
}

/** Scope that makes an outage everyone's problem, and residents for whom a broken lift is a trap. */
const WHOLE = /\b(?:whole|entire|all of|every) (?:building|block|tower|estate|compound|community|unit|floor)\b|\b(?:everyone|everybody|all residents|all the residents|the whole)\b/;
const VULNERABLE = /\b(?:elderly|old (?:man|woman|lady|people|neighbou?rs?)|\d+[- ]years?[- ]old|wheelchairs?|pregnant|disabled|crutches|can't climb|cannot climb|can not climb|sick|stroller|pram)\b/;

const RAIN = /\b(?:rain\w*|storms?|stormy|typhoon|downpour|thunderstorms?)\b/;
const OUT_IN_TOWN = /\b(?:streets?|roads?|metro|subway|highway|motorway|underpass|downtown|city|town)\b/;
const OURS = /\b(?:basement|garage|car ?park|our|my|building|bldg|block|flat|apartment|home|lobby|lift|elevator|unit|floor)\b/;

export interface EnglishServiceUrgency {
  urgency: 'urgent';
  kind: string;
  signal: string;
}

/** The service urgencies of the Chinese rules (urgency.ts) in English: an outage for a whole building, a broken lift for
 * someone who cannot climb, a burst pipe or sewage flooding. */
export function englishServiceUrgency(message: string): EnglishServiceUrgency | null {
  const text = englishForm(message);
  const reading = readEnglishAppeal(message);
  if (!reading.isAppeal || NOTICE.test(text)) return null;
  if (reading.category === 'utilities' && ['停水', '停电', '没有热水', '暖气不热'].includes(reading.zh ?? '') && WHOLE.test(text)) return { urgency: 'urgent', kind: 'outage', signal: reading.zh! };
  if (reading.zh === '电梯故障' && VULNERABLE.test(text)) return { urgency: 'urgent', kind: 'lift_vulnerable', signal: reading.zh };
  const burst = /\b(?:burst pipe|pipe (?:has )?burst|flooding|flooded|sewage (?:is )?(?:overflowing|everywhere|coming up))\b/.exec(text);
  // (streets flooded by the rain, out in town, are weather: "the rain is crazy, streets are flooded near the metro")
  if (burst && !(RAIN.test(text) && OUT_IN_TOWN.test(text) && !OURS.test(text))) return { urgency: 'urgent', kind: 'pipe_burst', signal: burst[0] };
  return null;
}

/** A ticket summary for staff: "[英]", the place and the gist in Chinese, then the resident's own words, in 40 characters. */
export function englishSummary(message: string, placeZh: string | undefined, gistZh: string | undefined, max = 40): string {
  const head = `[英]${gistZh ? `${placeZh ?? ''}${gistZh}：` : ''}`;
  return `${head}${summarize(message, Math.max(1, max - head.length))}`;
}
