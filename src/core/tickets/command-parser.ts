// The one parser for in-chat commands: turns a group message into a ChatCommand, a MalformedCommand or null (chatter).
import { DomainError, ErrorCode } from '../errors.ts';
import { NOTE_MAX_CHARS, type ChatCommand, type ChatCommandKind, type MalformedCommand, type ParseResult, type RejectReason } from './commands.ts';
import type { Satisfaction } from './ticket.types.ts';
import { pushTo } from '../util/multimap.ts';

/**
 * Command words, Chinese first. A city may replace the list of any kind (see createCommandParser).
 * '投诉' is safe as a report word only because a command must START the message and be followed by a separator
 * (see isCommandBoundary): "投诉物业不作为" and "我要投诉" stay chatter, "投诉：楼道堆物" opens a ticket.
 */
export const DEFAULT_COMMAND_ALIASES: Record<ChatCommandKind, string[]> = {
  claim: ['认领', '接单'],
  progress: ['进度', '进展'],
  resolve: ['办结', '已办结'],
  transfer: ['转派'],
  escalate: ['吹哨'],
  reject: ['驳回'],
  query: ['查询', '查一下', '查下'],
  rate: ['评价'],
  complex: ['复杂'],
  supervise: ['督办'],
  recategorize: ['改类', '更正分类'],
  report: ['报事', '报修', '投诉'],
};

export interface CommandContext {
  /** True when the message quotes (replies to) a message the bot sent, e.g. a ticket receipt: the ticket comes from there. */
  quotesBotMessage: boolean;
}

export interface CommandParser {
  parse(text: string, ctx: CommandContext): ParseResult;
}

/** Rating words, longest first so that 不满意 is not read as 满意. The official scale is 满意 / 基本满意 / 不满意. */
const RATING_WORDS: ReadonlyArray<readonly [string, Satisfaction]> = [
  ['非常不满意', 'UNSATISFIED'],
  ['很不满意', 'UNSATISFIED'],
  ['非常满意', 'SATISFIED'],
  ['基本满意', 'BASIC'],
  ['不满意', 'UNSATISFIED'],
  ['很满意', 'SATISFIED'],
  ['满意', 'SATISFIED'],
];

const DUPLICATE_WORDS = ['重复'];
const NOT_APPEAL_WORDS = ['非诉求', '不是诉求', '闲聊', '无效'];

/**
 * A bare acknowledgement quoting a bot receipt is a claim (好的收到 / 收到收到 / 收到！); "收到了吗" is conversation.
 */
const QUOTE_ACK = /^(?:(?:好的?|好嘞|ok)[\s,，、.。!！]*)?收到(?:[\s,，、]*收到)*了?[\s\p{P}]*$/iu;

/**
 * An acknowledgement with more after it, quoting a receipt ("收到，马上去看", "好的收到，下午过去"): how a grid worker
 * answers, and how a resident thanks ("收到，谢谢"). A claim only when staff say it (the assistant decides).
 */
const QUOTE_ACK_LEAD = /^(?:(?:好的?|好嘞|ok)[\s,，、.。!！]*)?收到(?:[\s,，、]*收到)*了?[\s,，、.。!！~～]+\S/iu;

