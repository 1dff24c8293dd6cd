import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { z } from "zod";
import { ConfigError, sortIssues, suggest, type ConfigIssue, type PathSegment } from "./issues";
import { closedDatesWarning, embedLogo } from "./office-checks";
import { checkVoicePack } from "./voice-pack";
import { bookingWarnings } from "./schema-booking";
import { notifyWarnings } from "./schema-notify";
import {
  agenciesFileSchema,
  countersFileSchema,
  devicesFileSchema,
  officeFileSchema,
  serviceFileSchema,
  STANDAR_KEYS,
} from "./schema";
import { checkStandarPelayanan, completeService, rememberServiceSource, type StandarReport } from "./standar";
import type {
  AgencyConfig,
  CounterConfig,
  DevicesConfig,
  LayanConfig,
  OfficeConfig,
  ServiceConfig,
  ServiceDraft,
} from "./types";
import { YamlSource } from "./yaml-source";
import { configErrorMap, flattenIssues } from "./zod-issues";

export interface LoadOptions {
  /**
   * Folder that file names in messages are relative to. Default: the cwd when the
   * config folder is inside it, else the config folder's parent — so messages read
   * `kiosk-config/services/ktp-el.yaml:14` either way.
   */
  displayRoot?: string;
  /**
   * The instant to check date-dependent advice against (the holiday list running
   * out). Without it those warnings are not checked, so that loading a config
   * never depends on the day it runs; `pnpm config:check` passes the time.
   */
  now?: number;
}

export interface ConfigInspection {
  /** Present only when there are no issues at all. */
  config?: LayanConfig;
  /** Every problem found, in file and line order. */
  issues: ConfigIssue[];
  /** Advice that does not stop the hub (a holiday list running out), in file and line order. */
  warnings: ConfigIssue[];
  /** Completeness of the services that parsed, even when other files have errors. */
  standar: StandarReport;
}

interface Parsed<T> {
  value: T;
  source: YamlSource;
}

class Inspection {
  readonly issues: ConfigIssue[] = [];
  private readonly root: string;

  constructor(
    readonly dir: string,
    displayRoot: string,
  ) {
    this.root = displayRoot;
  }

  display(path: string): string {
    return relative(this.root, path).split(sep).join("/") || ".";
  }

  read(path: string): YamlSource | undefined {
    if (!existsSync(path)) {
      this.issues.push({ file: this.display(path), line: 0, path: "", message: "file not found" });
      return undefined;
    }
    const source = new YamlSource(this.display(path), readFileSync(path, "utf8"));
    this.issues.push(...source.syntaxIssues);
    return source.syntaxIssues.length > 0 ? undefined : source;
  }

  validate<T>(source: YamlSource | undefined, schema: z.ZodType<T>, data?: unknown): Parsed<T> | undefined {
    if (!source) return undefined;
    // An empty file reads as null; validating {} instead reports each missing key.
    const input = data ?? source.data ?? {};
    const result = schema.safeParse(input, { error: configErrorMap });
    if (result.success) return { value: result.data, source };
    for (const flat of flattenIssues(result.error.issues))
      this.issues.push(source.issue(flat.path, flat.message));
    return undefined;
  }

  parseFile<T>(name: string, schema: z.ZodType<T>): Parsed<T> | undefined {
    return this.validate(this.read(join(this.dir, name)), schema);
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** `biaya:` with nothing after it means "not stated yet": the completeness check says so, not a type error. */
function dropEmptyComponents(data: unknown): unknown {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...data };
  for (const key of STANDAR_KEYS) if (copy[key] === null) delete copy[key];
  const sop = copy.sop;
  if (
    typeof sop === "object" &&
    sop !== null &&
    !Array.isArray(sop) &&
    (sop as Record<string, unknown>).steps === null
  ) {
    const { steps: _steps, ...rest } = sop as Record<string, unknown>;
    copy.sop = rest;
  }
  return copy;
}

/** Parsed services, and the ids of every service file (a broken file still names its service). */
function readServices(run: Inspection): { services: Parsed<ServiceDraft>[]; fileIds: Set<string> } {
  const folder = join(run.dir, "services");
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    run.issues.push({
      file: run.display(folder),
      line: 0,
      path: "",
      message: "folder not found: one <id>.yaml file per service",
    });
    return { services: [], fileIds: new Set() };
  }
  const files = readdirSync(folder)
    .filter((f) => [".yaml", ".yml"].includes(extname(f)) && !f.startsWith("."))
    .sort();
  if (files.length === 0) {
    run.issues.push({
      file: run.display(folder),
      line: 0,
      path: "",
      message: "no service files (<id>.yaml)",
    });
  }
  const services: Parsed<ServiceDraft>[] = [];
  for (const file of files) {
    const source = run.read(join(folder, file));
    const parsed = run.validate(source, serviceFileSchema, dropEmptyComponents(source?.data));
    if (!parsed) continue;
    const expectedId = basename(file, extname(file));
    if (parsed.value.id !== expectedId) {
      // Others refer to a service by its file name; checking this one further would only add noise.
      run.issues.push(
        parsed.source.issue(
          ["id"],
          `"${parsed.value.id}" does not match the file name; expected "${expectedId}"`,
        ),
      );
      continue;
    }
    rememberServiceSource(parsed.value, parsed.source);
    services.push(parsed);
  }
  return { services, fileIds: new Set(files.map((f) => basename(f, extname(f)))) };
}

