/** "08:05:30" office-local, from epoch ms and the fixed offset. */
export function localClock(at: number | null, offsetMinutes: number): string {
  if (at === null) return "";
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(11, 19);
}
