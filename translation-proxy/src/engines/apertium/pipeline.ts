/**
 * One long-lived Apertium process chain for one translation direction, in null-flush mode.
 *
 * Every stage runs with `-z`: a message is written to the first stage followed by a NUL, and
 * each stage flushes its output when it sees that NUL, so one NUL-terminated reply comes out of
 * the last stage per message. Many messages may be in flight at once; replies are matched to
 * requests in FIFO order. Messages sent in one turn of the event loop are written together when
 * it ends: with requests arriving side by side, each stage then reads several at once instead of
 * waking per message (with 16 requests in flight, 7 % less CPU per sentence in the Apertium
 * processes and 6 % in the proxy's on an idle machine, 13 % each on a loaded one). The chain
 * starts on first use and stays warm. If a stage dies or the chain stops making progress for
 * `timeoutMs`, every pending request fails with an `EngineError` and the next request starts a
 * fresh chain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EngineError } from '../engine.js';
import { readModeStages, type PipelineStage } from './mode-file.js';
import type { Logger } from '../../logging.js';

export interface ApertiumPipelineOptions {
  /** Name used in logs and error messages, e.g. the mode `eng-spa`. */
  name: string;
  /** The null-flush stages (see `readModeStages`). */
  stages: readonly PipelineStage[];
  /** How long the chain may go without answering while requests are pending. */
  timeoutMs?: number;
  logger?: Logger;
  /** Engine id carried by the errors this pipeline raises. */
  engineId?: string;
}

interface PendingMessage {
  resolve(reply: string): void;
  reject(error: Error): void;
}

interface RunningChain {
  processes: ChildProcess[];
  stdin: NodeJS.WritableStream;
  pending: PendingMessage[];
  /** Bytes of a reply whose terminating NUL has not arrived yet. */
  partial: Buffer[];
  watchdog: NodeJS.Timeout | null;
  /** Messages of this turn of the event loop, written together when it ends. */
  outgoing: string[];
  /** Whether any reply came out yet: until then the stages are still loading dictionaries. */
  answered: boolean;
  stopped: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Extra time for a fresh chain's first reply: loading the dictionaries takes ~0.5 s, more under load. */
const STARTUP_GRACE_MS = 5_000;
const NUL = 0;
/**
 * Written after every message. The tagger carries its state across NULs, so a message that
 * stops mid-sentence (`Hi,`) changed how the next one was tagged; a sentence end after each
 * message resets it, and the stock `apertium` command adds one too. The final empty superblank
 * gives the analyser the blank it needs after a last token (without it `Hello world.` lost its
 * period at the NUL). The marker superblank before the period lets the reply be cut there.
 */
const END_MARKER = '[<parley-end/>]';
const MESSAGE_END = `${END_MARKER}.[]`;

export class ApertiumPipeline {
  readonly name: string;
  private readonly stages: readonly PipelineStage[];
  private readonly timeoutMs: number;
  private readonly logger: Logger | undefined;
  private readonly engineId: string;
  private chain: RunningChain | null = null;
  private closed = false;

  constructor(options: ApertiumPipelineOptions) {
    if (options.stages.length === 0) throw new Error('an Apertium pipeline needs stages');
    this.name = options.name;
    this.stages = options.stages;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger;
    this.engineId = options.engineId ?? 'apertium';
  }

  /** A pipeline running the given `.mode` file with null flush. */
  static async fromModeFile(
    modeFile: string,
    options: Omit<ApertiumPipelineOptions, 'stages' | 'name'> & { name?: string },
  ): Promise<ApertiumPipeline> {
    const stages = await readModeStages(modeFile);
    const name = options.name ?? modeFile.replace(/^.*\/|\.mode$/g, '');
    return new ApertiumPipeline({ ...options, name, stages });
  }

  /** Process ids of the running stages, first to last (empty when not started). */
  get pids(): number[] {
    return (this.chain?.processes ?? []).flatMap((child) => (child.pid ? [child.pid] : []));
  }

  /**
   * Sends one message in Apertium stream format (no NULs inside) and resolves with the chain's
   * reply for it, in stream format.
   */
  process(message: string): Promise<string> {
    if (this.closed) return Promise.reject(this.error('engine_unavailable', 'is closed'));
    const chain = (this.chain ??= this.start());
    return new Promise<string>((resolve, reject) => {
      chain.pending.push({ resolve, reject });
      if (chain.pending.length === 1) this.armWatchdog(chain);
      chain.outgoing.push(message.replace(/\0/g, ' ') + MESSAGE_END + '\0');
      if (chain.outgoing.length === 1) setImmediate(() => this.flushOutgoing(chain));
    });
  }

