import { describe, expect, test } from 'vitest';
import { parseMultistatus } from '../../src/sync/multistatus';

// As Debian's Apache mod_dav_fs answers `PROPFIND Depth: 1` (a file written within the last second has a weak ETag).
const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/talks/</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>"1000-5f0c2b9a1c3a0"</lp1:getetag>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/talks/Pr0meTheus1.json</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype/>
<lp1:getetag>W/"2a1-5f0c2b9a1c3a0"</lp1:getetag>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
</D:multistatus>
`;

// As Nextcloud answers: lower-case prefix, entities in the ETag, a 404 propstat for what it lacks.
const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response><d:href>/remote.php/dav/files/alice/Talklog/talks/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getetag>&quot;6570b2c1&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response><d:href>/remote.php/dav/files/alice/Talklog/talks/a%20b_-Cd3Ef4G.json</d:href>
  <d:propstat><d:prop><d:resourcetype/><d:getetag>&quot;9f1e&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><oc:size/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
</d:multistatus>`;

describe('parseMultistatus', () => {
  test("reads Apache's answer, weak ETag as given", () => {
    expect(parseMultistatus(APACHE)).toEqual([
      { href: '/dav/talks/', etag: '"1000-5f0c2b9a1c3a0"', isFolder: true },
      { href: '/dav/talks/Pr0meTheus1.json', etag: 'W/"2a1-5f0c2b9a1c3a0"', isFolder: false },
    ]);
  });

  test("reads Nextcloud's answer: entities decoded, hrefs as sent (percent-encoded), 404 properties ignored", () => {
    expect(parseMultistatus(NEXTCLOUD)).toEqual([
      { href: '/remote.php/dav/files/alice/Talklog/talks/', etag: '"6570b2c1"', isFolder: true },
      { href: '/remote.php/dav/files/alice/Talklog/talks/a%20b_-Cd3Ef4G.json', etag: '"9f1e"', isFolder: false },
    ]);
  });

  test.each([
    ['<html><body>Welcome to nginx</body></html>', /multistatus/],
    ['<D:multistatus xmlns:D="DAV:"><D:response><D:href>/x</D:href>', /cut short/],
    ['<D:multistatus xmlns:D="DAV:"></D:response></D:multistatus>', /malformed/],
  ])('refuses what is not a multistatus: %s', (xml, error) => {
    expect(() => parseMultistatus(xml)).toThrow(error);
  });
});
