import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { inspectConfig, loadConfig } from "./load";
import { type ConfigCopy, freshCopyEachTest } from "./test-support";

let copy: ConfigCopy;
freshCopyEachTest((c) => (copy = c));

const PUBLIC = "# publicBaseUrl: https://antrean.pesawarankab.go.id";
const withNotify = (yaml: string, publicBaseUrl: string | null) => {
  const office = copy.read("office.yaml");
  copy.write("office.yaml", `${publicBaseUrl ? office.replace(PUBLIC, `publicBaseUrl: ${publicBaseUrl}`) : office}\nnotify:\n${yaml}`);
};
const warnings = () => {
  const { issues, warnings } = inspectConfig(copy.dir);
  expect(issues.map(formatIssue)).toEqual([]);
  return warnings.map(formatIssue);
};

describe("office.yaml notify", () => {
  it("is off unless the office turns it on: push goes through a third party", () => {
    expect(loadConfig(copy.dir).office.notify).toEqual({ webPush: { enabled: false }, aheadChoices: [3, 5, 10] });
  });

  it("takes the choices sorted and once each, and a webhook with defaults", () => {
    withNotify("  aheadChoices: [10, 3, 3]\n  webhook:\n    url: https://sms.kantor.local/layan\n    secretEnv: LAYAN_WEBHOOK_SECRET\n", null);
    expect(loadConfig(copy.dir).office.notify).toEqual({
      webPush: { enabled: false },
      aheadChoices: [3, 10],
      webhook: { url: "https://sms.kantor.local/layan", secretEnv: "LAYAN_WEBHOOK_SECRET", events: ["ahead", "called"], aheadAt: 3, fields: ["number", "service", "counter", "peopleAhead"] },
    });
  });

  it("wants the webhook's secret by variable name or file, never written in the YAML", () => {
    withNotify("  webhook:\n    url: https://sms.kantor.local/layan\n    secret: rahasia\n", null);
    const issues = inspectConfig(copy.dir).issues.map(formatIssue).join("\n");
    expect(issues).toContain("notify.webhook");
    copy.write("office.yaml", copy.read("office.yaml").replace("    secret: rahasia\n", ""));
    expect(inspectConfig(copy.dir).issues.map(formatIssue).join("\n")).toContain("secretEnv (a variable name) or secretFile (a path)");
  });

  it("warns at config:check when Web Push is on where a browser cannot subscribe", () => {
    withNotify("  webPush:\n    enabled: true\n", null);
    expect(warnings()).toEqual([expect.stringContaining("Web Push is on but publicBaseUrl is not set")]);
    copy.write("office.yaml", copy.read("office.yaml").replace(PUBLIC, "publicBaseUrl: http://192.168.1.10:8080"));
    expect(warnings()).toEqual([expect.stringContaining("Web Push needs publicBaseUrl over https")]);
    copy.write("office.yaml", copy.read("office.yaml").replace("publicBaseUrl: http://192.168.1.10:8080", "publicBaseUrl: https://antrean.pesawarankab.go.id"));
    expect(warnings()).toEqual([]);
  });
});
