import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

const firefoxManifest = {
  ...manifest,
  background: { scripts: [manifest.background.service_worker], type: 'module' },
  browser_specific_settings: {
    gecko: { id: 'talklog@example.org', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
  },
} as ManifestV3Export;

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [crx({ manifest: firefox ? firefoxManifest : (manifest as ManifestV3Export), browser: firefox ? 'firefox' : 'chrome' })],
    build: { outDir: firefox ? 'dist-firefox' : 'dist', emptyOutDir: true, target: firefox ? 'firefox142' : 'chrome120' },
  };
});
