import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from '../../scripts/launch-browser.mjs';

/**
 * A copy of the build whose manifest already holds `hostPermissions`. What a user grants with a
 * click (a permission prompt, the activeTab a shortcut gives) automation cannot give, so the test
 * starts with it granted and the extension runs the same code path.
 */
export function buildGranting(hostPermissions: string[]): { dist: string; remove: () => void } {
  const dist = mkdtempSync(join(tmpdir(), 'talklog-dist-'));
  cpSync(DIST, dist, { recursive: true });
  const manifestPath = join(dist, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...hostPermissions];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dist, remove: () => rmSync(dist, { recursive: true, force: true }) };
}
