// A local WeChat gateway for tests: the real puppet-service gRPC server of wechaty-puppet-service, backed by the
// mock puppet with a logged-in bot account, on 127.0.0.1 without TLS.
import net from 'node:net';
import { PuppetServer } from 'wechaty-puppet-service';
import { PuppetMock, mock } from 'wechaty-puppet-mock';

export interface FakePuppetService {
  endpoint: string;
  token: string;
  /** The gateway's side, for tests that make residents speak or count what the client asks of it. */
  mocker: InstanceType<typeof mock.Mocker>;
  puppet: PuppetMock;
  /** The logged-in account. */
  bot: ReturnType<InstanceType<typeof mock.Mocker>['createContact']>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface FakePuppetOptions {
  token: string;
  botName?: string;
  /** Rooms the bot is a member of (ids with '@', as WeChat's: `…@chatroom`). */
  rooms?: { id: string; topic: string }[];
  /** Called with each text message the gateway accepts, as it accepts it (the platform's own record of what was sent). */
  onSend?: (conversationId: string, text: string) => void;
}

/** Starts a gateway whose account is already logged in as `botName`; clients connecting get its login at once. */
export async function startFakePuppetService(opts: FakePuppetOptions): Promise<FakePuppetService> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const endpoint = `127.0.0.1:${await freePort()}`;
  const server = new PuppetServer({ endpoint, puppet, token: opts.token, tls: { disable: true } });
  const bot = mocker.createContact({ id: 'wxid_gateway_bot', name: opts.botName ?? '邻里助手' });
  for (const r of opts.rooms ?? []) mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: [bot.id] });
  // As a real gateway's (padlocal, the Windows hooks) does, a send answers with the id of the message it made: the mock
  // puppet answers nothing, so the id is taken from the message event the send raises (synchronously, inside it).
  const send = puppet.messageSendText.bind(puppet);
  // (the mock's typings say it answers nothing; the gRPC server passes on whatever it answers)
  (puppet as unknown as { messageSendText: (to: string, text: string) => Promise<string | undefined> }).messageSendText = async (conversationId, text) => {
    const made: string[] = [];
    const grab = ({ messageId }: { messageId: string }) => void made.push(messageId);
    puppet.on('message', grab);
    try {
      await send(conversationId, text);
    } finally {
      puppet.off('message', grab);
    }
    opts.onSend?.(conversationId, text);
    return made[0];
  };
  // a client's stop() stops the gateway's puppet; like a gateway keeping its session, the next start logs in again
  puppet.on('start', () => {
    setImmediate(() => puppet.isLoggedIn || mocker.login(bot));
  });
  await server.start();
  await puppet.start();
  return {
    endpoint,
    token: opts.token,
    mocker,
    puppet,
    bot,
    async stop() {
      await server.stop();
      await puppet.stop();
    },
  };
}
