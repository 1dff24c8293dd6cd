import { describe, expect, it } from "vitest";
import { setupFromConfig } from "./config-setup";
import { sampleOffice } from "./testing/harness";

const service = (id: string) => {
  const found = setupFromConfig(sampleOffice()).catalog.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id} in the sample office`);
  return found;
};

describe("the catalog's fee (biaya)", () => {
  it("is free only when the config says the amount is zero", () => {
    expect(service("ktp-el").biaya).toEqual({ amount: 0, text: "Tidak dipungut biaya" });
  });

  it("keeps a fee stated only in words as words, never as an amount of zero", () => {
    const stnk = service("stnk-tahunan").biaya;
    expect(stnk.amount).toBeNull();
    expect(stnk.text).toContain("PKB");
  });
});
