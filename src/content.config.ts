// Every collection of the site and its schema: read this first to know the data.
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { quizConcepts } from './components/course/quiz/concepts.ts';
import { synonymSchema } from './lib/search/synonyms.ts';

/** Article passages P1 … P7, in the article's order (see the seed README). */
const passage = z.enum(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);

/** Text in both languages of the site. Strict, so a stray comma in a YAML flow mapping
 * (`{ de: one, two, en: … }`), which cuts the text and adds a key, fails the build. */
const bilingual = z
  .object({
    /** German. */
    de: z.string().min(1),
    /** English. */
    en: z.string().min(1),
  })
  .strict();

/** The prose: one MDX file per topic and language, `de/<slug>.mdx` and `en/<slug>.mdx`. */
const pages = defineCollection({
  loader: glob({ pattern: '{de,en}/*.mdx', base: './src/content/pages' }),
  schema: z.object({
    /** The page's `<h1>` and, with the site name, its `<title>`. */
    title: z.string().min(1),
    /** Short label for navigation; defaults to the title. */
    navLabel: z.string().min(1).optional(),
    /** The meta description: one or two sentences, shown by search engines. */
    description: z.string().min(20).max(200),
    /** Position in the reading order (previous/next links, navigation). */
    order: z.number().int().positive(),
    /**
     * Part of the reading order: listed in the page navigation and linked by previous/next.
     * An unlisted page is still built and reachable by its URL, the sitemap and search; the
     * benchmark's thousands of generated pages are unlisted, so the list on every page stays
     * the curated topics and output grows linearly with content.
     */
    listed: z.boolean().default(true),
    /** In the search index. The handout repeats every page, so results lead to the pages. */
    searchable: z.boolean().default(true),
  }),
});

/** The article's claims in our own words; pages cite them by id. */
const claims = defineCollection({
  loader: file('src/content/claims.yaml'),
  schema: z.object({
    /** The article passage the claim retells. */
    passage,
    /** The claim in German, in our own words. */
    de: z.string().min(1),
    /** The claim in English, in our own words. */
    en: z.string().min(1),
  }),
});

/** The few facts beyond the article that the site may add, each with its reference. */
const context = defineCollection({
  loader: file('src/content/context.yaml'),
  schema: z.object({
    /** The fact in German, in our own words; English words in it marked `[words]{lang=en}`. */
    de: z.string().min(1),
    /** The fact in English, in our own words. */
    en: z.string().min(1),
    /**
     * Where the fact comes from, per language, shown beside it and on the sources page; a
     * title in the other language marked `[title]{lang=en}` (src/lib/lang-parts.ts).
     */
    reference: bilingual,
  }),
});

/**
 * The site's readings: sentences that join claims the article places side by side, where
 * a student needs the link made. A reading adds no fact; it is shown as the site's reading,
 * apart from claims and context, cites every claim it joins and is listed on the sources page.
 */
const readings = defineCollection({
  loader: file('src/content/readings.yaml'),
  schema: z.object({
    /** The reading in German, in our own words. */
    de: z.string().min(1),
    /** The reading in English, in our own words. */
    en: z.string().min(1),
    /** The article's claims it joins: two or more. */
    joins: z.array(reference('claims')).min(2),
  }),
});

/** Glossary terms, each resting on the claims (or context facts) it cites. */
const glossary = defineCollection({
  loader: file('src/content/glossary.yaml'),
  schema: z.object({
    /** The term as shown, per language. */
    term: bilingual,
    /** What the term means in the article's story, per language (other-language words marked `[words]{lang=en}`). */
    definition: bilingual,
    /** Article claims the definition rests on. */
    claims: z.array(reference('claims')).default([]),
    /** Context facts the definition rests on. */
    context: z.array(reference('context')).default([]),
  }),
});

/** A claim id or a context-fact id (ctx-…), checked against the data by the unit tests. */
const sourceId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/**
 * What the diagrams say: each caption, note, step, layer label or reason that tells
 * something about virtualization, keyed `<diagram>.<statement>`, with the ids it rests on.
 */
const diagrams = defineCollection({
  loader: file('src/content/diagrams.yaml'),
  schema: z.object({
    /** German wording; `{n}` placeholders are filled in by the diagram. */
    de: z.string().min(1),
    /** English wording. */
    en: z.string().min(1),
    /** Claims and context facts the statement rests on, the same for both languages. */
    cites: z.array(sourceId).min(1),
  }),
});

/**
 * The tours: per diagram (the entry's id), the views a teacher steps through in a lecture,
 * in order, each with a short title that cites like every statement (src/content/tours.yaml).
 */
const tours = defineCollection({
  loader: file('src/content/tours.yaml'),
  schema: z.object({
    steps: z
      .array(
        z.object({
          /** The view as the figure's fragment writes it after `<diagram>=`. */
          state: z.string().min(1),
          /** The statements (keys of diagrams.yaml without the prefix) the view shows. */
          shows: z.array(z.string().min(1)).min(1),
          /** The step's short title in German. */
          de: z.string().min(1),
          /** The step's short title in English. */
          en: z.string().min(1),
          /** What the title rests on: only ids its shown statements cite. */
          cites: z.array(sourceId).min(1),
        }),
      )
      .min(2),
  }),
});

/** Self-checks: the questions at the end of a content page, one entry per page slug. */
const quiz = defineCollection({
  loader: file('src/content/quiz.yaml'),
  schema: z.object({
    /** Two to four multiple-choice questions on what the page taught. */
    questions: z
      .array(
        z
          .object({
            /** The idea the question tests (src/components/course/quiz/concepts.ts). */
            concept: z.enum(quizConcepts),
            /** The question, per language. */
            question: bilingual,
            /**
             * The choices, in the order shown: each with why it is right or wrong, in our own
             * words, per language. A reader who answers is told the explanation of the option
             * chosen and that of the right one; without script all are behind "Show the answer".
             */
            options: z
              .array(z.object({ text: bilingual, why: bilingual }).strict())
              .min(3)
              .max(5),
            /** Index (from 0) of the right option. */
            answer: z.number().int().min(0),
            /** Article claims the question, its options and their explanations rest on. */
            claims: z.array(reference('claims')).min(1),
            /** Context facts they rest on (shown marked, with their reference). */
            context: z.array(reference('context')).default([]),
          })
          .strict()
          .refine((q) => q.answer < q.options.length, {
            message: '`answer` must be the index of one of the options',
            path: ['answer'],
          }),
      )
      .min(2)
      .max(4),
  }),
});

/**
 * The readers' words for search, one table per language (`synonyms/de.yaml`,
 * `synonyms/en.yaml`): the build routes each reader's word to where the site uses its own.
 */
const synonyms = defineCollection({
  loader: glob({ pattern: '{de,en}.yaml', base: './src/content/synonyms' }),
  schema: z.object({
    /** Rows in any order; a reader's word may lead to several of the site's words. */
    synonyms: z.array(
      synonymSchema.extend({
        /** The context entry that supports the equation, where the article does not. */
        context: reference('context').optional(),
      }),
    ),
  }),
});

export const collections = {
  pages,
  claims,
  context,
  readings,
  diagrams,
  tours,
  glossary,
  quiz,
  synonyms,
};
