// The page's calls to the simulator server, resolved next to this file so any mount prefix works.
const base = new URL('./api/', import.meta.url);

async function call(method, path, body) {
  const res = await fetch(new URL(path, base), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `サーバーエラー（HTTP ${res.status}）が発生しました。`);
  return data;
}

const id = (userId) => encodeURIComponent(userId);

export const api = {
  residents: () => call('GET', 'residents'),
  createResident: (displayName) => call('POST', 'residents', { displayName }),
  block: (userId) => call('POST', `residents/${id(userId)}/block`, {}),
  unblock: (userId) => call('POST', `residents/${id(userId)}/unblock`, {}),
  send: (userId, text) => call('POST', 'send', { userId, text }),
  postback: (userId, body) => call('POST', 'postback', { userId, ...body }),
  inbox: (userId, after) => call('GET', `inbox/${id(userId)}?after=${after}`),
  history: (userId) => call('GET', `history/${id(userId)}`),
};
