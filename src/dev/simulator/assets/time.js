// Every time on the page is Tokyo time, whatever the viewer's machine is set to.
const clock = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

export const tokyoClock = (ms) => clock.format(new Date(ms));
export const tokyoDay = (ms) => day.format(new Date(ms));
export const tokyoDayKey = (ms) => dayKey.format(new Date(ms));
