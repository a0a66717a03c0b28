// The LINE emulator's control API (served by global-setup in Node), as the workerd tests call it.

/** Calls `/__emulator{path}` under the Worker's LINE API base URL: GET without a body, POST with one. */
export function emulatorCaller(lineApiBaseUrl: string) {
  const emulator = `${lineApiBaseUrl}/__emulator`;
  return async function emulatorCall<T>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${emulator}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
