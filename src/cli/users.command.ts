// `linli users`: console accounts of the grid's staff — list them, set a password, end their sessions, read the
// audit log. Staff are the people of the grid file who hold a role; residents have no console account.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { SignInService } from '../core/auth/sign-in.service.ts';
import { systemClock } from '../core/ports/clock.port.ts';
import type { Store } from '../core/ports/store.port.ts';
import { scryptHasher } from '../adapters/auth/scrypt.hasher.ts';
import { action, UsageError, withCheckedStore, withStore } from './runtime.ts';
import { personIsStaff } from '../core/people/roles.ts';
import { forTerminal, jsonForTerminal } from './terminal-text.ts';

export const MIN_PASSWORD_LENGTH = 10;

const signInOf = (store: Store) =>
  new SignInService({ auth: store.staffAuth, people: store.people, hasher: scryptHasher(), sendDirect: async () => undefined, platforms: [], clock: systemClock });

async function staffMember(store: Store, key: string) {
  const person = await store.staffAuth.personByKey(key);
  if (!person) throw new UsageError(`no person with key ${key} in the grid`);
  if (!(await personIsStaff(store.people, person.id)))
    throw new UsageError(`${key} holds no staff role: residents and volunteers have no console account`);
  return person;
}

/** Reads the password: from a terminal without echo (asked twice), else the first line of stdin. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += chunk;
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input, output: process.stderr, terminal: true });
      const out = rl as unknown as { _writeToOutput(s: string): void };
      process.stderr.write(prompt);
      out._writeToOutput = () => undefined; // no echo
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('New password: ');
  if ((await ask('Again: ')) !== first) throw new UsageError('the two passwords differ');
  return first;
}

const audit = (store: Store, action: string, object: Record<string, unknown>, personId: number | null) =>
  store.audit.record({ personId: null, roles: [], action, route: 'cli', object: { ...object, personId }, outcome: 'ok', status: 0, ip: null });

export function registerUserCommands(program: Command) {
  const users = program.command('users').description('console accounts of the staff (people of the grid file who hold a role)');

  users
    .command('list')
    .option('--json', 'print JSON')
    .description('staff with their roles, accounts, whether a password is set and their live console sessions')
    .action(
      action(async (opts: { json?: boolean }) =>
        withStore(async (store) => {
          const list = await store.staffAuth.staffAccounts(new Date());
          if (opts.json) return console.log(jsonForTerminal(list));
          for (const a of list) {
            const roles = a.roles.map((r) => `${r.role}@${r.nodeCode}`).join(',');
            const ids = a.identities.map((i) => i.platform).join(',') || '-';
            console.log([a.key ?? `#${a.id}`, a.name, roles, `accounts:${ids}`, `password:${a.hasPassword ? 'yes' : 'no'}`, `sessions:${a.activeSessions}`].map(forTerminal).join('\t'));
          }
        }),
      ),
    );

  users
    .command('set-password')
    .argument('<key>', 'person key of the grid file')
    .description(`set the console password of a staff member (at least ${MIN_PASSWORD_LENGTH} characters; typed twice on a terminal, else the first line of stdin); ends their sessions`)
    .action(
      action(async (key: string) =>
        withStore(async (store) => {
          const person = await staffMember(store, key);
          const password = await readPassword();
          if ([...password].length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
          const signIn = signInOf(store);
          await signIn.setPassword(person.id, password);
          const ended = await signIn.revokeAll(person.id);
          await audit(store, 'cli.users.set-password', { key }, person.id);
          console.log(`password set for ${forTerminal(person.name)} (${key}); ${ended} session(s) ended`);
        }),
      ),
    );

  users
    .command('revoke-sessions')
    .argument('<key>', 'person key of the grid file')
    .description('sign a person out of every console session')
    .action(
      action(async (key: string) =>
        withStore(async (store) => {
          const person = await store.staffAuth.personByKey(key);
          if (!person) throw new UsageError(`no person with key ${key} in the grid`);
          const ended = await signInOf(store).revokeAll(person.id);
          await audit(store, 'cli.users.revoke-sessions', { key, ended }, person.id);
          console.log(`${ended} session(s) of ${forTerminal(person.name)} (${key}) ended`);
        }),
      ),
    );

  users
    .command('audit')
    .option('--limit <n>', 'how many rows, newest first', '50')
    .option('--json', 'print JSON')
    .description('the audit log: sign-ins and state changes through the API and these commands')
    .action(
      action(async (opts: { limit: string; json?: boolean }) =>
        withCheckedStore(
          () => {
            const limit = Number(opts.limit);
            if (!Number.isInteger(limit) || limit <= 0 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
            return limit;
          },
          async (limit, store) => {
            const rows = await store.audit.list({ limit });
            if (opts.json) return console.log(jsonForTerminal(rows));
            // people by their grid-file key and name, as `linli users list` shows them (the id only for someone gone)
            const staff = new Map((await store.staffAuth.staffAccounts(new Date())).map((a) => [a.id, `${a.key ?? `#${a.id}`} ${a.name}`]));
            const who = async (id: number | null): Promise<string> => {
              if (id === null) return '-';
              const known = staff.get(id);
              if (known) return known;
              const person = await store.people.findById(id);
              return person ? `#${id} ${person.name}` : `#${id}`;
            };
            for (const r of rows) {
              const fields = [r.at.toISOString(), await who(r.personId), r.roles.join(',') || '-', r.action, r.route, r.outcome, String(r.status), r.object ? JSON.stringify(r.object) : ''];
              console.log(fields.map(forTerminal).join('\t'));
            }
          },
        ),
      ),
    );
}
