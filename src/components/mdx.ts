// The components every MDX page may use without importing them.
import A from './A.astro';
import Cite from './Cite.astro';
import Context from './Context.astro';
import GlossaryList from './GlossaryList.astro';
import GlossaryTerm from './GlossaryTerm.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import SourcesList from './SourcesList.astro';
import Table from './Table.astro';
import ArchitectureFit from './diagrams/architecture-fit/Diagram.astro';
import DeviceSharing from './diagrams/device-sharing/Diagram.astro';
import IoPath from './diagrams/io-path/Diagram.astro';
import LayerStack from './diagrams/layer-stack/Diagram.astro';

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
  LayerStack,
  DeviceSharing,
  IoPath,
  ArchitectureFit,
};
