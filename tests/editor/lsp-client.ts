/**
 * A minimal Language Server Protocol client for tests: JSON-RPC 2.0 messages framed with
 * `Content-Length` headers over a child process's stdio. It sends requests and notifications,
 * answers the server's requests through handlers (or with `null`), and every wait has a timeout
 * that rejects with the server's recent log, so a silent server fails the test instead of hanging it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Message {
  readonly jsonrpc: '2.0';
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string; readonly data?: unknown };
}

/** Answers a request the server sends to the client; the return value is the result. */
export type RequestHandler = (params: unknown) => unknown;

interface Pending {
  readonly method: string;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Waiter {
  readonly method: string;
  readonly accept: (params: unknown) => boolean;
  readonly resolve: (params: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const HEADER_END = '\r\n\r\n';
const CONTENT_LENGTH = /^Content-Length: *(\d+)$/imu;
const LOG_LINES = 40;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters = new Set<Waiter>();
  private readonly handlers = new Map<string, RequestHandler>();
  /** Notifications received so far, oldest first. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Methods of the requests the server sent, in order. */
  readonly serverRequests: string[] = [];
  private readonly log: string[] = [];
  /** Why the connection ended, once it has. */
  private exited: string | undefined;
  private processExited = false;

  constructor(command: string, args: readonly string[], options: { cwd: string }) {
    this.child = spawn(command, args, { cwd: options.cwd, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.remember(`[stderr] ${chunk.toString('utf8').trimEnd()}`));
    this.child.on('error', error => this.fail(`server process error: ${error.message}`));
    this.child.on('exit', (code, signal) => {
      this.processExited = true;
      this.fail(`server exited (code ${String(code)}, signal ${String(signal)})`);
    });
  }

  /** Answers the server's requests for `method` with `handler(params)` instead of `null`. */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.exited !== undefined) {
        reject(new Error(`${method}: ${this.exited}${this.recentLog()}`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no response to ${method} within ${timeoutMs} ms${this.recentLog()}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: result => resolve(result as T), reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The first notification `method` (already received or still to come) whose params `accept`. */
  waitForNotification<T>(method: string, accept: (params: T) => boolean, timeoutMs: number): Promise<T> {
    const seen = this.notifications.find(n => n.method === method && accept(n.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise<T>((resolve, reject) => {
      if (this.exited !== undefined) {
        reject(new Error(`waiting for ${method}: ${this.exited}${this.recentLog()}`));
        return;
      }
      const waiter: Waiter = {
        method,
        accept: params => accept(params as T),
        resolve: params => resolve(params as T),
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`no ${method} notification within ${timeoutMs} ms${this.recentLog()}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Asks the server to shut down and exit; kills it if it does not within `timeoutMs`. */
  async dispose(timeoutMs = 5_000): Promise<void> {
    if (this.processExited) return;
    const exited = new Promise<void>(resolve => this.child.once('exit', () => resolve()));
    if (this.exited === undefined) {
      try {
        await this.request('shutdown', null, timeoutMs);
        this.notify('exit', null);
      } catch {
        // Killed below.
      }
    }
    const kill = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 2 * timeoutMs).unref())]);
    clearTimeout(kill);
  }

  /** The server's recent log messages and stderr, for failure messages. */
  recentLog(): string {
    return this.log.length === 0 ? '' : `\n--- recent server log ---\n${this.log.join('\n')}`;
  }

  private send(message: Message): void {
    if (this.exited !== undefined) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}${HEADER_END}`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const length = CONTENT_LENGTH.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1];
      if (length === undefined) {
        this.fail('malformed message header from server');
        return;
      }
      const start = headerEnd + HEADER_END.length;
      const end = start + Number(length);
      if (this.buffer.length < end) return;
      const body = this.buffer.subarray(start, end).toString('utf8');
      this.buffer = this.buffer.subarray(end);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.answer(message.id, message.method, message.params);
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
        this.remember(`[${message.method}] ${(message.params as { message: string }).message}`);
      }
      for (const waiter of this.waiters) {
        if (waiter.method === message.method && waiter.accept(message.params)) {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          waiter.resolve(message.params);
        }
      }
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(message.id);
      if (message.error) {
        pending.reject(new Error(`${pending.method} failed: ${message.error.message}${this.recentLog()}`));
      } else {
        pending.resolve(message.result ?? null);
      }
    }
  }

  private answer(id: number | string | null, method: string, params: unknown): void {
    this.serverRequests.push(method);
    const handler = this.handlers.get(method);
    try {
      this.send({ jsonrpc: '2.0', id, result: handler ? (handler(params) ?? null) : null });
    } catch (error) {
      this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: String(error) } });
    }
  }

  private remember(line: string): void {
    this.log.push(line);
    if (this.log.length > LOG_LINES) this.log.shift();
  }

  private fail(reason: string): void {
    if (this.exited !== undefined) return;
    this.exited = reason;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`${pending.method}: ${reason}${this.recentLog()}`));
    }
    this.pending.clear();
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`waiting for ${waiter.method}: ${reason}${this.recentLog()}`));
    }
    this.waiters.clear();
  }
}
