// The components every MDX page may use without importing them. Diagrams are imported by
// the pages that show them, so that only those pages load the diagrams' styles.
import A from './A.astro';
import Cite from '../grounding/Cite.astro';
import Context from '../grounding/Context.astro';
import GlossaryList from '../course/glossary/GlossaryList.astro';
import GlossaryTerm from '../course/glossary/GlossaryTerm.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import Reading from '../grounding/Reading.astro';
import SourcesList from '../grounding/SourcesList.astro';
import Table from './Table.astro';

export const mdxComponents = {
  a: A,
  h2: H2,
  h3: H3,
  table: Table,
  Cite,
  Context,
  GlossaryList,
  GlossaryTerm,
  Reading,
  SourcesList,
};
