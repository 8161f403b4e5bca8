import fs from "node:fs";
import path from "node:path";

/** docs/benchmarks.md: the full bench report, plus sections that separate bench scripts keep up to date. */
export const REPORT_FILE = path.resolve(__dirname, "..", "docs", "benchmarks.md");

const SECTION = /<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->\n?/g;

function sections(text: string): string[] {
  return [...text.matchAll(SECTION)].map((match) => match[0]);
}

/** Writes the full report, keeping the separately measured sections of the previous one. */
export function writeReport(report: string): void {
  const kept = fs.existsSync(REPORT_FILE) ? sections(fs.readFileSync(REPORT_FILE, "utf8")) : [];
  fs.writeFileSync(REPORT_FILE, [report.replace(SECTION, "").trimEnd(), ...kept].join("\n\n").trimEnd() + "\n");
}

/** Replaces (or appends) one section of the report. */
export function writeSection(name: string, content: string): void {
  const block = `<!-- section:${name} -->\n${content.trim()}\n<!-- /section:${name} -->\n`;
  const current = fs.existsSync(REPORT_FILE) ? fs.readFileSync(REPORT_FILE, "utf8") : "# Benchmarks\n";
  const pattern = new RegExp(`<!-- section:${name} -->[\\s\\S]*?<!-- /section:${name} -->\\n?`);
  fs.writeFileSync(REPORT_FILE, pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}`);
}
