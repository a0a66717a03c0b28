// Child-process entry: runs the opening-hours cases under whatever TZ the
// parent set, and prints one JSON line. Node reads TZ at start-up, so a fresh
// process is the only honest way to change the zone.
import { openingCases } from './opening-cases';

const results = openingCases.map((c) => {
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
    // Local offset in January and July, to prove the zone really applied.
    offsets: [new Date(2026, 0, 15).getTimezoneOffset(), new Date(2026, 6, 15).getTimezoneOffset()],
    results,
  })}\n`,
);
