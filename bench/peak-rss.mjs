// Preloaded (`node --import`) into the command whose memory the exchange benchmark measures: on exit
// it writes the process's peak resident set, in kilobytes, to the file PEAK_RSS_FILE names.
//
// The peak is VmHWM, this program's own. getrusage's maxRSS is not: Linux carries the high-water
// mark of the process image that exec replaced into it, so a child of the benchmark (which holds
// hundreds of megabytes after the seed) reported the benchmark's memory as its own.
import fs from 'node:fs';

function peakKb() {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
}

process.on('exit', () => fs.writeFileSync(process.env.PEAK_RSS_FILE, String(peakKb())));
