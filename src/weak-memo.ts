/**
 * One value per object, built on first use and kept as long as the object lives (a WeakMap): for structures derived
 * from a loaded index, template or list that many questions share.
 */
export function weakMemo<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key: K): V => {
    let v = memo.get(key);
    if (v === undefined) {
      v = build(key);
      memo.set(key, v);
    }
    return v;
  };
}
