/**
 * How an event's fields are written in `events.payload` (migration 0009): the
 * same JSON, with the field names the log repeats millions of times written as
 * one character, the times inside a measurement written as milliseconds
 * before the event, and the ids it repeats (services, counters, officers,
 * steps, days, outcomes) as numbers of the `event_words` table. Lossless for
 * any JSON object: decodePayload(encodePayload(x)) equals x key for key; names
 * not in the table pass through unchanged.
 *
 * The table is append-only: a stored payload names its fields by position in
 * it, forever. Add new names at the end; never reorder or remove one. Since
 * migration 0011 a measurement is written as an array (TUPLES below); the
 * object form of the events before it still reads back as it did.
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
 * thirteen), each with a code of its own.
 */
const RELATIVE = ["enqueuedAt", "calledAt", "startedAt", "endedAt", "lastCalledAt"] as const;

/**
 * Names whose string values are written as the number of the word in
 * `event_words` (a few hundred words: an office's ids), each with a code of its own.
 */
const INTERNED = [
  "serviceId",
  "counterId",
  "officerId",
  "stepId",
  "outcome",
  "kioskId",
  "fromServiceId",
  "toServiceId",
  "reason",
  "channel",
  "serviceDay",
  "priority",
  "filedDay",
  "category",
] as const;

/**
 * Objects the log holds once per finished segment, written as an array of
 * their values in a fixed order instead of an object (migration 0011): a
 * completed ticket's measurement is ~40% of the log's bytes, and most of its
 * characters were its field codes. Only an object with exactly these fields,
 * in this order, each of its kind, takes this form; any other goes the
 * general way, so the codec stays lossless for any JSON. Kinds:
 * - word: a string (its number in event_words) or null;
 * - int: a safe integer or null;
 * - relative: a time, as milliseconds before the event, or null;
 * - minutes: a target in milliseconds, written in minutes when it is whole
 *   minutes (they are configured in minutes), else as [ms]; or null;
 * - flag: true, false or null, as 1, 0 or null;
 * - a nested tuple's name: an array of such objects, each as its array.
 * Like NAMES, append-only: a stored array is read by position, forever.
 */
type TupleKind = "word" | "int" | "relative" | "minutes" | "flag" | "step";
const TUPLES: Record<string, readonly (readonly [string, TupleKind])[]> = {
  measurement: [
    ["serviceId", "word"],
    ["segmentIndex", "int"],
    ["counterId", "word"],
    ["officerId", "word"],
    ["enqueuedAt", "relative"],
    ["calledAt", "relative"],
    ["startedAt", "relative"],
    ["endedAt", "relative"],
    ["recalls", "int"],
    ["waitMs", "int"],
    ["serviceMs", "int"],
    ["waitTargetMs", "minutes"],
    ["serviceTargetMs", "minutes"],
    ["waitMet", "flag"],
    ["serviceMet", "flag"],
    ["steps", "step"],
  ],
  step: [
    ["stepId", "word"],
    ["ms", "int"],
    ["targetMs", "minutes"],
    ["met", "flag"],
  ],
};
const MINUTE_MS = 60_000;

function fitsKind(kind: TupleKind, v: unknown, at: number): boolean {
  if (v === null) return true;
  switch (kind) {
    case "word":
      return typeof v === "string";
    case "int":
    case "minutes":
      return typeof v === "number" && Number.isSafeInteger(v) && !Object.is(v, -0);
    case "relative":
      return typeof v === "number" && Number.isSafeInteger(v) && Number.isSafeInteger(at - v) && !Object.is(v, -0);
    case "flag":
      return typeof v === "boolean";
    case "step":
      return Array.isArray(v) && v.every((x: unknown) => fitsTuple("step", x, at));
  }
}

function fitsTuple(name: string, value: unknown, at: number): boolean {
  const fields = TUPLES[name];
  if (!fields || value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    entries.length === fields.length &&
    entries.every(([key, v], i) => {
      const field = fields[i];
      return field !== undefined && field[0] === key && fitsKind(field[1], v, at);
    })
  );
}

function encodeTuple(name: string, value: Record<string, unknown>, at: number, words: Pick<EventWords, "code">): unknown[] {
  return (TUPLES[name] ?? []).map(([key, kind]) => {
    const v = value[key];
    if (v === null) return null;
    switch (kind) {
      case "word":
        return words.code(v as string);
      case "relative":
        return at - (v as number);
      case "minutes":
        return (v as number) % MINUTE_MS === 0 ? (v as number) / MINUTE_MS : [v];
      case "flag":
        return v ? 1 : 0;
      case "step":
        return (v as Record<string, unknown>[]).map((x) => encodeTuple("step", x, at, words));
      case "int":
        return v;
    }
  });
}

