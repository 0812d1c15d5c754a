/**
 * Whether oml takes its fast paths (default on; env OML_NO_FASTPATH=1 turns every one off): the clause rules'
 * prefilter and sentence reuse in extraction, the paragraph memo in identification, the same-text memo of a run.
 * One switch below every layer, so that each layer reads it the same way.
 */
export function fastPathsOn(): boolean {
  return process.env.OML_NO_FASTPATH !== '1';
}
