// Runs shell commands at the same time and fails if any fails. The first one's output shows as it comes; each
// other's is held and printed whole once the first has ended, so that the logs do not interleave.
// The browser suites run this way: each drives one browser at a time and leaves most of a 2-core machine idle.
import { spawn } from 'node:child_process';

const runs = process.argv.slice(2).map((command, i) => {
  const child = spawn(command, { shell: true, stdio: i === 0 ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  /** @type {Buffer[]} */
  const held = [];
  child.stdout?.on('data', (chunk) => held.push(chunk));
  child.stderr?.on('data', (chunk) => held.push(chunk));
  const ended = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return { command, held, ended };
});

let failed = false;
for (const run of runs) {
  const code = await run.ended;
  process.stdout.write(Buffer.concat(run.held));
  if (code !== 0) {
    console.error(`Failed (exit ${code}): ${run.command}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
