/** Whether a "YYYY-MM-DD" falls in a MM-DD range; "12-29".."01-03" wraps over New Year. */
export function inYearEnd(isoDate: string, range: { from: string; to: string } | undefined): boolean {
  if (!range) return false;
  const md = isoDate.slice(5);
  return range.from <= range.to ? md >= range.from && md <= range.to : md >= range.from || md <= range.to;
}
