import { loadSchema } from "./scripts/apex-runtime/schema";
const s = loadSchema({ root: process.argv[2] });
for (const a of process.argv.slice(3)) { const [o, f] = a.split("."); console.log(a, JSON.stringify(s.field(o, f))); }
