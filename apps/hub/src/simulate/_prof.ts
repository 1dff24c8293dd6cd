import { rmSync } from "node:fs";
import { loadConfig, toOfficeRules } from "@layan/config";
import { openStore } from "@layan/store";
import { simulateOffice } from "./simulate";
const config = loadConfig("/work/main/kiosk-config");
const rules = toOfficeRules(config);
for (const mode of process.argv.slice(2)) {
  for (const s of ["", "-wal", "-shm"]) rmSync("/tmp/p.db" + s, { force: true });
  const store = openStore("/tmp/p.db");
  store.db.pragma("synchronous = OFF");
  store.db.pragma("cache_size = -262144");
  if (mode !== "wal") store.db.pragma(`journal_mode = ${mode}`);
  const t0 = performance.now();
  const r = simulateOffice({ rules, store, startDay: "2026-10-01", days: 15, ticketsPerDay: 1500, seed: 1, batchEvents: 50000 });
  console.log(mode, r.tickets, r.events, (performance.now() - t0).toFixed(0), "ms", store.db.pragma("journal_mode", {simple:true}));
  store.close();
}
