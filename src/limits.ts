import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';

/**
 * Input limits: the one schema (config `limits:` and the API's `limits` option
 * validate overrides with `LimitsSchema.partial()`). Every one is overridable
 * (CLI flag or config) and documented in README.
 */
export const LimitsSchema = lazySchema(() => z.object({
  /** Largest single file read, in bytes. */
  maxFileBytes: z.number().int().positive(),
  /** Largest total bytes read in one scan. */
  maxTotalBytes: z.number().int().positive(),
  /** Most files visited in one directory scan. */
  maxFiles: z.number().int().positive(),
  /** Deepest directory nesting visited. */
  maxDepth: z.number().int().positive(),
  /** YAML: most alias nodes resolved in one document. */
  maxYamlAliases: z.number().int().nonnegative(),
}));
export type Limits = z.infer<typeof LimitsSchema>;

/** The YAML alias cap (a YAML bomb guard): the default of `maxYamlAliases` and the cap on the package's own YAML files. */
export const YAML_MAX_ALIASES = 100;

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxFiles: 200_000,
  maxDepth: 32,
  maxYamlAliases: YAML_MAX_ALIASES,
};

export function withLimits(over?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(over ?? {}) };
}
