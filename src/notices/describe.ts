import { ALL_TOPICS } from '../db/schema';
import type { CouncilProfile } from '../profile/schema';

const NONE = '（まだ選んでいません）';

/** The chosen areas by their names in the profile, or 「すべての地区」. */
export function describeAreas(profile: CouncilProfile, areas: readonly string[]): string {
  if (areas.includes(ALL_TOPICS)) return 'すべての地区';
  const names = profile.areas.filter((a) => areas.includes(a.id)).map((a) => a.name);
  return names.length ? names.join('、') : NONE;
}

/** The chosen event kinds by their names in the profile, or 「すべての種類」. */
export function describeKinds(profile: CouncilProfile, kinds: readonly string[]): string {
  if (kinds.includes(ALL_TOPICS)) return 'すべての種類';
  const names = profile.eventKinds.filter((k) => kinds.includes(k.id)).map((k) => k.name);
  return names.length ? names.join('、') : NONE;
}

/** The two lines residents see while choosing and after saving. */
export function describeTopics(profile: CouncilProfile, chosen: { areas: readonly string[]; kinds: readonly string[] }): string {
  return `地区：${describeAreas(profile, chosen.areas)}\n種類：${describeKinds(profile, chosen.kinds)}`;
}
