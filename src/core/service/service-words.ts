// The in-chat words of 三单式 service, read from the start of a message (after any @mention): 求助 (点单), 派单,
// 接单, 完成, 确认 / 未完成, 取消求助; the kind of help a request asks for; and the conservative rule that turns an
// untriggered line into a service request (a service, not a fault). Pure parsing: who may do what is the desk's.
import type { ServiceKind } from './service.types.ts';

export type ServiceCommand =
  | { kind: 'request'; text: string }
  | { kind: 'dispatch'; requestNo?: number; target: string }
  | { kind: 'take'; requestNo?: number }
  | { kind: 'done'; requestNo?: number; note: string }
  | { kind: 'confirm'; requestNo?: number; rating?: 'SATISFIED' | 'BASIC' }
  | { kind: 'reopen'; requestNo?: number; note: string }
  | { kind: 'cancel'; requestNo?: number }
  | { kind: 'bad'; usage: string };

/** How a volunteer's group is named as a 派单 target: the pool of first takers. */
export const POOL_WORDS = ['志愿者群', '志愿者', '群'];

const strip = (raw: string) =>
  raw
    .replace(/^(?:@\S+\s+)+/u, '')
    .replace(/[＃０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
/** "求助#12", "#12", "12号": a request number at the start of the rest; "求助" alone needs the "#". */
const NO = /^(?:求助\s*#\s*|#\s*)(\d{1,9})号?/u;
const num = (s: string | undefined) => (s ? Number(s) : undefined);
const rest = (s: string) => s.replace(/^[\s:：,，;；。]+/u, '').trim();

function readNo(s: string): { no?: number; rest: string } {
  const t = s.trim();
  const m = NO.exec(t);
  return m ? { no: Number(m[1]), rest: rest(t.slice(m[0].length)) } : { rest: rest(t) };
}

/**
 * The service command a message starts with, or null. Reply words (接单, 确认, 未完成 …) alone count only when the
 * message quotes a bot post naming a request (`quotesRequest`) or names one ("接单 求助#12"); a bare "接单 #12" is
 * the ticket word unless `bareNoIsService` (the sender is no staff member: a volunteer taking a request).
 */
export function parseServiceCommand(raw: string, ctx: { quotesRequest: boolean; bareNoIsService: boolean }): ServiceCommand | null {
  const text = strip(raw);
  let m: RegExpExecArray | null;
  if ((m = /^求助(?:[\s:：,，]+|$)([\s\S]*)$/u.exec(text)) && !/^#/.test(m[1]!)) {
    const body = m[1]!.trim();
    return body ? { kind: 'request', text: body } : { kind: 'bad', usage: '求助 需要帮什么忙' };
  }
  if ((m = /^取消求助\s*(?:#\s*(\d{1,9}))?[\s。!！]*$/u.exec(text))) {
    return m[1] || ctx.quotesRequest ? { kind: 'cancel', requestNo: num(m[1]) } : { kind: 'bad', usage: '取消求助 #编号' };
  }
  if ((m = /^派单(?:\s+|$)([\s\S]*)$/u.exec(text))) {
    const { no, rest: r } = readNo(m[1]!);
    const target = r.replace(/^@/u, '').split(/\s+/u)[0] ?? '';
    if (!target || (no === undefined && !ctx.quotesRequest)) return { kind: 'bad', usage: '派单 求助#编号 @志愿者姓名（或 志愿者群）' };
    return { kind: 'dispatch', requestNo: no, target };
  }
  if ((m = /^接单([\s\S]*)$/u.exec(text))) {
    const named = /^\s*求助\s*#\s*(\d{1,9})[\s\p{P}]*$/u.exec(m[1]!);
    if (named) return { kind: 'take', requestNo: Number(named[1]) };
    const bare = /^\s*#\s*(\d{1,9})[\s\p{P}]*$/u.exec(m[1]!);
    if (bare && ctx.bareNoIsService) return { kind: 'take', requestNo: Number(bare[1]) };
    if (ctx.quotesRequest && /^[\s\p{P}]*$/u.test(m[1]!)) return { kind: 'take' };
    return null;
  }
  if ((m = /^完成(?!\s*实事)([\s\S]*)$/u.exec(text))) {
    const { no, rest: r } = readNo(m[1]!);
    if (no === undefined && !ctx.quotesRequest) return null;
    return r ? { kind: 'done', requestNo: no, note: r } : { kind: 'bad', usage: '完成 #编号 办理情况' };
  }
  // 确认 / 未完成 may name the request; the rating words are the ticket's too ("满意 #12"), so only by reply
  if ((m = /^(确认完成|确认|已完成|基本满意|非常满意|满意)([\s\S]*)$/u.exec(text))) {
    const { no, rest: r } = readNo(m[2]!);
    if (!ctx.quotesRequest && (no === undefined || !m[1]!.startsWith('确认'))) return null;
    // thanks may name the helper (谢谢陈阿姨, 辛苦小王了); anything else after the word is no confirmation
    if (no === undefined && r && !/^[\p{P}\s]*(?:(?:谢谢|感谢|多谢|辛苦)(?:你们?|您|\p{Script=Han}{1,5}?)?(?:了|啦)?[\p{P}\s]*)*$/u.test(r)) return null;
    const rating = text.startsWith('基本满意') ? 'BASIC' : /^(?:非常)?满意/u.test(text) ? 'SATISFIED' : undefined;
    return { kind: 'confirm', requestNo: no, ...(rating ? { rating } : {}) };
  }
  if ((m = /^(未完成|没完成|不满意|没办好)([\s\S]*)$/u.exec(text))) {
    const { no, rest: r } = readNo(m[2]!);
    if (!ctx.quotesRequest && (no === undefined || m[1] === '不满意')) return null;
    return { kind: 'reopen', requestNo: no, note: r };
  }
  return null;
}

/** A word of doubt, complaint or negation: a thanks that holds one is no confirmation ("没收到，谢谢", "谢谢，还没来"). */
/** The characters of 收到, 谢 and 辛苦: one of them is in every OK or thanks ackOnly reads. */
const ACK_CHARS = /[收谢辛]/u;
const NOT_ACK = /没|未|不|别|还|再|错|坏|差|慢|少|漏|问题|怎么|什么|吗|呢|[?？]/u;
/** Thanks or an acknowledgement, which may name the helper: 收到了, 已收到, 好的谢谢, 谢谢志愿者, 辛苦刘阿姨了, 非常感谢. */
const ACK = /^(?:(?:已经?|都)?收到(?:了|啦|喽)?|好的?(?:呀|啊|嘞)?|好嘞|嗯+|ok|okay|明白了?|知道了|(?:非常|十分|太|真是?)?(?:谢谢|谢了|感谢|多谢|辛苦)(?:你们?|您|大家|志愿者|\p{Script=Han}{1,4}?)?(?:了|啦|啊|呀)?)+$/iu;

/**
 * Only thanks or an OK ("收到了，谢谢志愿者！", "已收到，谢谢", "收到👍"; not a bare "好"), with no complaint or negation: what a requester
 * says to a 请确认 post when the help arrived (see ServiceChat).
 */
export function ackOnly(raw: string): boolean {
  // (it must hold 收到 or a thanks, below: a line without one of their characters is none, at the cost of one scan)
  if (!ACK_CHARS.test(raw)) return false;
  const text = strip(raw);
  if (NOT_ACK.test(text)) return false;
  const words = text.replace(/[^\p{L}\p{N}]+/gu, '');
  // a bare 好 / 嗯 / OK says too little: it must hold 收到 or a thanks
  return /收到|谢|辛苦/u.test(words) && ACK.test(words);
}

/** The kind of help, from its words; 其他 when none fits. */
const KIND_WORDS: ReadonlyArray<readonly [ServiceKind, RegExp]> = [
  ['陪诊', /陪.{0,2}诊|陪.{0,8}(?:看病|就医|就诊|医院|复查|体检|检查|打针|挂号|看牙|透析)|(?:看病|就医|去医院).{0,6}(?:陪|没人陪)/u],
  ['送餐', /送(?:个|点|份|顿)?(?:午|晚|早|中)?饭|送餐|送菜|助餐|打饭|买.{0,3}菜.{0,4}送/u],
  ['帮办代办', /代办|帮办|代缴|代领|代取|代买|跑腿|办理|老年证|残疾证|医保卡|社保卡|(?:补|办|领).{0,3}(?:证|卡|补贴|手续)/u],
  ['小修', /换.{0,2}灯泡|灯泡|水龙头|修.{0,4}(?:门锁|插座|开关|椅子|桌子|柜子|纱窗|灯|马桶|水管|电器|电视|床)|换.{0,2}(?:锁芯|插座|开关|纱窗)|小修|修理|维修|修一下|修个|修好/u],
];

export function guessServiceKind(text: string): ServiceKind {
  return KIND_WORDS.find(([, re]) => re.test(text))?.[0] ?? '其他';
}

/** Someone asks for a hand: 谁能帮, 能不能帮忙, 麻烦…帮, 需要人陪 … */
const ASKING = /谁能|谁可以|有没有人|有没有志愿者|志愿者|能不能|能否|可不可以|可以.{0,4}帮|帮(?:我|忙|帮|一下|个忙)|麻烦.{0,8}(?:帮|陪|送|代)|需要.{0,8}(?:帮|陪|送|代)|求助|请.{0,4}(?:帮|陪|送|代)/u;
/** Whose help: an older or unwell person at home, someone who cannot go themselves. */
const STRICT_KIND: ReadonlyArray<readonly [ServiceKind, RegExp]> = [
  ['陪诊', /陪.{0,2}诊|陪.{0,8}(?:看病|就医|就诊|去医院|复查|体检|挂号|透析)/u],
  // groceries brought home too: 帮忙买点菜送上门, 买些菜送到家里
  ['送餐', /送(?:个|点|份|顿)?(?:午|晚|早|中)?饭|送餐|助餐|买.{0,3}菜.{0,4}送(?:上门|到家|过来|来)/u],
  ['帮办代办', /代办|帮办|代领|跑腿|(?:办|补|领).{0,4}(?:老年证|残疾证|医保卡|社保卡|高龄补贴)/u],
  ['小修', /换.{0,2}灯泡|(?:修|换).{0,4}水龙头|换.{0,2}锁芯|(?:修|换).{0,4}(?:插座|纱窗)/u],
];
/**
 * Faults and complaints stay tickets: the building, the property company, public things; and anything said about
 * the government's own work (an appeal over 补贴 or 医保 policy is not a request for a volunteer).
 */
const FAULT = /电梯|漏水|渗水|停水|停电|断电|跳闸|堵塞|堵了|下水道|楼道|消防|垃圾|噪音|扰民|物业|路灯|井盖|占道|违建|违章|投诉|举报|施工|拖欠|不给|不予|为什么|何时|什么时候|多少钱|政策|标准|咨询|反映|相关部门|市民|业主/u;

/** A fault or complaint, for a 求助 that is a ticket in truth ("求助 电梯坏了"). */
export const looksLikeFault = (text: string) => FAULT.test(text);

/**
 * An untriggered line that clearly asks for a service (帮办代办, 陪诊, 送餐, 小修), not a fault: the kind, or null.
 * Conservative: it needs both a service's words and someone asking for a hand, and no word of a fault or complaint.
 */
export function detectServiceRequest(text: string): ServiceKind | null {
  const t = text.trim();
  return t.length < 6 || t.length > 120 ? null : serviceAskIn(t);
}

/** The words of detectServiceRequest without its length bounds (a chat line is short): for measuring the rule. */
export function serviceAskIn(text: string): ServiceKind | null {
  if (FAULT.test(text) || !ASKING.test(text)) return null;
  return STRICT_KIND.find(([, re]) => re.test(text))?.[0] ?? null;
}
