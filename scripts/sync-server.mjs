// npm run sync-server: a WebDAV folder on this machine (Debian's Apache, mod_dav_fs, on a free
// loopback port), to try Talklog's sync by hand. Ctrl+C stops it and removes its files.
import { existsSync } from 'node:fs';
import { APACHE, startWebdavServer } from './webdav-server.mjs';

if (!existsSync(APACHE)) {
  console.error('Apache is not installed: run `apt-get install -y apache2` (as root), then try again.');
  process.exit(1);
}
const server = await startWebdavServer({ user: 'talklog', password: 'try-sync' });
console.log(`A WebDAV folder for Talklog is ready. In the library, Settings → Sync:

  Server URL  ${server.url}
  User name   ${server.user}
  Password    ${server.password}

then Connect. Its files are in ${server.dataDir}. Ctrl+C stops it.`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
