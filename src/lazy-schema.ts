/**
 * Schemas built on first use. Building a zod schema costs time at module load (~29 modules on the
 * analyze path); a run that uses compiled data validated at build time never touches most of them.
 * `lazySchema(() => z.object(...))` gives a stand-in with the schema's type that builds the schema
 * the first time anything reads it, once, and then forwards every access to it, so a call site and
 * what the schema accepts do not change. Methods run with the built schema as `this`.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  const handler: ProxyHandler<object> = {
    get(_t, key) {
      const r = real();
      const v = Reflect.get(r, key, r) as unknown;
      return typeof v === 'function' && key !== 'constructor' ? (v as (...a: unknown[]) => unknown).bind(r) : v;
    },
    has: (_t, key) => Reflect.has(real(), key),
    set: (_t, key, v) => Reflect.set(real(), key, v),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor(_t, key) {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // the stand-in's own target has no such property: report it configurable (a proxy invariant)
      return d ? { ...d, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  };
  return new Proxy({}, handler) as T;
}
