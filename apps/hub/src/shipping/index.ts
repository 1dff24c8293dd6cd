import type { Logger } from "pino";
import { RegencyClient } from "./client";
import { hubInstanceId, readRegencyConfig, writeShippingStatus } from "./config";
import { Outbox, type OutboxStore } from "./outbox";

export { Outbox } from "./outbox";
export { backoffDelay, buildBatch, shippedHash } from "./batching";
export { RegencyClient, ShippingError } from "./client";
export { readRegencyConfig, writeRegencyConfig, readShippingStatus, hubInstanceId, REGENCY_CONFIG_FILE, HUB_INSTANCE_FILE } from "./config";

export interface ShippingDeps {
  dataDir: string;
  store: OutboxStore;
  onCommitted(listener: () => void): () => void;
  services: readonly { id: string }[];
  logger: Logger;
  clock: () => number;
}

/**
 * Starts the outbox when the data folder holds regency.json (written by
 * `pnpm hub regency join`); null otherwise. A broken file is logged, not
 * thrown: an office serves its citizens whether or not it can report.
 */
export function startShipping(deps: ShippingDeps): Outbox | null {
  const logger = deps.logger.child({ part: "regency" });
  let config;
  let instance: string;
  try {
    config = readRegencyConfig(deps.dataDir);
    instance = hubInstanceId(deps.dataDir);
  } catch (err) {
    logger.error({ err: (err as Error).message }, "regency.json or hub-instance.json is unreadable; not shipping to the regency");
    return null;
  }
  if (!config) return null;
  const outbox = new Outbox({
    store: deps.store,
    client: new RegencyClient(config),
    hubInstance: instance,
    onCommitted: (listener) => deps.onCommitted(listener),
    standards: () => deps.services.map((s) => ({ serviceId: s.id, standard: { ...s } })),
    logger,
    clock: deps.clock,
    writeStatus: (status) => writeShippingStatus(deps.dataDir, status),
  });
  logger.info({ url: config.url }, "regency: shipping events to the central server");
  outbox.start();
  return outbox;
}
