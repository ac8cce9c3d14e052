// 每月一题 (the problem of the month): the shapes the insights engine reads and writes. Core only: no vendor imports.
// An appeal comes from a ticket in the store or from a line of a file exported elsewhere (12345 hotline, 市长信箱);
// the engine groups appeals into concrete problems (the same sound source near the same estate, not "噪音扰民"),
// scores their heat, flags them (rising, new, seasonal, persistent) and proposes the month's topics.

/** One appeal: a resident's words, when and (where known) by whom and where. */
export interface Appeal {
  /** The ticket number ("#1024") for a ticket, or the file's `id`. */
  id: string;
  text: string;
  time: Date;
  /** Who reported it (a person id, a user key of the file); appeals without one count as distinct reporters. */
  user?: string;
  /** Support: likes/同问 of the file, or the residents who joined a ticket as duplicates (reporterCount − 1). */
  likes?: number;
  dislikes?: number;
  /** A category code or label (the ticket's category; a file's own label). */
  category?: string;
  /** A place in words (the ticket's place, a file's `place`). */
  place?: string;
  /** The grid node the appeal belongs to (tickets only). */
  gridNodeId?: number;
  /** The ticket this appeal is (tickets only): evidence links to it. */
  ticketId?: number;
  /** The ticket's status, when the appeal is a ticket (open tickets make a problem persistent). */
  open?: boolean;
}

export type ProblemFlag = 'rising' | 'new' | 'seasonal' | 'persistent';

/** Why a flag was given: the figures that made it, and the rule applied to them in Chinese words (README states the method). */
export interface FlagReason {
  flag: ProblemFlag;
  reason: string;
  figures: Record<string, number | string>;
}

export interface Evidence {
  id: string;
  time: Date;
  text: string;
  ticketId?: number;
  user?: string;
}

/** One concrete problem: a cluster of appeals about the same thing in the same place. */
export interface Problem {
  /** Stable for the same cluster within one run; a topic keeps its own snapshot, not this key. */
  key: string;
  rank: number;
  title: string;
  keywords: string[];
  places: string[];
  categories: string[];
  /** Appeals in the period. */
  count: number;
  /** Distinct reporters in the period. */
  reporters: number;
  heat: number;
  flags: ProblemFlag[];
  flagReasons: FlagReason[];
  first: Date;
  last: Date;
  evidence: Evidence[];
  /** Appeals per month (YYYY-MM), over all the history read, oldest first: the trend chart. */
  monthly: { month: string; count: number }[];
  /** Grid nodes most affected (tickets only), most appeals first. */
  grids: { gridNodeId: number; count: number }[];
  /** A suggested lead department (from the categories and the grid file's departments), when one fits. */
  leadDepartment?: string;
  /** Appeals counted for the heat: a reporter's near-identical repeats within 30 days dropped (heat.ts). */
  counted?: number;
  /** Support of the period's appeals: Σ max(0, likes − 0.5·dislikes). */
  support?: number;
  /** Matching appeals before the period (the history the flags read). */
  history?: number;
}

export interface HotReport {
  period: { from: Date; to: Date };
  /** Appeals read in the period, and in the whole history the flags looked at. */
  appealsInPeriod: number;
  appealsRead: number;
  problems: Problem[];
  /** Problems found in the period before the top were taken (optional: the placeholder had none). */
  problemsFound?: number;
}

export interface HotOptions {
  /** The period analysed, [from, to). Appeals before `from` are the history for the flags. */
  from: Date;
  to: Date;
  /** How many problems to report (default 10). */
  top?: number;
  /** Place names (estates, buildings, streets of the grid) that segmentation keeps whole. */
  places?: string[];
  /** Departments of the grid file (names such as 城管, 供水), for the lead department. */
  departments?: string[];
  /** Months in this fixed offset from UTC, in minutes (the store's tickets: China, 480); the local zone when absent. */
  utcOffsetMinutes?: number;
  /** Evidence items per problem (default 10). */
  evidence?: number;
  /** Progress of the long stages (segmenting every appeal read, then clustering the period's and the history's). */
  progress?: (stage: 'segment' | 'cluster', done: number, total: number) => void;
}

/** Chinese word segmentation (port): jieba-wasm in the adapter. */
export interface Segmenter {
  cut(text: string): string[];
  /** Words kept whole from now on (place names). */
  addWords(words: readonly string[]): void;
}
