// Styles of the admin app, served from /admin/assets/admin.css (the CSP forbids inline styles).
// Kept in code so the Worker needs no file access.
export const ADMIN_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --danger: #b3261e; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; font-size: 1.0625rem; line-height: 1.7; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.skip-link { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem 1.5rem; padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); }
.site-name { margin: 0; font-weight: 700; }
.account { margin-left: auto; display: flex; align-items: center; gap: .75rem; }
.account form { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.5rem; }
.login { max-width: 26rem; margin: 2rem auto; }
.field { margin-bottom: 1.25rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
input[type=email], input[type=password], input[type=text], input[type=search], select, textarea { width: 100%; font: inherit; padding: .6rem .75rem; border: 1px solid #8c959f; border-radius: 6px; background: #fff; min-height: 44px; }
input[aria-invalid=true] { border-color: var(--danger); border-width: 2px; }
.field-error, .form-error { color: var(--danger); font-weight: 600; margin: .35rem 0 0; }
.form-error { border: 2px solid var(--danger); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1.25rem; background: #fff5f5; }
.notice { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; background: #eef6ff; margin: 0 0 1.25rem; }
input[type=checkbox], input[type=radio] { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--accent); }
button { font: inherit; min-height: 44px; padding: .5rem 1.25rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
.login button[type=submit] { width: 100%; }
.error { color: var(--danger); font-weight: 600; margin: .35rem 0 .75rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.main-nav ul, .tabs ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
.main-nav a[aria-current=page], .tabs a[aria-current=page] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--accent); }
.tabs { margin: 1rem 0; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td form { margin: 0; }
form.inline { display: flex; gap: .5rem; align-items: center; }
form.inline select { width: auto; }
.badge { display: inline-block; padding: .1rem .6rem; border-radius: 999px; font-weight: 700; font-size: .9rem; }
.badge-crisis { background: var(--danger); color: #fff; }
.badge-urgent { background: #f0b400; color: #1f2328; }
.badge-normal { background: #e6e9ed; color: #1f2328; }
tr.urgency-crisis { background: #fff1f0; }
.urgency-crisis { color: var(--danger); }
.case-facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; }
.case-facts dt { font-weight: 700; }
.case-facts dd { margin: 0; }
.pre { white-space: pre-wrap; }
.actions { display: flex; gap: .75rem; margin: 1rem 0; }
.transcript { list-style: none; padding: 0; margin: 0 0 1rem; max-height: 32rem; overflow-y: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
.msg { display: block; padding: .5rem .9rem; border-bottom: 1px solid var(--line); }
.msg-resident { background: #f2fbf4; }
.msg-staff { background: #eef6ff; }
.msg-meta { display: block; color: var(--muted); font-size: .85rem; }
.msg-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.notes { padding-left: 1.25rem; }
.choice { display: inline-flex; align-items: center; gap: .35rem; margin: 0 1.25rem .25rem 0; min-height: 44px; font-weight: 400; }
section { margin: 2rem 0; }
.canned { list-style: none; padding: 0; display: grid; gap: 1rem; }
input[type=date], input[type=time], input[type=url] { font: inherit; padding: .6rem .75rem; border: 1px solid #8c959f; border-radius: 6px; background: #fff; min-height: 44px; }
input[type=url] { width: 100%; }
textarea[aria-invalid=true], select[aria-invalid=true], input[type][aria-invalid=true] { border-color: var(--danger); border-width: 2px; }
.hint { color: var(--muted); font-size: .95rem; margin: .25rem 0 0; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 1.25rem; padding: 1rem 1.25rem 0; }
legend { font-weight: 700; padding: 0 .35rem; }
`;
