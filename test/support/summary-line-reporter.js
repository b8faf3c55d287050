// Prints the plain closing line CI reads ("N passed, N failed"), computed from jest's own aggregated results plus,
// when `npm test` ran the offline Apex tests first (APEX_TEST_RESULTS names their JSON result), those results.
// It is written when the process exits, so that it comes after jest's own summary and is the run's last line.
const fs = require("node:fs");

/** The Apex run's counts; a run that left no readable result counts as one failure, never as green. */
function apexCounts(resultsFile) {
  if (!resultsFile) {
    return { passed: 0, failed: 0, skipped: 0 };
  }
  try {
    const { summary } = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
    return {
      passed: summary.passed,
      failed: summary.failed,
      skipped: summary.unsupported
    };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const apex = apexCounts(process.env.APEX_TEST_RESULTS);
    const skipped =
      results.numPendingTests + results.numTodoTests + apex.skipped;
    // A suite that fails to load has no failed tests of its own: count it, so a broken file never reads as green.
    const failed =
      results.numFailedTests + results.numRuntimeErrorTestSuites + apex.failed;
    const passed = results.numPassedTests + apex.passed;
    const line =
      `${passed} passed, ${failed} failed` +
      (skipped ? `, ${skipped} skipped` : "");
    process.once("exit", () => process.stdout.write(`\n${line}\n`));
  }
}

module.exports = SummaryLineReporter;
