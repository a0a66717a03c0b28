// The broadcast pages' only script, served from /admin/assets/broadcast.js (the CSP allows no
// inline script). It counts the notice's characters while staff type, and keeps a job's
// progress current without a reload. All text goes in with textContent, never as HTML.
export const BROADCAST_JS = `
(() => {
  const area = document.querySelector('textarea[data-counter]');
  const counter = area && document.getElementById(area.dataset.counter);
  if (area && counter) {
    const max = Number(counter.dataset.max);
    const show = () => {
      const n = area.value.length;
      counter.textContent = n.toLocaleString('ja-JP') + '／' + max.toLocaleString('ja-JP') + '文字' + (n > max ? '（' + (n - max).toLocaleString('ja-JP') + '文字多すぎます）' : '');
      counter.classList.toggle('field-error', n > max);
    };
    area.addEventListener('input', show);
    show();
  }
  const box = document.getElementById('broadcast-progress');
  if (!box) return;
  const people = (n) => n.toLocaleString('ja-JP') + '人';
  const poll = async () => {
    let final = false;
    try {
      const res = await fetch('/admin/broadcasts/' + box.dataset.broadcast + '/progress', { headers: { accept: 'application/json' } });
      if (res.ok) {
        const p = await res.json();
        for (const el of box.querySelectorAll('[data-field]')) {
          const key = el.dataset.field;
          if (key === 'pauseNote') { el.textContent = p.pauseNote || ''; el.hidden = !p.pauseNote; }
          else if (typeof p[key] === 'number') el.textContent = people(p[key]);
          else if (typeof p[key] === 'string') el.textContent = p[key];
        }
        box.dataset.status = p.status;
        for (const el of document.querySelectorAll('[data-show-when]')) el.hidden = !el.dataset.showWhen.split(' ').includes(p.status);
        final = p.final;
      }
    } catch (e) {}
    if (!final) setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
})();
`;
