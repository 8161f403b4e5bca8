import fs from "node:fs";
import os from "node:os";

/** CPU and memory of processes from /proc (Linux): CPU% over an interval, peak RSS while sampling. */
const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux x86_64

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
  } catch {
    return 0;
  }
}

function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process (backends of all the bench databases). */
export function postgresPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
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
  /** CPU in % of one core (200% = both cores of this machine). */
  cpuPercent: number;
  peakRssMiB: number;
}

export interface Usage {
  groups: Record<string, GroupUsage>;
  machineBusyPercent: number;
  /** 1-minute load average at the end (the machine may be shared with other work). */
  loadAverage: number;
}

/** Samples groups of processes until stop() is called. */
export function sampleProcesses(groups: Record<string, () => number[]>, intervalMs = 250): { stop(): Usage } {
  const started = process.hrtime.bigint();
  const machineStart = machineTicks();
  const pidsOf = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids()]));
  const startTicks = new Map<number, number>(Object.values(pidsOf).flat().map((pid) => [pid, cpuTicks(pid)]));
  const peak: Record<string, number> = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  const sample = () => {
    for (const [name, pids] of Object.entries(pidsOf)) peak[name] = Math.max(peak[name]!, pids.reduce((sum, pid) => sum + rssMiB(pid), 0));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const machineEnd = machineTicks();
      const result: Usage = {
        groups: {},
        machineBusyPercent: (100 * (machineEnd.busy - machineStart.busy)) / Math.max(1, machineEnd.total - machineStart.total),
        loadAverage: os.loadavg()[0]!,
      };
      for (const [name, pids] of Object.entries(pidsOf)) {
        // Per process; one that exited meanwhile (a short-lived PostgreSQL backend) is left out.
        const ticks = pids.reduce((sum, pid) => {
          const now = cpuTicks(pid);
          return now >= startTicks.get(pid)! ? sum + now - startTicks.get(pid)! : sum;
        }, 0);
        result.groups[name] = { cpuPercent: (100 * ticks) / TICKS_PER_SECOND / seconds, peakRssMiB: peak[name]! };
      }
      return result;
    },
  };
}
