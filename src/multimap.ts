// Maps from a key to a list of values, as every stage builds them.

/** Add `value` to the list `map` holds for `key`, starting the list if need be. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
