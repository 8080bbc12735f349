/** The resident's own reports on this device, remembered by the report page for the track page. */
const STORAGE_KEY = 'linli.myReports';
export interface SavedReport {
  number: string;
  token: string;
  at: string;
  category: string;
}

/** The resident's own reports on this device (number + tracking token), newest first. */
export function savedReports(): SavedReport[] {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as SavedReport[];
    return Array.isArray(v) ? v.filter((r) => r && typeof r.number === 'string') : [];
  } catch {
    return [];
  }
}

export function saveReport(r: SavedReport) {
  try {
    const list = [r, ...savedReports().filter((x) => x.number !== r.number)].slice(0, 20);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // private mode: the resident keeps the link themselves
  }
}
