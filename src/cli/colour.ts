/**
 * Colour for the terminal: only when the stream is a TTY, unless the
 * environment says otherwise. FORCE_COLOR (any value but 0/false) turns it on,
 * FORCE_COLOR=0 and NO_COLOR (any non-empty value) turn it off; FORCE_COLOR
 * wins over NO_COLOR (as in Node.js itself). TERM=dumb has no colour.
 */
export type Env = Record<string, string | undefined>;

export function colourEnabled(isTTY: boolean, env: Env = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export type Tone = 'good' | 'caution' | 'bad' | 'plain';

const CODES: Record<Exclude<Tone, 'plain'>, [string, string]> = {
  good: ['\x1b[32m', '\x1b[39m'],
  caution: ['\x1b[33m', '\x1b[39m'],
  bad: ['\x1b[31m', '\x1b[39m'],
};

/** A painter: wraps already-escaped text in the tone's colour, or returns it unchanged when colour is off. */
export function painter(enabled: boolean): (tone: Tone, s: string) => string {
  return (tone, s) => {
    if (!enabled || tone === 'plain') return s;
    const [on, off] = CODES[tone];
    return `${on}${s}${off}`;
  };
}
