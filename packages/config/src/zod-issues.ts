import type { z } from "zod";
import { suggest, type PathSegment } from "./issues";

/*
 * Turns zod's issues into messages an office admin can act on. Installed per parse
 * (never with z.config) so that other packages keep their own messages.
 */

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
};

function describeExpected(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

function shapeKeys(issue: RawIssue): string[] {
  const inst = issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined;
  return Object.keys(inst?._zod?.def?.shape ?? {});
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const close = suggest(key, known);
  if (close) return `unknown key "${key}" (did you mean "${close}"?)`;
  if (known.length > 0 && known.length <= 8)
    return `unknown key "${key}" (expected one of: ${known.join(", ")})`;
  return `unknown key "${key}"`;
}

export function configErrorMap(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type": {
      // z.int() reports "number" for a missing or non-numeric value; its format says it wants a whole one.
      const format = (issue.inst as { _zod?: { def?: { format?: string } } } | undefined)?._zod?.def?.format;
      const expected = describeExpected(format === "safeint" ? "int" : issue.expected);
      if (issue.input === undefined) return `is required (${expected})`;
      if (issue.input === null) return `is empty (expected ${expected})`;
      return `expected ${expected}`;
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return "must not be empty";
      if (issue.origin === "array") return `must list at least ${min} item${min === 1 ? "" : "s"}`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") return `must list at most ${max} items`;
      if (issue.origin === "string") return `must be at most ${max} characters`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case "invalid_value":
      return issue.values.length === 1
        ? `expected ${quoteList(issue.values)}`
        : `expected one of ${quoteList(issue.values)}`;
    case "invalid_union": {
      const options = (issue as { options?: readonly unknown[] }).options;
      if (options) return `expected one of ${quoteList(options)}`;
      return "does not match any allowed form";
    }
    case "unrecognized_keys": {
      // One line per key, split again in flattenIssues so that each key gets its own line number.
      const known = shapeKeys(issue);
      return issue.keys.map((key) => unknownKeyMessage(key, known)).join("\n");
    }
    case "invalid_format":
      return `expected ${issue.format} format`;
    default:
      return undefined;
  }
}

export interface FlatIssue {
  path: PathSegment[];
  message: string;
}

function isShapeMismatch(issue: z.core.$ZodIssue): boolean {
  return issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value");
}

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === "number" ? p : String(p)));
}

/**
 * One message per offending node. A union whose input matched exactly one branch's
 * shape reports that branch's inner problems ("persyaratan[2].text: expected text")
 * instead of a vague "does not match".
 */
export function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: PathSegment[] = []): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...toSegments(issue.path)];
    if (issue.code === "unrecognized_keys") {
      const messages = issue.message.split("\n");
      issue.keys.forEach((key, i) =>
        out.push({ path: [...path, key], message: messages[i] ?? `unknown key "${key}"` }),
      );
      continue;
    }
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const matching = issue.errors.filter((branch) => !branch.some(isShapeMismatch));
      const [only] = matching;
      if (matching.length === 1 && only) {
        out.push(...flattenIssues(only, path));
        continue;
      }
    }
    out.push({ path, message: issue.message });
  }
  return out;
}
