/** Office time of day as Indonesians write it: "09.30" (24 h, a dot). */
export function clockTime(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}.${part("minute")}`;
}
