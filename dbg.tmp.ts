import { loadProject } from "./scripts/apex-runtime/runner/project";
import { runTests } from "./scripts/apex-runtime/runner/run-tests";
const p = loadProject(process.argv[2]);
runTests(p, { classes: [process.argv[3]], method: process.argv[4] }, (r) => console.log(JSON.stringify(r).slice(0, 1200)));
