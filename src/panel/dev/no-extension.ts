// The dev page runs outside an extension: any module that reaches for webextension-polyfill gets
// this instead, and says so when it is used.
const browser = new Proxy(
  {},
  {
    get(_target, name) {
      throw new Error(`dev:panel has no extension APIs (browser.${String(name)}); use the fake platform`);
    },
  },
);
export default browser;
