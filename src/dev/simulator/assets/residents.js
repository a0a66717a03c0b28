import { api } from './api.js';
import { clear, h } from './dom.js';

/** The resident picker: list, create (which befriends the bot), select. */
export function createResidentsPanel({ listEl, form, nameInput, onSelect, onCreated, onError }) {
  let residents = [];
  let selectedId = null;

  function render() {
    clear(listEl);
    if (residents.length === 0) {
      listEl.append(h('li', { className: 'empty' }, 'まだ住民がいません。表示名を入れて「友だち追加」を押してください。'));
      return;
    }
    for (const r of residents) {
      const selected = r.userId === selectedId;
      listEl.append(
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', className: 'resident-button', 'aria-current': selected ? 'true' : undefined, onclick: () => onSelect(r) },
            h('span', { className: 'resident-name' }, r.displayName),
            h('span', { className: `resident-state${r.following ? '' : ' blocked'}` }, r.following ? '友だち' : 'ブロック中'),
          ),
        ),
      );
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const displayName = nameInput.value.trim();
    if (!displayName) return;
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const result = await api.createResident(displayName);
      nameInput.value = '';
      await refresh();
      onCreated(result.resident, result);
    } catch (err) {
      onError(err instanceof TypeError ? 'シミュレーターのサーバーに接続できませんでした。' : err.message);
    } finally {
      button.disabled = false;
    }
  });

  async function refresh() {
    residents = (await api.residents()).residents;
    render();
    return residents;
  }

  return {
    refresh,
    select(userId) {
      selectedId = userId;
      render();
    },
    find: (userId) => residents.find((r) => r.userId === userId),
    setFollowing(userId, following) {
      const r = residents.find((x) => x.userId === userId);
      if (r) r.following = following;
      render();
    },
  };
}
