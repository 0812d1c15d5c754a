/**
 * `oml check --format cyclonedx`: a CycloneDX 1.6 BOM (JSON) with one
 * `machine-learning-model` component per model, built and validated with
 * @cyclonedx/cyclonedx-library. Hub models carry the purl
 * pkg:huggingface/ORG/NAME@SHA; licenses are SPDX ids when they are ones, else
 * named licenses; each license carries the sha256 of its documents as
 * properties; oml's status, tier, verdict and findings are component
 * properties. The base models resolved on the Hub are the component's
 * pedigree ancestors (added to the serialized JSON: the library's model has no
 * pedigree) and its dependencies; the whole document is validated against the
 * 1.6 schema before it is returned.
 */
import * as CDX from '@cyclonedx/cyclonedx-library';
import { PackageURL } from 'packageurl-js';
import { OmlError } from '../errors.js';
import type { CheckReport, ModelResult } from '../policy/report-schema.js';

const SPEC = CDX.Spec.Spec1dot6;
const P = (name: string, value: string) => new CDX.Models.Property(name, value);

function purlOf(repo: string, sha: string): string {
  const [org, name] = repo.split('/');
  return new PackageURL('huggingface', org ?? null, name ?? repo, sha, null, null).toString();
}

function license(m: ModelResult): CDX.Models.DisjunctiveLicense | null {
  const docs = (m.hub?.documents ?? []).filter((d) => d.role !== 'card');
  const props = new CDX.Models.PropertyRepository([
    ...(m.license.id ? [P('oml:license:id', m.license.id)] : []),
    P('oml:license:match', m.license.match),
    ...docs.map((d) => P(`oml:document:${d.path}:sha256`, d.sha256)),
  ]);
  if (m.license.spdx && CDX.SPDX.isSupportedSpdxId(m.license.spdx)) return new CDX.Models.SpdxLicense(m.license.spdx, { properties: props });
  const name = m.license.name ?? m.license.id;
  return name ? new CDX.Models.NamedLicense(name, { properties: props }) : null;
}

function component(m: ModelResult): CDX.Models.Component {
  const hub = m.hub;
  const [group, name] = hub ? hub.repo.split('/') : [undefined, m.id];
  const lic = license(m);
  const c = new CDX.Models.Component(CDX.Enums.ComponentType.MachineLearningModel, name ?? m.id, {
    bomRef: `oml:${m.source}:${m.id}`,
    ...(group ? { group } : {}),
    ...(hub ? { version: hub.sha, purl: purlOf(hub.repo, hub.sha) } : {}),
    licenses: new CDX.Models.LicenseRepository(lic ? [lic] : []),
    properties: new CDX.Models.PropertyRepository([
      P('oml:source', m.source),
      P('oml:status', m.status),
      P('oml:tier', m.tier),
      ...(m.verdict ? [P('oml:verdict', m.verdict)] : []),
      ...(hub ? [P('oml:revision', hub.revision)] : []),
      ...m.findings.map((f) => P(`oml:finding:${f.rule}`, `${f.level}${f.waived ? ' (waived)' : ''}: ${f.message}`)),
    ]),
  });
  return c;
}

/** Pedigree: the base models resolved on the Hub, as ancestor components (CycloneDX 1.6 component.pedigree.ancestors). */
function ancestors(m: ModelResult): Array<Record<string, unknown>> {
  return (m.hub?.lineage ?? []).map((n) => {
    const [group, name] = n.id.split('/');
    return {
      type: 'machine-learning-model',
      ...(group && name ? { group, name } : { name: n.id }),
      ...(n.sha ? { version: n.sha, purl: purlOf(n.id, n.sha) } : {}),
      ...(n.license ? { properties: [{ name: 'oml:license:id', value: n.license }] } : {}),
    };
  });
}

export async function renderCheckCycloneDx(r: CheckReport): Promise<string> {
  const bom = new CDX.Models.Bom();
  bom.metadata.tools.components.add(new CDX.Models.Component(CDX.Enums.ComponentType.Application, 'oml', { version: r.tool.version }));
  bom.metadata.properties.add(P('oml:result', r.result));
  bom.metadata.properties.add(P('oml:date', r.date));
  const byId = new Map<string, CDX.Models.Component>();
  for (const m of r.models) {
    const c = component(m);
    byId.set(m.id, c);
    bom.components.add(c);
  }
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(SPEC));
  const doc = JSON.parse(serializer.serialize(bom, { sortLists: true, space: 0 })) as { components?: Array<Record<string, unknown>> };
  for (const comp of doc.components ?? []) {
    const m = r.models.find((x) => `oml:${x.source}:${x.id}` === comp['bom-ref']);
    const anc = m ? ancestors(m) : [];
    if (anc.length) comp.pedigree = { ancestors: anc };
  }
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  const invalid = await new CDX.Validation.JsonStrictValidator(SPEC.version).validate(json);
  if (invalid) throw new OmlError('USAGE', `internal error: the CycloneDX BOM does not validate against the 1.6 schema: ${JSON.stringify(invalid).slice(0, 500)}`);
  return json;
}
