// The case page's only script, served from /admin/assets/case.js (the CSP allows no inline
// script). It adds the resident's new messages without a reload, and puts a chosen
// 定型文 into the reply box. All text goes in with textContent, never as HTML.
export const CASE_JS = `
(() => {
  const list = document.getElementById('transcript');
  if (list) {
    const caseId = list.dataset.case;
    let last = Number(list.dataset.last || 0);
    list.scrollTop = list.scrollHeight; // the newest messages first in view
    const speaker = { resident: '相談者', bot: 'ボット', staff: '相談員' };
    const poll = async () => {
      try {
        const res = await fetch('/admin/cases/' + caseId + '/transcript?after=' + last, { headers: { accept: 'application/json' } });
        if (res.ok) {
          const data = await res.json();
          for (const m of data.messages) {
            if (list.querySelector('[data-id="' + m.id + '"]')) continue;
            const li = document.createElement('li');
            li.className = 'msg msg-' + m.from;
            li.dataset.id = String(m.id);
            const meta = document.createElement('span');
            meta.className = 'msg-meta';
            meta.textContent = (speaker[m.from] || '') + (m.staffName ? '（' + m.staffName + '）' : '') + '・' + m.shownAt;
            const body = document.createElement('span');
            body.className = 'msg-body';
            body.textContent = m.body;
            li.append(meta, body);
            const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
            list.append(li);
            if (atBottom) list.scrollTop = list.scrollHeight;
            last = Math.max(last, m.id);
          }
        }
      } catch (e) {}
      setTimeout(poll, 2000);
    };
    setTimeout(poll, 2000);
  }
  const canned = document.getElementById('canned');
  if (canned) {
    canned.addEventListener('change', () => {
      const target = document.getElementById(canned.dataset.target);
      if (target && canned.value) { target.value = target.value ? target.value + '\\n' + canned.value : canned.value; target.focus(); }
      canned.value = '';
    });
  }
})();
`;
