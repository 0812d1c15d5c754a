/**
 * The id of the build this code belongs to: tsup defines `__OML_BUILD_ID__` in every bundle of one
 * build (tsup.config.ts: sha256 over the sources, the lockfile and the config), so an artefact the
 * build computed with the code itself (not only from data) is used only by that same code. Run from
 * the sources (tests), there is no build id and such artefacts are never used.
 */
declare const __OML_BUILD_ID__: string | undefined;

export function buildId(): string | null {
  return typeof __OML_BUILD_ID__ === 'string' ? __OML_BUILD_ID__ : null;
}