/** Reports the second and later holders of a value that must be unique. */
function checkUnique<T>(
  run: Inspection,
  items: readonly T[],
  valueOf: (item: T) => string | number,
  where: (item: T, index: number) => { source: YamlSource; path: PathSegment[] },
): void {
  const first = new Map<string | number, { source: YamlSource; path: PathSegment[] }>();
  items.forEach((item, i) => {
    const value = valueOf(item);
    const here = where(item, i);
    const earlier = first.get(value);
    if (earlier) {
      const at = `${earlier.source.file}:${earlier.source.lineOf(earlier.path)}`;
      run.issues.push(here.source.issue(here.path, `${JSON.stringify(value)} is already used (${at})`));
    } else {
      first.set(value, here);
    }
  });
}

function unknownReference(kind: string, id: string, known: Iterable<string>, hint: string): string {
  const close = suggest(id, known);
  return `unknown ${kind} "${id}"${close ? ` (did you mean "${close}"?)` : `; ${hint}`}`;
}

function crossCheck(
  run: Inspection,
  agencies: Parsed<{ agencies: AgencyConfig[] }> | undefined,
  services: Parsed<ServiceDraft>[],
  serviceIds: ReadonlySet<string>,
  counters: Parsed<{ counters: CounterConfig[] }> | undefined,
  devices: Parsed<DevicesConfig> | undefined,
): void {
  if (agencies) {
    checkUnique(
      run,
      agencies.value.agencies,
      (a) => a.id,
      (_, i) => ({ source: agencies.source, path: ["agencies", i, "id"] }),
    );
  }
  checkUnique(
    run,
    services,
    (s) => s.value.id,
    (s) => ({ source: s.source, path: ["id"] }),
  );
  checkUnique(
    run,
    services,
    (s) => s.value.prefix,
    (s) => ({ source: s.source, path: ["prefix"] }),
  );

  // Reference checks only run against files that parsed; otherwise one broken file
  // would drown its real error in "unknown ..." noise everywhere else.
  const agencyIds = agencies ? new Set(agencies.value.agencies.map((a) => a.id)) : undefined;
  if (agencyIds) {
    for (const s of services) {
      if (!agencyIds.has(s.value.agency)) {
        run.issues.push(
          s.source.issue(
            ["agency"],
            unknownReference("agency", s.value.agency, agencyIds, "agencies are listed in agencies.yaml"),
          ),
        );
      }
    }
  }

  const counterIds = counters ? new Set(counters.value.counters.map((c) => c.id)) : undefined;
  const serviceHint = "each service is a file services/<id>.yaml";

  if (counters) {
    const list = counters.value.counters;
    checkUnique(
      run,
      list,
      (c) => c.id,
      (_, i) => ({ source: counters.source, path: ["counters", i, "id"] }),
    );
    // Two counters with one number would be announced identically.
    checkUnique(
      run,
      list,
      (c) => c.number,
      (_, i) => ({ source: counters.source, path: ["counters", i, "number"] }),
    );
    list.forEach((counter, i) => {
      const seen = new Set<string>();
      counter.services.forEach((id, j) => {
        const path = ["counters", i, "services", j];
        if (seen.has(id)) run.issues.push(counters.source.issue(path, `"${id}" is listed twice`));
        seen.add(id);
        if (!serviceIds.has(id)) {
          run.issues.push(
            counters.source.issue(path, unknownReference("service", id, serviceIds, serviceHint)),
          );
        }
      });
    });
    const served = new Set(list.flatMap((c) => c.services));
    for (const s of services) {
      if (!served.has(s.value.id)) {
        run.issues.push(
          s.source.issue(
            ["id"],
            `no counter serves "${s.value.id}": add it to a counter's services in ${counters.source.file}`,
          ),
        );
      }
    }
  }

  if (devices) {
    const { kiosks, displays } = devices.value;
    // Devices authenticate by id, so kiosks and displays share one id space.
    const all = [
      ...kiosks.map((k, i) => ({ id: k.id, path: ["kiosks", i, "id"] })),
      ...displays.map((d, i) => ({ id: d.id, path: ["displays", i, "id"] })),
    ];
    checkUnique(
      run,
      all,
      (d) => d.id,
      (d) => ({ source: devices.source, path: d.path }),
    );
    // Each id a kiosk shows or a display groups must name a known agency, counter or service
    // (agencies and counters only when their file parsed).
    const checkReferences = (
      ids: readonly string[],
      path: readonly PathSegment[],
      kind: string,
      known: ReadonlySet<string> | undefined,
      hint: string,
    ) => {
      ids.forEach((id, j) => {
        if (known && !known.has(id)) {
          run.issues.push(devices.source.issue([...path, j], unknownReference(kind, id, known, hint)));
        }
      });
    };
    const agencyHint = "agencies are listed in agencies.yaml";
    const counterHint = "counters are listed in counters.yaml";
    kiosks.forEach((kiosk, i) => {
      if (kiosk.shows === "all") return;
      const path = ["kiosks", i, "shows"];
      checkReferences(kiosk.shows.agencies, [...path, "agencies"], "agency", agencyIds, agencyHint);
      checkReferences(kiosk.shows.services, [...path, "services"], "service", serviceIds, serviceHint);
    });
    displays.forEach((display, i) => {
      if (display.group === "all") return;
      const path = ["displays", i, "group"];
      checkReferences(display.group.counters, [...path, "counters"], "counter", counterIds, counterHint);
      checkReferences(display.group.services, [...path, "services"], "service", serviceIds, serviceHint);
    });
  }
}

