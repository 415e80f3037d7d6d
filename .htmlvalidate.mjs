// html-validate configuration for every built page (`npm run test:html`): the recommended
// rules, none switched off. One is made stricter for the Content Security Policy: no
// inline style attribute at all (the rule's default would allow `display`).
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': ['error', { allowedProperties: [] }],
  },
};
