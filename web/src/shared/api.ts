/** The one way the app talks to the server: JSON over /api/v1, with the CSRF header on changes. */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field (`emails[0].value`, or any path under a prefix such as `emails`). */
  field(path: string): string | undefined {
    return this.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`) || f.path.startsWith(`${path}[`))?.message;
  }
}

let csrfToken = '';
const expiredListeners = new Set<() => void>();

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can ask to sign in again. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'Rapport could not be reached. Check your connection and that the server is running.');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as ErrorBody | null;
  if (!res.ok) throw failure(res.status, res.statusText, data);
  return data as T;
}

type ErrorBody = { error?: { code?: string; message?: string; details?: { fields?: FieldError[] } } };

/** The error of a refused request; a lost session also tells the app to ask for sign-in. */
function failure(status: number, statusText: string, data: ErrorBody | null): ApiError {
  const error = new ApiError(status, data?.error?.code ?? `HTTP_${status}`, data?.error?.message ?? statusText, data?.error?.details?.fields ?? []);
  if (error.code === 'UNAUTHENTICATED') for (const listener of expiredListeners) listener();
  return error;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends a file as the request body and reads the JSON reply. XMLHttpRequest rather than fetch:
 * only it reports upload progress, which a file of many megabytes needs.
 */
export function upload<T>(path: string, file: Blob, options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    // The server reads the bytes whatever the type; without one, the request would have no body type at all.
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the status text says what there is to say.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(failure(xhr.status, xhr.statusText, data as ErrorBody | null));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload was cut off: Rapport could not be reached, or the connection dropped. Check the connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** `?a=1&b=x&b=y` from an object, leaving out empty values. */
export function queryString(params: Record<string, string | number | readonly string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: (path: string) => request<void>('DELETE', path),
};
