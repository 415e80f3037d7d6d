// Byte budgets of the built site: every figure a reader's browser pays on a first visit,
// compressed as a host sends it (gzip, zlib's default level 6). They are deterministic, so
// they are tests (tests/unit/budgets.test.ts); speed, which is not, goes to `npm run bench`.
// Raise a budget only with a reason as good as the one written beside it.

const KB = 1024;

export const budgets = {
  /**
   * A content page's HTML plus its stylesheets: 14 KB. A new TCP connection may send about
   * ten segments before the first acknowledgement (initial congestion window, RFC 6928:
   * 10 × 1,460 bytes ≈ 14.6 KB), so a page within this arrives in the first round trip and
   * can render without waiting for another one, even on a slow, high-latency link.
   */
  htmlCss: 14 * KB,

  /**
   * What each interactive diagram may add to its page's HTML + CSS: 2 KB. A diagram is
   * rendered complete on the server (SVG, controls, explanations with their citations, a
   * text alternative and its styles), so that it teaches without script and in print; that
   * costs 1.5–2.5 KB compressed. The page without its figures still has to fit `htmlCss`.
   */
  perDiagram: 2 * KB,

  /**
   * All script a page without diagrams loads when it opens (inline and files, with their
   * static imports): 1.5 KB. Such a page is text; its only scripts are the theme switch (and
   * the no-flash theme snippet) and the hooks that load each feature when a reader first
   * asks for it: search, copy links and QR codes, the offline copy. The features themselves
   * load only then. Anything more is script the reader did not ask for.
   */
  scriptWithoutDiagrams: 1.5 * KB,

  /**
   * Each diagram's own script (its custom element with its static imports): 4.25 KB. The
   * figure is complete as server-rendered SVG; the script only adds interaction, so it must
   * stay small enough to cost no noticeable time on a slow phone, and a page with several
   * diagrams still loads less script than one typical web font. It was 4 KB until every
   * figure offered a tour and projector mode: their two buttons and the hook that loads the
   * projector on first use are in each figure's script (about 0.3 KB); the projector itself
   * (3.6 KB) loads only when asked for.
   */
  scriptPerDiagram: 4.25 * KB,

  /**
   * The SCORM runtime (the launch page's scripts, loaded only inside a course platform): 3 KB.
   * It runs once per session beside the site's own scripts, on the school and library
   * computers course platforms are used on; finding the API, keeping state and reporting
   * progress is small work and must stay small code.
   */
  scormRuntime: 3 * KB,

  /**
   * Each web font file: 25 KB (as served: woff2 is compressed already). The body face comes
   * with the first page; more than one subset of one weight would make a reader on a slow
   * link wait for letters, and a page's words are what it is for.
   */
  fontFile: 25 * KB,
} as const;

/**
 * Pages whose purpose is a script-driven tool and that therefore sit outside the 1 KB
 * script budget: the search page (`/<lang>/search/`) runs the search as soon as it opens
 * to show the results for `?q=`; the teachers' page completes the addresses it shows with the
 * page's own origin. Their weight is reported by `npm run bench`.
 */
/**
 * Pages outside the HTML + CSS budget: the handout (`/<lang>/handout/`) is every page of
 * the site in one document, made to be printed or saved as PDF, not to be read first on a
 * phone; its weight is the sum of the pages and is reported by the test and the benchmark.
 */
export const htmlCssBudgetExempt: readonly RegExp[] = [/^\/(de|en)\/handout\/$/];

export const scriptBudgetExempt: readonly RegExp[] = [
  /^\/(de|en)\/search\/$/,
  // The teachers' page shows full addresses in the open (examples, citations, embed code);
  // they carry the reader's own origin, which only a script can put in when the page opens.
  /^\/(de|en)\/teachers\/$/,
];
