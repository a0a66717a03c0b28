// Phrase index over normalised text: finds every dictionary phrase at every
// position, overlapping ones included. Keys are kept in a map and looked up by
// the lengths that keys starting with the same character have, which is cheap
// to build (the dictionary compiles on a cold start) and quick on short messages.

export interface Match<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

export class PhraseIndex<T> {
  private readonly keys = new Map<string, T[]>();
  private readonly lengths = new Map<string, number[]>();

  add(key: string, value: T): void {
    const values = this.keys.get(key);
    if (values) {
      values.push(value);
      return;
    }
    this.keys.set(key, [value]);
    const first = key[0] ?? '';
    const lengths = this.lengths.get(first) ?? [];
    if (!lengths.includes(key.length)) {
      lengths.push(key.length);
      lengths.sort((a, b) => a - b);
    }
    this.lengths.set(first, lengths);
  }

  /** Every phrase that starts at `pos`, shortest first. */
  startsAt(text: string, pos: number): Match<T>[] {
    const found: Match<T>[] = [];
    for (const length of this.lengths.get(text[pos] ?? '') ?? []) {
      if (pos + length > text.length) break;
      const values = this.keys.get(text.slice(pos, pos + length));
      if (values) for (const value of values) found.push({ start: pos, end: pos + length, value });
    }
    return found;
  }

  /** The longest phrase that starts at `pos`, if any. */
  longestAt(text: string, pos: number): Match<T> | undefined {
    const lengths = this.lengths.get(text[pos] ?? '') ?? [];
    for (let i = lengths.length - 1; i >= 0; i--) {
      const length = lengths[i] ?? 0;
      if (pos + length > text.length) continue;
      const value = this.keys.get(text.slice(pos, pos + length))?.[0];
      if (value !== undefined) return { start: pos, end: pos + length, value };
    }
    return undefined;
  }

  has(text: string, pos: number): boolean {
    return this.startsAt(text, pos).length > 0;
  }

  scan(text: string): Match<T>[] {
    const found: Match<T>[] = [];
    for (let pos = 0; pos < text.length; pos++) found.push(...this.startsAt(text, pos));
    return found;
  }
}
