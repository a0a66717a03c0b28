// For child processes that re-run test cases under another TZ: Node reads TZ only at
// start-up, so a fresh process is the only honest way to change the zone. Prints one
// JSON line with the zone, its offsets (proof it applied) and each case's result.
export function reportCases(cases: readonly { name: string; run(): void }[]): void {
  const results = cases.map((c) => {
    try {
      c.run();
      return { name: c.name, ok: true };
    } catch (error) {
      return { name: c.name, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
  process.stdout.write(
    `${JSON.stringify({
      tz: process.env.TZ ?? null,
      offsets: [new Date(2026, 0, 15).getTimezoneOffset(), new Date(2026, 6, 15).getTimezoneOffset()],
      results,
    })}\n`,
  );
}
