// A wrong or unreachable puppet service stops `linli start` with a clear error instead of hanging.
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.ts';

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('linli start with the WeChat puppet service', () => {
  it('names the missing endpoint before trying anything (exit 2)', async () => {
    const r = await runCli(['start'], { env: { WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_test_token' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('WECHATY_PUPPET_SERVICE_ENDPOINT');
  });

  it('--standby needs an account to wait for: refused with the mock puppet before anything starts (exit 2)', async () => {
    const r = await runCli(['start', '--standby'], { env: { WECHATY_PUPPET: 'wechaty-puppet-mock', LINLI_DATA_DIR: path.join(tempDir(), 'data') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--standby waits for a WeChat account held by another linli');
  });

  it('gives up on an unreachable service within the login timeout, naming the endpoint (exit 1)', async () => {
    const endpoint = `127.0.0.1:${await closedPort()}`;
    const r = await runCli(['start'], {
      env: {
        LINLI_DATA_DIR: path.join(tempDir(), 'data'),
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_test_token',
        WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint,
        WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
        LINLI_WECHAT_LOGIN_TIMEOUT_MS: '4000',
        LOG_LEVEL: 'silent',
      },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did not log in or show a QR code within 4000 ms');
    expect(r.stderr).toContain(endpoint);
    // said as the one error line of the command, not as an uncaught exception with its stack
    expect(r.stderr).toMatch(/^error: WeChat puppet did not log in or show a QR code within 4000 ms/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('Node.js v');
  });
});
