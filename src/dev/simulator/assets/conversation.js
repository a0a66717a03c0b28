import { api } from './api.js';

const POLL_MS = 700;
const MAX_BACKOFF_MS = 5000;

/** One resident's chat: loads what was said so far, polls the bot's deliveries, sends in order. */
export function createConversation({ timeline, notify }) {
  let userId = null;
  let lastSeq = 0;
  let generation = 0;
  let timer = null;
  let sending = Promise.resolve();

  async function open(resident) {
    const gen = ++generation;
    clearTimeout(timer);
    userId = resident.userId;
    lastSeq = 0;
    timeline.reset();
    const [history, inbox] = await Promise.all([api.history(userId), api.inbox(userId, 0)]);
    if (gen !== generation) return;
    const entries = [
      ...history.entries.map((e) => ({ at: e.at, order: 0, show: () => timeline.addResident(e.text, e.at) })),
      ...inbox.deliveries.map((d) => ({ at: d.at, order: 1, show: () => showDelivery(d) })),
    ];
    // The resident's words are logged before the webhook goes out, so on a tie they come first.
    entries.sort((a, b) => a.at - b.at || a.order - b.order);
    for (const e of entries) e.show();
    schedule(gen, POLL_MS);
  }

  function showDelivery(delivery) {
    lastSeq = Math.max(lastSeq, delivery.seq);
    for (const message of delivery.messages) timeline.addBot(message, delivery.at);
  }

  function schedule(gen, delay) {
    timer = setTimeout(() => poll(gen, delay), delay);
  }

  async function poll(gen, delay) {
    if (gen !== generation) return;
    try {
      const { deliveries } = await api.inbox(userId, lastSeq);
      if (gen !== generation) return;
      for (const d of deliveries) if (d.seq > lastSeq) showDelivery(d);
      if (delay > POLL_MS) notify('');
      schedule(gen, POLL_MS);
    } catch {
      if (gen !== generation) return;
      notify('ボットからのメッセージを受信できません。再接続しています…', { sticky: true });
      schedule(gen, Math.min(delay * 2, MAX_BACKOFF_MS));
    }
  }

  /** Sends one at a time so the bot sees events in the order the resident made them. */
  function enqueue(work) {
    const forUser = userId;
    sending = sending.then(async () => {
      let problem = null;
      try {
        const result = await work(forUser);
        if (!result.ok) problem = describeFailure(result);
      } catch (err) {
        problem = err instanceof TypeError ? 'シミュレーターのサーバーに接続できませんでした。' : err.message;
      }
      // Another resident's chat may be open by now; the error belongs to the one who sent.
      if (problem && userId === forUser) timeline.addError(problem);
    });
    return sending;
  }

  return {
    open,
    get userId() {
      return userId;
    },
    close() {
      generation++;
      clearTimeout(timer);
      userId = null;
      timeline.reset();
    },
    sendText(text) {
      timeline.addResident(text, Date.now());
      return enqueue((id) => api.send(id, text));
    },
    sendPostback({ data, displayText, params }) {
      if (displayText) timeline.addResident(displayText, Date.now());
      else timeline.dismissQuickReplies();
      return enqueue((id) => api.postback(id, { data, displayText, params }));
    },
    /** For follow/block events sent outside the chat box. */
    report: (result) => {
      if (!result.ok) timeline.addError(describeFailure(result));
    },
  };
}

export function describeFailure(result) {
  if (result.webhookStatus === null || result.webhookStatus === undefined) {
    return 'ボットに接続できませんでした。アプリが起動しているかご確認ください。';
  }
  return `ボットが受け付けませんでした（HTTP ${result.webhookStatus}）。ボットのログをご確認ください。`;
}
