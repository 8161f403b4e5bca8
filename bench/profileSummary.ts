/**
 * `npm run bench:profile-summary -- <file.cpuprofile>… [--top N] [--last SECONDS]`: where a V8 CPU profile (from
 * `node --cpu-prof`, e.g. `npm run bench -- --cpu-prof`, docs/benchmarks.md) spent its time: self
 * time by package (node_modules/<package>, a folder of this repository, Node's internals, V8's own:
 * garbage collector, program, idle), by file and by function, the top N (default 20) of each, in ms
 * and in % of the busy time (all but idle). `--last S` reads only the profile's last S seconds: a
 * profile of a whole process (`npm run bench:embedded -- --cpu-prof`) begins with its start-up,
 * which the steady state it was taken for does not include.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  /** Microseconds, on the clock of `timeDeltas`. */
  endTime: number;
  startTime: number;
  samples: number[];
  /** Microseconds from one sample to the next (the first from startTime). */
  timeDeltas: number[];
}

const ROOT = path.resolve(__dirname, "..");
const IDLE = "(idle)";

function fileOf(url: string): string {
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  return path.isAbsolute(file) && !path.relative(ROOT, file).startsWith("..") ? path.relative(ROOT, file) : file;
}

/** node_modules/<package> (scoped too), a folder of this repository (subgraphs/<name>), Node's internals, or V8's own entries. */
function packageOf(file: string, functionName: string): string {
  if (!file) return /^\(.*\)$/.test(functionName) ? functionName : "(native)";
  if (file.startsWith("node:")) return "node: (internals)";
  const at = file.lastIndexOf("node_modules/");
  if (at >= 0) {
    const [first, second] = file.slice(at + "node_modules/".length).split("/");
    return first!.startsWith("@") ? `${first}/${second}` : first!;
  }
  if (path.isAbsolute(file)) return file;
  const [top, next] = file.split("/");
  return `./${top === "subgraphs" ? `${top}/${next}` : top}`;
}

function top(title: string, totals: Map<string, number>, busyMs: number, count: number): string[] {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, count);
  return [``, `${title}:`, ...rows.map(([name, ms]) => `${ms.toFixed(0).padStart(9)} ms ${((100 * ms) / busyMs).toFixed(1).padStart(5)}%  ${name}`)];
}

function summarize(file: string, count: number, lastSeconds?: number): string[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const from = lastSeconds === undefined ? -Infinity : profile.endTime - lastSeconds * 1e6;
  let sampledAt = profile.startTime;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms);
  let totalMs = 0;
  // A sample's time runs until the next sample: the delta that follows it.
  profile.samples.forEach((id, i) => {
    sampledAt += profile.timeDeltas[i] ?? 0;
    if (sampledAt < from) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const source = fileOf(url);
    totalMs += ms;
    add(byPackage, packageOf(source, functionName), ms);
    add(byFile, source || functionName || "(native)", ms);
    add(byFunction, `${functionName || "(anonymous)"}${source ? ` ${source}:${lineNumber + 1}` : ""}`, ms);
  });
  const busyMs = totalMs - (byPackage.get(IDLE) ?? 0);
  byPackage.delete(IDLE);
  byFile.delete(IDLE);
  byFunction.delete(IDLE);
  return [
    `${file}${lastSeconds === undefined ? "" : ` (its last ${lastSeconds} s)`}: ${(totalMs / 1000).toFixed(1)} s sampled, ${(busyMs / 1000).toFixed(1)} s busy (${((100 * busyMs) / Math.max(1, totalMs)).toFixed(0)}%); self time, % of busy`,
    ...top("by package", byPackage, busyMs, count),
    ...top("by file", byFile, busyMs, count),
    ...top("by function", byFunction, busyMs, count),
    "",
  ];
}

function main(): void {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? Number(argv[at + 1]) : undefined;
  };
  const count = option("--top") ?? 20;
  const lastSeconds = option("--last");
  const files = argv.filter((arg) => arg.endsWith(".cpuprofile"));
  if (files.length === 0 || !(count > 0) || (lastSeconds !== undefined && !(lastSeconds > 0))) {
    console.error("usage: npm run bench:profile-summary -- <file.cpuprofile>… [--top N] [--last SECONDS]");
    process.exit(2);
  }
  for (const file of files) console.log(summarize(file, count, lastSeconds).join("\n"));
}

main();
