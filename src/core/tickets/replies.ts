// What the bot says, in short, polite, concrete Chinese: number, what happens next, by when. One place for every
// sentence, so that wording is reviewed (and later localised) together.
import { ESCALATION_LEVEL_ZH, type EscalationStep } from '../grid/routing.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { ACTION_ZH, type Action, type refusalOf } from '../people/roles.ts';
import { formatDue } from '../sla/deadlines.ts';
import { categoryName } from '../triage/categories.ts';
import { NOTE_MAX_CHARS, type ChatCommandKind, type MalformedCommand } from './commands.ts';
import { SATISFACTION_ZH, STATUS_ZH, type Satisfaction, type Ticket } from './ticket.types.ts';

const no = (t: Pick<Ticket, 'number'>) => `#${t.number}`;
/** How a ticket stands, for 查询: its state, who has it, by when. */
const statusLine = (t: Ticket, assignee: string | null) =>
  STATUS_ZH[t.status] +
  (assignee ? `，${assignee}负责` : '') +
  (t.resolveDueAt && !['RESOLVED', 'CLOSED', 'REJECTED'].includes(t.status) ? `，时限 ${formatDue(t.resolveDueAt)}` : '');

/** How much of a worker's note the bot repeats in a group (the ticket keeps it all). */
export const GROUP_NOTE_MAX_CHARS = 200;
/** A worker's note as the residents' group reads it: a short line, the rest in the ticket. */
export const inGroup = (note: string) => {
  const chars = Array.from(note);
  return chars.length <= GROUP_NOTE_MAX_CHARS ? note : `${chars.slice(0, GROUP_NOTE_MAX_CHARS).join('').trimEnd()}…（下略）`;
};
/** Staff words as the bot repeats them: cut as a group line is, without their trailing stop (the line adds its own). */
const words = (note: string) => inGroup(note.trim()).replace(/[。.！!；;，,、\s]+$/u, '');
/** …ended as a sentence: their own question mark kept ("不归我们管吧？"), else 。 */
const sentence = (note: string) => {
  const w = words(note);
  return /[？?]$/u.test(w) ? w : `${w}。`;
};
const due = (d: Date | null) => (d ? formatDue(d) : '');
/** Where a ticket is, as the resident named it ("21号楼楼道", "南门"); '' when unknown. */
const placeName = (t: Pick<Ticket, 'place'>) => t.place.text ?? (t.place.building ? `${t.place.building}号楼` : '');
/** How soon an urgent ticket is accepted, as residents read it: "2 小时内", "90 分钟内", or the time itself. */
const within = (t: Ticket) => {
  if (!t.acceptDueAt) return '尽快';
  const minutes = Math.round((t.acceptDueAt.getTime() - t.createdAt.getTime()) / 60_000);
  if (minutes <= 0 || minutes > 48 * 60) return `${due(t.acceptDueAt)} 前`;
  return minutes % 60 === 0 ? `${minutes / 60} 小时内` : `${minutes} 分钟内`;
};

/** The request to rate, at the end of a resolved ticket's notice. */
const RATE_INVITE = '请回复本消息“满意”“基本满意”或“不满意”，您的评价是我们改进的依据。';
/** Whom a resident asks about a rejected ticket. */
const ASK_WORKER = '如有疑问，请联系网格员。';
/** What a resident in danger does first: the numbers for fire (and gas), an ambulance (a collapse, carbon monoxide) and the police. */
const CALL_FIRST = '如有危险请先拨打 119（火警）、120（急救）或 110（报警）。';

