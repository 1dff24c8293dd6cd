// The words live in @layan/core so the kiosk's "Dengarkan" reads fees and numbers with the same words the display calls with.
export * from "@layan/core/number-words";
