export { openPool, inTransaction, type Pool } from "./db/pool";
export { migrate, loadMigrations } from "./db/migrate";
export { createRegencyServer, type RegencyServer, type RegencyServerOptions } from "./server";
export { addOffice, checkCredential, issueCredential, listOffices, revokeOffice } from "./offices";
export { eventHash, ingest, openStream, position, publishStandards, IngestRefusal } from "./ingest";
export { addViewer, checkViewer, listViewers, revokeViewer } from "./reports/viewers";
export { ensureProjection, rebuildProjection } from "./reports/project";
