import type { CouncilProfile } from '../../src/profile/schema';
import { nerimaProfile } from './nerima';
import { sampleTownProfile } from './sample-town';

const PROFILES: Readonly<Record<string, CouncilProfile>> = {
  nerima: nerimaProfile,
  'sample-town': sampleTownProfile,
};

export const PROFILE_IDS = Object.keys(PROFILES);

export function loadProfile(id: string): CouncilProfile {
  const profile = Object.hasOwn(PROFILES, id) ? PROFILES[id] : undefined;
  if (!profile) {
    throw new Error(`Unknown council profile "${id}". Valid ids: ${PROFILE_IDS.map((p) => `"${p}"`).join(', ')}`);
  }
  return profile;
}
