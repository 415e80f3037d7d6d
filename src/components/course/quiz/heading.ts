/** The self-check heading's id: from its text, like every heading id on the site. */
export function quizHeadingId(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
}
