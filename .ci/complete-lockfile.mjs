#!/usr/bin/env node
// Adds to package-lock.json the platform-specific optional packages (other OSes and CPUs) that the
// registry this lockfile was made with did not serve. Without them `npm ci` refuses the lockfile
// as "out of sync" on every machine. Each entry names its os/cpu/libc, so npm installs it only
// where it belongs, from the public registry's standard tarball URL.
// Run after `npm install`: `node .ci/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** os, cpu and libc from a platform package's name (@biomejs/cli-linux-x64-musl, @unrs/resolver-binding-win32-ia32-msvc …). */
function platformOf(name) {
  const os = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openharmony'].find((o) => name.includes(`-${o}-`));
  const cpu = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'arm'].find((c) =>
    new RegExp(`-${c}(-|$)`).test(name),
  );
  const libc = /-musl|musleabihf/.test(name) ? 'musl' : /-gnu|gnueabihf/.test(name) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${path}/node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) continue; // not a platform package: leave it to npm
    const base = dep.split('/').pop();
    packages[key] = {
      version,
      resolved: `https://registry.npmjs.org/${dep}/-/${base}-${version}.tgz`,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform packages`);
