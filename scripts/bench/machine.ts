/** Describes the machine a bench ran on: CPU, cores, memory, Chromium and Node versions. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** What the table header prints about the machine. */
export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  chromium: string;
  node: string;
  os: string;
  /** 1-minute load average when the bench started and ended. */
  loadStart?: number;
  loadEnd?: number;
}

function cpuModel(): string {
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) return m[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function osName(): string {
  try {
    const m = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?$/m);
    if (m) return m[1];
  } catch {
    // not Linux
  }
  return process.platform;
}

/** Reads the machine description (Chromium's version from its binary). */
export function machineInfo(chromiumBin: string): MachineInfo {
  let chromium = 'unknown';
  try {
    const out = execFileSync(chromiumBin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    chromium = out.match(/Chromium\s+[\d.]+/)?.[0] ?? out.trim();
  } catch {
    // reported as unknown
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    chromium,
    node: process.version,
    os: osName(),
    loadStart: loadavg()[0],
  };
}
