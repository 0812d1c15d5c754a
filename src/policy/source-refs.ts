/**
 * Model ids referenced in code and config files:
 *   from_pretrained("org/name"), pipeline(..., model="org/name"),
 *   pipeline("task", "org/name"), vLLM LLM(model="org/name") / LLM("org/name"),
 *   KEY=org/name lines (any *_MODEL, MODEL_ID, MODEL_NAME, *_model_name_or_path key;
 *   also YAML/JSON/TOML `base_model: org/name`), Ollama `FROM name[:tag]` in Modelfiles.
 *
 * Every regex here is linear: single quantifiers over classes that cannot overlap
 * with what follows them.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import type { Warning } from '../types.js';
import { isOmlError } from '../errors.js';
import type { ReadBudget } from '../read/budget.js';

export type RefKind = 'from_pretrained' | 'pipeline' | 'vllm' | 'kwarg' | 'env' | 'config-key' | 'modelfile';

export interface SourceRef {
  /** The model id as written (org/name, or an Ollama name:tag). */
  id: string;
  /** Posix path relative to the scanned root. */
  file: string;
  line: number;
  column: number;
  kind: RefKind;
}

const ID = String.raw`[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*`;
const Q = String.raw`\\?["']`;

const CALL_PATTERNS: Array<{ kind: RefKind; re: RegExp }> = [
  { kind: 'from_pretrained', re: new RegExp(String.raw`\.from_pretrained\(\s*(?:pretrained_model_name_or_path\s*=\s*)?${Q}(${ID})${Q}`, 'g') },
  { kind: 'pipeline', re: new RegExp(String.raw`\bpipeline\(\s*${Q}[A-Za-z0-9-]+${Q}\s*,\s*${Q}(${ID})${Q}`, 'g') },
  { kind: 'vllm', re: new RegExp(String.raw`\bLLM\(\s*${Q}(${ID})${Q}`, 'g') },
  // model="org/name" keyword argument (pipeline(...), LLM(...), and friends); labelled by context below.
  { kind: 'kwarg', re: new RegExp(String.raw`\bmodel\s*=\s*${Q}(${ID})${Q}`, 'g') },
];

/** KEY=value / KEY: value lines (env files, YAML, TOML, JSON, Python assignments). */
const KEY_LINE = new RegExp(String.raw`^\s*(?:export\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[:=]\s*${Q}?(${ID})`);
const MODEL_KEY = /(?:^|[_.-])model(?:_id|_name|_name_or_path|_repo)?$|^model_(?:id|name)$/i;
const MODELFILE_FROM = /^\s*FROM\s+(\S+)/i;
/** Comment lines (#, //, /*, *): commented-out code and docs are not dependencies. */
const COMMENT_LINE = /^\s*(?:#|\/\/|\/\*|\*)/;

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

function kwargKind(lines: string[], i: number, col: number): RefKind {
  // Look back over the current and up to 5 previous lines for the call that owns the kwarg.
  const back = [lines[i]!.slice(0, col), ...lines.slice(Math.max(0, i - 5), i).reverse()];
  for (const l of back) {
    const llm = l.lastIndexOf('LLM(');
    const pipe = l.lastIndexOf('pipeline(');
    if (llm >= 0 || pipe >= 0) return llm > pipe ? 'vllm' : 'pipeline';
  }
  return 'kwarg';
}

function isModelfile(file: string): boolean {
  const b = basename(file);
  return b === 'Modelfile' || b.startsWith('Modelfile.');
}

/** References in one file's text. `file` is the posix path reported. */
export function findRefsInText(text: string, file: string): SourceRef[] {
  const out: SourceRef[] = [];
  const lines = text.split('\n');
  const modelfile = isModelfile(file);
  const seen = new Set<string>();
  const push = (r: SourceRef) => {
    const key = `${r.line}:${r.column}:${r.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.length > 20000) continue; // minified or data lines
    if (COMMENT_LINE.test(line)) continue;
    if (modelfile) {
      const m = MODELFILE_FROM.exec(line);
      if (m) {
        const id = m[1]!;
        // Local weights (./model.gguf, /abs/path) are not model ids.
        if (!/^[./~]/.test(id) && !/\.(?:gguf|bin|safetensors)$/i.test(id)) {
          push({ id, file, line: i + 1, column: line.indexOf(id) + 1, kind: 'modelfile' });
        }
      }
      continue;
    }
    let callHit = false;
    for (const { kind, re } of CALL_PATTERNS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) !== null) {
        const id = m[1]!;
        const column = m.index + m[0].lastIndexOf(id) + 1;
        push({ id, file, line: i + 1, column, kind: kind === 'kwarg' ? kwargKind(lines, i, m.index) : kind });
        callHit = true;
      }
    }
    if (callHit) continue;
    const k = KEY_LINE.exec(line);
    if (k && MODEL_KEY.test(k[1]!)) {
      const id = k[2]!;
      const env = /^\s*(?:export\s+)?[A-Z][A-Z0-9_]*=/.test(line);
      push({ id, file, line: i + 1, column: line.indexOf(id) + 1, kind: env ? 'env' : 'config-key' });
    }
  }
  return out;
}

export interface FindRefsOptions {
  /** Files larger than this are skipped (with a warning). */
  maxFileBytes?: number;
  /** The run's total-bytes budget (maxTotalBytes): each scanned file is charged; running out throws LIMIT. */
  budget?: ReadBudget;
}

/** Scan files (absolute paths under `root`) for model references. */
export async function findSourceRefs(root: string, files: string[], opts: FindRefsOptions = {}): Promise<{ refs: SourceRef[]; warnings: Warning[] }> {
  const max = opts.maxFileBytes ?? 1024 * 1024;
  const refs: SourceRef[] = [];
  const warnings: Warning[] = [];
  for (const f of files) {
    const rel = toPosix(relative(root, f));
    try {
      const st = await stat(f);
      if (st.size > max) {
        // Large JSON (tokenizers, weight indexes) is expected; only code files are worth a warning.
        if (!/\.json$/i.test(f)) warnings.push({ code: 'SKIPPED_LARGE', message: `not scanned for model references: ${st.size} bytes is over ${max}`, path: rel });
        continue;
      }
      opts.budget?.charge(st.size, rel);
      const text = await readFile(f, 'utf8');
      if (text.includes('\u0000')) continue;
      refs.push(...findRefsInText(text, rel));
    } catch (e) {
      if (isOmlError(e) && e.code === 'LIMIT') throw e;
      warnings.push({ code: 'EACCES', message: `cannot read for model references: ${(e as Error).message}`, path: rel });
    }
  }
  return { refs, warnings };
}

/** Every regular expression used to find references (exported for the ReDoS safety test). */
export const REF_REGEXES: RegExp[] = [...CALL_PATTERNS.map((p) => p.re), KEY_LINE, MODEL_KEY, MODELFILE_FROM, COMMENT_LINE];
