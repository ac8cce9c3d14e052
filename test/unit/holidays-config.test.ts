// The config file's `holidays:` key: the State Council's arrangement, read and validated when the configuration loads.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { tempDir } from '../support/cli.ts';

describe('holidays in the config file', () => {
  it('reads the file named relative to the config file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'h.yaml'), 'year: 2027\nsource: notice\noff: ["2027-01-01"]\nwork: ["2027-02-14"]\n');
    writeFileSync(path.join(dir, 'linli.yaml'), 'holidays: h.yaml\n');
    const c = loadConfig({ LINLI_CONFIG: path.join(dir, 'linli.yaml') });
    expect(c.holidaysFile).toBe(path.join(dir, 'h.yaml'));
    expect(c.holidays.map((h) => [h.year, h.source, [...h.off], [...h.work]])).toEqual([[2027, 'notice', ['2027-01-01'], ['2027-02-14']]]);
    expect(loadConfig({}).holidays).toEqual([]);
  });

  it('refuses a bad holidays file with a ConfigError naming both files and the line', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'h.yaml'), 'year: 2027\nsource: notice\nwork:\n  - "2027-02-17"\n');
    writeFileSync(path.join(dir, 'linli.yaml'), 'holidays: h.yaml\n');
    const load = () => loadConfig({ LINLI_CONFIG: path.join(dir, 'linli.yaml') });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`linli\\.yaml: holidays: bad holidays file\\n.*h\\.yaml:4: work: 2027-02-17 is a weekday`));
  });
});
