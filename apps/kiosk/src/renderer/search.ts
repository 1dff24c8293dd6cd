import type { AgencyInfo, ServiceInfo } from "@layan/protocol";

/**
 * Finding a service by the words a citizen uses, not by knowing which agency
 * offers it: "KTP", "akta lahir", "pajak motor". Typed on the kiosk's own
 * keyboard, so the query is short and without accents; names and the config's
 * keywords are matched word by word, every typed word as the start of a word.
 */

/** Lower case, accents and punctuation gone: "KTP-el" and "ktp el" are the same words. */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

interface Field {
  words: string[];
  weight: number;
}

function fieldsOf(service: ServiceInfo, agency: AgencyInfo | undefined): Field[] {
  return [
    { words: searchWords(service.name), weight: 4 },
    ...service.keywords.map((k) => ({ words: searchWords(k), weight: 4 })),
    { words: searchWords(service.nameEn), weight: 2 },
    { words: searchWords(`${agency?.shortName ?? ""} ${agency?.name ?? ""}`), weight: 1 },
  ];
}

/**
 * How well one field answers every typed word; 0 when a word is missing from
 * it. A field that is exactly what was typed (the keyword "KTP" for "ktp")
 * beats one that merely contains it ("KTP anak").
 */
function fieldScore(query: string[], field: Field): number {
  let score = 0;
  for (const q of query) {
    if (field.words.includes(q)) score += 2;
    else if (field.words.some((w) => w.startsWith(q))) score += 1;
    else return 0;
  }
  const whole = field.words.length === query.length && query.every((q) => field.words.includes(q));
  return (whole ? score * 2 : score) * field.weight;
}

/** Services answering every typed word within one name or keyword, best first, ties in config order. */
export function searchServices(
  services: readonly ServiceInfo[],
  agencies: readonly AgencyInfo[],
  query: string,
): ServiceInfo[] {
  const words = searchWords(query);
  if (words.length === 0) return [];
  return services
    .map((service, index) => {
      const agency = agencies.find((a) => a.id === service.agencyId);
      const score = Math.max(0, ...fieldsOf(service, agency).map((f) => fieldScore(words, f)));
      return { service, index, score };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.service);
}
