/**
 * How an event's fields are written in `events.payload` (migration 0009): the
 * same JSON, with the field names the log repeats millions of times written as
 * one character, and the times inside a measurement written as milliseconds
 * before the event. Lossless for any JSON object: decodePayload(encodePayload(x))
 * equals x key for key; names not in the table pass through unchanged.
 *
 * The table is append-only: a stored payload names its fields by position in
 * it, forever. Add new names at the end; never reorder or remove one.
 */
const NAMES = [
  "measurement",
  "serviceId",
  "segmentIndex",
  "counterId",
  "officerId",
  "enqueuedAt",
  "calledAt",
  "startedAt",
  "endedAt",
  "recalls",
  "waitMs",
  "serviceMs",
  "waitTargetMs",
  "serviceTargetMs",
  "waitMet",
  "serviceMet",
  "steps",
  "stepId",
  "ms",
  "targetMs",
  "met",
  "outcome",
  "reason",
  "number",
  "sequence",
  "serviceDay",
  "priority",
  "kioskId",
  "fromServiceId",
  "toServiceId",
  "ticketId",
  "responseId",
  "channel",
  "answers",
  "suggestion",
  "complaintId",
  "lastCalledAt",
  "persyaratan",
  "prosedur",
  "waktu",
  "biaya",
  "produk",
  "kompetensi",
  "perilaku",
  "sarana",
  "pengaduan",
  "filedDay",
  "category",
  "text",
  "targetWorkingDays",
  "assignee",
  "note",
] as const;

/**
 * Times written relative to the event's own `at` (a few digits instead of
 * thirteen): the code of such a name is its entry in RELATIVE_CODES.
 */
const RELATIVE = ["enqueuedAt", "calledAt", "startedAt", "endedAt", "lastCalledAt"] as const;

// No digits: "5" would be an integer-like key, which JavaScript orders first, and the event would come back with its fields reordered.
const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}";

function codeOf(i: number): string {
  const c = ALPHABET[i];
  if (c === undefined) throw new Error(`event codec: no code for name ${i}`);
  return c;
}

const CODE = new Map<string, string>(NAMES.map((n, i) => [n, codeOf(i)]));
const RELATIVE_CODE = new Map<string, string>(RELATIVE.map((n, i) => [n, codeOf(NAMES.length + i)]));
const NAME_OF = new Map<string, { name: string; relative: boolean }>([
  ...NAMES.map((n, i) => [codeOf(i), { name: n, relative: false }] as const),
  ...RELATIVE.map((n, i) => [codeOf(NAMES.length + i), { name: n, relative: true }] as const),
]);

/**
 * A name of one character, or one that starts with "~", could be read as a
 * code: it is written with a "~" in front, which decoding takes off.
 */
function escapeName(name: string): string {
  return name.length === 1 || name.startsWith("~") ? `~${name}` : name;
}

function encodeValue(value: unknown, at: number): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => encodeValue(v, at));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const relative = RELATIVE_CODE.get(name);
    if (relative !== undefined && typeof v === "number" && Number.isSafeInteger(v) && Number.isSafeInteger(at - v)) {
      out[relative] = at - v;
    } else out[CODE.get(name) ?? escapeName(name)] = encodeValue(v, at);
  }
  return out;
}

function decodeValue(value: unknown, at: number): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => decodeValue(v, at));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key.length === 1) {
      const known = NAME_OF.get(key);
      if (!known) throw new Error(`event codec: unknown code ${JSON.stringify(key)}`);
      out[known.name] = known.relative ? at - (v as number) : decodeValue(v, at);
    } else {
      out[key.startsWith("~") ? key.slice(1) : key] = decodeValue(v, at);
    }
  }
  return out;
}

/** The payload text for an event's fields (type and at are columns of their own). */
export function encodePayload(fields: Record<string, unknown>, at: number): string {
  return JSON.stringify(encodeValue(fields, at));
}

export function decodePayload(payload: string, at: number): Record<string, unknown> {
  return decodeValue(JSON.parse(payload), at) as Record<string, unknown>;
}
