import { formatIssue } from "./issues";
import { inspectConfig, type LoadOptions } from "./load";
import { STANDAR_COMPONENTS, type StandarComponent, type StandarReport } from "./standar";

const SHORT_LABELS: Record<StandarComponent, string> = {
  persyaratan: "Persyaratan",
  prosedur: "Prosedur",
  jangkaWaktu: "Jangka Waktu",
  biaya: "Biaya",
  produk: "Produk",
  pengaduan: "Pengaduan",
};

const mark = (ok: boolean): string => (ok ? "✓" : "✗");

/** One row per service: the six published components, then dasar hukum (internal, not required). */
export function formatStandarTable(report: StandarReport): string {
  const headers = ["Layanan", ...STANDAR_COMPONENTS.map((c) => SHORT_LABELS[c]), "Dasar Hukum"];
  const rows = report.services.map((s) => [
    `${s.prefix.padEnd(2)} ${s.serviceId}`,
    ...STANDAR_COMPONENTS.map((c) => mark(s.components[c])),
    mark(s.dasarHukum),
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) =>
        i === 0
          ? cell.padEnd(widths[i] ?? 0)
          : cell.padStart(Math.ceil(((widths[i] ?? 0) + cell.length) / 2)).padEnd(widths[i] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export interface CheckOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * The time config:check judges date-dependent advice by: the machine's, unless
 * LAYAN_TEST_NOW pins it as it pins the hub's (an ISO instant with its offset),
 * so that a test of the CLI does not depend on the day it runs.
 */
export function checkTime(env: NodeJS.ProcessEnv, machine: () => number = Date.now): number {
  const raw = env.LAYAN_TEST_NOW;
  if (raw === undefined || raw === "") return machine();
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)
    ? Date.parse(raw)
    : NaN;
  if (!Number.isFinite(at)) {
    throw new Error(
      `LAYAN_TEST_NOW must be an ISO 8601 instant with its offset, e.g. 2026-11-28T10:00:00+07:00; got "${raw}"`,
    );
  }
  return at;
}

const USAGE = "usage: pnpm config:check [dir]   (default: kiosk-config)";

/**
 * `pnpm config:check [dir]`: validates the folder, prints the Standar Pelayanan
 * table and any warnings, and returns the exit code — 0 when valid and complete
 * (warnings or not), 1 otherwise. `options.now` defaults to the machine's time.
 */
export function runConfigCheck(args: readonly string[], out: CheckOutput, options: LoadOptions = {}): number {
  if (args.includes("--help") || args.includes("-h")) {
    out.stdout(USAGE);
    return 0;
  }
  const positional = args.filter((a) => !a.startsWith("-"));
  if (positional.length > 1 || positional.length < args.length) {
    out.stderr(USAGE);
    return 1;
  }
  const dir = positional[0] ?? "kiosk-config";
  const { config, issues, warnings, standar } = inspectConfig(dir, {
    ...options,
    now: options.now ?? Date.now(),
  });
  const warningLines = warnings.map((w) => `⚠ ${formatIssue(w)}`);
  const warningCount =
    warnings.length === 0 ? "" : ` — ${warnings.length} warning${warnings.length === 1 ? "" : "s"}`;

  if (standar.services.length > 0) {
    out.stdout(`Standar Pelayanan — ${config?.office.name ?? dir}\n\n${formatStandarTable(standar)}\n`);
  }
  if (!config) {
    for (const issue of issues) out.stderr(formatIssue(issue));
    for (const line of warningLines) out.stderr(line);
    out.stderr(`\n✗ ${dir}: ${issues.length} error${issues.length === 1 ? "" : "s"}${warningCount}`);
    return 1;
  }
  for (const line of warningLines) out.stderr(line);
  const kiosks = config.devices.kiosks.length;
  const displays = config.devices.displays.length;
  out.stdout(
    `✓ ${dir}: ${config.services.length} layanan, ${config.agencies.length} instansi, ${config.counters.length} loket, ` +
      `${kiosks} kiosk, ${displays} display — Standar Pelayanan lengkap${warningCount}`,
  );
  return 0;
}
