import { newUserId, USER_ID_RE } from './ids';
import type { EmulatorUser, NewUserInput } from './types';

export class UserDirectory {
  private readonly users = new Map<string, EmulatorUser>();
  /** Broadcasts read this on every call; rebuilt only after a follow/unfollow/add. */
  private followingCache: string[] | null = null;

  add(input: NewUserInput): EmulatorUser {
    const userId = input.userId ?? newUserId();
    if (!USER_ID_RE.test(userId)) throw new Error(`userId must be "U" followed by 32 lowercase hex digits`);
    const user: EmulatorUser = {
      userId,
      displayName: input.displayName,
      ...(input.pictureUrl !== undefined ? { pictureUrl: input.pictureUrl } : {}),
      ...(input.statusMessage !== undefined ? { statusMessage: input.statusMessage } : {}),
      language: input.language ?? 'ja',
      following: input.following ?? true,
    };
    this.users.set(userId, user);
    this.followingCache = null;
    return user;
  }

  get(userId: string): EmulatorUser | undefined {
    return this.users.get(userId);
  }

  isFollowing(userId: string): boolean {
    return this.users.get(userId)?.following === true;
  }

  list(): EmulatorUser[] {
    return [...this.users.values()];
  }

  get size(): number {
    return this.users.size;
  }

  setFollowing(userId: string, following: boolean): EmulatorUser | undefined {
    const user = this.users.get(userId);
    if (!user) return undefined;
    if (user.following !== following) {
      user.following = following;
      this.followingCache = null;
    }
    return user;
  }

  following(): readonly string[] {
    if (!this.followingCache) {
      const ids: string[] = [];
      for (const user of this.users.values()) if (user.following) ids.push(user.userId);
      this.followingCache = ids;
    }
    return this.followingCache;
  }

  clear(): void {
    this.users.clear();
    this.followingCache = null;
  }
}
