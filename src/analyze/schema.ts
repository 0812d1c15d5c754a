import { z } from 'zod';
import { AnalysisSchema } from '../types.js';

/** JSON Schema (draft 2020-12) of `oml analyze --json` output: an array of Analysis objects. */
export function analysisJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://open-model-license.dev/schema/analysis.schema.json',
    title: 'oml analyze --json output',
    ...(z.toJSONSchema(z.array(AnalysisSchema), { io: 'output' }) as Record<string, unknown>),
  };
}
