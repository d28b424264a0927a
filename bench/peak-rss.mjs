// Preloaded (`node --import`) into the command whose memory the exchange benchmark measures: on exit
// it writes the process's peak resident set (maxRSS, in kilobytes) to the file PEAK_RSS_FILE names.
import fs from 'node:fs';

process.on('exit', () => fs.writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));
