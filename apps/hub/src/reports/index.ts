export { reportRoutes } from "./routes";
export { liveView } from "./live";
