import { loadSchema } from "./scripts/apex-runtime/schema";
const s = loadSchema({ root: process.argv[2] });
for (const a of process.argv.slice(3)) console.log(a, s.object(a)?.describe.keyPrefix);
