import type { Out, SessionVars } from '../engine/flow-types';
import type { QuickChoice } from '../engine/step';
import { describeOpenStatus, scheduleStatus } from '../profile/opening-hours';
import { hotlinesFor, routeFor } from '../profile/lookup';
import { fillPlaceholders } from '../profile/placeholders';
import type { CouncilProfile } from '../profile/schema';
import { departmentCard } from './cards/department-card';
import { hotlinesCard } from './cards/hotlines-card';
import type { LineMessage } from './port';

const MAX_MESSAGES = 5; // per reply or push request

export interface RenderContext {
  profile: CouncilProfile;
  now: Date;
  vars: SessionVars;
}

/** Engine output → LINE messages (at most five), with the choices as quick replies on the last one. */
export function renderReply(outbox: readonly Out[], choices: readonly QuickChoice[], ctx: RenderContext): LineMessage[] {
  const messages = mergeTexts(outbox.flatMap((out) => render(out, ctx)));
  const last = messages.at(-1);
  if (last && choices.length) {
    last.quickReply = {
      items: choices.map((c) => ({ type: 'action', action: { type: 'postback', label: c.label, data: c.data, displayText: c.label } })),
    };
  }
  return messages;
}

function render(out: Out, { profile, now, vars }: RenderContext): LineMessage[] {
  switch (out.type) {
    case 'text':
      return [{ type: 'text', text: fillPlaceholders(out.text, profile) }];
    case 'privacyNotice':
      return [{ type: 'text', text: profile.privacy.noticeText }];
    case 'department': {
      const prefer = [vars.route, vars.areaId].filter((p): p is string => Boolean(p));
      return [departmentCard(profile, routeFor(profile, vars.category ?? 'other', prefer), now)];
    }
    case 'hotlines':
      return [hotlinesCard(hotlinesFor(profile, out.kinds))];
    case 'accountStatus': {
      const status = scheduleStatus(profile.accountHours, now);
      const text = describeOpenStatus(status, now, 'line');
      if (status.open) return [{ type: 'text', text }];
      const lines = profile.hotlines.filter((h) => profile.accountHours.afterHoursHotlineIds.includes(h.id));
      const extra = lines.map((h) => `${h.name} ${h.number}（${h.hours}）`).join('\n');
      return [{ type: 'text', text: extra ? `${text}\nいますぐ話したいときは、こちらにお電話ください。\n${extra}` : text }];
    }
  }
}

/** Joins neighbouring texts only as far as needed to fit LINE's five messages. */
function mergeTexts(messages: LineMessage[]): LineMessage[] {
  const result = [...messages];
  for (let i = result.length - 2; i >= 0 && result.length > MAX_MESSAGES; i--) {
    const [a, b] = [result[i]!, result[i + 1]!];
    if (a.type === 'text' && b.type === 'text') result.splice(i, 2, { type: 'text', text: `${a.text}\n\n${b.text}` });
  }
  return result.slice(0, MAX_MESSAGES);
}
