/**
 * One polite HTTP probe of a URL for the link check: GET with a product User-Agent, a timeout,
 * redirects followed only within the same host (a redirect to another host is reported, never
 * requested), at most MAX_BODY_BYTES of a body read (and only when the caller wants it).
 * Node's built-in fetch; no dependency.
 */

export const USER_AGENT = 'Prongsai-LinkCheck/1.0 (+ITA)';
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export type ProbeResult = {
  url: string;
  /** The HTTP status of the last answer (a redirect status when it left the host); null = none. */
  status: number | null;
  /** The URL of the last answer (after redirects within the host). */
  finalUrl: string;
  /** A redirect to another host: where it pointed (not requested). */
  redirectedTo: string | null;
  ms: number;
  /** 'timeout' | 'too_many_redirects' | 'bad_redirect' | 'bad_url' | a network error code. */
  error: string | null;
  /** The body (text) when asked for and the answer was 2xx; at most MAX_BODY_BYTES. */
  body: string | null;
};

export type ProbeOptions = { timeoutMs: number; readBody: boolean };

const readLimited = async (res: Response, limit: number): Promise<string> => {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
};

const discard = async (res: Response) => {
  await res.body?.cancel().catch(() => undefined);
};

const errorCode = (error: unknown): string => {
  const e = error as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.cause?.name === 'TimeoutError')
    return 'timeout';
  return e?.cause?.code ?? e?.code ?? 'network_error';
};

export const probe = async (url: string, options: ProbeOptions): Promise<ProbeResult> => {
  const started = Date.now();
  const result: ProbeResult = {
    url,
    status: null,
    finalUrl: url,
    redirectedTo: null,
    ms: 0,
    error: null,
    body: null,
  };
  let current: URL;
  try {
    current = new URL(url);
    if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new Error('scheme');
  } catch {
    result.error = 'bad_url';
    return result;
  }
  current.hash = '';
  // One deadline for the whole probe, redirects and body included.
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    for (let hop = 0; ; hop += 1) {
      result.finalUrl = current.toString();
      const res = await fetch(current, {
        method: 'GET',
        redirect: 'manual',
        signal,
        headers: {
          'User-Agent': USER_AGENT,
          Accept: options.readBody ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' : '*/*',
        },
      });
      result.status = res.status;
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await discard(res);
        let next: URL;
        try {
          next = new URL(res.headers.get('location') as string, current);
        } catch {
          result.error = 'bad_redirect';
          break;
        }
        if (
          next.host !== current.host ||
          (next.protocol !== 'http:' && next.protocol !== 'https:')
        ) {
          result.redirectedTo = next.toString();
          break;
        }
        if (hop >= MAX_REDIRECTS) {
          result.error = 'too_many_redirects';
          break;
        }
        next.hash = '';
        current = next;
        continue;
      }
      if (options.readBody && res.status >= 200 && res.status < 300)
        result.body = await readLimited(res, MAX_BODY_BYTES);
      else await discard(res);
      break;
    }
  } catch (error) {
    result.error = errorCode(error);
  }
  result.ms = Date.now() - started;
  return result;
};

/** At most `limit` tasks at a time (a finished task hands its slot to the next waiting one). */
export const semaphore = (limit: number) => {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
};
