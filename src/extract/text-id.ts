/**
 * A number for each text seen (interned): memo keys made of a few numbers instead of whole sentences, so a key costs
 * neither the copy of its texts nor a hash of them (a text's hash is kept on the string once computed). Numbers are
 * never reused: when the table is full it is cleared and a text seen again gets a new number (a memo miss, never a
 * wrong hit).
 */
const MAX_TEXTS = 50_000;
const ids = new Map<string, number>();
let next = 0;

/** The number of text. */
export function textId(text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    if (ids.size >= MAX_TEXTS) ids.clear();
    ids.set(text, (id = next++));
  }
  return id;
}
