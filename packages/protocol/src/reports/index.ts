export * from "./results";
export * from "./labels";
export * from "./endpoints";
export * from "./feedback-results";
