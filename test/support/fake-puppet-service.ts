// A local WeChat gateway for tests: the real puppet-service gRPC server of wechaty-puppet-service, backed by the
// mock puppet with a logged-in bot account, on 127.0.0.1 without TLS.
import net from 'node:net';
import { PuppetServer } from 'wechaty-puppet-service';
import { PuppetMock, mock } from 'wechaty-puppet-mock';

export interface FakePuppetService {
  endpoint: string;
  token: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Starts a gateway whose account is already logged in as `botName`; clients connecting get its login at once. */
export async function startFakePuppetService(opts: { token: string; botName?: string }): Promise<FakePuppetService> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const endpoint = `127.0.0.1:${await freePort()}`;
  const server = new PuppetServer({ endpoint, puppet, token: opts.token, tls: { disable: true } });
  const bot = mocker.createContact({ id: 'wxid_gateway_bot', name: opts.botName ?? '邻里助手' });
  // a client's stop() stops the gateway's puppet; like a gateway keeping its session, the next start logs in again
  puppet.on('start', () => {
    setImmediate(() => puppet.isLoggedIn || mocker.login(bot));
  });
  await server.start();
  await puppet.start();
  return {
    endpoint,
    token: opts.token,
    async stop() {
      await server.stop();
      await puppet.stop();
    },
  };
}
