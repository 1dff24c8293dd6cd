export * from "./survey";
export * from "./complaints";
export * from "./counter-survey";
