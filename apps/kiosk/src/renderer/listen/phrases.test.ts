import type { IssuedTicket, ServiceInfo } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { buildPhrases } from "./phrases";

const ktp: ServiceInfo = {
  id: "ktp",
  agencyId: "dukcapil",
  prefix: "A",
  name: "Perekaman KTP-el",
  nameEn: "Electronic ID card",
  description: "",
  icon: "id-card",
  keywords: [],
  hours: { weekly: {}, closedDates: [] },
  persyaratan: [
    { text: "Kartu Keluarga", condition: null, note: null },
    { text: "Surat pindah", condition: "pindahan dari luar daerah", note: null },
  ],
  prosedur: [
    { id: "s1", actor: "Petugas loket", description: "memeriksa berkas", minutes: 5, icon: null, timed: true },
    { id: "s2", actor: "Operator", description: "merekam sidik jari", minutes: 12, icon: null, timed: true },
  ],
  prosedurMinutes: 17,
  jangkaWaktu: { value: 1, unit: "hari", text: null },
  biaya: { amount: 20_000, text: "" },
  produk: "KTP-el",
  pengaduan: [],
  dasarHukum: [],
  targets: { waitMinutes: 30, serviceMinutes: 17 },
  dailyQuota: null,
};

describe("buildPhrases", () => {
  it("reads a service page in the order a listener needs: name, steps, requirements, fee, time, product, how to take", () => {
    expect(buildPhrases({ kind: "service", service: ktp, canTake: true }, "id")).toEqual([
      "Layanan Perekaman KTP-el.",
      "Alur pelayanan, dua langkah.",
      "Langkah satu: Petugas loket, memeriksa berkas, sekitar lima menit.",
      "Langkah dua: Operator, merekam sidik jari, sekitar dua belas menit.",
      "Persyaratan:",
      "Kartu Keluarga.",
      "Surat pindah, jika pindahan dari luar daerah.",
      "Biaya: dua puluh ribu rupiah.",
      "Jangka waktu: satu hari.",
      "Produk layanan: KTP-el.",
      "Untuk mengambil nomor antrean, sentuh tombol Ambil Nomor Antrean di bagian bawah layar.",
    ]);
  });

  it("says 'gratis' for a free service, the regulation's words when there is no amount, and no 'take a number' on an information kiosk", () => {
    const free = buildPhrases({ kind: "service", service: { ...ktp, biaya: { amount: 0, text: "" } }, canTake: false }, "id");
    expect(free).toContain("Biaya: gratis.");
    expect(free.at(-1)).toMatch(/hanya untuk informasi/);
    const byRule = buildPhrases(
      { kind: "service", service: { ...ktp, biaya: { amount: null, text: "sesuai PP 60/2016" } }, canTake: true },
      "id",
    );
    expect(byRule).toContain("Biaya: sesuai PP 60/2016.");
    expect(byRule.join(" ")).not.toMatch(/gratis/);
  });

  it("reads English, with the English service name, when the kiosk is in English", () => {
    const en = buildPhrases({ kind: "service", service: ktp, canTake: true }, "en");
    expect(en[0]).toBe("Service: Electronic ID card.");
    expect(en).toContain("Fee: 20000 rupiah.");
    expect(en).toContain("Surat pindah, if pindahan dari luar daerah.");
  });

  it("reads the agencies, then an agency's services, as choices", () => {
    expect(buildPhrases({ kind: "agencies", agencies: [{ name: "Disdukcapil" }, { name: "DPMPTSP" }] }, "id")).toEqual([
      "Silakan pilih instansi yang Anda tuju.",
      "Disdukcapil.",
      "DPMPTSP.",
    ]);
    expect(buildPhrases({ kind: "services", agency: { name: "Disdukcapil" }, services: [ktp] }, "id")).toEqual([
      "Disdukcapil. Silakan pilih layanan.",
      "Perekaman KTP-el.",
    ]);
  });

  it("reads the ticket number as the counter calls it, then where to wait", () => {
    const issued = {
      ticket: { id: "t", number: "A-012", serviceId: "ktp", priority: null, issuedAt: 0, serviceDay: "2026-12-01" },
      peopleAhead: 3,
      estimate: { p50Minutes: null, p90Minutes: null },
      statusUrl: "",
    } as unknown as IssuedTicket;
    expect(buildPhrases({ kind: "done", issued, service: ktp }, "id")).toEqual([
      "Nomor antrean Anda: A, dua belas.",
      "Untuk layanan Perekaman KTP-el.",
      "tiga orang di depan Anda.",
      "Ambil tiket Anda, lalu silakan menunggu di ruang tunggu sampai nomor Anda dipanggil.",
    ]);
  });

  it("reads other pages as heading, what to do, then the choices", () => {
    expect(
      buildPhrases({ kind: "page", heading: "Survei Kepuasan", instruction: "Pilih jawaban Anda.", choices: ["Puas", "Tidak puas"] }, "id"),
    ).toEqual(["Survei Kepuasan", "Pilih jawaban Anda.", "Pilihan:", "Puas.", "Tidak puas."]);
  });
});
