#!/bin/sh
# The offline gate on what a commit changes: the files changed against git's HEAD, and what they break elsewhere
# (`--changed`); unchanged results come from the gate's cache. The full run stays with `npm run validate` and CI.
exec npm run -s validate -- --changed
