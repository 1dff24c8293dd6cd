import { formatPath, type ConfigIssue, type PathSegment } from "./issues";
import type { ServiceConfig, ServiceDraft, SopStep } from "./types";
import type { YamlSource } from "./yaml-source";

/**
 * The six service-delivery components of a Standar Pelayanan (UU 25/2009 art. 21,
 * PermenPANRB 15/2014) that must be published to citizens. Ombudsman assessors
 * check exactly these on the wall (or the kiosk); a missing one costs the office.
 */
export const STANDAR_COMPONENTS = [
  "persyaratan",
  "prosedur",
  "jangkaWaktu",
  "biaya",
  "produk",
  "pengaduan",
] as const;

export type StandarComponent = (typeof STANDAR_COMPONENTS)[number];

export const STANDAR_LABELS: Record<StandarComponent, string> = {
  persyaratan: "Persyaratan",
  prosedur: "Sistem, Mekanisme dan Prosedur",
  jangkaWaktu: "Jangka Waktu Penyelesaian",
  biaya: "Biaya/Tarif",
  produk: "Produk Pelayanan",
  pengaduan: "Penanganan Pengaduan, Saran dan Masukan",
};

export interface ServiceStandar {
  serviceId: string;
  prefix: string;
  name: string;
  components: Record<StandarComponent, boolean>;
  /** Dasar hukum is an internal component: reported, not required. */
  dasarHukum: boolean;
  missing: StandarComponent[];
  complete: boolean;
}

export interface StandarReport {
  services: ServiceStandar[];
  complete: boolean;
  /** One error per missing component, with the service file's line. */
  issues: ConfigIssue[];
}

// Where each parsed service came from, so that the check can name file:line
// without putting positions into the config objects the hub passes around.
const serviceSources = new WeakMap<object, YamlSource>();

export function rememberServiceSource(service: object, source: YamlSource): void {
  serviceSources.set(service, source);
}

function issueFor(service: ServiceDraft, path: PathSegment[], message: string): ConfigIssue {
  const source = serviceSources.get(service);
  if (source) return source.issue(path, message);
  return { file: `services/${service.id}.yaml`, line: 0, path: formatPath(path), message };
}

const MISSING_MESSAGES: Record<Exclude<StandarComponent, "prosedur">, string> = {
  persyaratan: "Persyaratan is not stated: list the documents and conditions the citizen must bring",
  jangkaWaktu:
    'Jangka Waktu Penyelesaian is not stated: give value and unit, like { value: 1, unit: "hari kerja" }',
  biaya: 'Biaya/Tarif is not stated: write { amount: 0, text: "Tidak dipungut biaya" } when it is free',
  produk: "Produk Pelayanan is not stated: name what the citizen receives",
  pengaduan:
    "Penanganan Pengaduan is not stated: list at least one channel, like SP4N-LAPOR! (lapor.go.id, SMS 1708)",
};

function hasMinutes(step: ServiceDraft["sop"]["steps"][number]): step is SopStep {
  return step.minutes !== undefined;
}

export function checkService(service: ServiceDraft): { standar: ServiceStandar; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const steps = service.sop.steps;
  const components: Record<StandarComponent, boolean> = {
    persyaratan: (service.persyaratan?.length ?? 0) > 0,
    prosedur: steps.length > 0 && steps.every(hasMinutes),
    jangkaWaktu: service.jangkaWaktu !== undefined,
    // "Tidak dipungut biaya" is a statement too: amount 0 counts, absence does not.
    biaya: service.biaya !== undefined,
    produk: service.produk !== undefined,
    pengaduan: (service.pengaduan?.length ?? 0) > 0,
  };
  for (const key of STANDAR_COMPONENTS) {
    if (components[key]) continue;
    if (key === "prosedur") {
      if (steps.length === 0) {
        issues.push(
          issueFor(
            service,
            ["sop", "steps"],
            "Prosedur is not stated: list the SOP steps, each with actor, description and minutes",
          ),
        );
      }
      steps.forEach((step, i) => {
        if (!hasMinutes(step)) {
          issues.push(
            issueFor(
              service,
              ["sop", "steps", i, "minutes"],
              `Prosedur step "${step.id}" has no minutes: every published step states its time`,
            ),
          );
        }
      });
    } else {
      issues.push(issueFor(service, [key], MISSING_MESSAGES[key]));
    }
  }
  const missing = STANDAR_COMPONENTS.filter((key) => !components[key]);
  return {
    standar: {
      serviceId: service.id,
      prefix: service.prefix,
      name: service.name.id,
      components,
      dasarHukum: service.dasarHukum.length > 0,
      missing,
      complete: missing.length === 0,
    },
    issues,
  };
}

/**
 * Which of the six published components each service states. A service missing
 * any of them is an error: loadConfig refuses it, `pnpm config:check` shows ✗.
 */
export function checkStandarPelayanan(config: { services: readonly ServiceDraft[] }): StandarReport {
  const services: ServiceStandar[] = [];
  const issues: ConfigIssue[] = [];
  for (const service of config.services) {
    const result = checkService(service);
    services.push(result.standar);
    issues.push(...result.issues);
  }
  return { services, complete: issues.length === 0, issues };
}

/** The draft as a complete service, or undefined while a component is missing. */
export function completeService(service: ServiceDraft): ServiceConfig | undefined {
  const { persyaratan, jangkaWaktu, biaya, produk, pengaduan } = service;
  const steps = service.sop.steps;
  if (!persyaratan?.length || !jangkaWaktu || !biaya || produk === undefined || !pengaduan?.length)
    return undefined;
  if (steps.length === 0 || !steps.every(hasMinutes)) return undefined;
  return { ...service, sop: { ...service.sop, steps }, persyaratan, jangkaWaktu, biaya, produk, pengaduan };
}
