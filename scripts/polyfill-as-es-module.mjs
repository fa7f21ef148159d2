// webextension-polyfill ships as a UMD file. Bundled as CommonJS, every `import browser from
// 'webextension-polyfill'` goes through rolldown's interop (`__toESM`), which copies each own property of
// what the module exports, reading its descriptor, onto a namespace object. Where the browser has a
// native promise-based `browser` (Firefox, recent Chromium), the polyfill exports that very object, and
// reading the descriptor of each of its properties makes the browser build every API namespace as the
// page starts (1-12 ms in the popup). Run as an ES module instead, the polyfill is imported as it is:
// its UMD wrapper takes the CommonJS branch with a `module` of our own, and the default export is what
// the polyfill put in it: the native object, or its promise wrappers over `chrome` where there is none
// (Chrome 123, our minimum). The content script is built by crxjs on its own, without our plugins, and
// keeps the interop: few APIs exist in its world.

const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/;

/** @returns {import('vite').Plugin} */
export function polyfillAsEsModule() {
  return {
    name: 'talklog:polyfill-as-es-module',
    transform: {
      filter: { id: POLYFILL },
      handler(code) {
        return { code: `const module = { exports: {} }, exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null };
      },
    },
  };
}
