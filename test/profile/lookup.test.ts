import { describe, expect, it } from 'vitest';
import { nerimaProfile as nerima } from '../../flows/profiles/nerima';
import { sampleTownProfile as sample } from '../../flows/profiles/sample-town';
import { contactPhone, distressHotlines, getDepartment, hotlinesFor, routeFor } from '../../src/profile/lookup';

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('routeFor', () => {
  it('uses the default, a named sub-route, or an area sub-route, as data', () => {
    expect(routeFor(nerima, 'money').id).toBe('seikatsu-support');
    expect(routeFor(nerima, 'money', ['loans']).id).toBe('fukushi-shikin');
    expect(routeFor(nerima, 'work', ['disability']).id).toBe('rainbow-work');
    expect(routeFor(nerima, 'disaster').id).toBe('volunteer-center');
    expect(routeFor(nerima, 'disaster', ['whenOpen']).id).toBe('saigai-vc');
    expect(routeFor(nerima, 'volunteer', ['oizumi']).id).toBe('volunteer-oizumi');
    expect(routeFor(nerima, 'volunteer', ['toshida']).id).toBe('volunteer-center');
    expect(routeFor(nerima, 'money', ['nothing', 'loans']).id).toBe('fukushi-shikin');
    expect(routeFor(nerima, 'money', ['constructor']).id).toBe('seikatsu-support');
  });

  it('gives the other council its own departments for the same categories', () => {
    expect(routeFor(sample, 'money', ['loans']).id).toBe('kashitsuke');
    expect(routeFor(sample, 'disaster', ['whenOpen']).id).toBe('saigai');
    expect(routeFor(sample, 'other').name).toBe('総合相談窓口');
  });
});

describe('distressHotlines', () => {
  it('lists the profile lines for distress in the order written, else the lines for suicide', () => {
    expect(ids(distressHotlines(nerima))).toEqual(['yorisoi', 'inochi']);
    expect(ids(distressHotlines(sample))).toEqual(['minato-night', 'kokoro-line']);
    expect(ids(distressHotlines({ ...nerima, distressHotlineIds: [] }))).toEqual(['inochi', 'yorisoi', 'kokoro']);
  });
});

describe('hotlinesFor', () => {
  it('maps crisis kinds to the profile hotlines, in profile order, each once', () => {
    expect(ids(hotlinesFor(nerima, ['suicide']))).toEqual(['inochi', 'yorisoi', 'kokoro']);
    expect(ids(hotlinesFor(nerima, ['child_abuse']))).toEqual(['child-abuse-189']);
    expect(ids(hotlinesFor(nerima, ['dv']))).toEqual(['dv-navi', 'yorisoi']);
    expect(ids(hotlinesFor(nerima, ['violence', 'emergency']))).toEqual(['police', 'ambulance']);
    expect(ids(hotlinesFor(nerima, ['suicide', 'dv']))).toEqual(['dv-navi', 'inochi', 'yorisoi', 'kokoro']);
    expect(hotlinesFor(nerima, ['child_abuse'])[0]?.tel).toBe('189');
    expect(hotlinesFor(nerima, ['dv'])[0]?.tel).toBe('#8008');
  });

  it('uses the other council wording and numbers', () => {
    expect(ids(hotlinesFor(sample, ['suicide']))).toEqual(['kokoro-line', 'minato-night']);
  });
});

describe('contactPhone', () => {
  it('falls back to the parent department, then to the council main line, keeping the note', () => {
    expect(contactPhone(nerima, getDepartment(nerima, 'kirara'))).toEqual({ phone: '03-3557-9222', via: 'own' });
    const support = contactPhone(nerima, getDepartment(nerima, 'seikatsu-support'));
    expect(support).toMatchObject({ phone: '03-3992-5600', via: 'council' });
    expect(support.note).toContain('代表番号');
    expect(contactPhone(nerima, getDepartment(nerima, 'saigai-vc'))).toMatchObject({ phone: '03-3994-0208', via: 'parent' });
    expect(contactPhone(sample, getDepartment(sample, 'shigoto'))).toMatchObject({ phone: '000-0000-0000', via: 'council' });
  });

  it('getDepartment names the profile when an id is unknown', () => {
    expect(() => getDepartment(nerima, 'kirara2')).toThrow('Department "kirara2" is not in council profile "nerima"');
  });
});
