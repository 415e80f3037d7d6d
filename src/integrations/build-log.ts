// What the build log leaves out, and why: only the known upstream warning that carries no
// meaning for this site. Every other warning is shown.

/** A log entry as the bundler (Rolldown, under Vite) hands it to `onLog`. */
export interface BundlerLog {
  code?: string | undefined;
  message: string;
}

/**
 * True for the bundler's `MODULE_LEVEL_DIRECTIVE` warning about the `"use astro:head-inject"`
 * directive, printed once for every MDX page: Astro writes the directive into the module it
 * makes for each content entry (`<page>.mdx?astroPropagatedAssets`), and Rolldown says it may
 * not keep it. It is Astro's own upstream warning, nothing this site can act on
 * (withastro/astro#18087, fix verified upstream: drop this filter once Astro ships it).
 * Any other directive, and any other warning, is kept.
 */
export const isHeadInjectDirectiveWarning = (log: BundlerLog): boolean =>
  log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');

/** Rolldown's `onLog`: passes every log on except {@link isHeadInjectDirectiveWarning}. */
export function onLog<L extends BundlerLog>(
  level: string,
  log: L,
  handler: (level: never, log: L) => void,
): void {
  if (level === 'warn' && isHeadInjectDirectiveWarning(log)) return;
  handler(level as never, log);
}
