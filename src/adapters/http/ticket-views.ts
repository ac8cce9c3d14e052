// Tickets as the console reads them: one row per ticket with names instead of ids (grid node, group, assignee,
// reporter), the timeline with who did what, and the same rows as a CSV or XLSX file.
import writeXlsxFile from 'write-excel-file/node';
import type { GridNode } from '../../core/grid/grid.types.ts';
import type { StoredMessage } from '../../core/ports/message.repository.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { isSupervision, STATUS_ZH, type Ticket, type TicketEvent } from '../../core/tickets/ticket.types.ts';
import { isOverdue } from '../../core/tickets/overdue.ts';
import { categoryName } from '../../core/triage/categories.ts';
import { csvDocument } from '../../core/util/csv.ts';
import { eventZh } from '../../core/tickets/event-words.ts';


export type ViewStore = Pick<Store, 'grid' | 'groups' | 'people'>;

export const URGENCY_ZH = { NORMAL: '一般', URGENT: '加急', EMERGENCY: '紧急' } as const;


export interface TicketRow {
  number: number;
  status: Ticket['status'];
  statusZh: string;
  category: string;
  categoryZh: string;
  summary: string;
  place: string;
  urgency: Ticket['urgency'];
  urgencyZh: string;
  complex: boolean;
  gridNode: { code: string; name: string } | null;
  group: string | null;
  assignee: string | null;
  reporter: string | null;
  reporterCount: number;
  createdAt: Date;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
  resolvedAt: Date | null;
  overdue: boolean;
  result: string | null;
  satisfaction: Ticket['satisfaction'];
}


/** Names for the ids of many tickets, each looked up once. */
export class Names {
  private readonly nodes = new Map<number, GridNode | null>();
  private readonly groups = new Map<number, string | null>();
  private readonly people = new Map<number, string | null>();
  constructor(private readonly store: ViewStore) {}

  async node(id: number) {
    if (!this.nodes.has(id)) this.nodes.set(id, await this.store.grid.findById(id));
    return this.nodes.get(id) ?? null;
  }
  async group(id: number | null) {
    if (id === null) return null;
    if (!this.groups.has(id)) this.groups.set(id, (await this.store.groups.findById(id))?.title ?? null);
    return this.groups.get(id) ?? null;
  }
  async person(id: number | null) {
    if (id === null) return null;
    if (!this.people.has(id)) this.people.set(id, (await this.store.people.findById(id))?.name ?? null);
    return this.people.get(id) ?? null;
  }
}

/**
 * One ticket as the console lists it. `missed`: whether the deadline clock escalated it for missing a deadline (the
 * store's missedDeadlines), so that 超时 is the one definition of core/tickets/overdue.ts.
 */
export async function ticketRow(t: Ticket, names: Names, now: Date, missed: boolean): Promise<TicketRow> {
  const node = await names.node(t.gridNodeId);
  // the words the resident used, else the parts triage found, labelled (20号楼2单元107室)
  const parts = [t.place.building && `${t.place.building}号楼`, t.place.unit && `${t.place.unit}单元`, t.place.room && `${t.place.room}室`];
  const place = t.place.text || parts.filter(Boolean).join('');
  return {
    number: t.number,
    status: t.status,
    statusZh: STATUS_ZH[t.status],
    category: t.category,
    categoryZh: categoryName(t.category),
    summary: t.summary,
    place,
    urgency: t.urgency,
    urgencyZh: URGENCY_ZH[t.urgency],
    complex: t.complex,
    gridNode: node ? { code: node.code, name: node.name } : null,
    group: await names.group(t.groupId),
    assignee: await names.person(t.assigneeId),
    reporter: await names.person(t.reporterId),
    reporterCount: t.reporterCount,
    createdAt: t.createdAt,
    acceptDueAt: t.acceptDueAt,
    resolveDueAt: t.resolveDueAt,
    resolvedAt: t.resolvedAt,
    overdue: isOverdue(t, now, missed),
    result: t.result,
    satisfaction: t.satisfaction,
  };
}

/** Rows of tickets, the deadlines they missed read at once. */
export async function ticketRows(tickets: readonly Ticket[], store: ViewStore & Pick<Store, 'tickets'>, now: Date, names = new Names(store)): Promise<TicketRow[]> {
  const missed = await store.tickets.missedDeadlines(tickets.map((t) => t.id));
  const out: TicketRow[] = [];
  for (const t of tickets) out.push(await ticketRow(t, names, now, missed.has(t.id)));
  return out;
}

/** One ticket's row. */
export async function oneTicketRow(t: Ticket, store: ViewStore & Pick<Store, 'tickets'>, now: Date, names = new Names(store)): Promise<TicketRow> {
  return (await ticketRows([t], store, now, names))[0]!;
}


export async function timelineView(events: TicketEvent[], names: Names) {
  const out = [];
  for (const e of events) {
    const typeZh = eventZh(e);
    out.push({
      id: e.id,
      at: e.at,
      type: e.type,
      typeZh,
      actor: e.actorId === null ? '系统' : (await names.person(e.actorId)) ?? `#${e.actorId}`,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusZh: e.toStatus ? STATUS_ZH[e.toStatus] : null,
      // a 督办 without words is stored with the note 督办: the history says it once
      note: e.note === typeZh ? null : e.note,
      data: e.data,
      messageId: e.messageId,
    });
  }
  return out;
}

export function messageView(m: StoredMessage, botName: string) {
  // the bot's messages without a group went to one person (a worker's new-ticket notice, an escalation)
  const direct = m.direction === 'OUT' && m.groupId === null;
  return { id: m.id, direction: m.direction, direct, sender: m.direction === 'OUT' ? botName : m.senderName, kind: m.kind, text: m.text, sentAt: m.sentAt };
}

// ---- export files ---------------------------------------------------------------------------------------------

const chinaTime = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

const COLUMNS: [string, (r: TicketRow) => string | number][] = [
  ['工单号', (r) => r.number],
  ['状态', (r) => r.statusZh],
  ['类别', (r) => r.categoryZh],
  ['紧急程度', (r) => r.urgencyZh],
  ['摘要', (r) => r.summary],
  ['位置', (r) => r.place],
  ['网格', (r) => r.gridNode?.name ?? ''],
  ['群', (r) => r.group ?? ''],
  ['反映人', (r) => r.reporter ?? ''],
  ['反映人数', (r) => r.reporterCount],
  ['负责人', (r) => r.assignee ?? ''],
  ['登记时间', (r) => chinaTime(r.createdAt)],
  ['办结时限', (r) => chinaTime(r.resolveDueAt)],
  ['办结时间', (r) => chinaTime(r.resolvedAt)],
  ['超时', (r) => (r.overdue ? '是' : '')],
  ['办理结果', (r) => r.result ?? ''],
];

/** UTF-8 with a BOM, CRLF lines: what Excel in a Chinese locale opens without garbling. */
export function ticketsCsv(rows: TicketRow[]): string {
  return csvDocument([COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))]);
}

export async function ticketsXlsx(rows: TicketRow[]): Promise<Uint8Array> {
  const data = [
    COLUMNS.map(([h]) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map((r) => COLUMNS.map(([, f]) => {
      const v = f(r);
      return typeof v === 'number' ? { type: Number, value: v } : { type: String, value: v };
    })),
  ];
  return new Uint8Array(await writeXlsxFile(data as never, { sheet: '工单' } as never).toBuffer());
}
