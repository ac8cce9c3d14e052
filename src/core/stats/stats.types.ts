// What the daily roll-ups count, and the rates the 12345 centres judge a street by, defined once here (README,
// "The overview", says the same in words).

/** Counters of one (day, grid node, category) row: each is a number of ticket events of that day. */
export const COUNTERS = [
  /** tickets opened (reported) */
  'reported',
  /** claims (认领), every one: a ticket reopened or escalated is claimed again */
  'accepted',
  /** claims made by the accept deadline in force at the time */
  'acceptedOnTime',
  /** accept deadlines that ran out: the deadline clock escalated the ticket because nobody claimed it in time */
  'acceptOverdue',
  /** results reported (办结) */
  'resolved',
  /** results reported by the resolve deadline in force at the time */
  'resolvedOnTime',
  /** resolve deadlines that ran out (the clock escalated a claimed ticket) */
  'resolveOverdue',
  /** tickets closed by the resident's 满意 / 基本满意 */
  'closed',
  /** tickets rejected by staff (not an appeal, a duplicate …) */
  'rejected',
  /** escalations, by staff (吹哨) or by the deadline clock */
  'escalated',
  /** tickets reopened by the resident's 不满意 */
  'reopened',
  /** ratings given (满意, 基本满意, 不满意) */
  'rated',
  /** ratings 满意 or 基本满意 */
  'satisfied',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

export const zeroCounts = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;

export function addCounts(into: Counts, more: Partial<Counts>): Counts {
  for (const c of COUNTERS) into[c] += more[c] ?? 0;
  return into;
}

export interface Rates {
  /** 响应率: acceptedOnTime ÷ (accepted + acceptOverdue) */
  response: number | null;
  /** 按时办结率: resolvedOnTime ÷ (resolved + resolveOverdue) */
  onTimeResolution: number | null;
  /** 满意率: satisfied ÷ rated, i.e. (满意 + 基本满意) ÷ ratings */
  satisfaction: number | null;
  /** 重新打开率: reopened ÷ resolved */
  reopen: number | null;
}

export const RATE_DEFINITIONS: Record<keyof Rates, { zh: string; formula: string; meaning: string }> = {
  response: {
    zh: '响应率',
    formula: 'acceptedOnTime / (accepted + acceptOverdue)',
    meaning: 'Of the accept deadlines that ended in the period — by a claim, or by running out (the ticket was escalated unclaimed) — the share met by a claim in time.',
  },
  onTimeResolution: {
    zh: '按时办结率',
    formula: 'resolvedOnTime / (resolved + resolveOverdue)',
    meaning: 'Of the resolve deadlines that ended in the period — by a reported result, or by running out — the share met by a result in time.',
  },
  satisfaction: {
    zh: '满意率',
    formula: 'satisfied / rated',
    meaning: '(满意 + 基本满意) ÷ all ratings given in the period.',
  },
  reopen: {
    zh: '重新打开率',
    formula: 'reopened / resolved',
    meaning: 'Tickets the resident sent back (不满意) ÷ results reported in the period.',
  },
};

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

/** The four rates of a period's counts; null where nothing was due (no denominator). Four decimals (0.9375). */
export function ratesOf(c: Counts): Rates {
  return {
    response: ratio(c.acceptedOnTime, c.accepted + c.acceptOverdue),
    onTimeResolution: ratio(c.resolvedOnTime, c.resolved + c.resolveOverdue),
    satisfaction: ratio(c.satisfied, c.rated),
    reopen: ratio(c.reopened, c.resolved),
  };
}

/** One row of the roll-ups: a day (China date, YYYY-MM-DD), a node, a category and its counts. */
export interface DailyStatRow {
  day: string;
  gridNodeId: number;
  category: string;
  counts: Partial<Counts>;
}
