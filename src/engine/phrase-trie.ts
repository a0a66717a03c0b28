// Character trie over normalised text: finds every dictionary phrase at every
// position in one pass, overlapping ones included.

export interface Match<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  readonly out: T[];
}

const node = <T>(): TrieNode<T> => ({ next: new Map(), out: [] });

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = node();

  add(key: string, value: T): void {
    let at = this.root;
    for (const ch of key) {
      let child = at.next.get(ch);
      if (!child) {
        child = node();
        at.next.set(ch, child);
      }
      at = child;
    }
    at.out.push(value);
  }

  /** Every phrase that starts at `pos`, shortest first. */
  startsAt(text: string, pos: number): Match<T>[] {
    const found: Match<T>[] = [];
    let at: TrieNode<T> | undefined = this.root;
    for (let i = pos; i < text.length && at; ) {
      const cp = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      at = at.next.get(ch);
      i += ch.length;
      if (at) for (const value of at.out) found.push({ start: pos, end: i, value });
    }
    return found;
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
