const befores: Array<() => unknown> = []; const afters: Array<() => unknown> = []; const tests: Array<() => unknown> = [];
export const beforeAll = (f: () => unknown) => void befores.push(f);
export const afterAll = (f: () => unknown) => void afters.push(f);
export const describe = (_n: string, f: () => void) => f();
export const it = (_n: string, _o: unknown, f: () => unknown) => void tests.push(f);
export const expect = (v: unknown, m?: string) => ({ toEqual: (w: unknown) => { if (JSON.stringify(v) !== JSON.stringify(w)) console.log('FAIL', m, JSON.stringify(v).slice(0, 500)); }, toBe: (w: unknown) => { if (v !== w) console.log('FAIL', m, v); }, toHaveLength: (n: number) => { if ((v as unknown[]).length !== n) console.log('FAIL', m); } });
export async function run() { for (const f of befores) await f(); for (const f of tests) await f(); for (const f of afters) await f(); }
