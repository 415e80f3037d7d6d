// Rebuilds the search indexes of a built site without rebuilding it: `node
// scripts/search-index.ts [dir]` (default dist/). `astro build` does the same through the
// integration in src/integrations/search-index.ts.
import { buildSearch } from '../src/integrations/search-index.ts';

await buildSearch(process.argv[2] ?? 'dist');
