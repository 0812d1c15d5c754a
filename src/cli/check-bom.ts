/** `oml check --format cyclonedx`: the renderer (and its CycloneDX library) is loaded only when asked for. */
import type { CheckReport } from '../policy/report-schema.js';

export async function renderCycloneDx(report: CheckReport): Promise<string> {
  const { renderCheckCycloneDx } = await import('../report/check-cyclonedx.js');
  return renderCheckCycloneDx(report);
}
