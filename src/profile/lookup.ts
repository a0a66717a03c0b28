// Read-only lookups over a parsed profile (ids were cross-checked at load).
import type { Category, CrisisKind } from '../engine/taxonomy';
import type { CouncilProfile, Department, Hotline } from './schema';

export function getDepartment(profile: CouncilProfile, id: string): Department {
  const dept = profile.departments.find((d) => d.id === id);
  if (!dept) throw new Error(`Department "${id}" is not in council profile "${profile.council.id}"`);
  return dept;
}

/**
 * The department for a category. `prefer` lists sub-route names to try in
 * order (e.g. ['loans'], ['disability'], ['whenOpen'], or an area id);
 * the first one the profile defines wins, else the default.
 */
export function routeFor(profile: CouncilProfile, category: Category, prefer: readonly string[] = []): Department {
  const route = profile.routes[category];
  const name = prefer.find((p) => p !== 'default' && Object.hasOwn(route, p));
  return getDepartment(profile, (name !== undefined ? route[name] : undefined) ?? route.default);
}

/** Hotlines for the given crisis kinds, in profile order, each once. */
export function hotlinesFor(profile: CouncilProfile, kinds: readonly CrisisKind[]): Hotline[] {
  return profile.hotlines.filter((h) => h.crisisKinds.some((k) => kinds.includes(k)));
}

/** Lines for the distress safety net, in the order the profile lists them (else the lines for suicide). */
export function distressHotlines(profile: CouncilProfile): Hotline[] {
  const ids = profile.distressHotlineIds;
  if (ids.length === 0) return hotlinesFor(profile, ['suicide']);
  return ids.map((id) => profile.hotlines.find((h) => h.id === id)).filter((h): h is Hotline => h !== undefined);
}

export interface ContactPhone {
  phone: string;
  /** Whose number it is: the department's own, its parent's, or the council's main line. */
  via: 'own' | 'parent' | 'council';
  note?: string;
}

/** The number to show for a department, falling back to its parent, then the council. */
export function contactPhone(profile: CouncilProfile, dept: Department): ContactPhone {
  const note = dept.phoneNote !== undefined ? { note: dept.phoneNote } : {};
  if (dept.phone !== undefined) return { phone: dept.phone, via: 'own', ...note };
  const parent = dept.parentId !== undefined ? getDepartment(profile, dept.parentId) : undefined;
  if (parent?.phone !== undefined) return { phone: parent.phone, via: 'parent', ...note };
  return { phone: profile.council.phone, via: 'council', ...note };
}
