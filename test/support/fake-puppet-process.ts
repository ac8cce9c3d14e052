// The local WeChat gateway of fake-puppet-service.ts in a process of its own, as a real gateway is: what the caller
// does meanwhile (creating and queuing a broadcast) does not hold up the sends it answers. Env: FAKE_PUPPET_TOKEN,
// FAKE_PUPPET_ROOMS (JSON: [{ id, topic }]), FAKE_PUPPET_RECORD (file: one `<room> <epoch ms>` line per accepted message,
// appended as it is accepted), FAKE_PUPPET_CALLS (optional file: the requests it answered per method, as JSON, written
// on SIGTERM). Prints `endpoint <host:port>` on stdout once it listens; stops on SIGTERM.
import { appendFileSync, writeFileSync } from 'node:fs';
import { startFakePuppetService } from './fake-puppet-service.ts';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

const record = env('FAKE_PUPPET_RECORD');
const service = await startFakePuppetService({
  token: env('FAKE_PUPPET_TOKEN'),
  rooms: JSON.parse(env('FAKE_PUPPET_ROOMS')) as { id: string; topic: string }[],
  onSend: (room) => appendFileSync(record, `${room} ${Date.now()}\n`),
});
// what the client asks of the gateway, per method it serves a broadcast's copy with (the mock's methods, as the gRPC
// server calls them)
const calls: Record<string, number> = {};
const server = service.puppet as unknown as Record<string, (...a: unknown[]) => unknown>;
for (const method of ['messageSendText', 'messagePayload', 'roomPayload', 'roomMemberList', 'roomMemberPayload', 'contactPayload']) {
  const f = server[method]!.bind(server);
  server[method] = (...a: unknown[]) => ((calls[method] = (calls[method] ?? 0) + 1), f(...a));
}
console.log(`endpoint ${service.endpoint}`);
process.once('SIGTERM', () => {
  if (process.env.FAKE_PUPPET_CALLS) writeFileSync(process.env.FAKE_PUPPET_CALLS, JSON.stringify(calls));
  void service.stop().finally(() => process.exit(0));
});
