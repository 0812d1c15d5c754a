/** schema/*.schema.json: the published JSON Schemas, generated from the zod schemas (zod v4 z.toJSONSchema). */
import { checkReportJsonSchema } from '../../src/policy/report-schema.js';
import { analysisJsonSchema } from '../../src/analyze/schema.js';
import { lockJsonSchema } from '../../src/lock/schema.js';
import { surveyJsonSchema } from '../../src/survey/result.js';
import { settle, type Artefact, type Generator } from './artefacts.js';

export const serialize = (obj: unknown): string => `${JSON.stringify(obj, null, 2)}\n`;

/** file (repository-relative) -> JSON Schema. */
export function schemaArtefacts(): Artefact[] {
  const schemas: Record<string, unknown> = {
    'schema/check-report.schema.json': checkReportJsonSchema(),
    'schema/analysis.schema.json': analysisJsonSchema(),
    'schema/oml-lock.schema.json': lockJsonSchema(),
    'schema/survey.schema.json': surveyJsonSchema(),
  };
  return Object.entries(schemas).map(([path, obj]) => ({ path, content: serialize(obj) }));
}

export const schemas: Generator = {
  name: 'schemas',
  describe: 'schema/*.schema.json from the zod schemas',
  run: async (mode) => settle('schemas', mode, schemaArtefacts()),
};
