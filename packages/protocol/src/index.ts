export * from "./ack";
export * from "./errors";
export * from "./schemas";
export * from "./views";
export * from "./namespaces";
export * from "./commands";
export * from "./reports";
export * from "./feedback";
