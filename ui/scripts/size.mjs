// Prints the gzipped size of every shipped script in dist/ and fails above the 100 KB budget.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET = 100 * 1024;
const dist = new URL("../dist/", import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let all;
try {
  all = files(dist);
} catch {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}
let total = 0;
for (const path of all.filter((p) => /\.(js|css)$/.test(p)).sort()) {
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  if (path.endsWith(".js")) total += gz;
  console.log(`${relative(dist, path).padEnd(40)} ${(raw.length / 1024).toFixed(1).padStart(7)} KB  gzip ${(gz / 1024).toFixed(1).padStart(6)} KB`);
}
console.log(`shipped JS, gzipped: ${(total / 1024).toFixed(1)} KB (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error("over budget: the shipped JS must stay at or under 100 KB gzipped.");
  process.exit(1);
}
