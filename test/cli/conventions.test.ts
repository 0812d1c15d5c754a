/** CLI conventions: --help per command, --version, stdin, --quiet/--verbose, --fail-on, colour, the Hub URL hint. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourEnabled, painter } from '../../src/cli/colour.js';
import { hubUrlHint } from '../../src/cli/hub-hint.js';
import { parseFailOn } from '../../src/cli/fail-on.js';
import type { Analysis } from '../../src/types.js';
import { REPO, oml } from './helpers.js';

const MIT = '../shared/corpus/licenses/deepseek-r1-mit.txt';
const PROFILE = ['--profile', 'examples/profile.yaml'];
const ESC = '\x1b[';

describe('--help', () => {
  for (const cmd of ['analyze', 'check', 'lock', 'survey']) {
    it(`oml ${cmd} --help prints that command's usage with examples, exit 0`, () => {
      for (const args of [[cmd, '--help'], [cmd, '-h'], [cmd, '--bogus-flag', '--help'], ['help', cmd]]) {
        const r = oml(args);
        expect(r.status, args.join(' ')).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout.startsWith(`Usage:\n  oml ${cmd} `)).toBe(true);
        expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n(  oml ${cmd}.*\\n)+`));
        expect(r.stdout).toMatch(/\nExit codes: 0 /);
        for (const other of ['analyze', 'check', 'lock', 'survey'].filter((o) => o !== cmd)) expect(r.stdout).not.toContain(`  oml ${other} `);
      }
    });
  }

  it('a usage error names the command help', () => {
    const r = oml(['analyze', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^oml analyze: Unknown option '--bogus'.*\(oml analyze --help for usage\)\n$/);
  });

  it('oml --help gives the overview of all commands', () => {
    const r = oml(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['analyze', 'check', 'lock', 'survey']) expect(r.stdout).toContain(`  oml ${cmd} `);
  });
});

describe('--version', () => {
  it("prints package.json's version, which check reports carry too", () => {
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    const r = oml(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    const c = oml(['check', 'examples/demo-repo', '--format', 'json']);
    expect((JSON.parse(c.stdout) as { tool: { version: string } }).tool.version).toBe(version);
  });
});

describe("PATH '-' reads stdin", () => {
  it('analyses the text as <stdin>, as the same file would be', () => {
    const text = readFileSync(join(REPO, MIT));
    const r = oml(['analyze', '-', '--json'], { input: text });
    expect(r.status, r.stderr).toBe(0);
    const file = JSON.parse(oml(['analyze', MIT, '--json']).stdout) as Analysis[];
    const [a] = JSON.parse(r.stdout) as Analysis[];
    expect(a!.subject.path).toBe('<stdin>');
    expect(a!.license.id).toBe(file[0]!.license.id);
    expect(a!.terms.map((t) => [t.name, t.evidence.line, t.evidence.path])).toEqual(file[0]!.terms.map((t) => [t.name, t.evidence.line, '<stdin>']));
    const txt = oml(['analyze', '-'], { input: text });
    expect(txt.stdout.split('\n')[0]).toBe('<stdin> (license)');
  });

  it('is bounded by --max-file-size: over it, exit 2 naming <stdin> and TOO_LARGE', () => {
    const r = oml(['analyze', '-', '--max-file-size', '1000'], { input: Buffer.alloc(200_000, 'a') });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error \[TOO_LARGE\] <stdin>: .*1000 bytes/);
  });

  it('empty or binary stdin is an input error naming <stdin>; two - are a usage error', () => {
    expect(oml(['analyze', '-'], { input: '' }).stderr).toMatch(/error \[EMPTY\] <stdin>: /);
    const bin = oml(['analyze', '-'], { input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) });
    expect(bin.status).toBe(2);
    expect(bin.stderr).toMatch(/error \[BINARY\] <stdin>: /);
    const two = oml(['analyze', '-', '-'], { input: 'x' });
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/'-' \(stdin\) given more than once/);
  });
});

describe('--quiet and --verbose', () => {
  it('--quiet prints the headline of each subject, and the NEEDS REVIEW caution when there is one', () => {
    const r = oml(['analyze', MIT, 'examples/acme-model', ...PROFILE, '--quiet']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\.\.\/shared\/corpus\/licenses\/deepseek-r1-mit\.txt: ALLOWED: /);
    expect(lines[1]).toMatch(/^examples\/acme-model: ALLOWED-WITH-OBLIGATIONS: /);
    expect(lines[2]).toMatch(/^ {2}NEEDS REVIEW: license text not recognised/);
    const full = oml(['analyze', 'examples/acme-model', ...PROFILE]).stdout.split('\n');
    expect(lines[1]).toBe(`examples/acme-model: ${full[1]!.trim()}`);
  });

  it('--verbose adds each term\'s evidence sentence and the openness reasons', () => {
    const normal = oml(['analyze', MIT]).stdout;
    const r = oml(['analyze', MIT, '--verbose']);
    expect(r.status).toBe(0);
    const [a] = JSON.parse(oml(['analyze', MIT, '--json']).stdout) as Analysis[];
    expect(r.stdout.length).toBeGreaterThan(normal.length);
    expect(r.stdout).toContain(`\n        "${a!.terms[0]!.evidence.sentence.slice(0, 40)}`);
    for (const reason of a!.openness.reasons) expect(r.stdout).toContain(`    reason: ${reason.message}`);
    for (const line of normal.split('\n')) expect(r.stdout.split('\n')).toContain(line);
  });

  it('--quiet with --verbose or --json is a usage error', () => {
    expect(oml(['analyze', MIT, '--quiet', '--verbose']).status).toBe(2);
    expect(oml(['analyze', MIT, '--quiet', '--json']).stderr).toMatch(/--quiet shapes the text report: not with --json/);
  });

  it('oml check --quiet prints only the first line (pass or fail and why); not with another format', () => {
    const r = oml(['check', 'examples/demo-repo', '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FAIL: 1 of 4 models cannot ship: [^\n]+\n$/);
    expect(oml(['check', 'examples/demo-repo', '--quiet', '--format', 'json']).status).toBe(2);
  });
});

describe('--fail-on VERDICTS', () => {
  it('exit 1 when a subject has one of the verdicts, naming it; 0 otherwise', () => {
    const bad = oml(['analyze', MIT, 'examples/demo-repo/models/vision-research', ...PROFILE, '--fail-on', 'prohibited,license-required']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('oml analyze: --fail-on: examples/demo-repo/models/vision-research: prohibited\n');
    expect(bad.stdout).toContain('PROHIBITED');
    const ok = oml(['analyze', MIT, ...PROFILE, '--fail-on', 'prohibited,license-required,unknown']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
  });

  it('unknown also catches a license text oml did not recognise (what check fails as unknown-license)', () => {
    const r = oml(['analyze', 'examples/acme-model', ...PROFILE, '--fail-on', 'unknown', '--json']);
    expect((JSON.parse(r.stdout) as Analysis[])[0]!.commercialUse!.verdict).toBe('allowed-with-obligations');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/examples\/acme-model: unknown \(license text not recognised: needs review\)/);
  });

  it('a bad value exits 2 naming it; without --profile there is no verdict to judge: exit 2', () => {
    const r = oml(['analyze', MIT, ...PROFILE, '--fail-on', 'prohibited,forbidden']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--fail-on: 'forbidden' is not a verdict/);
    expect(oml(['analyze', MIT, ...PROFILE, '--fail-on', ' , ']).status).toBe(2);
    const np = oml(['analyze', MIT, '--fail-on', 'prohibited']);
    expect(np.status).toBe(2);
    expect(np.stderr).toMatch(/--fail-on .*need --profile FILE/);
    expect(parseFailOn('allowed, prohibited')).toEqual({ verdicts: new Set(['allowed', 'prohibited']) });
  });
});

describe('colour', () => {
  it('on a TTY only; FORCE_COLOR turns it on (and wins over NO_COLOR), NO_COLOR and FORCE_COLOR=0 off', () => {
    expect(colourEnabled(true, {})).toBe(true);
    expect(colourEnabled(false, {})).toBe(false);
    expect(colourEnabled(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(true, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled(true, { TERM: 'dumb' })).toBe(false);
    expect(colourEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(false, { FORCE_COLOR: '' })).toBe(true);
    expect(colourEnabled(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(painter(false)('bad', 'x')).toBe('x');
    expect(painter(true)('bad', 'x')).toBe('\x1b[31mx\x1b[39m');
  });

  it('the CLI colours the headline and caution only when asked, never JSON, never the quoted text', () => {
    const args = ['analyze', 'examples/acme-model', ...PROFILE];
    expect(oml(args).stdout).not.toContain(ESC);
    expect(oml(args, { env: { NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    const forced = oml(args, { env: { FORCE_COLOR: '1' } }).stdout.split('\n');
    expect(forced[1]).toMatch(/^\x1b\[33m {2}ALLOWED-WITH-OBLIGATIONS: .*\x1b\[39m$/);
    expect(forced[2]).toMatch(/^\x1b\[31m {2}NEEDS REVIEW: .*\x1b\[39m$/);
    expect(forced.slice(3).join('\n')).not.toContain(ESC);
    expect(oml([...args, '--json'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });
});

describe('a Hub id given as a path', () => {
  it('a Hub URL that is no local path gets a hint naming hf:org/name', () => {
    const r = oml(['analyze', 'https://huggingface.co/meta-llama/Llama-3.1-8B']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error \[ENOENT\] .*\noml analyze: hint: .*analyse the model as hf:meta-llama\/Llama-3\.1-8B \(add --online/);
    expect(hubUrlHint('hf.co/org/name/tree/v1.0')).toMatch(/as hf:org\/name@v1\.0 /);
    expect(hubUrlHint('https://huggingface.co/models/org/name')).toMatch(/as hf:org\/name /);
    expect(hubUrlHint('https://example.com/org/name')).toBeNull();
    expect(hubUrlHint('models/missing')).toBeNull();
  });

  it('a bare org/name that is no local path, offline, says to pass --online; a plain missing file gets no hint', () => {
    const r = oml(['analyze', 'no-such-org/no-such-model']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a Hub model id.*pass --online/);
    const f = oml(['analyze', 'no-such-dir/LICENSE.txt/x']);
    expect(f.status).toBe(2);
    expect(f.stderr).toMatch(/error \[ENOENT\]/);
    expect(f.stderr).not.toContain('hint');
  });
});