function decodeTuple(name: string, values: unknown[], at: number, words: Pick<EventWords, "word">): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  (TUPLES[name] ?? []).forEach(([key, kind], i) => {
    const v = values[i];
    if (v === null || v === undefined) {
      out[key] = null;
      return;
    }
    switch (kind) {
      case "word":
        out[key] = words.word(v as number);
        return;
      case "relative":
        out[key] = at - (v as number);
        return;
      case "minutes":
        out[key] = Array.isArray(v) ? (v[0] as number) : (v as number) * MINUTE_MS;
        return;
      case "flag":
        out[key] = v === 1;
        return;
      case "step":
        out[key] = (v as unknown[][]).map((x) => decodeTuple("step", x, at, words));
        return;
      case "int":
        out[key] = v;
    }
  });
  return out;
}

// No digits: "5" would be an integer-like key, which JavaScript orders first,
// and the event would come back with its fields reordered. Past the alphabet
// a code is "^" and a character.
const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]_`{|}";

function codeOf(i: number): string {
  const c = ALPHABET[i % ALPHABET.length];
  if (c === undefined || i >= ALPHABET.length * 2) throw new Error(`event codec: no code for name ${i}`);
  return i < ALPHABET.length ? c : `^${c}`;
}

type Form = "plain" | "relative" | "word" | "tuple";
// Codes are positions in this list: each group is appended after the ones before it.
const ENTRIES: { name: string; form: Form }[] = [
  ...NAMES.map((name) => ({ name, form: "plain" as const })),
  ...RELATIVE.map((name) => ({ name, form: "relative" as const })),
  ...INTERNED.map((name) => ({ name, form: "word" as const })),
  { name: "measurement", form: "tuple" },
];
const CODE = new Map<string, string>();
const RELATIVE_CODE = new Map<string, string>();
const WORD_CODE = new Map<string, string>();
const TUPLE_CODE = new Map<string, string>();
const ENTRY_OF = new Map<string, { name: string; form: Form }>();
ENTRIES.forEach((e, i) => {
  const code = codeOf(i);
  ({ plain: CODE, relative: RELATIVE_CODE, word: WORD_CODE, tuple: TUPLE_CODE })[e.form].set(e.name, code);
  ENTRY_OF.set(code, e);
});

/** The store's `event_words`: a word's number, given out on its first use. */
export interface EventWords {
  code(word: string): number;
  word(code: number): string;
}

/**
 * A name of one character, or one that starts with "~" or "^", could be read
 * as a code: it is written with a "~" in front, which decoding takes off.
 */
function escapeName(name: string): string {
  return name.length === 1 || name.startsWith("~") || name.startsWith("^") ? `~${name}` : name;
}

function encodeValue(value: unknown, at: number, words: Pick<EventWords, "code">): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => encodeValue(v, at, words));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const relative = RELATIVE_CODE.get(name);
    const word = WORD_CODE.get(name);
    const tuple = TUPLE_CODE.get(name);
    if (tuple !== undefined && fitsTuple(name, v, at)) {
      out[tuple] = encodeTuple(name, v as Record<string, unknown>, at, words);
    } else if (relative !== undefined && typeof v === "number" && Number.isSafeInteger(v) && Number.isSafeInteger(at - v)) {
      out[relative] = at - v;
    } else if (word !== undefined && typeof v === "string") {
      out[word] = words.code(v);
    } else out[CODE.get(name) ?? escapeName(name)] = encodeValue(v, at, words);
  }
  return out;
}

function decodeValue(value: unknown, at: number, words: Pick<EventWords, "word">): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => decodeValue(v, at, words));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key.startsWith("~")) {
      out[key.slice(1)] = decodeValue(v, at, words);
      continue;
    }
    if (key.length !== 1 && !key.startsWith("^")) {
      out[key] = decodeValue(v, at, words);
      continue;
    }
    const known = ENTRY_OF.get(key);
    if (!known) throw new Error(`event codec: unknown code ${JSON.stringify(key)}`);
    out[known.name] =
      known.form === "relative"
        ? at - (v as number)
        : known.form === "word"
          ? words.word(v as number)
          : known.form === "tuple"
            ? decodeTuple(known.name, v as unknown[], at, words)
            : decodeValue(v, at, words);
  }
  return out;
}

/**
 * The fields of the log's common events, in the order the core writes them
 * (migration 0014): such an event's payload is the array of their values, or
 * the bare value when there is one field, with no field codes and no braces.
 * The type column says which list to read it by. An event whose fields are
 * not exactly these, in this order, each of its kind (a field the core adds
 * one day, a ticketId left in the payload) is written the general way, as an
 * object: a payload that is not an object is always one of these. Like NAMES,
 * append-only: a stored payload is read by position, forever; a type whose
 * fields change gets a new entry, never an edited one.
 */
type EventKind = "word" | "int" | "text" | "measurement";
const EVENT_TUPLES: Record<string, readonly (readonly [string, EventKind])[]> = {
  "ticket.issued": [
    ["serviceId", "word"],
    ["number", "text"],
    ["sequence", "int"],
    ["serviceDay", "word"],
    ["priority", "word"],
    ["kioskId", "word"],
  ],
  "ticket.called": [
    ["counterId", "word"],
    ["officerId", "word"],
    ["reason", "word"],
  ],
  "ticket.recalled": [
    ["counterId", "word"],
    ["recalls", "int"],
  ],
  "ticket.serving": [["counterId", "word"]],
  "ticket.step_done": [["stepId", "word"]],
  "ticket.step_undone": [["stepId", "word"]],
  "ticket.completed": [
    ["counterId", "word"],
    ["outcome", "word"],
    ["measurement", "measurement"],
  ],
  "ticket.no_show": [
    ["counterId", "word"],
    ["measurement", "measurement"],
  ],
  "ticket.transferred": [
    ["counterId", "word"],
    ["fromServiceId", "word"],
    ["toServiceId", "word"],
    ["measurement", "measurement"],
  ],
  "ticket.cancelled": [["reason", "word"]],
  "counter.opened": [
    ["counterId", "word"],
    ["officerId", "word"],
  ],
  "counter.paused": [["counterId", "word"]],
  "counter.closed": [["counterId", "word"]],
};

function fitsEventKind(kind: EventKind, v: unknown, at: number): boolean {
  switch (kind) {
    case "word":
      return v === null || typeof v === "string";
    case "int":
      return typeof v === "number" && Number.isSafeInteger(v) && !Object.is(v, -0);
    case "text":
      return typeof v === "string";
    case "measurement":
      return fitsTuple("measurement", v, at);
  }
}

function eventTupleOf(type: string | undefined, fields: Record<string, unknown>, at: number): readonly (readonly [string, EventKind])[] | null {
  const tuple = type === undefined ? undefined : EVENT_TUPLES[type];
  if (!tuple) return null;
  const entries = Object.entries(fields);
  const fits =
    entries.length === tuple.length &&
    entries.every(([key, v], i) => {
      const field = tuple[i];
      return field !== undefined && field[0] === key && fitsEventKind(field[1], v, at);
    });
  return fits ? tuple : null;
}

/**
 * The payload text for an event's fields (type and at are columns of their
 * own). Without the type (tests of the general form, migrations before 0014)
 * it is always the object form.
 */
export function encodePayload(fields: Record<string, unknown>, at: number, words: Pick<EventWords, "code">, type?: string): string {
  const tuple = eventTupleOf(type, fields, at);
  if (!tuple) return JSON.stringify(encodeValue(fields, at, words));
  const values = tuple.map(([key, kind]) => {
    const v = fields[key];
    switch (kind) {
      case "word":
        return v === null ? null : words.code(v as string);
      case "measurement":
        return encodeTuple("measurement", v as Record<string, unknown>, at, words);
      case "int":
      case "text":
        return v;
    }
  });
  // Every one-field list is a word: its value, a number or null, is never an array.
  return JSON.stringify(values.length === 1 ? values[0] : values);
}

export function decodePayload(payload: string, at: number, words: Pick<EventWords, "word">, type?: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(payload);
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
    return decodeValue(parsed, at, words) as Record<string, unknown>;
  }
  const tuple = type === undefined ? undefined : EVENT_TUPLES[type];
  if (!tuple) throw new Error(`event codec: a payload in the list form for ${JSON.stringify(type)}, which has none`);
  const values = tuple.length === 1 ? [parsed] : (parsed as unknown[]);
  const out: Record<string, unknown> = {};
  tuple.forEach(([key, kind], i) => {
    const v = values[i] ?? null;
    switch (kind) {
      case "word":
        out[key] = v === null ? null : words.word(v as number);
        return;
      case "measurement":
        out[key] = decodeTuple("measurement", v as unknown[], at, words);
        return;
      case "int":
      case "text":
        out[key] = v;
    }
  });
  return out;
}

/**
 * A stored payload written again with today's codec (migration 0011 turns the
 * measurements of older events into arrays), without event_words: a function
 * called from an UPDATE cannot read the table it runs in. Words stay numbers
 * all the way through (decoded as their number's text, encoded back from it):
 * every string under a word name was written as a number, so nothing else
 * takes that path. With the event's type (migration 0014), a common event's
 * fields become their list (EVENT_TUPLES).
 */
export function recodePayload(payload: string, at: number, type?: string): string {
  return encodePayload(decodePayload(payload, at, { word: (c) => String(c) }, type), at, { code: (w) => Number(w) }, type);
}