export const replies = {
  receipt: (t: Ticket) =>
    t.urgency === 'EMERGENCY'
      ? `已收到，工单 ${no(t)} 已登记（${categoryName(t.category)}，紧急），已通知网格员立即处置。${CALL_FIRST}`
      : t.urgency === 'URGENT'
        ? `已收到，工单 ${no(t)} 已登记（${categoryName(t.category)}，加急），网格员将于 ${within(t)}受理，${due(t.resolveDueAt)} 前办结。`
        : `已收到，工单 ${no(t)} 已登记（${categoryName(t.category)}），网格员将于 1 个工作日内受理，${due(t.resolveDueAt)} 前办结。`,
  /** One English line after the receipt for a resident who wrote in English (staff read the Chinese one above it). */
  receiptEnglish: (t: Ticket) =>
    t.urgency === 'EMERGENCY'
      ? `Received: ticket ${no(t)} is registered and staff are alerted. If in danger, call 119 (fire) / 110 (police) / 120 (ambulance) first.`
      : `Received: ticket ${no(t)} is registered and passed to staff.`,
  /** A rating typed without quoting, from a resident with several tickets awaiting one (numbers oldest first). */
  whichToRate: (nos: readonly number[], s: Satisfaction) =>
    `您有${nos.length}个工单待评价（${nos.map((n) => `#${n}`).join('、')}），请引用对应的办结消息回复，或发送“评价 #${nos.at(-1)} ${SATISFACTION_ZH[s]}”。`,
  /** "我报的…怎么样了" from a resident with several open tickets here: which one. */
  whichToQuery: (nos: readonly number[]) =>
    `您在本群有${nos.length}个在办工单（${nos.map((n) => `#${n}`).join('、')}），请注明工单号，如“查询 #${nos.at(-1)}”。`,
  /** 查询 alone from someone with several open tickets here (reported, or in their charge for staff): each and its state. */
  yoursHere: (ts: readonly Ticket[], staff: boolean) => {
    const shown = ts.slice(-8).map((t) => `${no(t)}（${STATUS_ZH[t.status]}）`).join('、') + (ts.length > 8 ? ` 等 ${ts.length} 件` : '');
    return `您在本群${staff ? '负责' : '反映'}的在办工单：${shown}。查询详情请发：查询 ${no(ts.at(-1)!)}`;
  },
  /** 查询 alone from staff with nothing open in their charge here. */
  noneInChargeHere: () => '本群暂无您负责的在办工单。',
  /** "我报的…怎么样了" from a resident with no open ticket here. */
  noOpenTicket: () => '您在本群暂无在办的工单。如有问题，请直接说明情况和位置。',
  /** A resident's reply quoting the bot about their own open ticket: kept with it. */
  detailAdded: (t: Ticket) => `已补充到工单 ${no(t)}，网格员会一并查看。`,
  /** A follow-up that told a greater danger: the ticket raised (urgent or emergency). */
  urgencyRaised: (t: Ticket) =>
    t.urgency === 'EMERGENCY'
      ? `已将工单 ${no(t)} 升为紧急，已通知网格员立即处置。${CALL_FIRST}`
      : `已将工单 ${no(t)} 升为加急，网格员将于 ${within(t)}受理。`,
  /** A resident telling their own open problem again. */
  ownRepeat: (t: Ticket) => `您反映的问题已登记为工单 ${no(t)}，已补充记录，网格员会一并查看。`,
  /** A resident's correction right after their appeal ("不对，是21号楼"). */
  correctionAdded: (t: Ticket, text: string) => `已将您的更正补充到工单 ${no(t)}：${text}`,
  placeCorrected: (t: Ticket) => `已将工单 ${no(t)} 的地点更正为${placeName(t)}。`,
  /** To the worker holding the ticket: its reporter corrected the place. */
  placeToWorker: (t: Ticket, text: string) => `工单 ${no(t)} 反映人更正地点为${placeName(t)}：${text}`,
  /** To the worker a ticket was dispatched to before its reporter said it is elsewhere (another grid's). */
  placeMovedAway: (t: Ticket, text: string) => `工单 ${no(t)} 反映人更正地点为${placeName(t)}（${text}），已转由该处网格员办理，您无需处理。`,
  /** To the worker holding the ticket: what its reporter added. */
  detailToWorker: (t: Ticket, text: string) => `工单 ${no(t)} 反映人补充：${text}`,
  /** …or asked after its progress ("什么时候能修好啊"): the worker may answer them. */
  askedToWorker: (t: Ticket, text: string) => `工单 ${no(t)} 反映人询问进度：${text}`,
  duplicateJoined: (t: Ticket) => `该问题已登记为工单 ${no(t)}，已为您加入关注，办理结果会在群里告知。`,
  /**
   * One reply to a message naming several separate problems: each one's ticket, what and where it is, and by when, in
   * the order named. `new`: opened now; `joined`: a neighbour's open ticket the sender now follows; `own`: the sender's
   * own open ticket, the words added to it.
   */
  receiptMany: (items: readonly { ticket: Ticket; how: 'new' | 'joined' | 'own' }[]) => {
    const lines = items.map(({ ticket: t, how }, i) => {
      const what = [categoryName(t.category), placeName(t), t.urgency === 'EMERGENCY' ? '紧急' : t.urgency === 'URGENT' ? '加急' : ''].filter(Boolean).join('，');
      const head = `${i + 1}. 工单 ${no(t)}（${what}）：`;
      if (how === 'joined') return `${head}已有邻居反映，已为您加入关注`;
      if (how === 'own') return `${head}已补充到您的这张工单`;
      if (t.urgency === 'EMERGENCY') return `${head}已通知网格员立即处置`;
      return `${head}${t.urgency === 'URGENT' ? within(t) : '1 个工作日内'}受理，${due(t.resolveDueAt)} 前办结`;
    });
    const danger = items.some((i) => i.how === 'new' && i.ticket.urgency === 'EMERGENCY');
    return `已收到，您反映的 ${items.length} 个问题已分别登记：\n${lines.join('；\n')}。${danger ? `\n${CALL_FIRST}` : ''}`;
  },
  claimed: (t: Ticket, by: string) => `工单 ${no(t)} 已由${by}受理，将于 ${due(t.resolveDueAt)} 前办结。`,
  assignedDirect: (t: Ticket, groupTitle: string) =>
    `新工单 ${no(t)}（${categoryName(t.category)}）${groupTitle ? `来自「${groupTitle}」` : ''}：${t.summary}。请在 ${due(t.acceptDueAt)} 前认领。`,
  /**
   * To whom staff hand a ticket (指派 to a person, 转派 to a department): who handed it, their words, the appeal, and by
   * when it is to be claimed (or, when it stays claimed, resolved).
   */
  handedDirect: (t: Ticket, groupTitle: string, by: string, verb: '指派' | '转派', note: string) => {
    const said = words(note);
    const claim = t.status !== 'ACCEPTED';
    return `${by}将工单 ${no(t)}（${categoryName(t.category)}）${verb}给您${said ? `：${said}` : ''}。` +
      `${groupTitle ? `来自「${groupTitle}」` : '诉求'}：${t.summary}。请在 ${due(claim ? t.acceptDueAt : t.resolveDueAt)} 前${claim ? '认领' : '办结'}。`;
  },
  /** To whoever held a ticket before it was handed on: one line. */
  handedOver: (t: Ticket, to: string, note: string) => {
    const said = words(note);
    return `工单 ${no(t)} 已改由${to}办理${said ? `：${said}` : ''}。`;
  },
  progress: (t: Ticket, note: string) => `工单 ${no(t)} 进展：${inGroup(note)}`,
  /** To whoever holds a ticket when someone else (a supervisor) adds a progress note to it. */
  progressToHolder: (t: Ticket, by: string, note: string) => `${by}在工单 ${no(t)} 补充了进展：${note.trim()}`,
  resolvedToHolder: (t: Ticket, by: string, note: string) => `您负责的工单 ${no(t)} 已由${by}办结：${note.trim()}`,
  resolved: (t: Ticket, note: string) => `工单 ${no(t)} 已办结：${sentence(note)}${RATE_INVITE}`,
  transferred: (t: Ticket, target: string) => `工单 ${no(t)} 已转派至${target}办理，结果会在群里告知。`,
  escalated: (t: Ticket, step: EscalationStep | undefined) =>
    step
      ? `工单 ${no(t)} 已上报${ESCALATION_LEVEL_ZH[step.level]}（${step.people.map((p) => p.name).join('、') || step.node.name}）协调办理。`
      : `工单 ${no(t)} 已上报上级协调办理。`,
  escalatedDirect: (t: Ticket, reason: string) => `工单 ${no(t)}（${t.summary}）已上报到您这一级，原因：${sentence(reason)}请协调办理。`,
  /** 驳回 as a duplicate of a named ticket. */
  duplicateOf: (of: Pick<Ticket, 'number'>) => `与工单 ${no(of)} 重复`,
  rejected: (t: Ticket, reason: string) => `工单 ${no(t)} 已驳回（${words(reason)}）。${ASK_WORKER}`,
  /** To whoever held a ticket someone else rejected: it needs no more work. */
  rejectedToHolder: (t: Ticket, by: string, reason: string) => `您负责的工单 ${no(t)} 已由${by}驳回：${sentence(reason)}无需再办理。`,
  /**
   * To staff who gave the step in another group than the ticket's: where it was told, without what is said to the
   * resident only (the request to rate, whom to ask).
   */
  toldElsewhere: (groupTitle: string, text: string) => `已在「${groupTitle}」告知：${text.replace(RATE_INVITE, '').replace(ASK_WORKER, '').trim()}`,
  /**
   * As toldElsewhere, when the bot may not post in the ticket's group — muted there, or no longer in it: the resident
   * was not told there.
   */
  notTold: (groupTitle: string, text: string, muted: boolean) =>
    `${muted ? `助手在「${groupTitle}」内不能发言` : `助手已不在「${groupTitle}」内`}，未能在群内告知居民，请另行联系：${text.replace(RATE_INVITE, '').replace(ASK_WORKER, '').trim()}`,
  /** An answer to staff who spoke in a group where the bot may not post: sent to them directly instead. */
  answeredDirectly: (groupTitle: string, text: string) => `助手在「${groupTitle}」内不能发言，私信回复您：${text}`,
  closed: (t: Ticket, s: Satisfaction) => `感谢您的评价（${SATISFACTION_ZH[s]}），工单 ${no(t)} 已关闭。`,
  /** A poor rating of a closed ticket that tells a new problem: the new problem's receipt. */
  newAfterClosed: (closedNo: number, t: Ticket) =>
    t.urgency === 'EMERGENCY'
      ? `工单 #${closedNo} 已关闭；您反映的新问题已登记为工单 ${no(t)}（紧急），已通知网格员立即处置。${CALL_FIRST}`
      : `工单 #${closedNo} 已关闭；您反映的新问题已登记为工单 ${no(t)}。`,
  /** After "工单 #N 当前已关闭，无法评价。" to a poor rating with no new problem in it. */
  reportAgainHint: () => '如问题仍在，请直接描述，我会重新登记。',
  reopened: (t: Ticket) => `抱歉没有让您满意，工单 ${no(t)} 已重新打开，网格员会尽快再次处理。`,
  /** To the worker: the resident's reason (their words in the rating, if any) and the new resolve deadline. */
  reopenedDirect: (t: Ticket, reason: string) =>
    `工单 ${no(t)} 居民评价不满意，已重新打开${words(reason) ? `：${words(reason)}` : ''}。请在 ${due(t.resolveDueAt)} 前处理。`,
  complex: (t: Ticket) => `工单 ${no(t)} 已标记为复杂事项，办结时限延长至 ${due(t.resolveDueAt)}。`,
  recategorized: (t: Ticket) => `工单 #${t.number} 已更正为「${categoryName(t.category)}」，谢谢，系统会据此改进识别。`,
  assigned: (t: Ticket, to: string) => `工单 ${no(t)} 已指派给${to}办理，将于 ${due(t.resolveDueAt)} 前办结。`,
  merged: (t: Ticket, into: Pick<Ticket, 'number'>) => `工单 ${no(t)} 与工单 ${no(into)} 为同一问题，已合并至 ${no(into)} 办理，结果会在群里告知。`,
  /** 督办, with the supervisor's words when there are any (cut as a group line is; the ticket keeps them whole). */
  supervised: (t: Ticket, note = '') => {
    const said = words(note);
    return said ? `工单 ${no(t)} 已督办：${said}。请尽快办理并反馈进展。` : `工单 ${no(t)} 已督办，请负责人尽快办理并反馈进展。`;
  },
  /** An @mention or 报事 with nothing in it: one question, no ticket. */
  askWhatHappened: () => '您好，请直接说明遇到的问题，例如“3号楼电梯停了”，我会为您登记。',
  query: (t: Ticket, assignee: string | null) => `工单 ${no(t)}（${categoryName(t.category)}）：${statusLine(t, assignee)}。`,
  /** 查询 of a ticket merged into another: where it went, and how that one stands. */
  queryMerged: (t: Ticket, into: Ticket, assignee: string | null) => `工单 ${no(t)} 已合并至 ${no(into)} 办理：${statusLine(into, assignee)}。`,
  /** In the group of a ticket merged into another, the other's result (its reporters mentioned). */
  mergedResult: (merged: readonly Ticket[], into: Ticket, outcome: string) =>
    `您反映的问题（工单 ${merged.map(no).join('、')}）已并入工单 ${no(into)} 办理，现${outcome}。如有疑问，请联系网格员。`,
  /** In the group of a ticket merged into another, the other's progress note (its reporters mentioned). */
  mergedProgress: (merged: readonly Ticket[], into: Ticket, note: string) =>
    `您反映的问题（工单 ${merged.map(no).join('、')}）已并入工单 ${no(into)} 办理，最新进展：${words(note)}。`,
  /** The outcome mergedResult names: a result, or a rejection with its reason. */
  outcomeResolved: (note: string) => `已办结：${words(note)}`,
  outcomeRejected: (reason: string) => `已驳回（${words(reason)}）`,
};