/** Traditional forms of the command words' characters (進度, 辦結, 認領 …), as a phone set to traditional types them. */
const TRADITIONAL: Record<string, string> = {
  進: '进', 辦: '办', 結: '结', 認: '认', 領: '领', 單: '单', 轉: '转', 駁: '驳', 詢: '询', 評: '评', 價: '价',
  報: '报', 複: '复', 雜: '杂', 類: '类', 訴: '诉',
};
/** Voice-input slips of 办结 and 进度, read as the command only right before a ticket number ("办节 #12", "近度＃12"). */
const VOICE_SLIPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:办节|半结|办洁|扮结)(?=\s*[#＃])/u, '办结'],
  [/^(?:近度|尽度)(?=\s*[#＃])/u, '进度'],
];

/** The command word as meant: traditional characters and voice slips folded, one character for one (the rest is kept). */
function foldCommandWord(s: string): string {
  const head = Array.from(s.slice(0, 4), (c) => TRADITIONAL[c] ?? c).join('');
  let folded = head + s.slice(4);
  for (const [slip, word] of VOICE_SLIPS) folded = folded.replace(slip, word);
  return folded;
}

/** Leading @mentions ("@邻里助手 " or WeChat's "@邻里助手\u2005"); \s covers U+2005 and U+3000. */
const LEADING_MENTION = /^@[^\s@]+\s+/;

/** Separators allowed between a command's parts; 、 is excluded because it lists items ("城管、市场监管"). */
const SEPARATORS = /^[\s:：,，;；\-—]+/;

/** Full-width ＃ and digits (０-９), as typed with a Chinese IME, folded to ASCII one char for one char. */
function foldWidth(s: string): string {
  return s.replace(/[＃０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function clean(s: string): string {
  const t = s.replace(SEPARATORS, '').trimEnd();
  // A note of only punctuation ("办结 #12 。") says nothing.
  return /^[\s\p{P}]*$/u.test(t) ? '' : t;
}

function malformed(command: ChatCommandKind, problem: string): MalformedCommand {
  return { kind: 'malformed', command, problem };
}

/** A number written without '#' is a ticket number only when it stands alone ("认领 12", "认领 12号"), not "3栋". */
const BARE_NUMBER = /^(\d+)号?(?=$|[\s\p{P}])/u;

type TicketNoRead =
  | { found: 'yes'; ticketNo: number; rest: string }
  | { found: 'no'; rest: string }
  | { found: 'invalid' };

/** Reads an optional ticket number at the start of `rest`; the returned rest is a slice of the original text. */
function readTicketNo(rest: string): TicketNoRead {
  const folded = foldWidth(rest);
  const lead = /^[\s:：]*/.exec(folded)?.[0].length ?? 0;
  const body = folded.slice(lead);
  let digits: string;
  let end: number;
  const hashed = /^#\s*(\d*)号?/.exec(body);
  if (hashed) {
    digits = hashed[1] ?? '';
    if (!digits) return { found: 'invalid' }; // "认领 #abc": clearly meant a number
    end = hashed[0].length;
  } else {
    const bare = BARE_NUMBER.exec(body);
    if (!bare) return { found: 'no', rest };
    digits = bare[1] ?? '';
    end = bare[0].length;
  }
  const n = Number(digits);
  if (digits.length > 9 || n <= 0) return { found: 'invalid' };
  return { found: 'yes', ticketNo: n, rest: rest.slice(lead + end) };
}

/**
 * The chatter rule: a command word counts only at the very start of the message (after @mentions) and only when
 * what follows looks like command syntax: nothing, whitespace, '#', a colon or comma, punctuation only, or a stand-alone
 * ticket number. So "认领快递在哪里", "办结了吗", "进度怎么样" are chatter (null), while "认领 abc" and "认领？" are
 * command attempts and get a usage hint (malformed). Report words also accept text starting with a digit, because
 * "报修3栋电梯坏了" is how people write an address.
 */
function isCommandBoundary(rest: string, kind: ChatCommandKind): boolean {
  const folded = foldWidth(rest);
  if (folded === '' || /^[\s#:：,，]/.test(folded) || /^[\s\p{P}]*$/u.test(folded)) return true;
  if (/^\d/.test(folded)) return kind === 'report' || BARE_NUMBER.test(folded);
  return false;
}

export function readRating(s: string): { satisfaction: Satisfaction; note: string } | null {
  for (const [word, satisfaction] of RATING_WORDS) {
    if (!s.startsWith(word)) continue;
    const rest = s.slice(word.length);
    // "满意度调查" is not a rating; "满意，谢谢" is.
    if (rest !== '' && !/^[\s\p{P}]/u.test(rest)) continue;
    return { satisfaction, note: clean(rest) };
  }
  return null;
}

/** The reason is read from the first word of the note: "重复工单", "与#10重复" → duplicate; "闲聊" → not_appeal. */
function rejectReason(note: string): RejectReason {
  const first = note.split(/[\s,，;；:：。]/)[0] ?? '';
  if (DUPLICATE_WORDS.some((w) => first.includes(w))) return 'duplicate';
  if (NOT_APPEAL_WORDS.some((w) => first.includes(w))) return 'not_appeal';
  return 'other';
}

/** The ticket a duplicate repeats, when the note names one: "重复 #10", "与#10重复", "重复工单 １０号". */
function duplicateOf(note: string): { duplicateOf?: number } {
  const m = /#\s*(\d{1,9})|(?:^|[^\d])(\d{1,9})号/.exec(foldWidth(note));
  const n = Number(m?.[1] ?? m?.[2]);
  return n > 0 ? { duplicateOf: n } : {};
}

function parseArgs(kind: ChatCommandKind, rest: string, quoted: boolean): ChatCommand | MalformedCommand {
  if (kind === 'report') {
    const text = clean(rest);
    return text ? { kind, text } : malformed(kind, 'missing report text');
  }
  const read = readTicketNo(rest);
  if (read.found === 'invalid') return malformed(kind, 'invalid ticket number');
  // Quoting a receipt supplies the ticket; an explicit number still wins.
  if (read.found === 'no' && !quoted) return malformed(kind, 'missing ticket number');
  const no = read.found === 'yes' ? { ticketNo: read.ticketNo } : {};
  const note = clean(read.rest);
  // a staff step's note is kept whole on the ticket, so one over the console's limit is refused here as there
  if (kind !== 'rate' && note.length > NOTE_MAX_CHARS) return { ...malformed(kind, 'note too long'), noteLength: note.length };

  switch (kind) {
    case 'claim':
    case 'query':
      return { kind, ...no }; // trailing words ("认领 #12 我去") carry nothing
    case 'progress':
      return note ? { kind, ...no, note } : malformed(kind, 'missing progress note');
    case 'resolve':
      return note ? { kind, ...no, note } : malformed(kind, 'missing resolution note');
    case 'escalate':
      // The level above must know why the grid cannot handle it itself.
      return note ? { kind, ...no, note } : malformed(kind, 'missing escalation reason');
    case 'reject':
      // Turning a resident away without a reason is not allowed.
      if (!note) return malformed(kind, 'missing reject reason');
      return rejectReason(note) === 'duplicate' ? { kind, ...no, reason: 'duplicate', note, ...duplicateOf(note) } : { kind, ...no, reason: rejectReason(note), note };
    case 'complex':
    case 'supervise':
      return { kind, ...no, note };
    case 'recategorize': {
      const category = /^[^\s,，;；:：。]+/u.exec(note)?.[0];
      return category ? { kind, ...no, category } : malformed(kind, 'missing category');
    }
    case 'transfer': {
      const m = /^([^\s,，;；:：]+)(.*)$/su.exec(note);
      if (!m?.[1]) return malformed(kind, 'missing transfer target');
      return { kind, ...no, target: m[1], note: clean(m[2] ?? '') };
    }
    case 'rate': {
      if (!note) return malformed(kind, 'missing rating');
      const rating = readRating(note);
      return rating ? { kind, ...no, ...rating } : malformed(kind, 'unknown rating');
    }
  }
}

/**
 * Builds a parser. `aliases` REPLACES the word list of each kind it names (so a city can also drop a word such as
 * 投诉); to add a word, spread the default: `{ claim: [...DEFAULT_COMMAND_ALIASES.claim, '领单'] }`.
 * Throws DomainError CONFIG_INVALID when a word is empty or given to two kinds.
 */
export function createCommandParser(aliases: Partial<Record<ChatCommandKind, string[]>> = {}): CommandParser {
  const table = { ...DEFAULT_COMMAND_ALIASES, ...aliases };
  const owner = new Map<string, ChatCommandKind>();
  for (const [kind, words] of Object.entries(table) as Array<[ChatCommandKind, string[] | undefined]>) {
    for (const raw of words ?? []) {
      const word = raw.trim().toLowerCase();
      if (!word) throw new DomainError(ErrorCode.ConfigInvalid, `empty command alias for ${kind}`, { kind });
      const other = owner.get(word);
      if (other && other !== kind) {
        throw new DomainError(ErrorCode.ConfigInvalid, `command alias '${word}' is given to both ${other} and ${kind}`, {
          word,
          kinds: [other, kind],
        });
      }
      owner.set(word, kind);
    }
  }
  // Longest first, so that 已办结 is tried before 办结 and a city's 领单 never shadows a longer word.
  const words = [...owner.entries()].sort((a, b) => b[0].length - a[0].length);
  // the same words by their first character (still longest first): a line is compared with the words it could start
  // with, not with every word (most lines are chatter and start with none)
  const byFirst = new Map<string, [string, ChatCommandKind][]>();
  for (const w of words) pushTo(byFirst, w[0][0]!, w);
  /** The words `s` may start with: those of its first character, lowercased; all of them where casing is not simple. */
  const candidates = (s: string): readonly [string, ChatCommandKind][] => {
    const first = s[0]!;
    const lower = first.toLowerCase();
    return lower.length === 1 && (first.charCodeAt(0) < 0x80 || lower === first) ? (byFirst.get(lower) ?? []) : words;
  };

  return {
    parse(text, ctx) {
      let s = text.trim();
      for (let m = LEADING_MENTION.exec(s); m; m = LEADING_MENTION.exec(s)) s = s.slice(m[0].length);
      if (!s) return null;
      s = foldCommandWord(s);

      for (const [word, kind] of candidates(s)) {
        // Latin aliases (e.g. Telegram "/claim") match case-insensitively; Chinese is unaffected.
        if (s.slice(0, word.length).toLowerCase() !== word) continue;
        const rest = s.slice(word.length);
        if (!isCommandBoundary(rest, kind)) continue;
        return parseArgs(kind, rest, ctx.quotesBotMessage);
      }

      // Without a quote these are everyday words ("收到", "满意") and must stay chatter.
      if (!ctx.quotesBotMessage) return null;
      if (QUOTE_ACK.test(s)) return { kind: 'claim', byQuote: true };
      if (QUOTE_ACK_LEAD.test(s)) return { kind: 'claim', staffOnly: true, byQuote: true };
      const rating = readRating(s);
      return rating ? { kind: 'rate', ...rating, byQuote: true } : null;
    },
  };
}