/**
 * Reads and checks a kiosk-config folder without throwing: every issue (syntax,
 * schema, cross-file, Standar Pelayanan) is collected. `pnpm config:check` uses
 * this to show the completeness table even when something is wrong.
 */
export function inspectConfig(dir: string, options: LoadOptions = {}): ConfigInspection {
  const absolute = resolve(dir);
  const cwd = process.cwd();
  const run = new Inspection(
    absolute,
    options.displayRoot ?? (isInside(cwd, absolute) ? cwd : dirname(absolute)),
  );

  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    run.issues.push({ file: run.display(absolute), line: 0, path: "", message: "config folder not found" });
    return { issues: run.issues, warnings: [], standar: { services: [], complete: false, issues: [] } };
  }

  const parsedOffice = run.parseFile<OfficeConfig>("office.yaml", officeFileSchema);
  let office = parsedOffice;
  const warnings: ConfigIssue[] = [];
  if (parsedOffice) {
    const embedded = embedLogo(absolute, parsedOffice.value, parsedOffice.source, (p) => run.display(p));
    run.issues.push(...embedded.issues);
    office = embedded.issues.length > 0 ? undefined : { ...parsedOffice, value: embedded.office };
    const late =
      options.now === undefined
        ? undefined
        : closedDatesWarning(parsedOffice.value, parsedOffice.source, options.now);
    if (late) warnings.push(late);
    warnings.push(...notifyWarnings(parsedOffice.value, parsedOffice.source));
  }
  const agencies = run.parseFile("agencies.yaml", agenciesFileSchema);
  const { services, fileIds } = readServices(run);
  if (parsedOffice) warnings.push(...bookingWarnings(parsedOffice.value, services.map((s) => s.value), parsedOffice.source));
  if (agencies) {
    // Kiosks list services grouped by agency, in agencies.yaml order; files keep their order within.
    const rank = new Map(agencies.value.agencies.map((a, i) => [a.id, i]));
    services.sort(
      (a, b) => (rank.get(a.value.agency) ?? rank.size) - (rank.get(b.value.agency) ?? rank.size),
    );
  }
  const counters = run.parseFile("counters.yaml", countersFileSchema);
  const devices = run.parseFile("devices.yaml", devicesFileSchema);

  crossCheck(run, agencies, services, fileIds, counters, devices);

  const standar = checkStandarPelayanan({ services: services.map((s) => s.value) });
  run.issues.push(...standar.issues);

  const issues = sortIssues(run.issues);
  if (issues.length > 0 || !office || !agencies || !counters || !devices)
    return { issues, warnings, standar };

  const complete: ServiceConfig[] = [];
  for (const s of services) {
    const service = completeService(s.value);
    // Unreachable when the completeness check passed; kept so the types need no cast.
    if (!service)
      return { issues: [s.source.issue([], "Standar Pelayanan is incomplete")], warnings, standar };
    rememberServiceSource(service, s.source);
    complete.push(service);
  }
  const voice = checkVoicePack(absolute, office.value.announcement.voicePack, counters.value.counters, office.source, (p) => run.display(p));
  warnings.push(...voice.warnings);
  return {
    config: {
      office: office.value,
      agencies: agencies.value.agencies,
      services: complete,
      counters: counters.value.counters,
      devices: devices.value,
      ...(voice.pack ? { voicePack: voice.pack } : {}),
    },
    issues,
    warnings,
    standar,
  };
}

/**
 * Loads a kiosk-config folder (office.yaml, agencies.yaml, services/*.yaml,
 * counters.yaml, devices.yaml). Throws a ConfigError listing every issue as
 * `file:line path: message`; a returned config is valid and every service states
 * all six Standar Pelayanan components.
 */
export function loadConfig(dir: string, options: LoadOptions = {}): LayanConfig {
  return loadConfigWithWarnings(dir, options).config;
}

/** As loadConfig, with the warnings for the caller to log (pass `now`, or there are none to find). */
export function loadConfigWithWarnings(
  dir: string,
  options: LoadOptions = {},
): { config: LayanConfig; warnings: ConfigIssue[] } {
  const { config, issues, warnings } = inspectConfig(dir, options);
  if (!config) throw new ConfigError(issues);
  return { config, warnings };
}
