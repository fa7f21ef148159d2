// A WebDAV folder on loopback, served by Debian's Apache (mod_dav_fs) with a config of its own in
// a scratch folder: for the sync tests and `npm run sync-server`. Nothing system-wide is touched.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const APACHE = '/usr/sbin/apache2';

/**
 * A port free right now on loopback; Apache binds it a moment later (a clash is retried).
 * @returns {Promise<number>}
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** @param {string} root @param {number} port */
function config(root, port) {
  return `ServerRoot /usr/lib/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${root}/run/httpd.pid
ErrorLog ${root}/run/error.log
LogLevel warn
User ${process.getuid?.() === 0 ? 'www-data' : '#' + process.getuid?.()}
Group ${process.getuid?.() === 0 ? 'www-data' : '#' + process.getgid?.()}
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule authn_core_module modules/mod_authn_core.so
LoadModule authn_file_module modules/mod_authn_file.so
LoadModule authz_user_module modules/mod_authz_user.so
LoadModule auth_basic_module modules/mod_auth_basic.so
LoadModule dav_module modules/mod_dav.so
LoadModule dav_fs_module modules/mod_dav_fs.so
DAVLockDB ${root}/lock/DAVLock
DocumentRoot ${root}/data
<Directory ${root}/data>
  AllowOverride None
  Dav On
  AuthType Basic
  AuthName "talklog"
  AuthUserFile ${root}/users
  Require valid-user
</Directory>
`;
}

/**
 * Starts Apache serving `<url>` (a folder `Talklog/` inside the served root, not created yet, as a
 * new user's would be) for `user`/`password`. `stop()` ends it and removes its scratch folder.
 */
export async function startWebdavServer({ user = 'alice', password = 's3cret' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'talklog-dav-'));
  // Apache's workers (www-data when started as root) walk through it.
  chmodSync(root, 0o755);
  for (const dir of ['run', 'lock', 'data']) mkdirSync(join(root, dir));
  execFileSync('htpasswd', ['-bc', join(root, 'users'), user, password], { stdio: 'ignore' });
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'www-data:www-data', join(root, 'lock'), join(root, 'data')]);
  const conf = join(root, 'httpd.conf');
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    writeFileSync(conf, config(root, port));
    const started = spawnSync(APACHE, ['-f', conf, '-k', 'start'], { encoding: 'utf8' });
    if (started.status === 0 && (await answers(port))) {
      return {
        origin: `http://127.0.0.1:${port}`,
        url: `http://127.0.0.1:${port}/Talklog/`,
        port,
        user,
        password,
        dataDir: join(root, 'data'),
        stop() {
          spawnSync(APACHE, ['-f', conf, '-k', 'stop']);
          waitForExit(root);
          rmSync(root, { recursive: true, force: true });
        },
      };
    }
    spawnSync(APACHE, ['-f', conf, '-k', 'stop']);
    if (attempt === 4) throw new Error(`Apache did not start: ${started.stderr}${safeRead(join(root, 'run/error.log'))}`);
  }
}

/** @param {number} port */
async function answers(port) {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'OPTIONS' });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return false;
}

/** @param {string} root */
function waitForExit(root) {
  const pid = Number(safeRead(join(root, 'run/httpd.pid')));
  for (let i = 0; pid > 0 && i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.05']);
  }
}

/** @param {string} path */
function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
