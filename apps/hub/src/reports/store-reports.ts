// The report queries live in packages/store/src/reports. Until @layan/store's
// index re-exports them (`export * from "./reports"`), the hub reaches them
// here, in one place; afterwards this file becomes `export * from "@layan/store"`.
export * from "../../../../packages/store/src/reports/index";
