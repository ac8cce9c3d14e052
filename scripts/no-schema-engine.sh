#!/bin/sh
# Stand-in for Prisma's native schema engine, which Prisma would download from its binary host (unreachable on
# locked-down machines). `prisma generate` only asks it for --version; migrations use the wasm engine instead.
if [ "$1" = "--version" ]; then echo "schema-engine-cli stand-in (linli)"; exit 0; fi
echo "linli: the native Prisma schema engine is not used; see scripts/new-migration.ts" >&2
exit 1
