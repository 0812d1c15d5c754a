/**
 * Issue 18 item 3: the Chinese reader on sentences of our own (hG, session 7). Each group is one meaning-level reading
 * of data/lexicons/reader/zh.yaml, shown on several wordings with near misses: a term listed must be found, a term
 * listed under `not` must not be.
 */
import { describe, expect, it } from 'vitest';
import { analyseLicense } from './analyse.js';

const names = (text: string) => new Set(analyseLicense(text).terms.filter((t) => t.origin === 'text').map((t) => t.name));

const CASES: Array<{ text: string; has?: string[]; not?: string[] }> = [
  // 并不 / 並不 / 并非 negate like 不: "does not prohibit" forbids nothing
  { text: '本协议并不禁止您将模型部署为在线服务。', not: ['no-hosting-service'] },
  { text: '本协议并不禁止您将本模型用于商业用途。', not: ['non-commercial'] },
  { text: '本协议不禁止您将本模型用于商业用途。', not: ['non-commercial'] },
  { text: '本许可不禁止将模型部署为在线服务。', not: ['no-hosting-service'] },
  { text: '本协议并不授予您任何专利许可。', has: ['no-patent-grant'] },
  // 不限制 / 并不限制: "does not restrict" restricts nothing
  { text: '本协议不限制您对模型的商业使用。', not: ['non-commercial'] },
  { text: '本协议并不限制您在任何国家或地区使用本模型。', not: ['territory-exclusion'] },
  { text: '本协议并不限制您分发模型的输出。', not: ['output-restrictions'] },
  { text: '并不限制您将输出用于训练其他模型。', not: ['no-training-other-models'] },
  { text: '本许可并不限制您对模型输出的使用。', not: ['output-restrictions'] },
  // 无需 / 不需要 + 需/须: no duty at all, and no prohibition that blocks the grant
  { text: '您可将本模型用于商业目的，无需另行申请。', has: ['commercial-use'] },
  { text: '您无需向我们注册即可使用本模型。', not: ['registration-required'] },
  { text: '使用本模型无需登记。', not: ['registration-required'] },
  { text: '您无需附上本协议副本。', not: ['include-license'] },
  { text: '您无须注明修改。', not: ['state-changes'] },
  { text: '您须在分发时附上本协议副本。', has: ['include-license'] },
  { text: '商业使用前，您必须通过电子邮件向我们登记。', has: ['registration-required'] },
  // 为非营利 / 为非商业 (segmented 为非|营利): a non-commercial purpose, not a commercial one
  { text: '您只能为非营利目的使用本模型。', has: ['non-commercial'], not: ['commercial-use'] },
  { text: '您只能为非商业目的使用、复制本模型。', has: ['non-commercial'], not: ['commercial-use'] },
  { text: '您仅可将本模型用于非商业用途。', has: ['non-commercial'], not: ['commercial-use'] },
  { text: '本模型仅限于非商业用途使用。', has: ['non-commercial'], not: ['commercial-use'] },
  { text: '被许可人仅可出于非商业目的使用、复制和修改本模型。', has: ['non-commercial'], not: ['commercial-use'] },
  // 在适用法律允许的最大范围内: the extent of a disclaimer, not a choice of law
  { text: '在适用法律允许的最大范围内，许可方不承担任何责任。', not: ['governing-law'] },
  { text: '在法律允许的最大范围内，许可方不提供任何保证。', not: ['governing-law'] },
  { text: '本协议适用中华人民共和国法律。', has: ['governing-law'] },
  { text: '本协议受中华人民共和国法律管辖。', has: ['governing-law'] },
  // 我方 / 许可方 / 我们 is the licensor: its duties bind the licensee to nothing (attribution-display now carries
  // notActor: [licensor], as disclose-source did)
  { text: '我方应当向您提供模型的源代码。', not: ['disclose-source'] },
  { text: '我方将不会把您的数据用于商业目的。', not: ['non-commercial'] },
  { text: '许可方应在官网标明模型名称。', not: ['attribution-display'] },
  { text: '我方应当在发布页面注明模型的来源。', not: ['attribution-display'] },
  { text: 'We shall display the Model name on our own website.', not: ['attribution-display'] },
  { text: '您必须在产品界面显著位置标明“基于某某模型开发”。', has: ['attribution-display'] },
  { text: '您在分发本模型时，必须附上本协议的副本。', has: ['include-license'] },
  // a licence to ask for (license-request), and a party contacted is not the subject
  { text: '任何商业使用均需获得单独的许可。', has: ['non-commercial'] },
  { text: '如需商业使用，请联系我们获取商业授权。', has: ['non-commercial'] },
  { text: '如需将本模型用于商业目的，您应当向许可方申请授权。', has: ['non-commercial'] },
  { text: '我们将向您提供商业授权的联系方式。', not: ['non-commercial'] },
  { text: '商业使用无需获得单独的许可。', not: ['non-commercial'] },
  { text: '对于商业用途，您不需要单独的许可。', not: ['non-commercial'] },
  { text: '商业用途无需向我们申请许可。', not: ['non-commercial'] },
  // a need negated in one word beside a grant word negates only the need
  { text: '您无需获得我们的许可即可将本模型用于商业目的。', has: ['commercial-use'], not: ['non-commercial'] },
  { text: '您无需另行获得授权即可商业使用本模型。', has: ['commercial-use'], not: ['non-commercial'] },
  // definitions and disclaimers stay silent
  { text: '“商业用途”是指以获取收入为目的的任何使用。', not: ['commercial-use', 'non-commercial'] },
  { text: '“非商业用途”是指不以营利为目的的使用。', not: ['commercial-use', 'non-commercial'] },
  { text: '本模型按“原样”提供，不附带任何明示或暗示的保证。', not: ['distribute'] },
];

describe('Chinese reader (our own sentences)', () => {
  for (const c of CASES) it(c.text, () => {
    const got = names(c.text);
    for (const t of c.has ?? []) expect([...got], `${t} expected`).toContain(t);
    for (const t of c.not ?? []) expect([...got], `${t} not expected`).not.toContain(t);
  });
});