const USAGE: Record<ChatCommandKind, string> = {
  claim: '认领 #工单号',
  progress: '进度 #工单号 进展情况',
  resolve: '办结 #工单号 办理结果',
  transfer: '转派 #工单号 部门',
  escalate: '吹哨 #工单号 原因',
  reject: '驳回 #工单号 原因',
  query: '查询 #工单号',
  rate: '评价 #工单号 满意/基本满意/不满意',
  complex: '复杂 #工单号',
  supervise: '督办 #工单号',
  recategorize: '改类 #工单号 类别（如 噪音扰民）',
  report: '报事 问题描述',
};

/**
 * A command that names no ticket and quotes no bot message about one. The example keeps the placeholder: a real-looking
 * number ("#12") would be read as a ticket by whoever copies it.
 */
export function whichTicketReply(kind: ChatCommandKind): string {
  return `请写明工单号，例如：${USAGE[kind]}；或引用该工单的回执回复。`;
}

/**
 * A holder's step that names no ticket, from someone with tickets in hand in this group (认领: waiting for their claim):
 * which ones, and the line to send for the newest (nothing is applied on a guess: a note posted under the wrong ticket reaches the residents).
 */
export function inHandReply(kind: ChatCommandKind, numbers: readonly number[]): string {
  const shown = numbers.slice(-5).map((n) => `#${n}`).join('、') + (numbers.length > 5 ? ` 等 ${numbers.length} 件` : '');
  // the example names the newest: most likely the one just taken
  const which = kind === 'claim' ? '本群待您认领的工单' : '您在本群办理中的工单';
  return `请写明工单号：${which}${numbers.length === 1 ? '是' : '有'} ${shown}，请这样写：${USAGE[kind].replace('#工单号', `#${numbers.at(-1)}`)}`;
}

