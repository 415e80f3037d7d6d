// The virtual modules of src/integrations/projector-data.ts, as the figures' scripts see them.
declare module 'virtual:projector/labels' {
  /** Per language: the toolbar's "Tour" and "Present" buttons, as HTML. */
  export const tourButtons: Record<string, string>;
}

declare module 'virtual:projector/tours' {
  import type { ProjectorWord, TourStep } from '../../lib/tours.ts';
  /** Per language: the tour's words and each diagram's steps. */
  const data: Record<
    string,
    { words: Record<ProjectorWord, string>; tours: Record<string, TourStep[]> }
  >;
  export default data;
}
