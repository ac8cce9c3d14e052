import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('defaults to the embedded sandbox', () => {
    const c = loadConfig({});
    expect(c.store).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.queue).toEqual({ kind: 'memory' });
    expect(c.botName).toBe('邻里助手');
    expect(c.llm).toBeUndefined();
  });

  it('switches to PostgreSQL and Redis when their URLs are set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/linli', REDIS_URL: 'redis://r:6379' });
    expect(c.store).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/linli', prepare: true });
    expect(c.queue).toEqual({ kind: 'redis', url: 'redis://r:6379' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/linli', LINLI_PG_PREPARE: 'false' }).store).toMatchObject({ prepare: false });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db:5432/linli', LINLI_PG_PREPARE: 'no' })).toThrow(/LINLI_PG_PREPARE/);
  });

  it('reads LINLI_HTTP_PORT as a port, off (0), or unset', () => {
    expect(loadConfig({}).httpPort).toBeUndefined();
    expect(loadConfig({ LINLI_HTTP_PORT: '' }).httpPort).toBeUndefined();
    expect(loadConfig({ LINLI_HTTP_PORT: '8781' }).httpPort).toBe(8781);
    expect(loadConfig({ LINLI_HTTP_PORT: 'off' }).httpPort).toBe(0);
    expect(loadConfig({ LINLI_HTTP_PORT: 'OFF' }).httpPort).toBe(0);
    expect(loadConfig({ LINLI_HTTP_PORT: '0' }).httpPort).toBe(0);
    expect(() => loadConfig({ LINLI_HTTP_PORT: 'no' })).toThrow(/LINLI_HTTP_PORT/);
    expect(() => loadConfig({ LINLI_HTTP_PORT: '70000' })).toThrow(/LINLI_HTTP_PORT/);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' })).toThrow(/LLM_MODEL/);
  });

  it('reads an LLM endpoint as users write it: http(s) only, trailing slash and blanks dropped, LLM_MAX_TOKENS', () => {
    const llm = (env: Record<string, string>) => loadConfig({ LLM_MODEL: 'qwen2.5:7b', ...env }).llm;
    expect(llm({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1/' })).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', maxTokens: 300 });
    expect(llm({ LLM_BASE_URL: ' https://api.deepseek.com// ', LLM_MODEL: ' deepseek-chat ', LLM_API_KEY: ' ', LLM_MAX_TOKENS: '2048' })).toMatchObject({
      baseUrl: 'https://api.deepseek.com',
      model: 'deepseek-chat',
      apiKey: undefined,
      maxTokens: 2048,
    });
    // a host without its scheme parses as a URL of scheme "localhost:": said at once, with an example
    expect(() => loadConfig({ LLM_BASE_URL: 'localhost:11434/v1', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL.*http:\/\/127\.0\.0\.1:11434\/v1/s);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: ' ' })).toThrow(/LLM_MODEL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'm', LLM_MAX_TOKENS: '0' })).toThrow(/LLM_MAX_TOKENS/);
  });

  it('reads aliases and the grid file from a YAML config file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-cfg-'));
    const file = path.join(dir, 'linli.yaml');
    writeFileSync(file, 'botName: 小邻\ncommandAliases:\n  claim: [领单]\ngridFile: grid.yaml\n');
    const c = loadConfig({ LINLI_CONFIG: file });
    expect(c).toMatchObject({ botName: '小邻', commandAliases: { claim: ['领单'] }, gridFile: path.join(dir, 'grid.yaml') });
    writeFileSync(file, 'comandAliases: {}\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/comandAliases/);
  });

  it('says, for a misspelt key of the config file, the key meant, and that connection settings are environment variables', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-cfg-'));
    const file = path.join(dir, 'linli.yaml');
    writeFileSync(file, 'gridfile: grid.yaml\nholiday: holidays.yaml\nsla:\n  urgentAcceptHour: 2\ndatabaseUrl: postgres://x@db/linli\nREDIS_URL: redis://r\n');
    let message = '';
    try {
      loadConfig({ LINLI_CONFIG: file });
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toContain(`config file ${file}: unknown key "gridfile": did you mean "gridFile"?`);
    expect(lines).toContain(`config file ${file}: unknown key "holiday": did you mean "holidays"?`);
    expect(lines).toContain(`config file ${file}: sla: unknown key "urgentAcceptHour": did you mean "urgentAcceptHours"?`);
    expect(lines).toContain(`config file ${file}: unknown key "databaseUrl": set the environment variable DATABASE_URL instead (connections, ports and tokens are not config file keys)`);
    expect(lines).toContain(`config file ${file}: unknown key "REDIS_URL": set the environment variable REDIS_URL instead (connections, ports and tokens are not config file keys)`);
    // no doubled colon where the key is at the top of the file
    expect(message).not.toContain('::');
    // a key like nothing known lists the keys there are
    writeFileSync(file, 'foo: 1\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/unknown key "foo" \(known: botName, commandAliases, gridFile, holidays, sla, insights, service, patrol\)/);
  });

  it('says a grid file given as the config file is one, and a bad LINLI_HTTP_PORT what it takes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-cfg-'));
    const file = path.join(dir, 'grid.yaml');
    writeFileSync(file, 'nodes: []\ngroups: []\npeople: []\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(
      `config file ${file}: this is a grid file (nodes, groups, people), not a config file: name it with gridFile in the config file or LINLI_GRID_FILE, or import it with \`linli grid import\``,
    );
    expect(() => loadConfig({ LINLI_HTTP_PORT: 'abc' })).toThrow('env LINLI_HTTP_PORT: a port number (1–65535), or off; not "abc"');
  });

  it('says which scheme a connection URL takes, with an example, for a URL without one', () => {
    expect(() => loadConfig({ DATABASE_URL: '127.0.0.1:5432/linli' })).toThrow('env DATABASE_URL: a PostgreSQL URL, e.g. postgres://user@127.0.0.1:5432/linli');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db' })).toThrow('env DATABASE_URL: a PostgreSQL URL, e.g. postgres://user@127.0.0.1:5432/linli');
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow('env REDIS_URL: a Redis URL, e.g. redis://127.0.0.1:6379 (rediss:// for TLS)');
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'localhost:8081' })).toThrow('env TELEGRAM_API_ROOT: an http:// or https:// address, e.g. http://127.0.0.1:8081');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', REDIS_URL: 'rediss://r:6380' })).toMatchObject({ store: { url: 'postgresql://u@h/db' }, queue: { url: 'rediss://r:6380' } });
  });

  it('reads the deadline policy and its per-category overrides, and names a bad field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-cfg-'));
    const file = path.join(dir, 'linli.yaml');
    writeFileSync(file, 'sla:\n  officeEnd: "17:30"\n  byCategory:\n    fire_safety: { resolveWorkdays: 1 }\n');
    expect(loadConfig({ LINLI_CONFIG: file }).sla).toEqual({ officeEnd: '17:30', byCategory: { fire_safety: { resolveWorkdays: 1 } } });
    writeFileSync(file, 'sla:\n  officeEnd: "25:00"\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/sla\.officeEnd: expected HH:MM/);
  });

  it('reads the urgent deadlines (clock hours to accept, working days to resolve)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-cfg-'));
    const file = path.join(dir, 'linli.yaml');
    writeFileSync(file, 'sla:\n  urgentAcceptHours: 4\n  urgentResolveWorkdays: 2\n');
    expect(loadConfig({ LINLI_CONFIG: file }).sla).toEqual({ urgentAcceptHours: 4, urgentResolveWorkdays: 2 });
    writeFileSync(file, 'sla:\n  urgentResolveWorkdays: 0\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/sla\.urgentResolveWorkdays/);
  });
});
