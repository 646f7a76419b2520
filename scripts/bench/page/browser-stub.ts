/**
 * Stand-in for webextension-polyfill in the bench page bundle: the page code's scanning and marking
 * need no extension API; anything that does call one gets a quiet, empty answer.
 */
const quiet = (): Promise<undefined> => Promise.resolve(undefined);

const handler: ProxyHandler<object> = {
  get(_target, prop) {
    if (prop === 'then') return undefined; // not a thenable
    if (prop === 'getMessage') return (key: string) => key;
    if (prop === 'getURL') return (path: string) => `/${path}`;
    if (prop === 'addListener' || prop === 'removeListener') return () => undefined;
    if (prop === 'hasListener') return () => false;
    return new Proxy(quiet, handler);
  },
  apply() {
    return quiet();
  },
};

const browser = new Proxy(quiet, handler);
export default browser;
