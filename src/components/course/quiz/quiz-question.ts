// <quiz-question>: loaded on first use by boot.ts; gives feedback on the chosen answer and
// tells the page which answer it was (a `quiz-answer` event; in the SCORM package the
// course-platform runtime, src/scorm/runtime.ts, listens for it; elsewhere nobody does).

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

/** One question: gives feedback as soon as an option is chosen, by mouse or keyboard. */
class QuizQuestion extends HTMLElement {
  connectedCallback(): void {
    this.addEventListener('change', this);
    // An answer chosen before this code ran (it loads on first use) is answered now.
    const chosen = this.querySelector('input[type="radio"]:checked');
    if (chosen instanceof HTMLInputElement) this.answer(chosen);
  }

  handleEvent(event: Event): void {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'radio') this.answer(input);
  }

  /** Shows whether the chosen option is right and tells the page which it was. */
  answer(input: HTMLInputElement): void {
    const right = input.value === this.dataset['answer'];
    this.dataset['result'] = right ? 'right' : 'wrong';
    for (const label of this.querySelectorAll('label')) delete label.dataset['state'];
    const label = input.closest('label');
    if (label) label.dataset['state'] = right ? 'right' : 'wrong';
    const feedback = this.querySelector('.quiz-feedback');
    const explanation = this.querySelector('.quiz-explanation')?.textContent ?? '';
    if (feedback) {
      const verdict = (right ? this.dataset['right'] : this.dataset['wrong']) ?? '';
      feedback.textContent = `${verdict} ${explanation}`;
    }
    // The answer with its citations stays one click away, and open once answered.
    const details = this.querySelector('details');
    if (details && right) details.open = true;
    const detail: QuizAnswer = { question: input.name, choice: Number(input.value), right };
    this.dispatchEvent(new CustomEvent('quiz-answer', { bubbles: true, detail }));
  }
}

customElements.define('quiz-question', QuizQuestion);
