import { describe, expect, it } from 'vitest';
import { loadProfile, PROFILE_IDS } from '../../flows/profiles';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { sampleTownProfile } from '../../flows/profiles/sample-town';
import { CouncilProfileError, parseCouncilProfile } from '../../src/profile/parse';
import type { CouncilProfile } from '../../src/profile/schema';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
type Draft = Mutable<CouncilProfile> & Record<string, unknown>;

/** Parses a broken copy of the Nerima profile and returns the error it raises. */
function breakWith(mutate: (draft: Draft) => void): CouncilProfileError {
  const draft = structuredClone(nerimaProfile) as Draft;
  mutate(draft);
  try {
    parseCouncilProfile(draft, 'test');
  } catch (error) {
    if (error instanceof CouncilProfileError) return error;
    throw error;
  }
  throw new Error('expected the profile to be rejected');
}

const dept = (draft: Draft, id: string) => {
  const d = draft.departments.find((x) => x.id === id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};

describe('councilProfileSchema accepts the shipped profiles', () => {
  it.each([
    ['nerima', nerimaProfile],
    ['sample-town', sampleTownProfile],
  ] as const)('%s parses again unchanged and is frozen', (id, profile) => {
    expect(profile.council.id).toBe(id);
    expect(parseCouncilProfile(structuredClone(profile))).toEqual(profile);
    expect(Object.isFrozen(profile.departments[0]?.phoneHours.mon)).toBe(true);
  });

  it('loadProfile returns each profile and names the valid ids for an unknown one', () => {
    expect(PROFILE_IDS).toEqual(['nerima', 'sample-town']);
    expect(loadProfile('nerima')).toBe(nerimaProfile);
    expect(loadProfile('sample-town')).toBe(sampleTownProfile);
    expect(() => loadProfile('yokohama')).toThrow('Unknown council profile "yokohama". Valid ids: "nerima", "sample-town"');
    expect(() => loadProfile('toString')).toThrow(/Valid ids/);
  });
});

describe('councilProfileSchema rejects broken profiles, naming the bad field', () => {
  it.each<[string, (d: Draft) => void, string[]]>([
    [
      'a time not written HH:MM',
      (d) => {
        dept(d, 'kirara').phoneHours.mon = [{ from: '9:00', to: '20:00' }];
      },
      ['departments[kirara].phoneHours.mon[0].from', 'HH:MM'],
    ],
    [
      'a range that ends before it starts',
      (d) => {
        dept(d, 'soumu').phoneHours.tue = [{ from: '17:15', to: '08:30' }];
      },
      ['departments[soumu].phoneHours.tue[0].to', '"from" must be earlier than "to"'],
    ],
    [
      'overlapping ranges',
      (d) => {
        dept(d, 'soumu').phoneHours.tue = [
          { from: '08:30', to: '12:00' },
          { from: '11:00', to: '17:15' },
        ];
      },
      ['departments[soumu].phoneHours.tue[1].from', 'must not overlap'],
    ],
    [
      'a route to a department that does not exist',
      (d) => {
        d.routes.money.loans = 'fukushi-shikn';
      },
      ['routes.money.loans', 'Department "fukushi-shikn" does not exist', 'fukushi-shikin'],
    ],
    [
      'a category with no route',
      (d) => {
        delete (d.routes as Record<string, unknown>).disaster;
      },
      ['routes.disaster'],
    ],
    [
      'an after-hours hotline id that does not exist',
      (d) => {
        d.accountHours.afterHoursHotlineIds = ['yorisoi-24h'];
      },
      ['accountHours.afterHoursHotlineIds[0]', 'Hotline "yorisoi-24h" does not exist'],
    ],
    [
      'a distress hotline id that does not exist',
      (d) => {
        d.distressHotlineIds = ['yorisoi', 'inochi-24h'];
      },
      ['distressHotlineIds[1]', 'Hotline "inochi-24h" does not exist'],
    ],
    [
      'a crisis kind no hotline covers',
      (d) => {
        d.hotlines = d.hotlines.filter((h) => !h.crisisKinds.includes('child_abuse'));
      },
      ['hotlines', 'No hotline covers the crisis kind "child_abuse"'],
    ],
    [
      'an unknown crisis kind',
      (d) => {
        (d.hotlines[0]!.crisisKinds as string[]).push('fire');
      },
      ['hotlines[police].crisisKinds[2]'],
    ],
    [
      'a tel that is not the number without hyphens',
      (d) => {
        d.hotlines.find((h) => h.id === 'inochi')!.tel = '0570783565';
      },
      ['hotlines[inochi].tel', 'same digits'],
    ],
    [
      'a duplicate department id',
      (d) => {
        d.departments.push({ ...structuredClone(dept(d, 'kirara')), name: 'もうひとつ' });
      },
      ['Duplicate id "kirara"'],
    ],
    [
      'a weekday with no hours that is not listed as closed',
      (d) => {
        dept(d, 'kirara').closedWeekdays = [];
      },
      ['departments[kirara].phoneHours.wed', 'No hours on "wed"'],
    ],
    [
      'a closed weekday that still has hours',
      (d) => {
        dept(d, 'soumu').closedWeekdays.push('mon');
      },
      ['departments[soumu].phoneHours.mon', '"mon" is listed in closedWeekdays'],
    ],
    [
      'a department with neither phone nor phoneNote',
      (d) => {
        delete dept(d, 'seikatsu-support').phoneNote;
      },
      ['departments[seikatsu-support].phoneNote', 'Give a phone number'],
    ],
    [
      'a phone number without hyphens',
      (d) => {
        dept(d, 'soumu').phone = '0339925600';
      },
      ['departments[soumu].phone', 'hyphens'],
    ],
    [
      'a year-end closure not written MM-DD',
      (d) => {
        dept(d, 'soumu').yearEndClosure = { from: '12/29', to: '01-03' };
      },
      ['departments[soumu].yearEndClosure.from', 'MM-DD'],
    ],
    [
      'an impossible closure date',
      (d) => {
        dept(d, 'soumu').closures = ['2026-13-01'];
      },
      ['departments[soumu].closures[0]', 'YYYY-MM-DD'],
    ],
    [
      'an unknown area on a department',
      (d) => {
        dept(d, 'volunteer-oizumi').areaIds = ['oizumi-gakuen'];
      },
      ['departments[volunteer-oizumi].areaIds[0]', 'Area "oizumi-gakuen" does not exist'],
    ],
    [
      'an unknown parent department',
      (d) => {
        dept(d, 'volunteer-oizumi').parentId = 'vc';
      },
      ['departments[volunteer-oizumi].parentId', 'Department "vc" does not exist'],
    ],
    [
      'an unknown suggested event kind',
      (d) => {
        d.suggestedEventKinds.elderly = ['tea-party'];
      },
      ['suggestedEventKinds.elderly[0]', 'Event kind "tea-party" does not exist'],
    ],
    [
      'a provider the notice text does not name',
      (d) => {
        d.privacy.providers.push('どこかのクラウド');
      },
      ['privacy.providers[3]', 'must name the provider'],
    ],
    [
      'a misspelt key',
      (d) => {
        (dept(d, 'soumu') as Record<string, unknown>).yearEndClosur = { from: '12-29', to: '01-03' };
      },
      ['departments[soumu]', 'yearEndClosur'],
    ],
    [
      'an id with capitals',
      (d) => {
        d.areas[0]!.id = 'Nerima';
      },
      ['areas[Nerima].id', 'lower-case'],
    ],
  ])('%s', (_name, mutate, expected) => {
    const error = breakWith(mutate);
    for (const text of expected) expect(error.message).toContain(text);
    expect(error.message).toMatch(/^Council profile test is invalid/);
  });

  it('reports every problem at once', () => {
    const error = breakWith((d) => {
      dept(d, 'kirara').phoneHours.mon = [{ from: '9:00', to: '20:00' }];
      d.council.phone = '';
    });
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['council.phone', 'departments[kirara].phoneHours.mon[0].from']),
    );
    // A malformed time is reported once, not again as "out of order".
    expect(error.issues.map((i) => i.path)).not.toContain('departments[kirara].phoneHours.mon[0].to');
  });

  it('rejects input that is not an object at all', () => {
    expect(() => parseCouncilProfile(null, 'empty')).toThrow(CouncilProfileError);
  });
});
