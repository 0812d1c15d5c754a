/**
 * Model ids referenced in code and config files:
 *   from_pretrained("org/name"), pipeline(..., model="org/name"),
 *   pipeline("task", "org/name"), vLLM LLM(model="org/name") / LLM("org/name"),
 *   KEY=org/name lines (any *_MODEL, MODEL_ID, MODEL_NAME, *_model_name_or_path key;
 *   also YAML/JSON/TOML `base_model: org/name`), Ollama `FROM name[:tag]` in Modelfiles.
 *
 * Calls may be split over several lines (black's `from_pretrained(\n    "org/x"\n)`).
 * Files are read as streams, so a file of any size is scanned; long lines are
 * scanned in overlapping pieces; notebooks are scanned cell by cell (see
 * notebook-refs.ts). Nothing is skipped silently: a file that cannot be read is
 * a scan warning, shown in every report format.
 *
 * Every regex here is linear: bounded quantifiers over classes that cannot
 * overlap with what follows them.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import type { Warning } from '../types.js';
import { isOmlError } from '../errors.js';
import type { ReadBudget } from '../read/budget.js';
import { notebookRecords } from './notebook-refs.js';
import { LineSplitter, recordsOf, unitOf, type RefRecord } from './ref-records.js';
import { toPosix } from '../paths.js';
import { lastAtOrBefore } from '../sorted.js';

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

// Hub names are at most 96 characters per part; the bounds keep every match short (< PIECE_OVERLAP).
const ID = String.raw`[A-Za-z0-9][A-Za-z0-9._-]{0,127}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}`;
const Q = String.raw`\\?["']`;
/** Whitespace inside a call, newlines included (calls split over lines). */
const WS = String.raw`\s{0,256}`;

/** Each call pattern with the literal every match contains (a block without it is not searched). */
const CALL_PATTERNS: Array<{ kind: RefKind; re: RegExp; literal: string }> = [
  { kind: 'from_pretrained', literal: '.from_pretrained(', re: new RegExp(String.raw`\.from_pretrained\(${WS}(?:pretrained_model_name_or_path${WS}=${WS})?${Q}(${ID})${Q}`, 'g') },
  { kind: 'pipeline', literal: 'pipeline(', re: new RegExp(String.raw`\bpipeline\(${WS}${Q}[A-Za-z0-9-]{1,64}${Q}${WS},${WS}${Q}(${ID})${Q}`, 'g') },
  { kind: 'vllm', literal: 'LLM(', re: new RegExp(String.raw`\bLLM\(${WS}${Q}(${ID})${Q}`, 'g') },
  // model="org/name" keyword argument (pipeline(...), LLM(...), and friends); labelled by context below.
  { kind: 'kwarg', literal: 'model', re: new RegExp(String.raw`\bmodel${WS}=${WS}${Q}(${ID})${Q}`, 'g') },
];

