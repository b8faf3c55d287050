// Prints the plain closing line CI reads ("N passed, N failed"), computed from jest's own aggregated results.
// It is written when the process exits, so that it comes after jest's own summary and is the run's last line.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A suite that fails to load has no failed tests of its own: count it, so a broken file never reads as green.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line =
      `${results.numPassedTests} passed, ${failed} failed` +
      (skipped ? `, ${skipped} skipped` : "");
    process.once("exit", () => process.stdout.write(`\n${line}\n`));
  }
}

module.exports = SummaryLineReporter;
