// A ticket's timeline as people read it: one line per event, China-local time, who and what.
import type { Store } from '../core/ports/store.port.ts';
import { eventZh } from '../core/tickets/event-words.ts';
import { STATUS_ZH, type Ticket, type TicketEvent } from '../core/tickets/ticket.types.ts';
import { categoryName } from '../core/triage/categories.ts';
import { maskPii } from '../core/triage/mask.ts';


function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatTimeline(ticket: Ticket, events: TicketEvent[], names: Map<number, string>): string {
  const head = `工单 #${ticket.number}（${categoryName(ticket.category)}）${STATUS_ZH[ticket.status]}：${maskPii(ticket.summary)}`;
  const lines = events.map((e) => {
    const who = e.actorId !== null ? names.get(e.actorId) ?? `#${e.actorId}` : '系统';
    const move = e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? `（${STATUS_ZH[e.fromStatus]}→${STATUS_ZH[e.toStatus]}）` : '';
    return `${chinaTime(e.at)}  ${who} ${maskPii(eventZh(e))}${move}${e.note ? '：' + maskPii(e.note) : ''}`;
  });
  return [head, ...lines].join('\n');
}

export async function describeTimeline(store: Store, ticket: Ticket): Promise<string> {
  const events = await store.tickets.events(ticket.id);
  const names = new Map<number, string>();
  for (const id of new Set(events.map((e) => e.actorId).filter((x): x is number => x !== null))) {
    names.set(id, (await store.people.findById(id))?.name ?? `#${id}`);
  }
  return formatTimeline(ticket, events, names);
}
