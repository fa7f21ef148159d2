import { expect, test } from 'vitest';
import { createDavClient, DavError, type DavProblem } from '../../src/sync/webdav';

/** A client whose server answers every request with `status`. */
function answering(status: number, statusText = '') {
  return createDavClient(
    { folderUrl: 'https://cloud.example.org/Talklog/', user: 'alice', password: 'app-password' },
    async () => new Response(null, { status, statusText }),
  );
}

async function problemOf(request: Promise<unknown>): Promise<{ problem: DavProblem; message: string }> {
  const error = await request.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DavError)) throw new Error(`expected a DavError, got ${String(error)}`);
  return { problem: error.problem, message: error.message };
}

test('403 is a folder the account may not write to, not a wrong password', async () => {
  expect(await problemOf(answering(403).putIf('talks/Pr0meTheus1.json', '{}', null))).toMatchObject({ problem: 'forbidden' });
  expect(await problemOf(answering(401).list('talks/'))).toMatchObject({ problem: 'unauthorized' });
});

test('429 and 503 are a busy server; 423 a file locked, named by its path', async () => {
  for (const status of [429, 503]) expect(await problemOf(answering(status).list('talks/'))).toMatchObject({ problem: 'busy' });
  expect(await problemOf(answering(423).putIf('markdown/talk-log.md', '', null))).toEqual({ problem: 'locked', message: 'markdown/talk-log.md' });
});

test('any other status is named, and the address is blamed only when it does not answer as WebDAV', async () => {
  expect(await problemOf(answering(409, 'Conflict').putIf('talks/Pr0meTheus1.json', '{}', null))).toEqual({
    problem: 'unexpected-status',
    message: 'PUT talks/Pr0meTheus1.json: 409 Conflict',
  });
  expect(await problemOf(answering(400, 'Bad Request').get('talks/Pr0meTheus1.json'))).toMatchObject({ problem: 'unexpected-status' });
  expect(await problemOf(answering(405, 'Method Not Allowed').folderExists())).toMatchObject({ problem: 'not-webdav' });
  expect(await problemOf(answering(200).folderExists())).toMatchObject({ problem: 'not-webdav' });
});
