export { reportRoutes, REPORT_ROLES } from "./routes";
export { liveView, type LiveView, type LiveWaitingTicket } from "./live";
export type { ComplianceReport, ComplianceService } from "./compliance";
