// The report queries live in packages/store/src/reports.
export * from "@layan/store";
