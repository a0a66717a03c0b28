/** The few calls the simulator makes to the LINE emulator's control API (`/__emulator`). */
export type Resident = { userId: string; displayName: string; following: boolean };

export type Delivery = { seq: number; via: string; messages: unknown[]; requestId: string; at: number };

export class EmulatorError extends Error {
  /** status 0: the emulator could not be reached at all. */
  constructor(readonly status: number, path: string, cause?: unknown) {
    super(status === 0 ? `LINE emulator unreachable for ${path}` : `LINE emulator answered ${status} for ${path}`, { cause });
    this.name = 'EmulatorError';
  }
}

export function createEmulatorClient(baseUrl: string, fetchImpl: typeof fetch) {
  const root = `${baseUrl.replace(/\/+$/, '')}/__emulator`;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetchImpl(`${root}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((err: unknown) => {
      throw new EmulatorError(0, path, err);
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new EmulatorError(res.status, path);
    }
    return (await res.json()) as T;
  }

  const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}`;

  return {
    async listResidents(): Promise<Resident[]> {
      return (await call<{ users: Resident[] }>('GET', '/users')).users.map(toResident);
    },
    async createResident(displayName: string): Promise<Resident> {
      return toResident(await call<Resident>('POST', '/users', { displayName, following: true }));
    },
    follow: (userId: string) => call<unknown>('POST', `${userPath(userId)}/follow`, {}),
    unfollow: (userId: string) => call<unknown>('POST', `${userPath(userId)}/unfollow`, {}),
    async issueReplyToken(userId: string): Promise<string> {
      return (await call<{ replyToken: string }>('POST', '/reply-tokens', { userId })).replyToken;
    },
    async inbox(userId: string, after: number): Promise<{ deliveries: Delivery[] }> {
      return call('GET', `/inbox/${encodeURIComponent(userId)}?after=${after}`);
    },
  };
}

export type EmulatorClient = ReturnType<typeof createEmulatorClient>;

/** The emulator's user has more fields (language, picture…); the simulator passes on only these. */
function toResident(u: Resident): Resident {
  return { userId: u.userId, displayName: u.displayName, following: u.following };
}
