/**
 * Options every REST adapter takes, so tests can point them at loopback fakes with a short timeout and a fixed clock,
 * and platforms that process media before publishing (Instagram, Threads, TikTok) can be told how long to wait.
 */
export type AdapterOptions = {
  now?: () => number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Between checks on media the platform is still processing. */
  pollIntervalMs?: number;
  /** How many checks before Herald gives up waiting (nothing has been published at that point). */
  maxPolls?: number;
};

export type ResolvedOptions = Required<Omit<AdapterOptions, 'fetch'>> & { fetch?: typeof fetch };

export function resolveOptions(o: AdapterOptions = {}): ResolvedOptions {
  return {
    now: o.now ?? Date.now,
    timeoutMs: o.timeoutMs ?? 30_000,
    pollIntervalMs: o.pollIntervalMs ?? 3_000,
    maxPolls: o.maxPolls ?? 20,
    ...(o.fetch ? { fetch: o.fetch } : {}),
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
}