/** KEY=value / KEY: value lines (env files, YAML, TOML, JSON, Python assignments). */
const KEY_LINE = new RegExp(String.raw`^[ \t]{0,256}(?:export[ \t]{1,16})?["']?([A-Za-z_][A-Za-z0-9_.-]{0,127})["']?[ \t]{0,64}[:=][ \t]{0,64}${Q}?(${ID})`);
const MODEL_KEY = /(?:^|[_.-])model(?:_id|_name|_name_or_path|_repo)?$|^model_(?:id|name)$/i;
const MODELFILE_FROM = /^[ \t]{0,256}FROM[ \t]{1,64}(\S{1,512})/i;
/** Comment lines (#, //, /*, *): commented-out code and docs are not dependencies. */
const COMMENT_LINE = /^\s{0,256}(?:#|\/\/|\/\*|\*)/;
const ENV_LINE = /^[ \t]{0,256}(?:export[ \t]{1,16})?[A-Z][A-Z0-9_]{0,127}=/;


function isModelfile(file: string): boolean {
  const b = basename(file);
  return b === 'Modelfile' || b.startsWith('Modelfile.');
}

/** Characters buffered before a block is scanned; blocks overlap by CONTEXT_RECORDS records. */
const BLOCK_CHARS = 1024 * 1024;
const CONTEXT_RECORDS = 8;
/** Lines looked back for the call that owns a model= keyword argument. */
const KWARG_LOOKBACK = 5;

/**
 * Scans records in blocks of about BLOCK_CHARS; consecutive blocks share their
 * last CONTEXT_RECORDS records, so a call split over lines at a block boundary
 * is still seen (duplicates are removed by position).
 */
export class RefScanner {
  private readonly out: SourceRef[] = [];
  private readonly seen = new Set<string>();
  /** Logical lines (unitOf) that are comments, or that hold a call (no key-line check then). */
  private readonly commentLines = new Set<number>();
  private readonly callLines = new Set<number>();
  private buf: RefRecord[] = [];
  private chars = 0;
  private readonly modelfile: boolean;

  constructor(private readonly file: string) {
    this.modelfile = isModelfile(file);
  }

  push(r: RefRecord): void {
    this.buf.push(r);
    this.chars += r.text.length + 1;
    if (this.chars >= BLOCK_CHARS) {
      this.scan(this.buf);
      this.buf = this.buf.slice(-CONTEXT_RECORDS);
      this.chars = this.buf.reduce((n, x) => n + x.text.length + 1, 0);
    }
  }

  end(): SourceRef[] {
    if (this.buf.length) this.scan(this.buf);
    this.buf = [];
    return this.out.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private add(r: SourceRef): void {
    const key = `${r.line}:${r.column}:${r.id}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push(r);
  }

  private column(rec: RefRecord, offset: number): number {
    return rec.col0 + (rec.json ? JSON.stringify(rec.text.slice(0, offset)).length - 2 : offset) + 1;
  }

  private scan(recs: RefRecord[]): void {
    for (const r of recs) if (r.head && COMMENT_LINE.test(r.text)) this.commentLines.add(unitOf(r));

    if (this.modelfile) {
      for (const r of recs) this.modelfileLine(r);
      return;
    }
    // One text for the block: records of different lines joined by \n (calls may span them),
    // pieces of one line by \0 (no pattern matches across it: the overlap repeats the text).
    const starts: number[] = [];
    let joined = '';
    recs.forEach((r, i) => {
      if (i) joined += unitOf(r) === unitOf(recs[i - 1]!) ? '\u0000' : '\n';
      starts.push(joined.length);
      joined += r.text;
    });
    const at = (off: number): number => lastAtOrBefore(starts.length, (i) => starts[i]!, off);
    for (const { kind, re, literal } of CALL_PATTERNS) {
      if (!joined.includes(literal)) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(joined)) !== null) {
        const startRec = recs[at(m.index)]!;
        if (this.commentLines.has(unitOf(startRec))) continue;
        const id = m[1]!;
        const idOff = m.index + m[0].lastIndexOf(id);
        const ri = at(idOff);
        const rec = recs[ri]!;
        this.callLines.add(unitOf(rec)).add(unitOf(startRec));
        let k: RefKind = kind;
        if (kind === 'kwarg') k = this.kwargKind(joined, starts, recs, at(m.index), m.index);
        this.add({ id, file: this.file, line: rec.line, column: this.column(rec, idOff - starts[ri]!), kind: k });
      }
    }
    for (const r of recs) this.keyLine(r);
  }

  private kwargKind(joined: string, starts: number[], recs: RefRecord[], ri: number, off: number): RefKind {
    // back over the current line and up to KWARG_LOOKBACK previous lines
    let first = ri;
    let lines = 0;
    while (first > 0 && lines < KWARG_LOOKBACK) {
      if (unitOf(recs[first - 1]!) !== unitOf(recs[first]!)) lines++;
      first--;
    }
    const back = joined.slice(starts[first]!, off);
    const llm = back.lastIndexOf('LLM(');
    const pipe = back.lastIndexOf('pipeline(');
    if (llm < 0 && pipe < 0) return 'kwarg';
    return llm > pipe ? 'vllm' : 'pipeline';
  }

  private keyLine(r: RefRecord): void {
    // every model id has a slash: most lines of data files are out before the regex
    if (!r.head || !r.text.includes('/') || this.commentLines.has(unitOf(r)) || this.callLines.has(unitOf(r))) return;
    const k = KEY_LINE.exec(r.text);
    if (!k || !MODEL_KEY.test(k[1]!)) return;
    const id = k[2]!;
    const off = k.index + k[0].lastIndexOf(id);
    this.add({ id, file: this.file, line: r.line, column: this.column(r, off), kind: ENV_LINE.test(r.text) ? 'env' : 'config-key' });
  }

  private modelfileLine(r: RefRecord): void {
    if (!r.head) return;
    const m = MODELFILE_FROM.exec(r.text);
    if (!m) return;
    const id = m[1]!;
    // Local weights (./model.gguf, /abs/path) are not model ids.
    if (/^[./~]/.test(id) || /\.(?:gguf|bin|safetensors)$/i.test(id)) return;
    this.add({ id, file: this.file, line: r.line, column: this.column(r, m[0].length - id.length), kind: 'modelfile' });
  }
}

/** References in one file's text. `file` is the posix path reported. */
export function findRefsInText(text: string, file: string): SourceRef[] {
  const s = new RefScanner(file);
  for (const r of recordsOf(text)) s.push(r);
  return s.end();
}

/** Stream a file through the scanner: bounded memory for any size and any line length. */
async function scanStream(path: string, file: string): Promise<SourceRef[]> {
  const scanner = new RefScanner(file);
  const splitter = new LineSplitter((r) => scanner.push(r));
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    // a BOM is not part of the first line (editors do not count it as a column)
    splitter.push(first ? (chunk as string).replace(/^\uFEFF/, '') : chunk as string);
    first = false;
  }
  splitter.end();
  return scanner.end();
}

export interface FindRefsOptions {
  /** Largest notebook parsed as JSON (cell by cell); larger ones are scanned as raw text, with a warning. */
  maxFileBytes?: number;
  /** The run's total-bytes budget (maxTotalBytes): each scanned file is charged; running out throws LIMIT. */
  budget?: ReadBudget;
}

/** Scan files (absolute paths under `root`) for model references. */
export async function findSourceRefs(root: string, files: string[], opts: FindRefsOptions = {}): Promise<{ refs: SourceRef[]; warnings: Warning[] }> {
  const maxNotebook = opts.maxFileBytes ?? 4 * 1024 * 1024;
  const refs: SourceRef[] = [];
  const warnings: Warning[] = [];
  for (const f of files) {
    const rel = toPosix(relative(root, f));
    try {
      const st = await stat(f);
      opts.budget?.charge(st.size, rel);
      if (/\.ipynb$/i.test(f)) {
        if (st.size <= maxNotebook) {
          const nb = notebookRecords(await readFile(f, 'utf8'));
          if (nb.ok) {
            const s = new RefScanner(rel);
            for (const r of nb.records) s.push(r);
            refs.push(...s.end());
            continue;
          }
          warnings.push({ code: 'NOTEBOOK_RAW_SCAN', message: `not a valid notebook (${nb.error}): scanned as plain text`, path: rel });
        } else {
          warnings.push({ code: 'NOTEBOOK_RAW_SCAN', message: `notebook of ${st.size} bytes is over ${maxNotebook} (limits.maxFileBytes): scanned as raw JSON text, markdown cells included`, path: rel });
        }
      }
      refs.push(...await scanStream(f, rel));
    } catch (e) {
      if (isOmlError(e) && e.code === 'LIMIT') throw e;
      warnings.push({ code: 'EACCES', message: `cannot read for model references: ${(e as Error).message}`, path: rel });
    }
  }
  return { refs, warnings };
}

/** Every regular expression used to find references (exported for the ReDoS safety test). */
export const REF_REGEXES: RegExp[] = [...CALL_PATTERNS.map((p) => p.re), KEY_LINE, MODEL_KEY, MODELFILE_FROM, COMMENT_LINE, ENV_LINE];
