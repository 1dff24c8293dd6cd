export * from "./hub-client";
export * from "./auth";
export * from "./connection";
export * from "./format";
export * from "./i18n";
export * from "./login-screen";
export * from "./react";
export * from "./mount";