export function malformedReply(m: MalformedCommand): string {
  if (m.noteLength !== undefined) return `内容过长（${m.noteLength} 字），请精简到 ${NOTE_MAX_CHARS} 字以内再发：${USAGE[m.command]}`;
  return `格式有误，请这样写：${USAGE[m.command]}`;
}

const MOVE_ZH: Record<string, string> = {
  claim: '认领',
  resolve: '办结',
  transfer: '转派',
  escalate: '上报',
  reject: '驳回',
  close: '评价',
  reopen: '评价',
};

/** A list of names for one chat line: the first few, then how many more. */
function shortList(names: readonly string[], max = 6): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')}等 ${names.length} 个`;
}

/** A refused action: a role the person lacks is named (督办需由网格长及以上人员办理); otherwise the ticket's grid is not theirs. */
export function refusalReply(action: Action, why: ReturnType<typeof refusalOf>): string {
  const zh = ACTION_ZH[action] as string | undefined;
  return why.need === 'role' && zh ? `抱歉，${zh}需由${why.who}办理。` : '抱歉，此操作需由负责该网格的工作人员办理。';
}

/** One polite sentence for a refused command; the details go to the log. */
export function errorReply(e: DomainError): string {
  const n = e.details.ticketNo ? `#${e.details.ticketNo}` : '';
  switch (e.code) {
    case ErrorCode.TicketNotFound:
      return `未找到工单 ${n}，请核对编号。`;
    case ErrorCode.NotAuthorized:
      return refusalReply(e.details.action as Action, e.details.need === 'role' && typeof e.details.who === 'string' ? { need: 'role', who: e.details.who } : { need: 'grid' });
    case ErrorCode.NotReporter:
      // the number said: in a busy group the closing message quoted may be a neighbour's
      return n ? `抱歉，工单 ${n} 只能由反映人评价。` : '抱歉，只有反映人可以评价该工单。';
    case ErrorCode.IllegalTransition: {
      if (e.details.yours === true && e.details.move === 'claim') return `您已认领工单 ${n}。`;
      const from = e.details.from as keyof typeof STATUS_ZH | undefined;
      const move = MOVE_ZH[String(e.details.move)] ?? '办理';
      return `工单 ${n} 当前${from ? STATUS_ZH[from] : '状态不允许'}，无法${move}。`;
    }
    case ErrorCode.ConcurrentUpdate:
      return `工单 ${n} 刚被他人更新，请稍后再试。`;
    case ErrorCode.UnknownCategory:
      return `没有“${String(e.details.category)}”这个类别，可选：${(e.details.known as string[] | undefined)?.join('、') ?? ''}。`;
    case ErrorCode.UnknownTransferTarget: {
      const known = (e.details.known as string[] | undefined) ?? [];
      const ambiguous = (e.details.ambiguous as string[] | undefined) ?? [];
      const target = String(e.details.target ?? '');
      if (ambiguous.length > 0) return `「${target}」对应多个部门：${shortList(ambiguous)}，请写明是哪一个。`;
      if (known.length === 0) return `工单 ${n} 所在网格没有登记可转派的部门，请用“吹哨”上报。`;
      return `未找到部门「${target}」，可转派至：${shortList(known)}。`;
    }
    case ErrorCode.BroadcastSchedulePast:
      return '发送时间已过，请重新选择';
    case ErrorCode.MalformedCommand:
      return '没有看懂这条指令，请写明工单号，例如：认领 #工单号；或引用该工单的回执回复。';
    default:
      return '抱歉，暂时无法办理，请稍后再试或联系网格员。';
  }
}
