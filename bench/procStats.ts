import fs from "node:fs";
import os from "node:os";

/** CPU and memory of processes from /proc (Linux): CPU time over an interval, peak RSS while sampling. */
const MS_PER_TICK = 10; // getconf CLK_TCK is 100 on Linux x86_64

/** utime + stime of a process; undefined once it has exited. */
function cpuTicks(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
  } catch {
    return undefined;
  }
}

/** CPU milliseconds (user + system) a live process has used so far. */
export function cpuMs(pid: number): number {
  return (cpuTicks(pid) ?? 0) * MS_PER_TICK;
}

function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * PostgreSQL's server processes (postmaster, background processes, backends) but the backends of
 * databases other than `databases`, told by their process titles ("postgres: … <user> <database>
 * <host>(<port>) <state>"): the server may be serving other work meanwhile.
 */
export function postgresPids(databases: string[]): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") return false;
        const backend = /\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
        return !backend || databases.includes(backend[1]!);
      } catch {
        return false;
      }
    });
}

/** Busy and total jiffies of the whole machine. */
function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

export interface GroupUsage {
  /** User + system CPU time of the group's processes over the interval. */
  cpuMs: number;
  peakRssMiB: number;
}

export interface Usage {
  groups: Record<string, GroupUsage>;
  machineBusyPercent: number;
  /** 1-minute load average at the end (the machine may be shared with other work). */
  loadAverage: number;
}

/**
 * Samples groups of processes until stop() is called. Each group's processes are listed again at
 * every sample: one started meanwhile (a PostgreSQL backend a pool opens) counts from its start,
 * one that exits counts up to its last sample.
 */
export function sampleProcesses(groups: Record<string, () => number[]>, intervalMs = 250): { stop(): Usage } {
  const machineStart = machineTicks();
  /** Per process: its group, its CPU ticks when first seen (0 if it started after the first sample) and at the latest sample. */
  const seen = new Map<number, { group: string; first: number; last: number }>();
  const peak: Record<string, number> = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  const sample = (initial: boolean) => {
    for (const [group, list] of Object.entries(groups)) {
      const pids = list();
      for (const pid of pids) {
        const ticks = cpuTicks(pid);
        if (ticks === undefined) continue;
        const known = seen.get(pid);
        if (known) known.last = ticks;
        else seen.set(pid, { group, first: initial ? ticks : 0, last: ticks });
      }
      peak[group] = Math.max(peak[group]!, pids.reduce((sum, pid) => sum + rssMiB(pid), 0));
    }
  };
  sample(true);
  const timer = setInterval(() => sample(false), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample(false);
      const machineEnd = machineTicks();
      const cpuMs: Record<string, number> = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
      for (const { group, first, last } of seen.values()) cpuMs[group]! += (last - first) * MS_PER_TICK;
      return {
        groups: Object.fromEntries(Object.keys(groups).map((name) => [name, { cpuMs: cpuMs[name]!, peakRssMiB: peak[name]! }])),
        machineBusyPercent: (100 * (machineEnd.busy - machineStart.busy)) / Math.max(1, machineEnd.total - machineStart.total),
        loadAverage: os.loadavg()[0]!,
      };
    },
  };
}
