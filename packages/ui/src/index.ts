export * from "./hub-client";
