// The components every MDX page may use without importing them. Diagrams are imported by
// the pages that show them, so that only those pages load the diagrams' styles.
import A from './A.astro';
import Cite from './Cite.astro';
import Context from './Context.astro';
import GlossaryList from './GlossaryList.astro';
import GlossaryTerm from './GlossaryTerm.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import SourcesList from './SourcesList.astro';
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
  SourcesList,
};
