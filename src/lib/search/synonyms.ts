// The readers' words: one table per language (src/content/synonyms/<lang>.yaml), content
// data reviewed like the pages. Each entry names the site's word and the words readers type
// for the same thing; the search build routes the readers' words to where the site uses
// its own (src/lib/search/enrich.ts). The schema is shared by the content collection and
// the build.
import { z } from 'astro/zod';

/** One row of a synonym table. */
export const synonymSchema = z.object({
  /** The site's word or phrase, as the pages write it (any inflection is found). */
  site: z.string().min(1),
  /** What readers type for the same thing: other words, abbreviations, English terms. */
  readers: z.array(z.string().min(1)).min(1),
  /** The context entry that supports the equation, where the article does not. */
  context: z.string().optional(),
});

/** A language's synonym table. */
export const synonymTableSchema = z.object({
  /** Rows in any order; a reader's word may lead to several of the site's words. */
  synonyms: z.array(synonymSchema),
});

export type Synonym = z.infer<typeof synonymSchema>;
