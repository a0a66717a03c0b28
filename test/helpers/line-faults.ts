import type { LinePort, LineResult } from '../../src/line/port';

/**
 * A crash between LINE and the database: once armed, the next push (or multicast) reaches LINE
 * and is accepted, then the call throws 'process died' before the app can record the answer.
 * It fires once and disarms itself. Pass `wrap` as startTestServer's `wrapLine`.
 */
export function dieAfterLineAccepts(method: 'push' | 'multicast') {
  let armed = false;
  const afterAccepted = async (accepted: Promise<LineResult>) => {
    const result = await accepted;
    if (armed) {
      armed = false;
      throw new Error('process died');
    }
    return result;
  };
  return {
    /** The next call of `method` dies after LINE accepted it. */
    arm() {
      armed = true;
    },
    disarm() {
      armed = false;
    },
    wrap(line: LinePort): LinePort {
      return method === 'push'
        ? { ...line, push: (to, messages, retryKey) => afterAccepted(line.push(to, messages, retryKey)) }
        : { ...line, multicast: (to, messages, retryKey) => afterAccepted(line.multicast(to, messages, retryKey)) };
    },
  };
}
