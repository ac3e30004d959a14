#!/usr/bin/env node
// Sums vitest JSON reports into one plain line, `N passed, N failed`, and exits 1 if anything failed
// or a report is missing (a run that crashed before writing its report counts as a failure).
//   node scripts/summarize-tests.mjs report1.json report2.json …
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`summarize-tests: no report at ${file}`);
    broken++;
    continue;
  }
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // Files that failed to load report no tests but are failures all the same.
    failed += (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  } catch (error) {
    console.error(`summarize-tests: unreadable report ${file}: ${error.message}`);
    broken++;
  }
}
if (skipped > 0) console.error(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed + broken} failed`);
process.exit(failed + broken > 0 ? 1 : 0);
