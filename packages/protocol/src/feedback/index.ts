export * from "./survey";
export * from "./complaints";
