#!/bin/sh
# The offline gate on what a commit changes. With `--changed` (the gate's files changed against git's HEAD and what
# depends on them) when the gate offers it; otherwise the checks that need neither Java nor a full compile
# (packaging, apex-types, apex-pmd, typescript and the project-wide ESLint run stay with `npm run validate` and CI).
set -e
if npm run -s validate -- --help | grep -q -- '--changed'; then
  exec npm run -s validate -- --changed
fi
exec npm run -s validate -- --only config-schema,metadata-xml,metadata-rules,cross-references,conventions,docs-reference,openapi,flow-scanner,apex-format,format
