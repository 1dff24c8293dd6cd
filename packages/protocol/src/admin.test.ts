import { describe, expect, it } from "vitest";
import { adminTabsFor, mayManageUser, mayReadAudit, USER_ROLES, USER_ACTIONS } from "./admin";

describe("the administration role matrix", () => {
  it("gives admins every user action on every role", () => {
    for (const action of USER_ACTIONS) for (const target of USER_ROLES) expect(mayManageUser("admin", action, target)).toBe(true);
  });

  it("lets a supervisor list users, and unlock and reset the PIN of officers only", () => {
    expect(mayManageUser("supervisor", "list")).toBe(true);
    for (const target of USER_ROLES) {
      expect(mayManageUser("supervisor", "unlock", target), target).toBe(target === "officer");
      expect(mayManageUser("supervisor", "pin_reset", target), target).toBe(target === "officer");
      for (const action of ["add", "disable", "enable", "role"] as const) expect(mayManageUser("supervisor", action, target)).toBe(false);
    }
  });

  it("gives managers the audit trail only, officers and devices nothing", () => {
    for (const role of ["manager", "officer", "kiosk", "display"]) {
      for (const action of USER_ACTIONS) expect(mayManageUser(role, action, "officer"), `${role} ${action}`).toBe(false);
    }
    expect(["admin", "manager", "supervisor", "officer", "kiosk"].filter(mayReadAudit)).toEqual(["admin", "manager"]);
    expect(adminTabsFor("manager")).toEqual(["audit", "pemberitahuan", "reservasi"]);
    expect(adminTabsFor("supervisor")).toEqual(["pengguna", "layanan", "reservasi"]);
    expect(adminTabsFor("admin")).toEqual(["pengguna", "audit", "layanan", "konfigurasi", "perangkat", "pemberitahuan", "reservasi"]);
    expect(adminTabsFor("officer")).toEqual([]);
  });
});
