// `npm run zip` (after `npm run build`): the store uploads, in artifacts/store/:
//   talklog-chrome-<version>.zip   dist/ (Chrome Web Store)
//   talklog-firefox-<version>.zip  dist-firefox/ (addons.mozilla.org)
//   talklog-source-<version>.zip   the source, for AMO's reviewers (the add-on's code is bundled and
//                                  minified, so AMO asks for the source and how to build it: README)
// <version> is package.json's; each build's manifest must carry the same one.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GECKO_ID } from './manifests.mjs';
import { filesUnder, zipArchive } from './zip-archive.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'artifacts', 'store');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** @type {{ browser: string, dir: string, check: (manifest: any) => string | null }[]} */
const builds = [
  {
    browser: 'chrome',
    dir: 'dist',
    check: (m) => (m.background?.service_worker ? null : 'its manifest has no background.service_worker: not a Chrome build'),
  },
  {
    browser: 'firefox',
    dir: 'dist-firefox',
    check: (m) =>
      m.browser_specific_settings?.gecko?.id !== GECKO_ID
        ? `its manifest has no gecko id ${GECKO_ID}: not a Firefox build`
        : m.background?.scripts
          ? null
          : 'its manifest has no background.scripts',
  },
];

const problems = [];
for (const build of builds) {
  const manifestPath = join(ROOT, build.dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    problems.push(`${build.dir}/ has no manifest.json: run \`npm run build\` first`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.version !== version) problems.push(`${build.dir}/manifest.json has version ${manifest.version}, package.json ${version}: rebuild`);
  const wrong = build.check(manifest);
  if (wrong) problems.push(`${build.dir}/: ${wrong}`);
}
if (problems.length) {
  console.error(problems.map((p) => `zip: ${p}`).join('\n'));
  process.exit(1);
}

/**
 * The files git would put in a clean checkout of the work tree (tracked, plus new files not ignored),
 * less the captured YouTube pages the tests use: not needed to build, and most of the size.
 */
function sourceFiles() {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter(Boolean))]
    .filter((name) => !name.startsWith('tests/fixtures/') && existsSync(join(ROOT, name)))
    .map((name) => ({ name, data: readFileSync(join(ROOT, name)) }));
}

mkdirSync(OUT, { recursive: true });
const written = [
  ...builds.map((build) => ({ file: `talklog-${build.browser}-${version}.zip`, files: filesUnder(join(ROOT, build.dir)) })),
  { file: `talklog-source-${version}.zip`, files: sourceFiles() },
].map(({ file, files }) => {
  const zip = zipArchive(files);
  writeFileSync(join(OUT, file), zip);
  const sha256 = createHash('sha256').update(zip).digest('hex');
  return { file, entries: files.length, bytes: zip.length, sha256 };
});

for (const { file, entries, bytes, sha256 } of written) {
  console.log(`${join('artifacts', 'store', file)}  ${entries} files, ${(bytes / 1000).toFixed(1)} kB, sha256 ${sha256.slice(0, 16)}…`);
}
