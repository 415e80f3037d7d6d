// The virtual modules of src/integrations/projector-data.ts, as the figures' scripts see them
// (the shapes of src/lib/tours.ts, written out: an ambient module cannot import them).
declare module 'virtual:projector/labels' {
  /** Per language: the toolbar's "Tour" and "Present" buttons, as HTML. */
  export const tourButtons: Record<string, string>;
}

declare module 'virtual:projector/tours' {
  /** Per language: the tour's words and each diagram's steps. */
  const data: Record<
    string,
    {
      words: Record<
        'present' | 'tour' | 'group' | 'back' | 'next' | 'step' | 'leave' | 'qr',
        string
      >;
      tours: Record<string, { state: string; title: string; cites: string[] }[]>;
    }
  >;
  export default data;
}
