// The floor of `Export markdown` with `Include slides`: the same bytes (the talk log the export wrote,
// and every stored slide image, read with the raw IndexedDB API) zipped by fflate as the export zips
// them (the log deflated at level 6, the images stored), without the dialog, the rendering or Dexie.
// Built only for the bench; run through `benchZipFloor`.
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

function readSlideImages(): Promise<{ id: string; type: string; image: Blob }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talklog');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('slides').objectStore('slides').getAll();
      read.onsuccess = () => {
        open.result.close();
        resolve(read.result);
      };
      read.onerror = () => reject(read.error);
    };
  });
}

async function zipOnce(markdown: string) {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const log = new ZipDeflate('talklog.md', { level: 6 });
  zip.add(log);
  log.push(strToU8(markdown), true);
  for (const slide of await readSlideImages()) {
    const entry = new ZipPassThrough(`slides/${slide.id}.${slide.type === 'image/webp' ? 'webp' : 'jpg'}`);
    zip.add(entry);
    entry.push(new Uint8Array(await slide.image.arrayBuffer()), true);
  }
  zip.end();
  return new Blob(parts as BlobPart[], { type: 'application/zip' });
}

async function benchZipFloor(markdown: string, runs: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const blob = await zipOnce(markdown);
    times.push(performance.now() - start);
    bytes = blob.size;
  }
  return { times, bytes };
}

Object.assign(globalThis, { benchZipFloor });
performance.mark('app-ready');
