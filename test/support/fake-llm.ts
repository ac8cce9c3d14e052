// A fake OpenAI-compatible chat-completions endpoint on 127.0.0.1, scripted per test, that can behave like the providers
// Linli meets (DeepSeek, Qwen/DashScope, GLM/Zhipu, Ollama, vLLM, a reverse proxy in front of them): JSON answers,
// HTML error pages, dropped connections, late answers, and per-request logic (`onRequest`) for a server that, say,
// rejects `response_format`. It serves only POST /v1/chat/completions; any other path gets Ollama's plain-text
// "404 page not found", as a server does when the base URL lacks its /v1 (GET /v1/models lists `models` when set).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as is (an HTML error page, a truncated body), with `headers`' content-type or text/html. */
  raw?: string;
  /** Drop the connection without answering. */
  destroy?: boolean;
  /** Answer this late (ms); the client may have given up by then. */
  delayMs?: number;
}

export interface FakeReceived {
  url: string;
  headers: IncomingMessage['headers'];
  body: { model: string; messages: { role: string; content: string }[]; response_format?: unknown; max_tokens?: number } & Record<string, unknown>;
}

export class FakeLlm {
  private server!: Server;
  origin = '';
  baseUrl = '';
  requests: FakeReceived[] = [];
  /** Requests to paths the fake does not serve. */
  misses: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Replies in order; the last one repeats. */
  script: FakeReply[] = [];
  /** Served at GET /v1/models when set (vLLM, Ollama, DeepSeek and DashScope list their models there). */
  models: string[] | undefined;
  /** Consulted first for every request: a reply, or undefined to take the script's next one. */
  onRequest: ((r: FakeReceived) => FakeReply | undefined) | undefined;

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.baseUrl = `${this.origin}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(...script: FakeReply[]): void {
    this.requests = [];
    this.misses = [];
    this.inFlight = 0;
    this.maxInFlight = 0;
    this.script = script;
    this.onRequest = undefined;
    this.models = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'GET' && req.url === '/v1/models' && this.models) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: this.models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'fake' })) }));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      this.misses.push(`${req.method} ${req.url}`);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found');
      return;
    }
    const received: FakeReceived = { url: req.url, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
    this.requests.push(received);
    const reply = this.onRequest?.(received) ?? (this.script.length > 1 ? this.script.shift() : this.script[0]) ?? { body: completion('{}') };
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    } finally {
      this.inFlight--;
    }
    if (res.destroyed || res.writableEnded) return;
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    if (reply.raw !== undefined) {
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...reply.headers }).end(reply.raw);
      return;
    }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { error: { message: 'scripted error', type: 'server_error' } }));
  }
}

/** A chat completion as the providers send it; `message` adds fields (reasoning_content, refusal …). */
export function completion(content: string | null, message: Record<string, unknown> = {}, finish = 'stop'): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, ...message }, finish_reason: finish, logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

/** An OpenAI-style error body, as DeepSeek, DashScope's compatible mode, Zhipu and vLLM send them. */
export function errorBody(message: string, code?: string | number, type = 'invalid_request_error'): unknown {
  return { error: { message, type, param: null, code: code ?? null } };
}
