import { loadProject } from "/work/wt/runtime/scripts/apex-runtime/runner/project";
import { runTests } from "/work/wt/runtime/scripts/apex-runtime/runner/run-tests";
const p = loadProject(process.argv[2]);
const orig = p.interp.withFrame.bind(p.interp);
let shown = false;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(p.interp as any).withFrame = (f: any, fn: any) => { if (p.interp.stack.length > 200 && !shown) { shown = true; console.log(p.interp.stack.slice(-12).map((f) => `${f.cls.name}.${f.method}:${f.line}`).join("\n")); } return orig(f, fn); };
runTests(p, { classes: [process.argv[3]], method: process.argv[4] }, (r) => console.log(JSON.stringify(r).slice(0, 300)));
