import { afterEach, describe, expect, it } from "vitest";
import type { ComplaintReceipt } from "@layan/protocol";
import { rid, startHub, type TestHubHandle } from "../../testing/harness";
import { escapeHtml, indonesianDate, officeDate } from "./common";

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function file(url: string): Promise<ComplaintReceipt> {
  const res = await fetch(`${url}/api/public/complaints`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requestId: rid(), category: "waktu", serviceId: "ktp-el", text: "Antrean <b>lama</b> sekali tadi pagi." }),
  });
  const body = (await res.json()) as { ok: boolean; data: ComplaintReceipt };
  expect(body.ok).toBe(true);
  return body.data;
}

describe("the pengaduan pages", () => {
  it("offers the office's categories, its services and the contact notice on the form", async () => {
    h = await startHub();
    const res = await fetch(`${h.url}/pengaduan`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("connect-src 'self'");
    const html = await res.text();
    const { office, services } = h.hub.context.setup.catalog;
    for (const c of office.complaints.categories) expect(html).toContain(`<option value="${c.id}">${escapeHtml(c.label.id)}</option>`);
    for (const s of services) expect(html).toContain(`value="${s.id}"`);
    expect(html).toContain(escapeHtml(office.privacy.complaintContact.id));
    for (const e of office.complaints.elsewhere) expect(html).toContain(escapeHtml(e.name));
  });

  it("shows a complaint's status by its code, escaped, and a plain 404 for an unknown one", async () => {
    h = await startHub();
    const receipt = await file(h.url);
    const res = await fetch(`${h.url}/pengaduan/${receipt.code.toLowerCase()}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(receipt.code);
    expect(html).toContain("Diterima");
    expect(html).toContain("Antrean &lt;b&gt;lama&lt;/b&gt; sekali");
    expect(html).toContain(officeDate(receipt.dueAt, "Asia/Jakarta"));
    expect(html).toContain("SP4N-LAPOR!");

    const lookup = await fetch(`${h.url}/pengaduan?kode=${encodeURIComponent(` ${receipt.code.toLowerCase()} `)}`, { redirect: "manual" });
    expect(lookup.status).toBe(303);
    expect(lookup.headers.get("location")).toBe(`/pengaduan/${receipt.code}`);

    for (const path of ["/pengaduan/PGD-00000000", "/pengaduan/%3Cscript%3E", "/pengaduan?kode=PGD-00000000"]) {
      const missing = await fetch(`${h.url}${path}`);
      expect(missing.status).toBe(404);
      const text = await missing.text();
      expect(text).toContain("tidak ditemukan");
      expect(text).not.toContain("&lt;script");
    }
  });

  it("writes dates the Indonesian way", () => {
    expect(indonesianDate("2026-01-02")).toBe("2 Januari 2026");
    expect(officeDate(Date.parse("2026-11-30T17:30:00Z"), "Asia/Jakarta")).toBe("1 Desember 2026");
  });
});
