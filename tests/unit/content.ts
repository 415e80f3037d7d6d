// Reads the site's content straight from src/content for the unit tests: the same files
// Astro's loaders read, without Astro.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { languages, type Lang } from '../../src/i18n/ui.ts';
import type { TourEntry } from '../../src/lib/tours.ts';

const root = new URL('../../src/content/', import.meta.url);

export interface PageFile {
  lang: Lang;
  slug: string;
  /** Raw MDX including front matter. */
  source: string;
  /** The MDX body after the front matter. */
  body: string;
  frontmatter: Record<string, unknown>;
}

export interface Claim {
  id: string;
  passage: string;
  de: string;
  en: string;
}

export interface GlossaryTerm {
  id: string;
  term: Record<Lang, string>;
  definition: Record<Lang, string>;
  claims?: string[];
  context?: string[];
}

/** Every MDX page of both languages. */
export function pageFiles(): PageFile[] {
  return languages.flatMap((lang) =>
    readdirSync(new URL(`pages/${lang}/`, root))
      .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
      .map((name) => {
        const source = readFileSync(new URL(`pages/${lang}/${name}`, root), 'utf8');
        const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
        return {
          lang,
          slug: name.replace(/\.mdx$/, ''),
          source,
          body: match?.[2] ?? source,
          frontmatter: (match ? parse(match[1] ?? '') : {}) as Record<string, unknown>,
        };
      }),
  );
}

const yaml = <T>(name: string): T => parse(readFileSync(new URL(name, root), 'utf8')) as T;

export const claims = (): Claim[] => yaml<Claim[]>('claims.yaml');
export const contextFacts = (): { id: string; reference: Record<'de' | 'en', string> }[] =>
  yaml('context.yaml');
export const glossary = (): GlossaryTerm[] => yaml<GlossaryTerm[]>('glossary.yaml');

/** One of the site's readings (src/content/readings.yaml): claims joined by the site. */
export interface Reading {
  id: string;
  de: string;
  en: string;
  /** The claim ids it joins. */
  joins: string[];
}
export const readings = (): Reading[] => yaml<Reading[]>('readings.yaml');

/** One statement a diagram shows (src/content/diagrams.yaml). */
export interface DiagramStatement {
  id: string;
  de: string;
  en: string;
  cites: string[];
}
export const diagramStatements = (): DiagramStatement[] =>
  yaml<DiagramStatement[]>('diagrams.yaml');
export const tours = (): TourEntry[] => yaml<TourEntry[]>('tours.yaml');

/** One option of a self-check question: its text and why it is right or wrong. */
export interface QuizOption {
  text: Record<Lang, string>;
  why: Record<Lang, string>;
}

/** One self-check question (src/content/quiz.yaml). */
export interface QuizQuestion {
  /** The idea it tests (src/components/course/quiz/concepts.ts). */
  concept: string;
  question: Record<Lang, string>;
  options: QuizOption[];
  answer: number;
  claims: string[];
  context?: string[];
}
export const quizzes = (): { id: string; questions: QuizQuestion[] }[] => yaml('quiz.yaml');

/** A terminology sheet's rules, each pattern compiled to match whole words. */
export function terminologyRules(lang: Lang): { prefer: string; re: RegExp }[] {
  return yaml<{ prefer: string; avoid: string[] }[]>(`terminology/${lang}.yaml`).flatMap(
    ({ prefer, avoid }) =>
      avoid.map((pattern) => ({
        prefer,
        re: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u'),
      })),
  );
}

/** Where `text` breaks `rules`: each hit with some words around it and the word to use. */
export function terminologyHits(
  rules: { prefer: string; re: RegExp }[],
  where: string,
  text: string,
): string[] {
  return rules.flatMap(({ prefer, re }) => {
    const hit = re.exec(text);
    return hit
      ? [`${where}: "${text.slice(Math.max(0, hit.index - 30), hit.index + 40)}" (use ${prefer})`]
      : [];
  });
}
