// Child-process entry: runs the booking schedule cases under whatever TZ the
// parent set, and prints one JSON line (Node reads TZ only at start-up).
import { scheduleCases } from './schedule-cases';

const results = scheduleCases.map((c) => {
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
