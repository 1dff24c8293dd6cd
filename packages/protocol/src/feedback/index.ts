export * from "./survey";
export * from "./complaints";
export * from "./kiosk";
export * from "./counter-survey";
