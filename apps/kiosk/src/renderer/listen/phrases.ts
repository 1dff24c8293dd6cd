import type { AgencyInfo, IssuedTicket, ServiceInfo } from "@layan/protocol";
import { numberToWords } from "@layan/core/number-words";
import type { Lang } from "../i18n";

/**
 * What "Dengarkan" reads: built from the same data the screen shows, in the
 * order a listener needs it (what this is, what to do, the choices), so a
 * citizen who cannot read the screen can still decide and take a number.
 * Pure: Node tests check the order, and the kiosk exposes the list for support.
 */
export type ListenScreen =
  | { kind: "agencies"; agencies: Pick<AgencyInfo, "name">[] }
  | { kind: "services"; agency: Pick<AgencyInfo, "name">; services: Pick<ServiceInfo, "name" | "nameEn">[] }
  | { kind: "service"; service: ServiceInfo; canTake: boolean }
  | { kind: "done"; issued: IssuedTicket; service: Pick<ServiceInfo, "name" | "nameEn"> | undefined }
  | { kind: "page"; heading: string; instruction: string | null; choices: string[] };

interface Words {
  chooseAgency: string;
  chooseService: (agency: string) => string;
  service: (name: string) => string;
  steps: (count: number) => string;
  step: (n: number, actor: string, what: string, minutes: number) => string;
  requirements: string;
  noRequirements: string;
  when: (condition: string) => string;
  fee: (amount: number | null, text: string) => string;
  duration: (value: number, unit: string) => string;
  product: (produk: string) => string;
  howToTake: string;
  infoOnly: string;
  yourNumber: (number: string) => string;
  forService: (name: string) => string;
  peopleAhead: (n: number) => string;
  waitForCall: string;
  choices: string;
}

/** "A-012" as heard at the counter: the letter, then the number in words ("A, dua belas"). */
function spokenTicket(number: string, lang: Lang): string {
  const match = /^([A-Z]+)-?0*(\d+)$/.exec(number);
  if (!match?.[1] || match[2] === undefined) return number;
  const n = Number(match[2]);
  return `${match[1]}, ${lang === "id" ? numberToWords(n) : String(n)}`;
}

const ID: Words = {
  chooseAgency: "Silakan pilih instansi yang Anda tuju.",
  chooseService: (agency) => `${agency}. Silakan pilih layanan.`,
  service: (name) => `Layanan ${name}.`,
  steps: (count) => `Alur pelayanan, ${numberToWords(count)} langkah.`,
  step: (n, actor, what, minutes) =>
    `Langkah ${numberToWords(n)}: ${actor}, ${what}, sekitar ${numberToWords(minutes)} menit.`,
  requirements: "Persyaratan:",
  noRequirements: "Tidak ada persyaratan.",
  when: (condition) => `jika ${condition}`,
  fee: (amount, text) =>
    amount === null
      ? `Biaya: ${text}.`
      : amount === 0
        ? "Biaya: gratis."
        : `Biaya: ${numberToWords(amount)} rupiah.`,
  duration: (value, unit) => `Jangka waktu: ${numberToWords(value)} ${unit}.`,
  product: (produk) => `Produk layanan: ${produk}.`,
  howToTake: "Untuk mengambil nomor antrean, sentuh tombol Ambil Nomor Antrean di bagian bawah layar.",
  infoOnly: "Kios ini hanya untuk informasi. Nomor antrean diambil di kios lain.",
  yourNumber: (number) => `Nomor antrean Anda: ${spokenTicket(number, "id")}.`,
  forService: (name) => `Untuk layanan ${name}.`,
  peopleAhead: (n) => (n === 0 ? "Tidak ada antrean di depan Anda." : `${numberToWords(n)} orang di depan Anda.`),
  waitForCall: "Ambil tiket Anda, lalu silakan menunggu di ruang tunggu sampai nomor Anda dipanggil.",
  choices: "Pilihan:",
};

const EN: Words = {
  chooseAgency: "Please choose the agency you need.",
  chooseService: (agency) => `${agency}. Please choose a service.`,
  service: (name) => `Service: ${name}.`,
  steps: (count) => `How it works, ${count} ${count === 1 ? "step" : "steps"}.`,
  step: (n, actor, what, minutes) => `Step ${n}: ${actor}, ${what}, about ${minutes} minutes.`,
  requirements: "Requirements:",
  noRequirements: "No requirements.",
  when: (condition) => `if ${condition}`,
  fee: (amount, text) =>
    amount === null ? `Fee: ${text}.` : amount === 0 ? "Fee: free." : `Fee: ${amount} rupiah.`,
  duration: (value, unit) => `Completion time: ${value} ${unit}.`,
  product: (produk) => `You receive: ${produk}.`,
  howToTake: "To take a queue number, touch the Take a number button at the bottom of the screen.",
  infoOnly: "This kiosk is for information only. Queue numbers are taken at another kiosk.",
  yourNumber: (number) => `Your queue number: ${spokenTicket(number, "en")}.`,
  forService: (name) => `For ${name}.`,
  peopleAhead: (n) => (n === 0 ? "Nobody is ahead of you." : `${n} ${n === 1 ? "person" : "people"} ahead of you.`),
  waitForCall: "Take your ticket, then please wait in the waiting room until your number is called.",
  choices: "Choices:",
};

export const LISTEN_WORDS: Record<Lang, Words> = { id: ID, en: EN };

function nameIn(service: Pick<ServiceInfo, "name" | "nameEn">, lang: Lang): string {
  return lang === "en" && service.nameEn ? service.nameEn : service.name;
}

export function buildPhrases(screen: ListenScreen, lang: Lang): string[] {
  const w = LISTEN_WORDS[lang];
  switch (screen.kind) {
    case "agencies":
      return [w.chooseAgency, ...screen.agencies.map((a) => `${a.name}.`)];
    case "services":
      return [w.chooseService(screen.agency.name), ...screen.services.map((s) => `${nameIn(s, lang)}.`)];
    case "service": {
      const s = screen.service;
      return [
        w.service(nameIn(s, lang)),
        ...(s.prosedur.length > 0 ? [w.steps(s.prosedur.length)] : []),
        ...s.prosedur.map((step, i) => w.step(i + 1, step.actor, step.description, step.minutes)),
        ...(s.persyaratan.length === 0
          ? [w.noRequirements]
          : [
              w.requirements,
              ...s.persyaratan.map((r) => `${r.text}${r.condition ? `, ${w.when(r.condition)}` : ""}.`),
            ]),
        w.fee(s.biaya.amount, s.biaya.text),
        w.duration(s.jangkaWaktu.value, s.jangkaWaktu.unit),
        w.product(s.produk),
        screen.canTake ? w.howToTake : w.infoOnly,
      ];
    }
    case "done":
      return [
        w.yourNumber(screen.issued.ticket.number),
        ...(screen.service ? [w.forService(nameIn(screen.service, lang))] : []),
        w.peopleAhead(screen.issued.peopleAhead),
        w.waitForCall,
      ];
    case "page":
      return [
        screen.heading,
        ...(screen.instruction ? [screen.instruction] : []),
        ...(screen.choices.length > 0 ? [w.choices, ...screen.choices.map((c) => `${c}.`)] : []),
      ];
  }
}
