// <quiz-question>: loaded on first use by boot.ts; its "Check answer" button gives feedback on
// the chosen option (the verdict and why that option is right or wrong; after a wrong one,
// also the right answer and why) and tells the page which answer it was (a `quiz-answer`
// event; in the SCORM package the course-platform runtime, src/scorm/runtime.ts, listens for
// it; elsewhere nobody does). Choosing an option answers nothing: arrow keys choose as they
// move, and a keyboard reader must be able to read every option before answering.

/** The detail of the `quiz-answer` event: the question's radio group, the option, and whether it is right. */
export interface QuizAnswer {
  question: string;
  choice: number;
  right: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-answer': CustomEvent<QuizAnswer>;
  }
}

/** One question: gives feedback on the chosen option when its answer is checked. */
class QuizQuestion extends HTMLElement {
  /** The option last checked, so that checking it again unchanged is not told twice. */
  #told: HTMLInputElement | null = null;

  connectedCallback(): void {
    // A press made before this code ran (it loads on first use) is replayed by boot.ts.
    this.querySelector('.quiz-check')?.addEventListener('click', this);
    // Each option is described by the feedback, so a reader moving through the options after
    // answering hears it again. Only this code ever fills the feedback, so the link is made
    // here, not in every page's markup.
    const feedback = this.querySelector('.quiz-feedback');
    const radios = this.querySelectorAll('input');
    if (!feedback || !radios[0]) return;
    feedback.id = `${radios[0].name}-feedback`;
    for (const radio of radios) radio.setAttribute('aria-describedby', feedback.id);
  }

  handleEvent(): void {
    const chosen = this.querySelector('input[type="radio"]:checked');
    if (chosen instanceof HTMLInputElement) this.answer(chosen);
    else this.#say(this.#words['choose'] ?? '');
  }

  /** The words all questions of the self-check share, kept on its section (Quiz.astro). */
  get #words(): DOMStringMap {
    return this.closest<HTMLElement>('.quiz')?.dataset ?? {};
  }

  #say(text: string): void {
    const feedback = this.querySelector('.quiz-feedback');
    if (feedback) feedback.textContent = text;
  }

  /** Option `i` as the answer behind <details> names it: "A – its text" (Quiz.astro). */
  #named(i: number): string {
    const [, letter, text] = this.querySelectorAll('label')[i]?.children ?? [];
    return `${letter?.textContent} – ${text?.textContent}`;
  }

  /**
   * Why option `i` is right or wrong, read from the answer behind <details> (Quiz.astro): the
   * right option's explanation follows its bold "Answer: A – …." line; each other option's
   * is a list item, in option order, after its name and a colon ("B – …: why").
   */
  #why(i: number): string {
    const details = this.querySelector('details');
    const answer = Number(this.dataset['answer']);
    if (i === answer)
      return details?.querySelector('strong')?.nextSibling?.textContent?.trim() ?? '';
    const item = details?.querySelectorAll('li')[i < answer ? i : i - 1]?.textContent ?? '';
    return item.slice(this.#named(i).length + 1).trim();
  }

  /** Shows whether the chosen option is right and tells the page which it was. */
  answer(input: HTMLInputElement): void {
    const right = input.value === this.dataset['answer'];
    this.dataset['result'] = right ? 'right' : 'wrong';
    for (const label of this.querySelectorAll('label')) delete label.dataset['state'];
    const label = input.closest('label');
    if (label) label.dataset['state'] = right ? 'right' : 'wrong';
    const { right: yes, wrong: no, rightIs = '' } = this.#words;
    const chosen = Number(input.value);
    const answer = Number(this.dataset['answer']);
    this.#say(
      right
        ? `${yes} ${this.#why(chosen)}`
        : `${no} ${this.#why(chosen)} ${rightIs.replace('{answer}', this.#named(answer))} ${this.#why(answer)}`,
    );
    // The answer with its citations stays one click away, and open once answered.
    const details = this.querySelector('details');
    if (details && right) details.open = true;
    // The first answer stays on the question, for a listener that comes late (the SCORM runtime).
    this.dataset['first'] ??= input.value;
    if (input === this.#told) return;
    this.#told = input;
    const detail: QuizAnswer = { question: input.name, choice: Number(input.value), right };
    this.dispatchEvent(new CustomEvent('quiz-answer', { bubbles: true, detail }));
  }
}

customElements.define('quiz-question', QuizQuestion);
