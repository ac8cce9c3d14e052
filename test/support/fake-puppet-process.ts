// The local WeChat gateway of fake-puppet-service.ts in a process of its own, as a real gateway is: what the caller
// does meanwhile (creating and queuing a broadcast) does not hold up the sends it answers. Env: FAKE_PUPPET_TOKEN,
// FAKE_PUPPET_ROOMS (JSON: [{ id, topic }]), FAKE_PUPPET_RECORD (file: one `<room> <epoch ms>` line per accepted message,
// appended as it is accepted). Prints `endpoint <host:port>` on stdout once it listens; stops on SIGTERM.
import { appendFileSync } from 'node:fs';
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
console.log(`endpoint ${service.endpoint}`);
process.once('SIGTERM', () => void service.stop().finally(() => process.exit(0)));
