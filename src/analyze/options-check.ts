/**
 * A check of the API's options object that needs no zod schema (args.ts builds its schema only when this
 * says no): true only for options the schema certainly accepts, so a call site's outcome does not change;
 * anything else (a wrong type, an odd number, a getter) goes to the schema, which gives the error.
 */
import { DEFAULT_LIMITS } from '../limits.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** A limit the schema takes: a safe integer, positive (maxYamlAliases: not negative). */
function plainLimit(key: string, v: unknown): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) return false;
  return key === 'maxYamlAliases' ? v >= 0 : v > 0;
}

/** Own data properties only: a getter or a proxy is left to the schema. */
function dataValues(o: Record<string, unknown>): Map<string, unknown> | null {
  const out = new Map<string, unknown>();
  for (const key of Reflect.ownKeys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (!d || !('value' in d)) return null;
    if (typeof key === 'string') out.set(key, d.value);
  }
  return out;
}

/** True when `opts` is undefined or a plain object whose limits, markdown and resultCache are plainly valid. */
export function plainlyValidOptions(opts: unknown): boolean {
  if (opts === undefined) return true;
  if (!isPlainObject(opts)) return false;
  const own = dataValues(opts);
  if (!own) return false;
  const limits = own.get('limits');
  if (limits !== undefined) {
    if (!isPlainObject(limits)) return false;
    const l = dataValues(limits);
    if (!l) return false;
    for (const key of Object.keys(DEFAULT_LIMITS)) if (!plainLimit(key, l.get(key))) return false;
  }
  const markdown = own.get('markdown');
  if (markdown !== undefined && markdown !== 'remark' && markdown !== 'fast') return false;
  const cache = own.get('resultCache');
  if (cache !== undefined && (typeof cache !== 'string' || cache.trim() === '')) return false;
  return true;
}
