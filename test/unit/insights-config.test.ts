// The 每月一题 settings: the monthly proposal's day and time (config file `insights`), and the sandbox's demo history.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('insights configuration', () => {
  it('defaults to the 1st at 09:00 and a seeded sandbox', () => {
    const c = loadConfig({});
    expect(c.insights).toEqual({ monthlyDay: 1, monthlyAt: '09:00' });
    expect(c.demoHistory).toBe(true);
    expect(loadConfig({ LINLI_DEMO_HISTORY: 'off' }).demoHistory).toBe(false);
    expect(() => loadConfig({ LINLI_DEMO_HISTORY: 'no' })).toThrow(/LINLI_DEMO_HISTORY/);
  });

  it('reads the day and time, and names a bad one', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'linli-cfg-')), 'linli.yaml');
    writeFileSync(file, 'insights:\n  monthlyDay: 5\n  monthlyAt: "14:30"\n');
    expect(loadConfig({ LINLI_CONFIG: file }).insights).toEqual({ monthlyDay: 5, monthlyAt: '14:30' });
    writeFileSync(file, 'insights:\n  monthlyDay: 29\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/insights\.monthlyDay/);
    writeFileSync(file, 'insights:\n  monthlyAt: "9:00"\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/insights\.monthlyAt: expected HH:MM/);
  });
});
