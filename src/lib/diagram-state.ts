// The state of an interactive diagram in the URL fragment, so a link restores one view:
// `#<diagram-id>=<value>[,<key>=<value>…]`, e.g. `#io-path=hosted,step=3`. Pure functions
// shared by the diagrams' custom elements and the unit tests. Anything that does not fit a
// diagram's spec (other ids, unknown keys, values out of range, junk) reads as "no state",
// and the diagram shows its default view.

/** What a diagram accepts: allowed main values and allowed values per key. */
export interface StateSpec {
  /** The allowed main values (the part right after `<id>=`). */
  main: readonly string[] | RegExp;
  /** Optional keys and their allowed values; a missing key means its default. */
  keys?: Readonly<Record<string, readonly string[] | RegExp>>;
}

export interface DiagramState {
  main: string;
  /** Key/value pairs in the order they appeared. */
  params: Record<string, string>;
}

const allowed = (rule: readonly string[] | RegExp, value: string): boolean =>
  Array.isArray(rule) ? rule.includes(value) : (rule as RegExp).test(value);

/** Reads `hash` (with or without `#`) for diagram `id`; null when absent or invalid. */
export function parseState(hash: string, id: string, spec: StateSpec): DiagramState | null {
  let text = hash.replace(/^#/, '');
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  if (text.length > 200 || !text.startsWith(`${id}=`)) return null;
  const [main = '', ...pairs] = text.slice(id.length + 1).split(',');
  if (!allowed(spec.main, main)) return null;
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) return null;
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const rule = spec.keys && Object.hasOwn(spec.keys, key) ? spec.keys[key] : undefined;
    if (!rule || Object.hasOwn(params, key) || !allowed(rule, value)) return null;
    params[key] = value;
  }
  return { main, params };
}

/** The fragment (without `#`) for a state of diagram `id`. */
export function formatState(id: string, state: DiagramState): string {
  const pairs = Object.entries(state.params).map(([key, value]) => `${key}=${value}`);
  return [`${id}=${state.main}`, ...pairs].join(',');
}
