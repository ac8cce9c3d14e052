// The ticket change relay on Redis pub/sub: one channel per deployment (`<LINLI_QUEUE_PREFIX>:ticket-changes`), one
// connection to publish and one subscribed. Each relay tags what it sends with its own id and drops its own messages,
// so a process hears every other process's change once and its own never. Pub/sub keeps nothing: a console that was
// not connected misses the live line, not the data (the overview's roll-ups are in the database).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { TicketChange } from '../../core/events/ticket-events.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { TicketChangeRelay } from '../../core/ports/ticket-change-relay.port.ts';
import { redisErrorReporter } from './redis-error-report.ts';

interface Envelope {
  from: string;
  change: TicketChange;
}

/** JSON with dates kept as dates: a Date is written as {"$date": iso} (text from a chat is a string, never that object). */
export function encodeChange(change: TicketChange): string {
  return JSON.stringify(change, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function decodeChange<T = TicketChange>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const d = (value as { $date?: unknown }).$date;
      if (typeof d === 'string' && Object.keys(value).length === 1) return new Date(d);
    }
    return value;
  }) as T;
}

export function createRedisTicketRelay(o: { url: string; prefix: string; logger: Logger }): TicketChangeRelay {
  const channel = `${o.prefix}:ticket-changes`;
  const self = randomUUID();
  // both connections report a Redis that does not answer on each reconnection: said once per interval, as the queues do
  const report = redisErrorReporter({ what: 'ticket change relay', logger: o.logger, level: 'warn' });
  const connect = (role: string) => {
    const redis = new Redis(o.url, { maxRetriesPerRequest: 3, connectionName: `linli-${role}` });
    redis.on('error', (err: Error) => report(err, role));
    return redis;
  };
  const pub = connect('changes-pub');
  let sub: Redis | undefined;
  return {
    async send(change) {
      const envelope = `{"from":${JSON.stringify(self)},"change":${encodeChange(change)}}`;
      await pub.publish(channel, envelope);
    },
    async listen(handler) {
      sub ??= connect('changes-sub');
      sub.on('message', (ch: string, text: string) => {
        if (ch !== channel) return;
        try {
          const { from, change } = decodeChange<Envelope>(text);
          if (from !== self) handler(change);
        } catch (err) {
          o.logger.warn({ err }, 'ticket change relay: a message that is not a change was dropped');
        }
      });
      await sub.subscribe(channel);
    },
    async close() {
      pub.disconnect();
      sub?.disconnect();
    },
  };
}
