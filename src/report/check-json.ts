/** `oml check --format json`: the CheckReport, validated against its zod schema before output. */
import { CheckReportSchema, type CheckReport } from '../policy/report-schema.js';

export function renderCheckJson(r: CheckReport): string {
  return `${JSON.stringify(CheckReportSchema.parse(r), null, 2)}\n`;
}
