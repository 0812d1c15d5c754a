/** Input limits. Every one is overridable (CLI flag or config) and documented in README. */
export interface Limits {
  /** Largest single file read, in bytes. */
  maxFileBytes: number;
  /** Largest total bytes read in one scan. */
  maxTotalBytes: number;
  /** Most files visited in one directory scan. */
  maxFiles: number;
  /** Deepest directory nesting visited. */
  maxDepth: number;
  /** YAML: most alias nodes resolved in one document. */
  maxYamlAliases: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxFiles: 200_000,
  maxDepth: 32,
  maxYamlAliases: 100,
};

export function withLimits(over?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(over ?? {}) };
}
