/**
 * Reads a WebDAV `PROPFIND` answer (RFC 4918 multistatus) without DOMParser, which a service
 * worker does not have. Only what sync needs: each entry's href, ETag and whether it is a folder.
 * Namespace prefixes vary by server (`D:`, `d:`, `lp1:`, none), so elements match by local name.
 */

export interface DavEntry {
  /** The entry's path as the server wrote it (absolute path or full URL), still percent-encoded: the caller decodes it, once. */
  href: string;
  etag: string | null;
  isFolder: boolean;
}

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

export function parseMultistatus(xml: string): DavEntry[] {
  const root = parseXml(xml);
  if (root.name !== 'multistatus') throw new Error('The server did not answer with a WebDAV multistatus.');
  return childrenNamed(root, 'response').flatMap((response) => {
    const href = childrenNamed(response, 'href')[0];
    if (!href) return [];
    const found = childrenNamed(response, 'propstat').filter((propstat) => / 200 /.test(` ${textOf(childrenNamed(propstat, 'status')[0])} `));
    const props = found.flatMap((propstat) => childrenNamed(propstat, 'prop')).flatMap((prop) => prop.children);
    const etag = props.find((prop) => prop.name === 'getetag');
    const type = props.find((prop) => prop.name === 'resourcetype');
    return [
      {
        href: textOf(href).trim(),
        etag: etag ? textOf(etag).trim() || null : null,
        isFolder: type ? type.children.some((child) => child.name === 'collection') : false,
      },
    ];
  });
}

function parseXml(xml: string): XmlElement {
  const top: XmlElement = { name: '', children: [], text: '' };
  const stack = [top];
  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, closing, , name, , selfClosing, text] = match;
    const current = stack[stack.length - 1];
    if (text !== undefined) current.text += decodeEntities(text);
    else if (cdata !== undefined) current.text += cdata;
    else if (name === undefined) continue;
    else if (closing) {
      if (stack.length > 1 && current.name === name) stack.pop();
      else throw new Error(`The server's XML is malformed near </${name}>.`);
    } else {
      const element: XmlElement = { name, children: [], text: '' };
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1 || top.children.length !== 1) throw new Error("The server's XML is cut short or malformed.");
  return top.children[0];
}

function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

function textOf(element: XmlElement | undefined): string {
  return element ? element.text + element.children.map(textOf).join('') : '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}
