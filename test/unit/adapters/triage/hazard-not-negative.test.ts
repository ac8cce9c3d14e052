// The reviewed list of messages that are not hazard negatives (data/corpus/hazard-not-negative.txt): exact texts and
// sha1s are skipped, every 4th chatter line is still taken before the list applies, and the shipped list names only
// corpus lines (so a typo cannot silently skip nothing).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardNegatives, NEGATIVE_CORPUS, NOT_NEGATIVE_LIST, readNotNegative, textSha1 } from '../../../../src/adapters/triage/hazard-model-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'linli-notneg-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const jsonl = (rows: { text: string; label: string }[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('hazard-not-negative list', () => {
  it('skips listed texts and sha1s, keeps the rest; chatter is sampled before the list applies', async () => {
    const corpus = path.join(dir, 'corpus.jsonl');
    const chatter = path.join(dir, 'chatter.jsonl');
    const list = path.join(dir, 'list.txt');
    await writeFile(corpus, jsonl([{ text: '健身区的单杠底座松了', label: 'parking_traffic' }, { text: '今天天气真好', label: 'chatter' }]));
    await writeFile(chatter, jsonl(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map((t) => ({ text: t, label: 'chatter' }))));
    await writeFile(list, `# comment\n健身区的单杠底座松了\n\nsha1:${textSha1('c4')}\n`);
    const kept = (await hazardNegatives(corpus, chatter, list)).map((n) => n.text);
    expect(kept).toEqual(['今天天气真好', 'c0', 'c8']);
    expect((await hazardNegatives(corpus, chatter, null)).map((n) => n.text)).toEqual(['健身区的单杠底座松了', '今天天气真好', 'c0', 'c4', 'c8']);
  });

  it('rejects a malformed sha1 line', async () => {
    const list = path.join(dir, 'bad.txt');
    await writeFile(list, 'sha1:abc\n');
    await expect(readNotNegative(list)).rejects.toThrow(/sha1/);
  });

  it('the shipped list names only lines of the neighbourhood corpus', async () => {
    const corpus = new Set((await readFile(NEGATIVE_CORPUS, 'utf8')).split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { text: string }).text));
    const entries = (await readFile(NOT_NEGATIVE_LIST, 'utf8')).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    for (const e of entries) if (!e.startsWith('sha1:')) expect(corpus.has(e), e).toBe(true);
  });
});
