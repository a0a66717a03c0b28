// The Nerima profile says exactly what DOMAIN.md says.
import { describe, expect, it } from 'vitest';
import { nerimaProfile as p } from '../../flows/profiles/nerima';
import { sampleTownProfile } from '../../flows/profiles/sample-town';
import { getDepartment } from '../../src/profile/lookup';

const d = (id: string) => getDepartment(p, id);
const SPLIT = [{ from: '09:00', to: '20:00' }];
const WEEKEND = [{ from: '12:00', to: '20:00' }];

describe('nerima profile', () => {
  it('has the 代表 at the ward office east building', () => {
    expect(p.council).toMatchObject({ name: '練馬区社会福祉協議会', phone: '03-3992-5600', fictional: false });
    expect(p.council.address).toContain('練馬区豊玉北6-12-1 練馬区役所東庁舎4階');
    expect(p.council.motto).toBe('ひとりの不幸も見逃さない ～つながりのある地域をつくる～');
    expect(d('soumu').phone).toBe('03-3992-5600');
  });

  it('has the numbers of each department as DOMAIN.md gives them', () => {
    expect(d('fukushi-shikin').phone).toBe('03-3991-5560');
    expect(d('kenri-yougo')).toMatchObject({ name: '権利擁護センター ほっとサポートねりま', phone: '03-5912-4022' });
    expect(d('volunteer-center').phone).toBe('03-3994-0208');
    expect(d('volunteer-hikarigaoka')).toMatchObject({ phone: '03-5997-7721', closedWeekdays: ['sat', 'sun'], closedOnHolidays: true });
    expect(d('volunteer-hikarigaoka').address).toContain('光が丘2-9-6 光が丘区民センター6階');
    expect(d('volunteer-oizumi')).toMatchObject({ phone: '03-3922-2422', closedWeekdays: ['sun', 'mon'], closedOnHolidays: true });
    expect(d('volunteer-oizumi').address).toContain('東大泉3-18-17');
    expect(d('volunteer-sekimachi')).toMatchObject({ phone: '03-3929-1467', closedWeekdays: ['wed', 'sun'], closedOnHolidays: true });
    expect(d('volunteer-sekimachi').address).toContain('関町北1-7-14');
  });

  it('has きらら and ういんぐ phone hours by weekday and their booked interviews', () => {
    const kirara = d('kirara');
    expect(kirara).toMatchObject({ phone: '03-3557-9222', closedWeekdays: ['wed'], closedOnHolidays: true });
    expect(kirara.address).toContain('豊玉北5-15-19');
    expect(kirara.phoneHours).toEqual({ mon: SPLIT, tue: SPLIT, wed: [], thu: SPLIT, fri: SPLIT, sat: WEEKEND, sun: WEEKEND });
    expect(kirara.serviceHours.find((s) => s.id === 'interview')?.hours).toMatchObject({
      mon: [{ from: '09:00', to: '19:00' }],
      tue: [{ from: '09:00', to: '12:00' }],
      thu: [{ from: '09:00', to: '19:00' }],
    });
    const wing = d('wing');
    expect(wing).toMatchObject({ phone: '03-3997-2181', closedWeekdays: ['tue'], closedOnHolidays: true });
    expect(wing.address).toContain('石神井町7-3-28');
    expect(wing.phoneHours).toEqual({ mon: SPLIT, tue: [], wed: SPLIT, thu: SPLIT, fri: SPLIT, sat: WEEKEND, sun: WEEKEND });
    expect(wing.serviceHours.find((s) => s.id === 'interview')?.hours).toMatchObject({
      wed: [{ from: '09:00', to: '12:00' }],
      thu: [{ from: '09:00', to: '19:00' }],
      fri: [{ from: '09:00', to: '19:00' }],
    });
  });

  it('sends residents to the 代表 where the sources give no number', () => {
    for (const id of ['seikatsu-support', 'rainbow-work', 'houkatsu', 'kodomo-katei']) {
      expect(d(id).phone, id).toBeUndefined();
      expect(d(id).phoneNote, id).toContain('代表番号');
    }
    expect(d('houkatsu').kind).toBe('external');
    expect(d('kodomo-katei').kind).toBe('external');
  });

  it('marks every assumed office hour in a sourceNote', () => {
    const office = [{ from: '08:30', to: '17:15' }];
    const assumed = p.departments.filter((x) => Object.values(x.phoneHours).some((h) => JSON.stringify(h) === JSON.stringify(office)));
    expect(assumed.length).toBeGreaterThan(5);
    for (const x of assumed) expect(x.sourceNote, x.id).toMatch(/仮に/);
  });

  it('has the 成年後見制度専門相談 schedule', () => {
    expect(p.bookableServices.find((s) => s.id === 'seinen-kouken-senmon')).toMatchObject({
      departmentId: 'kenri-yougo',
      monthly: [{ nth: 1, weekday: 'wed', from: '13:30', to: '16:30', maxSlots: 3 }],
      slotMinutes: 45,
      seatsPerSlot: 1,
    });
  });

  it('has the six areas', () => {
    expect(p.areas.map((a) => a.name)).toEqual(['練馬', '光が丘', '石神井', '大泉', '関町', '土支田']);
  });

  it('has the crisis numbers', () => {
    const numbers = Object.fromEntries(p.hotlines.map((h) => [h.id, h.number]));
    expect(numbers).toEqual({
      police: '110',
      ambulance: '119',
      'child-abuse-189': '189',
      'dv-navi': '#8008',
      inochi: '0570-783-556',
      yorisoi: '0120-279-338',
      kokoro: '0570-064-556',
    });
    expect(p.hotlines.find((h) => h.id === 'inochi')?.note).toContain('0120-783-556');
  });

  it('tells staff the sources are old and must be confirmed', () => {
    expect(p.toBeConfirmed).toMatch(/2011/);
    expect(p.toBeConfirmed).toMatch(/2020/);
    expect(p.toBeConfirmed).toMatch(/確認/);
  });

  it('has a privacy notice that covers purpose, retention, readers, police/児童相談所, providers and withdrawal', () => {
    const t = p.privacy.noticeText;
    for (const part of ['何のために', '残す期間', '5年', '読める人', '警察', '児童相談所', '法律', '事業者', '要記入', '同意をやめたい']) {
      expect(t, part).toContain(part);
    }
    expect(p.privacy.retentionDays).toBe(5 * 365);
  });
});

describe('sample-town profile shares no facts with nerima', () => {
  it('uses different ids, numbers and areas', () => {
    const nerimaIds = new Set(p.departments.map((x) => x.id));
    expect(sampleTownProfile.departments.filter((x) => nerimaIds.has(x.id))).toEqual([]);
    const nerimaNumbers = new Set([p.council.phone, ...p.departments.map((x) => x.phone), ...p.hotlines.map((h) => h.number)]);
    const sampleNumbers = [sampleTownProfile.council.phone, ...sampleTownProfile.departments.map((x) => x.phone), ...sampleTownProfile.hotlines.map((h) => h.number)];
    expect(sampleNumbers.filter((n) => n !== undefined && nerimaNumbers.has(n))).toEqual([]);
    expect(sampleTownProfile.areas.some((a) => p.areas.some((b) => b.id === a.id || b.name === a.name))).toBe(false);
    expect(sampleTownProfile.council.fictional).toBe(true);
  });
});
