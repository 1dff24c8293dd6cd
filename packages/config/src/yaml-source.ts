import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from "yaml";
import { formatPath, type ConfigIssue, type PathSegment } from "./issues";

/**
 * A parsed YAML file that remembers where every node came from, so that any
 * problem found later (by zod, or by a cross-file check) can name its line.
 */
export class YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Syntax errors; when present, `data` is not trustworthy and is not validated. */
  readonly syntaxIssues: ConfigIssue[];
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(file: string, text: string) {
    this.file = file;
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: true });
    this.syntaxIssues = [...this.doc.errors, ...this.doc.warnings].map((e) => ({
      file,
      line: e.linePos?.[0].line ?? 1,
      path: "",
      // yaml's message ends with " at line 3, column 1:" and a code frame; the line is already in front.
      message: `YAML syntax: ${(e.message.split("\n")[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, "")}`,
    }));
    this.data = this.syntaxIssues.length > 0 ? undefined : this.doc.toJS({ maxAliasCount: 1000 });
  }

  private lineAt(offset: number | undefined): number {
    return offset === undefined ? 1 : this.lines.linePos(offset).line;
  }

  private resolve(node: unknown): Node | null {
    if (isAlias(node)) return node.resolve(this.doc) ?? null;
    return isNode(node) ? node : null;
  }

  /**
   * Line of the node at `path`: a map entry's key line, a list item's first line.
   * When the path runs past what exists (a missing key), the nearest existing
   * parent's line — where the key should be added.
   */
  lineOf(path: readonly PathSegment[]): number {
    let node = this.resolve(this.doc.contents);
    let line = this.lineAt(node?.range?.[0]);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return line;
        const key = pair.key as Node;
        line = this.lineAt(key.range?.[0]);
        node = this.resolve(pair.value);
      } else if (isSeq(node) && typeof segment === "number") {
        const item = this.resolve(node.items[segment]);
        if (!item) return line;
        line = this.lineAt(item.range?.[0]);
        node = item;
      } else {
        return line;
      }
    }
    return line;
  }

  issue(path: readonly PathSegment[], message: string): ConfigIssue {
    return { file: this.file, line: this.lineOf(path), path: formatPath(path), message };
  }
}
