// node vitest-summary.mjs [vitest-results.json] -> "N passed, N failed, N skipped"; exit 1 unless the run succeeded.
import { readFileSync } from "node:fs";

const r = JSON.parse(readFileSync(process.argv[2] ?? "vitest-results.json", "utf8"));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
process.exit(r.success ? 0 : 1);
