export * from "./results";
export * from "./labels";
export * from "./endpoints";
export * from "./feedback-results";
export * from "./assessment-results";
export * from "./booking-results";
