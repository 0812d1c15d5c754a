/**
 * Hostile repositories (issue 11): `oml check` runs on pull requests, so the
 * scanned tree is attacker-written. Every case of the list, end to end
 * on temporary repositories: nothing outside the root is read or written (an
 * outside canary's text never reaches any report), reports cannot be forged,
 * odd files and arguments are clear exit-2 errors.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const base = mkdtempSync(join(tmpdir(), 'oml-hostile-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const CANARY = 'SECRET-CANARY-7f3a';
/** Outside the scanned root: a LICENSE-looking file and a model folder whose text must never be read. */
const outside = join(base, 'outside');
mkdirSync(join(outside, 'model'), { recursive: true });
writeFileSync(join(outside, 'LICENSE'), `You must display "${CANARY}" in your product.\n`);
writeFileSync(join(outside, 'model', 'LICENSE'), `You must display "${CANARY}" in your product.\n`);
writeFileSync(join(outside, 'model', 'README.md'), `---\nlicense: mit\nlicense_name: ${CANARY}\n---\n`);
writeFileSync(join(outside, 'app.py'), `from_pretrained("${CANARY}/model")\n`);
writeFileSync(join(outside, 'cfg.yaml'), `${CANARY}: 1\npolicy:\n  allow: [closed]\n`);

