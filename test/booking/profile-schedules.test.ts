// Validation of bookableServices in a council profile: clear messages naming the field.
import { describe, expect, it } from 'vitest';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { CouncilProfileError, parseCouncilProfile } from '../../src/profile/parse';

const withService = (service: Record<string, unknown>) =>
  ({
    ...nerimaProfile,
    bookableServices: [
      {
        id: 'test-service',
        name: 'テスト相談',
        departmentId: 'kirara',
        place: { address: 'どこか' },
        slotMinutes: 60,
        bookAheadDays: 30,
        minNoticeHours: 24,
        weekly: { mon: [{ from: '09:00', to: '12:00' }] },
        ...service,
      },
    ],
  }) as unknown;

function problems(input: unknown): string[] {
  try {
    parseCouncilProfile(input, 'test');
  } catch (error) {
    if (error instanceof CouncilProfileError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('bookable services in the profile', () => {
  it('both shipped profiles are valid and keep the Nerima schedules', () => {
    expect(problems(nerimaProfile)).toEqual([]);
    expect(nerimaProfile.bookableServices.map((s) => s.id)).toEqual(['kirara-interview', 'wing-interview', 'seinen-kouken-senmon', 'bengoshi-soudankai']);
    const lawyer = nerimaProfile.bookableServices.find((s) => s.id === 'bengoshi-soudankai')!;
    expect(lawyer.sourceNote).toContain('【例】');
    expect(lawyer.sessions.every((s) => s.staffNote?.includes('【例】'))).toBe(true);
    expect(nerimaProfile.toBeConfirmed).toContain('弁護士相談会');
  });

  it('a default of one seat', () => {
    const p = parseCouncilProfile(withService({}), 'test');
    expect(p.bookableServices[0]).toMatchObject({ seatsPerSlot: 1, monthly: [], sessions: [], closures: [] });
  });

  it.each([
    [{ departmentId: 'nowhere' }, 'bookableServices[test-service].departmentId: Department "nowhere" does not exist'],
    [{ weekly: { wed: [{ from: '09:00', to: '12:00' }] } }, 'bookableServices[test-service].weekly.wed: kirara is closed on "wed" (its closedWeekdays)'],
    [{ weekly: {}, monthly: [{ nth: 1, weekday: 'wed', from: '13:00', to: '15:00' }] }, 'bookableServices[test-service].monthly[0].weekday: kirara is closed on "wed"'],
    [{ weekly: { mon: [{ from: '09:00', to: '09:30' }] } }, 'bookableServices[test-service].weekly.mon[0]: The window 09:00-09:30 is shorter than one slot (60 minutes)'],
    [{ weekly: { mon: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }] } }, 'must not overlap'],
    [{ weekly: { mon: [{ from: '12:00', to: '09:00' }] } }, '"from" must be earlier than "to"'],
    [{ weekly: {} }, 'Give weekly windows, monthly rules or dated sessions'],
    [{ weekly: {}, sessions: [{ date: '2026-11-23', from: '13:00', to: '16:00' }] }, '2026-11-23 is a holiday (勤労感謝の日) and kirara is closed then'],
    [{ weekly: {}, sessions: [{ date: '2026-12-30', from: '13:00', to: '16:00' }] }, 'in the year-end closure'],
    [{ weekly: {}, monthly: [{ nth: 6, weekday: 'mon', from: '13:00', to: '16:00' }] }, 'nth is 1 (first) to 5 (fifth)'],
    [{ seatsPerSlot: 0 }, 'seatsPerSlot must be at least 1'],
    [{ minNoticeHours: -1 }, 'minNoticeHours'],
    [{ place: { address: 'x', mapUrl: 'not a url' } }, 'bookableServices[test-service].place.mapUrl'],
  ])('rejects %j with a clear message', (service, message) => {
    expect(problems(withService(service)).join('\n')).toContain(message);
  });

  it('rejects duplicate service ids', () => {
    const one = (withService({}) as { bookableServices: unknown[] }).bookableServices[0];
    expect(problems({ ...nerimaProfile, bookableServices: [one, one] }).join('\n')).toContain('Duplicate id "test-service"');
  });
});
