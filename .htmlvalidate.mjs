// html-validate configuration for every built page (`npm run test:html`): the recommended
// rules. One is made stricter for the Content Security Policy: no inline style attribute
// at all (the rule's default would allow `display`). One is narrowed, with its reason
// beside it.
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': ['error', { allowedProperties: [] }],
    // The diagrams' choices and switches are <button role="radio"> / role="switch", the
    // WAI-ARIA Authoring Practices patterns: their state lives in aria-checked (which the
    // diagrams' URL state and tests read) and Enter/Space/arrow keys act on them as the
    // patterns prescribe. Every other role must still use its native element.
    'prefer-native-element': ['error', { exclude: ['radio', 'switch'] }],
  },
};