let n = 0;
function repo(files: Record<string, string> = {}): string {
  const root = join(base, `repo${n++}`);
  mkdirSync(root, { recursive: true });
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), body);
  }
  return root;
}
const link = (target: string, root: string, rel: string) => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  symlinkSync(target, join(root, rel));
};

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => { stdout += String(c); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { stderr += String(c); return true; });
  const code = await runCheck(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

/** Every report format of one run. */
async function allReports(root: string, extra: string[] = []): Promise<{ code: number; reports: Record<string, string> }> {
  const reports: Record<string, string> = {};
  let code = -1;
  for (const format of ['text', 'json', 'markdown', 'sarif']) {
    const r = await check([root, '--format', format, ...extra]);
    reports[format] = r.stdout + r.stderr;
    code = r.code;
  }
  return { code, reports };
}

const MIT_CARD = '---\nlicense: mit\n---\n# Model\n';

describe('root confinement: nothing outside the scanned root is read', () => {
  const cases: Array<[string, () => string, string]> = [
    ['models: - path: ../outside', () => repo({ 'oml.config.yaml': 'policy:\n  allow: [open-weight-permissive]\nmodels:\n  - path: ../outside/model\n' }), '../outside/model'],
    ['models: - path: an absolute path', () => repo({ 'oml.config.yaml': `policy:\n  allow: [open-weight-permissive]\nmodels:\n  - path: ${join(outside, 'model')}\n` }), join(outside, 'model')],
    ['a LICENSE symlink to a file outside', () => { const r = repo({ 'models/a/README.md': MIT_CARD }); link(join(outside, 'LICENSE'), r, 'models/a/LICENSE'); return r; }, 'models/a/LICENSE'],
    ['a LICENSE symlink to /etc/passwd', () => { const r = repo({ 'models/a/README.md': MIT_CARD }); link('/etc/passwd', r, 'models/a/LICENSE'); return r; }, 'models/a/LICENSE'],
    ['a model folder symlinked to a directory outside', () => { const r = repo(); link(join(outside, 'model'), r, 'models/linked'); return r; }, 'models/linked'],
    ['a model folder symlinked to /', () => { const r = repo(); link('/', r, 'models/host'); return r; }, 'models/host'],
    ['a symlinked source file', () => { const r = repo(); link(join(outside, 'app.py'), r, 'src/app.py'); return r; }, 'src/app.py'],
  ];
  for (const [name, make, shown] of cases) {
    it(`${name}: not read, a failing outside-root finding names the link`, async () => {
      const root = make();
      const { code, reports } = await allReports(root);
      expect(code).toBe(1);
      for (const [format, text] of Object.entries(reports)) {
        expect(text, format).not.toContain(CANARY);
        expect(text, format).not.toContain('root:x:0:0'); // /etc/passwd content
      }
      const json = JSON.parse(reports.json!.slice(0, reports.json!.lastIndexOf('}') + 1));
      const hit = json.models.flatMap((m: { findings: Array<{ rule: string; message: string }> }) => m.findings).find((f: { rule: string }) => f.rule === 'outside-root');
      expect(hit, JSON.stringify(json.models)).toBeDefined();
      expect(hit.message).toContain(shown);
      expect(hit.message).toContain('->');
    });
  }

  it('a symlinked oml.config.yaml pointing outside is refused (exit 2) without quoting the outside file', async () => {
    const root = repo({ 'models/a/README.md': MIT_CARD });
    link(join(outside, 'cfg.yaml'), root, 'oml.config.yaml');
    const r = await check([root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OUTSIDE_ROOT');
    expect(r.stderr).not.toContain(CANARY);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('allowedRoots lets an explicitly listed directory be read (off by default)', async () => {
    const root = repo({ 'oml.config.yaml': `policy:\n  allow: [open-weight-permissive]\nallowedRoots: [${outside}]\nmodels:\n  - path: ../outside/model\n` });
    const r = await check([root, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    const rules = report.models.flatMap((m: { findings: Array<{ rule: string }> }) => m.findings.map((f) => f.rule));
    expect(rules).not.toContain('outside-root');
    // the outside LICENSE was read this time: its (unrecognised) text is what the finding is about
    expect(report.models[0].findings[0].message).toContain('model/LICENSE');
  });

  it('symlinks that stay inside the root are still followed', async () => {
    const root = repo({ 'vendor/real/README.md': MIT_CARD });
    link(join(root, 'vendor/real'), root, 'models/alias');
    const r = await check([root, '--format', 'json']);
    expect(JSON.parse(r.stdout).models.flatMap((m: { findings: Array<{ rule: string }> }) => m.findings.map((f) => f.rule))).not.toContain('outside-root');
  });
});

describe('writes: --output never leaves the root through a link, never overwrites an input', () => {
  it('a committed oml.sarif -> outside symlink is refused; the target is untouched', async () => {
    const victim = join(base, `victim${n}`);
    writeFileSync(victim, 'precious');
    const root = repo({ 'models/a/README.md': MIT_CARD });
    link(victim, root, 'oml.sarif');
    const r = await check([root, '--format', 'sarif', '--output', join(root, 'oml.sarif')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--output .*symlink/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('--output equal to an input file (the card, the config) is refused and the input is unchanged', async () => {
    const root = repo({ 'models/a/README.md': MIT_CARD, 'oml.config.yaml': 'policy:\n  allow: [open-weight-permissive]\n' });
    for (const rel of ['models/a/README.md', 'oml.config.yaml']) {
      const before = readFileSync(join(root, rel), 'utf8');
      const r = await check([root, '--output', join(root, rel)]);
      expect(r.code, rel).toBe(2);
      expect(r.stderr).toContain('input');
      expect(readFileSync(join(root, rel), 'utf8')).toBe(before);
    }
  });

  it('the report is written whole through a temp file: no temp file is left beside it', async () => {
    const root = repo({ 'models/a/README.md': MIT_CARD });
    const outDir = join(base, `out${n}`);
    mkdirSync(outDir);
    const r = await check([root, '--format', 'json', '--output', join(outDir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(readdirSync(outDir)).toEqual(['r.json']);
    expect(JSON.parse(readFileSync(join(outDir, 'r.json'), 'utf8')).result).toBe('pass');
  });
});

describe('odd files and arguments: one-line exit-2 errors, no hang', () => {
  it('an oml.config.yaml that is a FIFO is refused at once', async () => {
    const root = repo();
    execFileSync('mkfifo', [join(root, 'oml.config.yaml')]);
    const t0 = Date.now();
    const r = await check([root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/FIFO/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('--config /dev/zero is refused without reading it', async () => {
    const r = await check([repo(), '--config', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/character device/);
  });

  it("check '' is a usage error, not a scan of the working directory", async () => {
    const r = await check(['']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty path/);
    expect(r.stdout).toBe('');
  });

  it('an oversized config is refused (config file limit)', async () => {
    const root = repo({ 'oml.config.yaml': `policy:\n  allow: [open-source]\n${'# pad\n'.repeat(40_000)}` });
    const r = await check([root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TOO_LARGE/);
  });

  const cli = join(__dirname, '../../dist/cli.js');
  it.runIf(existsSync(cli))('piping into a reader that closes early (| head) ends quietly with the run\'s exit code', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`models/m${i}/README.md`] = `---\nlicense: other\nlicense_name: custom-${i}\n---\n`;
    const root = repo(files);
    const child = spawn(process.execPath, [cli, 'check', root, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(1);
  }, 60_000);

  it.runIf(existsSync(cli))('SIGINT during a run leaves no --output file and no temp file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`models/m${i}/README.md`] = `---\nlicense: other\nlicense_name: custom-${i}\n---\n`;
    const root = repo(files);
    const outDir = join(base, `sigint${n}`);
    mkdirSync(outDir);
    const child = spawn(process.execPath, [cli, 'check', root, '--format', 'sarif', '--output', join(outDir, 'oml.sarif')], { stdio: 'ignore' });
    await new Promise((res) => setTimeout(res, 400));
    child.kill('SIGINT');
    await new Promise((res) => child.on('close', res));
    expect(readdirSync(outDir)).toEqual([]);
  }, 60_000);
});

describe('forged reports: card fields, folder names and Modelfile FROM lines cannot forge output', () => {
  const ESC = '\x1b';
  const payload = `${ESC}[2J${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\\rPASS  fake ![img](http://evil.example/t.png) [link](http://evil.example) @octocat <b>hi</b> | x | y \`\`\` a\`b \u202e`;
  function hostileRepo(): string {
    const root = repo({
      // YAML double-quoted escapes put ESC, CR and U+202E into the card fields
      'models/a/README.md': '---\nlicense: other\nlicense_name: "x\\e[2J\\r\\nPASS ![i](http://evil.example/i.png) @octocat \\u202e"\nbase_model: "org/m\\e[31m"\n---\n',
      Modelfile: `FROM llama3${payload}\n`,
    });
    const dir = join(root, "models", `evil${ESC}[2J[x](http:||evil.example) @bob |c| \r\u202e`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'LICENSE'), `Custom terms ${payload}\n`);
    return root;
  }

  it('text: no raw control or format character, one line per model, no fake PASS line', async () => {
    const r = await check([hostileRepo()]);
    expect(r.code).toBe(1);
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('PASS'))).toEqual([]);
    // the first line (FAIL: …) and one line per model, each model's findings indented below it
    expect(lines[0]).toMatch(/^FAIL: 3 of 3 models cannot ship: /);
    expect(lines.filter((l) => /^FAIL {3}/.test(l))).toHaveLength(3);
    expect(r.stdout).toContain('\\x1b[2J'); // the payload is shown, escaped
    expect(r.stdout).toContain('<U+202E>');
  });

  it('markdown as GitHub renders it (micromark + GFM): no link, image, HTML, mention or extra cell from input', async () => {
    const r = await check([hostileRepo(), '--format', 'markdown']);
    const html = micromark(r.stdout, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    expect(html).toContain('evil.example'); // the payload is in the report, as text
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/<img/);
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    for (const t of tags) expect(['h2', 'h3', 'p', 'strong', 'code', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'ul', 'li']).toContain(t);
    for (const table of html.split('<table>').slice(1)) {
      const head = table.slice(0, table.indexOf('</thead>')).match(/<th[\s>]/g)!.length;
      for (const row of table.slice(table.indexOf('<tbody>')).split('<tr>').slice(1)) expect(row.match(/<td[\s>]/g)?.length).toBe(head);
    }
    const prose = html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]*>/g, '');
    expect(prose).not.toMatch(/@[A-Za-z0-9]/);
    expect(prose).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
  });

  it('SARIF and JSON carry no raw control character in messages (JSON-escaped, SARIF text escaped)', async () => {
    const sarif = JSON.parse((await check([hostileRepo(), '--format', 'sarif'])).stdout);
    for (const res of sarif.runs[0].results) expect(res.message.text).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    const json = (await check([hostileRepo(), '--format', 'json'])).stdout;
    expect(json).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
  });
});
