// The virtual modules of src/integrations/projector-data.ts, as the figures' scripts see them
// (their shapes are those of src/lib/tours.ts).
declare module 'virtual:projector/labels' {
  /** Per language: the toolbar's "Tour" and "Present" buttons, as HTML. */
  export const tourButtons: Record<string, string>;
}

declare module 'virtual:projector/tours' {
  /** Per language: the tour's words and each diagram's steps. */
  const data: Record<
    string,
    {
      words: Record<import('../../lib/tours.ts').ProjectorWord, string>;
      tours: Record<string, import('../../lib/tours.ts').TourStep[]>;
    }
  >;
  export default data;
}
