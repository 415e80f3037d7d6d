// <quiz-question>: loaded on first use by boot.ts; its "Check answer" button gives feedback on
// the chosen option and tells the page which answer it was (a `quiz-answer` event; in the
// SCORM package the course-platform runtime, src/scorm/runtime.ts, listens for it; elsewhere
// nobody does). Choosing an option answers nothing: arrow keys choose as they move, and a
// keyboard reader must be able to read every option before answering.

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
  }

  handleEvent(): void {
    const chosen = this.querySelector('input[type="radio"]:checked');
    if (chosen instanceof HTMLInputElement) this.answer(chosen);
    else this.#say(this.dataset['choose'] ?? '');
  }

  #say(text: string): void {
    const feedback = this.querySelector('.quiz-feedback');
    if (feedback) feedback.textContent = text;
  }

  /** Shows whether the chosen option is right and tells the page which it was. */
  answer(input: HTMLInputElement): void {
    const right = input.value === this.dataset['answer'];
    this.dataset['result'] = right ? 'right' : 'wrong';
    for (const label of this.querySelectorAll('label')) delete label.dataset['state'];
    const label = input.closest('label');
    if (label) label.dataset['state'] = right ? 'right' : 'wrong';
    const explanation = this.querySelector('.quiz-explanation')?.textContent ?? '';
    const verdict = (right ? this.dataset['right'] : this.dataset['wrong']) ?? '';
    this.#say(`${verdict} ${explanation}`);
    // The answer with its citations stays one click away, and open once answered.
    const details = this.querySelector('details');
    if (details && right) details.open = true;
    if (input === this.#told) return;
    this.#told = input;
    const detail: QuizAnswer = { question: input.name, choice: Number(input.value), right };
    this.dispatchEvent(new CustomEvent('quiz-answer', { bubbles: true, detail }));
  }
}

customElements.define('quiz-question', QuizQuestion);
