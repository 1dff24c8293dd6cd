/**
 * The demo regency's offices: OPDs of an imagined Kabupaten Pesawaran, each
 * with the sample kiosk-config's services under its own name, its own
 * demand and its own performance (the simulator's knobs: how slow its desks
 * are, how often an officer is away). The order matters: the first two
 * differ most, so even `--offices 2` shows a league with a top and a bottom.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface DemoOffice {
  id: string;
  name: string;
  shortName: string;
  /** The OPD: the league table's second dimension (two offices share Disdukcapil). */
  agency: string;
  ticketsPerDay: number;
  seed: number;
  serviceTimeFactor: number;
  absence: number;
}

export const DEMO_OFFICES: readonly DemoOffice[] = [
  { id: "disdukcapil", name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pesawaran", shortName: "Disdukcapil Pesawaran", agency: "Disdukcapil", ticketsPerDay: 240, seed: 1401, serviceTimeFactor: 0.85, absence: 0.03 },
  { id: "rsud-pendaftaran", name: "RSUD Pesawaran, Loket Pendaftaran", shortName: "RSUD Pesawaran", agency: "RSUD", ticketsPerDay: 380, seed: 1402, serviceTimeFactor: 1.6, absence: 0.2 },
  { id: "dpmptsp", name: "DPMPTSP Kabupaten Pesawaran", shortName: "DPMPTSP Pesawaran", agency: "DPMPTSP", ticketsPerDay: 300, seed: 1403, serviceTimeFactor: 1, absence: 0.06 },
  { id: "dinsos", name: "Dinas Sosial Kabupaten Pesawaran", shortName: "Dinsos Pesawaran", agency: "Dinas Sosial", ticketsPerDay: 280, seed: 1404, serviceTimeFactor: 1.3, absence: 0.12 },
  { id: "samsat-gedong-tataan", name: "Samsat Gedong Tataan", shortName: "Samsat Gedong Tataan", agency: "Samsat", ticketsPerDay: 340, seed: 1405, serviceTimeFactor: 1.1, absence: 0.08 },
  { id: "upt-disdukcapil-kedondong", name: "UPT Disdukcapil Kecamatan Kedondong", shortName: "UPT Dukcapil Kedondong", agency: "Disdukcapil", ticketsPerDay: 200, seed: 1406, serviceTimeFactor: 1.4, absence: 0.15 },
  { id: "dinkes", name: "Dinas Kesehatan Kabupaten Pesawaran", shortName: "Dinkes Pesawaran", agency: "Dinas Kesehatan", ticketsPerDay: 180, seed: 1407, serviceTimeFactor: 1.2, absence: 0.1 },
  { id: "bapenda", name: "Bapenda Kabupaten Pesawaran, Layanan PBB", shortName: "Bapenda Pesawaran", agency: "Bapenda", ticketsPerDay: 220, seed: 1408, serviceTimeFactor: 0.95, absence: 0.05 },
];

export const MAX_DEMO_OFFICES = DEMO_OFFICES.length;

/** YAML double-quoted, so a name with a colon or a comma stays one string. */
const quoted = (text: string) => JSON.stringify(text);

/**
 * The office's kiosk-config: a copy of the sample one with the office's name
 * (the kiosk, the ticket and the dashboard say it). Made once: an edit the
 * user makes to the copy survives the next run.
 */
export function officeConfig(sampleDir: string, dir: string, office: DemoOffice): string {
  if (existsSync(dir)) return dir;
  // Made aside and renamed: a copy interrupted half-way is never taken for a finished one.
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(sampleDir, partial, { recursive: true });
  const file = join(partial, "office.yaml");
  const text = readFileSync(file, "utf8")
    .replace(/^name: .*$/m, `name: ${quoted(office.name)}`)
    .replace(/^shortName: .*$/m, `shortName: ${quoted(office.shortName)}`);
  writeFileSync(file, text);
  renameSync(partial, dir);
  return dir;
}