  /** Stops the chain; pending requests fail and later ones are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const chain = this.chain;
    if (!chain) return;
    const exited = chain.processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        }),
    );
    this.stop(chain, this.error('engine_unavailable', 'was closed'));
    await Promise.all(exited);
  }

  private start(): RunningChain {
    const processes: ChildProcess[] = [];
    for (const [program, ...args] of this.stages) {
      const previous = processes[processes.length - 1];
      const child = spawn(program, args, {
        // Each stage reads the previous stage's stdout directly: no copy through Node.
        stdio: [previous ? previous.stdout! : 'pipe', 'pipe', 'pipe'],
      });
      processes.push(child);
    }
    const first = processes[0]!;
    const last = processes[processes.length - 1]!;
    const chain: RunningChain = {
      processes,
      stdin: first.stdin!,
      pending: [],
      outgoing: [],
      partial: [],
      watchdog: null,
      answered: false,
      stopped: false,
    };
    this.logger?.debug('apertium pipeline started', {
      mode: this.name,
      pids: processes.map((child) => child.pid),
    });

    processes.forEach((child, index) => {
      const program = this.stages[index]![0];
      child.on('error', (error) =>
        this.stop(chain, this.error('engine_unavailable', `could not run ${program}`, error)),
      );
      child.on('exit', (code, signal) => {
        if (chain.stopped) return;
        this.logger?.warn('apertium pipeline stage exited', {
          mode: this.name,
          program,
          code,
          signal,
        });
        this.stop(
          chain,
          this.error(
            'engine_unavailable',
            `stopped: ${program} exited with ${signal ? `signal ${signal}` : `code ${code}`}`,
          ),
        );
      });
      child.stderr!.on('data', (data: Buffer) => {
        this.logger?.debug('apertium stderr', { mode: this.name, program, stderr: `${data}` });
      });
    });
    // Writing to a stage that just died raises EPIPE; the exit handler reports it.
    first.stdin!.on('error', () => undefined);
    last.stdout!.on('data', (data: Buffer) => this.receive(chain, data));
    return chain;
  }

  /** Writes this turn's messages in one call; a chain stopped meanwhile has failed them already. */
  private flushOutgoing(chain: RunningChain): void {
    const messages = chain.outgoing.join('');
    chain.outgoing = [];
    if (!chain.stopped) chain.stdin.write(messages);
  }

  private receive(chain: RunningChain, data: Buffer): void {
    chain.answered = true;
    let start = 0;
    for (let nul = data.indexOf(NUL, start); nul !== -1; nul = data.indexOf(NUL, start)) {
      chain.partial.push(data.subarray(start, nul));
      const reply = Buffer.concat(chain.partial).toString('utf8');
      chain.partial = [];
      start = nul + 1;
      const entry = chain.pending.shift();
      if (!entry) {
        this.logger?.warn('apertium pipeline sent an unexpected reply', { mode: this.name });
        continue;
      }
      const end = reply.lastIndexOf(END_MARKER);
      entry.resolve(end === -1 ? reply : reply.slice(0, end));
    }
    if (start < data.length) chain.partial.push(data.subarray(start));
    if (chain.pending.length > 0) this.armWatchdog(chain);
    else this.disarmWatchdog(chain);
  }

  /** The chain must answer the oldest pending message within `timeoutMs` of the last reply. */
  private armWatchdog(chain: RunningChain): void {
    this.disarmWatchdog(chain);
    const allowed = chain.answered ? this.timeoutMs : this.timeoutMs + STARTUP_GRACE_MS;
    chain.watchdog = setTimeout(() => {
      this.logger?.warn('apertium pipeline timed out', {
        mode: this.name,
        pending: chain.pending.length,
        timeoutMs: this.timeoutMs,
      });
      this.stop(
        chain,
        this.error('engine_timeout', `did not answer within ${this.timeoutMs} ms; restarting`),
      );
    }, allowed);
    chain.watchdog.unref();
  }

  private disarmWatchdog(chain: RunningChain): void {
    if (chain.watchdog) clearTimeout(chain.watchdog);
    chain.watchdog = null;
  }

  /** Kills every stage and fails every pending message of this chain with `reason`. */
  private stop(chain: RunningChain, reason: EngineError): void {
    if (chain.stopped) return;
    chain.stopped = true;
    this.disarmWatchdog(chain);
    if (this.chain === chain) this.chain = null;
    for (const child of chain.processes) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const pending = chain.pending.splice(0);
    for (const entry of pending) entry.reject(reason);
  }

  private error(code: 'engine_unavailable' | 'engine_timeout', what: string, cause?: unknown) {
    return new EngineError(
      code,
      `Apertium pipeline ${this.name} ${what}`,
      this.engineId,
      undefined,
      cause === undefined ? undefined : { cause },
    );
  }
}
