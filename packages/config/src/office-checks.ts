import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { serviceDayOf } from "@layan/core";
import type { ConfigIssue } from "./issues";
import type { OfficeConfig } from "./types";
import type { YamlSource } from "./yaml-source";

/*
 * The office.yaml checks that need more than the file itself: the logo on disk,
 * and today's date for the holiday list.
 */

/** Embedded in every report page and sent to every dashboard, so it has to stay small. */
export const MAX_LOGO_BYTES = 256 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A file's bytes match what its name says: a renamed JPEG would print as a broken image. */
function logoMediaType(path: string, bytes: Buffer): { type?: string; problem?: string } {
  if (/\.png$/i.test(path)) {
    return bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)
      ? { type: "image/png" }
      : { problem: "is not a PNG image; export the logo as PNG or SVG again" };
  }
  return /<svg[\s>]/.test(bytes.toString("utf8"))
    ? { type: "image/svg+xml" }
    : { problem: "is not an SVG image (no <svg> element); export the logo as PNG or SVG again" };
}

/**
 * The office with `report.logo` read from the config folder and turned into a
 * data: URL, so that the hub and the dashboards never read files by a name an
 * admin wrote; or the issues that stop it.
 */
export function embedLogo(
  dir: string,
  office: OfficeConfig,
  source: YamlSource,
  display: (path: string) => string,
): { office: OfficeConfig; issues: ConfigIssue[] } {
  const logo = office.report.logo;
  if (logo === undefined) return { office, issues: [] };
  const refuse = (message: string) => ({ office, issues: [source.issue(["report", "logo"], message)] });

  const path = resolve(dir, logo);
  const rel = relative(dir, path);
  // Inside the folder only: the folder is copied whole to /etc/layan, and a path out of it would break there.
  if (isAbsolute(logo) || rel.startsWith("..") || isAbsolute(rel)) {
    return refuse('expected a path inside the kiosk-config folder, like "assets/logo.svg"');
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    return refuse(`file not found: put the logo at ${display(path)}`);
  }
  const size = statSync(path).size;
  if (size > MAX_LOGO_BYTES) {
    return refuse(
      `${display(path)} is ${Math.ceil(size / 1024)} KB; keep the logo at most ${MAX_LOGO_BYTES / 1024} KB (it is embedded in every report)`,
    );
  }
  const bytes = readFileSync(path);
  const { type, problem } = logoMediaType(path, bytes);
  if (!type) return refuse(`${display(path)} ${problem ?? "is not an image"}`);
  const dataUrl = `data:${type};base64,${bytes.toString("base64")}`;
  return { office: { ...office, report: { ...office.report, logo: dataUrl } }, issues: [] };
}

/** How far ahead the holiday list must reach: a complaint's deadline and next month's working days. */
export const HOLIDAY_HORIZON_DAYS = 60;

/** "YYYY-MM-DD" of the office's day at `now` (core's, which reads Indonesia's zones without loading ICU). */
export function officeDate(now: number, timeZone: string): string {
  return serviceDayOf(now, timeZone);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * Warns when the office's closedDates run out within the horizon: past the last
 * listed holiday every day counts as a working day, so complaint deadlines and
 * report working days would silently come out wrong.
 */
export function closedDatesWarning(
  office: OfficeConfig,
  source: YamlSource,
  now: number,
): ConfigIssue | undefined {
  const horizon = addDays(officeDate(now, office.timezone), HOLIDAY_HORIZON_DAYS);
  const last = office.closedDates
    .map((d) => d.date)
    .reduce<string | undefined>(
      (latest, date) => (latest === undefined || date > latest ? date : latest),
      undefined,
    );
  if (last !== undefined && last >= horizon) return undefined;
  const horizonYear = Number(horizon.slice(0, 4));
  // A list that ends in December is a whole year: the year after it is the one missing.
  const year =
    last === undefined
      ? horizonYear
      : Math.max(horizonYear, Number(last.slice(0, 4)) + (last.slice(5, 7) === "12" ? 1 : 0));
  const advice = `add the ${year} national holidays and cuti bersama (SKB 3 Menteri) so working days and complaint deadlines are right`;
  return source.issue(
    ["closedDates"],
    last === undefined ? `no holiday listed; ${advice}` : `no holiday listed after ${last}; ${advice}`,
  );
}
