export {
  loadConfig,
  loadConfigWithWarnings,
  inspectConfig,
  type LoadOptions,
  type ConfigInspection,
} from "./load";
export { toOfficeRules } from "./rules";
export {
  checkStandarPelayanan,
  STANDAR_COMPONENTS,
  STANDAR_LABELS,
  type StandarComponent,
  type ServiceStandar,
  type StandarReport,
} from "./standar";
export { ConfigError, formatIssue, type ConfigIssue } from "./issues";
export { formatStandarTable, runConfigCheck } from "./report";
export {
  officeFileSchema,
  agenciesFileSchema,
  serviceFileSchema,
  countersFileSchema,
  devicesFileSchema,
} from "./schema";
export type * from "./types";
export { audioFormatOf, checkVoicePack, counterClipId, voiceClipIds, VOICE_CLIP_IDS, VOICE_EXTENSIONS, VOICE_FOLDER } from "./voice-pack";
export { diffConfig, type ConfigChange } from "./diff";
export {
  BACKUPS_KEPT,
  commitConfigWrite,
  planConfigWrite,
  writeConfig,
  writeFileAtomic,
  type CommitOptions,
  type ConfigEdit,
  type WritePlan,
} from "./write-back";
export { notifySchema, notifyWarnings, NOTIFY_MOMENTS, WEBHOOK_FIELDS, type NotifyConfig, type NotifyMoment, type WebhookConfig, type WebhookField } from "./schema-notify";
export { officeBookingSchema, serviceBookingSchema } from "./schema-booking";
